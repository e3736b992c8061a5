/**
 * The push and hook paths run from dist/fast-script.cjs with a V8 code cache
 * (src/cli/fast/script-runner.ts): the cache is written after a run that exits with 0, read back
 * by the next, replaced when V8 rejects it, never written by a failing run, off under
 * NODE_DISABLE_COMPILE_CACHE; and without the script (or with a file the build did not write)
 * the same commands run from the ES modules.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commonJsExports } from '../../src/common-js.js';
import { LAZY_MODULES, loadLazy } from '../../src/cli/fast/lazy.js';
import { CACHES_PER_COMMAND } from '../../src/cli/fast/script-runner.js';
import { idlePluginStepEnv } from '../support/buildkite-agent/index.js';
import { newTempDir } from '../support/index.js';
import { BIN, killAllServes, startServe, writeOciLayout } from './registry-cli-support.js';

const ROOT = join(BIN, '../..');

let dir: string;
let host: string;
let layout: { dir: string; digest: string };

beforeAll(async () => {
  dir = newTempDir('fast-script');
  const registry = await startServe(['--listen', '127.0.0.1:0', '--storage', join(dir, 'registry')]);
  host = new URL(registry.url).host;
  layout = writeOciLayout(join(dir, 'layout'), 32 * 1024);
});

afterAll(killAllServes);

/** Pushes the layout with the launcher at `bin`, caching under `cache`. */
function push(
  cache: string,
  options: { bin?: string; to?: string; env?: Record<string, string>; cwd?: string } = {},
) {
  return execa(
    process.execPath,
    [
      options.bin ?? BIN,
      'push',
      `oci:${layout.dir}`,
      '--to',
      options.to ?? `${host}/team/app:v1`,
      '--compression',
      'none',
      '--retries',
      '1',
    ],
    {
      reject: false,
      timeout: 60_000,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      env: { NO_COLOR: '1', XDG_CACHE_HOME: cache, DOCKER_CONFIG: join(dir, 'docker'), ...options.env },
    },
  );
}

/** The script caches under `cache`, by file name. */
function caches(cache: string): string[] {
  const scriptCache = join(cache, 'container-package', 'script-cache');
  return existsSync(scriptCache) ? readdirSync(scriptCache).map((f) => join(scriptCache, f)) : [];
}

describe('dist/fast-script.cjs and its code cache', () => {
  test('a push writes the cache once, 0600 in a 0700 directory, and the next push reads it', async () => {
    const cache = join(dir, 'cache-1');
    const first = await push(cache);
    expect(first.exitCode, first.stderr).toBe(0);
    const [file, ...more] = caches(cache);
    expect(more).toEqual([]);
    const hash = /^\/\/ fast-script ([0-9a-f]{16})\n/.exec(
      readFileSync(join(ROOT, 'dist/fast-script.cjs'), 'latin1'),
    )![1];
    expect(file).toMatch(new RegExp(`/push-${hash}-${process.version}-${process.arch}\\.bin$`));
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    expect(statSync(join(file!, '..')).mode & 0o777).toBe(0o700);
    const written = statSync(file!).mtimeMs;
    const bytes = readFileSync(file!);

    const second = await push(cache);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toContain(`${host}/team/app:v1@${layout.digest}`);
    // Accepted as it is: not written again.
    expect(statSync(file!).mtimeMs).toBe(written);
    expect(readFileSync(file!).equals(bytes)).toBe(true);
  });

  test('a cache V8 rejects is replaced, and the push runs as usual', async () => {
    const cache = join(dir, 'cache-2');
    expect((await push(cache)).exitCode).toBe(0);
    const [file] = caches(cache);
    writeFileSync(file!, Buffer.alloc(4096, 0x5a));
    const run = await push(cache);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain(`@${layout.digest}`);
    expect(readFileSync(file!).equals(Buffer.alloc(4096, 0x5a))).toBe(false);
  });

  test('a failing push writes no cache; NODE_DISABLE_COMPILE_CACHE writes none', async () => {
    const cache = join(dir, 'cache-3');
    const failed = await push(cache, { to: '127.0.0.1:1/team/app:v1' });
    expect(failed.exitCode).not.toBe(0);
    expect(caches(cache)).toEqual([]);
    const off = await push(cache, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(off.exitCode, off.stderr).toBe(0);
    expect(caches(cache)).toEqual([]);
  });

  test('a cache dir that cannot be written costs nothing but the cache', async () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, '');
    const run = await push(file);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain(`@${layout.digest}`);
    expect(run.stderr).not.toMatch(/ENOTDIR|Error:/);
  });

  test('a relative XDG_CACHE_HOME is ignored, as the XDG spec asks: the caches go to ~/.cache', async () => {
    const cwd = join(dir, 'cwd');
    const home = join(dir, 'home');
    mkdirSync(cwd, { recursive: true });
    const run = await push('relative', { cwd, env: { HOME: home } });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(caches(join(home, '.cache'))).toHaveLength(1);
    expect(existsSync(join(home, '.cache', 'container-package', 'compile-cache'))).toBe(true);
  });

  test('writing a cache removes the oldest of that command beyond the few kept', async () => {
    const cache = join(dir, 'cache-prune');
    const scriptCache = join(cache, 'container-package', 'script-cache');
    mkdirSync(scriptCache, { recursive: true });
    // Six caches of earlier builds, a day apart, a hook's cache and a file that is no cache.
    const earlier = Array.from({ length: 6 }, (_, i) => `push-${String(i).repeat(16)}-v22.19.0-x64.bin`);
    for (const [i, name] of earlier.entries()) {
      writeFileSync(join(scriptCache, name), 'old');
      const when = Date.now() / 1000 - (i + 1) * 86_400;
      utimesSync(join(scriptCache, name), when, when);
    }
    writeFileSync(join(scriptCache, 'hook-environment-0000000000000000-v22.19.0-x64.bin'), 'old');
    writeFileSync(join(scriptCache, 'notes.txt'), 'mine');
    const run = await push(cache);
    expect(run.exitCode, run.stderr).toBe(0);
    const left = readdirSync(scriptCache).sort();
    const pushes = left.filter((f) => f.startsWith('push-'));
    expect(pushes).toHaveLength(CACHES_PER_COMMAND);
    // This build's cache and the newest earlier ones stay.
    expect(pushes).toEqual(
      expect.arrayContaining([...earlier.slice(0, CACHES_PER_COMMAND - 1), expect.stringMatching(/-v\d/)]),
    );
    expect(pushes.some((f) => f.includes(process.version))).toBe(true);
    expect(left).toContain('hook-environment-0000000000000000-v22.19.0-x64.bin');
    expect(left).toContain('notes.txt');
  });

  test('each hook keeps its own cache', async () => {
    const cache = join(dir, 'cache-4');
    const job = await execa(process.execPath, [BIN, 'buildkite-hook', 'environment'], {
      reject: false,
      timeout: 60_000,
      env: {
        NO_COLOR: '1',
        XDG_CACHE_HOME: cache,
        TMPDIR: dir,
        ...idlePluginStepEnv(`${host}/team`),
      },
    });
    expect(job.exitCode, job.stderr).toBe(0);
    expect(job.stdout).toMatch(/^export CONTAINER_PACKAGE_STATE_DIR=/m);
    expect(caches(cache).map((f) => f.split('/').pop()!.split('-').slice(0, 2).join('-'))).toEqual([
      'hook-environment',
    ]);
  });

  test.each([
    ['without the script', 'missing', (file: string) => rmSync(file)],
    [
      'with a script the build did not write',
      'foreign',
      (file: string) => writeFileSync(file, 'throw new Error("not ours");\n'),
    ],
  ])('%s, push runs from the ES modules', async (_name, key, spoil) => {
    const copy = join(dir, `copy-${key}`);
    for (const part of ['bin', 'dist', 'package.json'])
      cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    spoil(join(copy, 'dist/fast-script.cjs'));
    const cache = join(dir, `cache-${key}`);
    const run = await push(cache, { bin: join(copy, 'bin/container-package') });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${host}/team/app:v1@${layout.digest}`);
    expect(caches(cache)).toEqual([]);
  });

  test('every module the script leaves out is one lazy.ts loads, with what the script takes from it', async () => {
    const script = readFileSync(join(ROOT, 'dist/fast-script.cjs'), 'latin1');
    const asked = new Set([...script.matchAll(/__cpImport\("lazy:([^"]+)"\)/g)].map((m) => m[1]!));
    expect([...asked].sort()).toEqual([...LAZY_MODULES].sort());
    // What the script's code reads from each.
    const wanted: Record<string, string> = {
      agent: 'Agent',
      execa: 'execa',
      'tar-stream': 'extract',
      'oclif-handle': 'handle',
      registry: 'localMirrorConfig',
    };
    for (const name of asked) {
      const loaded = commonJsExports((await loadLazy(`lazy:${name}`)) as Record<string, unknown>);
      expect(typeof loaded[wanted[name]!], name).toBe('function');
    }
    await expect(loadLazy('lazy:nothing')).rejects.toThrow(/no lazily loaded module lazy:nothing/);
  });
});
