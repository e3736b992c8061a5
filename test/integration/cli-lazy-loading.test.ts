/**
 * Loading nothing a command does not use (issue 16): `--version` and each hook of a job with
 * nothing to do (`push: never`) run from the bundle without loading oclif, the push client, the
 * sources or the registry. Which bundle files a run loaded is recorded with Node's module hooks,
 * and each is checked for the source files esbuild names in it (`// src/client/...`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newTempDir } from '../support/index.js';
import { BIN, killAllServes, startServe, writeOciLayout } from './registry-cli-support.js';

/** Source folders (and packages) an idle hook or `--version` must not load. */
const HEAVY = [
  'src/client/',
  'src/sources/archive/',
  'src/registry/server',
  'node_modules/@oclif/core/',
  'node_modules/execa/',
  'node_modules/undici/',
].map(bundled);

/** What a warm re-push (every blob already there) must not load: no blob moves, nothing fails. */
const NOT_IN_WARM_PUSH = [
  'src/registry/server',
  'node_modules/@oclif/core/',
  'node_modules/execa/',
  'node_modules/tar-stream/',
  'node_modules/undici/',
].map(bundled);

/** Matches the comment esbuild writes above the code of `path` in a bundle file. */
function bundled(path: string): RegExp {
  return new RegExp(`^// (?:\\S*/)?${path}`, 'm');
}

let dir: string;
let recorder: string;

beforeAll(() => {
  dir = newTempDir('lazy-loading');
  recorder = join(dir, 'record.mjs');
  // Appends every file: URL the process loads to $LOADED (one per line).
  writeFileSync(
    recorder,
    [
      "import { registerHooks } from 'node:module';",
      "import { appendFileSync } from 'node:fs';",
      'registerHooks({ load(url, context, next) {',
      "  if (url.startsWith('file:')) appendFileSync(process.env.LOADED, url + '\\n');",
      '  return next(url, context);',
      '} });',
    ].join('\n'),
  );
});

/** Runs the launcher with `args` and returns the bundle files it loaded, with what it printed. */
async function loaded(name: string, args: string[], env: Record<string, string>) {
  const list = join(dir, `${name}.loaded`);
  writeFileSync(list, '');
  const result = await execa(process.execPath, ['--import', pathToFileURL(recorder).href, BIN, ...args], {
    reject: false,
    env: { NO_COLOR: '1', LOADED: list, ...env },
  });
  const files = readFileSync(list, 'utf8')
    .split('\n')
    .filter((u) => u.includes('/dist/'));
  return { result, files: files.map((u) => new URL(u).pathname) };
}

function heavyIn(files: string[], heavy = HEAVY): string[] {
  return files.flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    return heavy.filter((re) => re.test(text)).map((re) => `${f}: ${re.source}`);
  });
}

afterAll(killAllServes);

describe('loading nothing a command does not use', () => {
  test('--version loads only the launcher and its fast path', async () => {
    const { result, files } = await loaded('version', ['--version'], {});
    expect(result.exitCode).toBe(0);
    expect(files.length).toBeGreaterThan(0);
    expect(heavyIn(files)).toEqual([]);
  });

  test('each hook of a job with nothing to do loads neither the client, the sources, the registry nor oclif', async () => {
    const job = join(dir, 'job');
    mkdirSync(join(job, 'tmp'), { recursive: true });
    mkdirSync(join(job, 'docker'), { recursive: true });
    let env: Record<string, string> = {
      TMPDIR: join(job, 'tmp'),
      DOCKER_CONFIG: join(job, 'docker'),
      CONTAINER_PACKAGE_MODE: 'plugin',
      BUILDKITE: 'true',
      BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify({
        registry: '127.0.0.1:5999/team',
        images: ['oci:/nowhere:latest'],
        push: 'never',
      }),
      BUILDKITE_ORGANIZATION_SLUG: 'acme',
      BUILDKITE_PIPELINE_SLUG: 'app',
      BUILDKITE_BRANCH: 'main',
      BUILDKITE_COMMIT: '0123456789abcdef0123456789abcdef01234567',
      BUILDKITE_BUILD_NUMBER: '1',
      BUILDKITE_JOB_ID: 'job-1',
      BUILDKITE_COMMAND_EXIT_STATUS: '0',
    };
    for (const hook of ['environment', 'pre-command', 'post-command', 'pre-exit']) {
      const { result, files } = await loaded(hook, ['buildkite-hook', hook], env);
      expect(result.exitCode, result.stderr).toBe(0);
      if (hook === 'environment') {
        // The job's state dir and docker config, as the agent carries the exports on.
        for (const [, key, value] of result.stdout.matchAll(/^export (\w+)='([^']*)'$/gm))
          env = { ...env, [key!]: value! };
        expect(env.CONTAINER_PACKAGE_STATE_DIR).toBeDefined();
      }
      if (hook === 'post-command') expect(result.stderr).toContain('nothing is pushed');
      expect(files.length, hook).toBeGreaterThan(0);
      expect(heavyIn(files), hook).toEqual([]);
    }
  });

  test('a warm re-push of a layout loads neither oclif, undici nor the tar parser', async () => {
    const registry = await startServe(['--listen', '127.0.0.1:0', '--storage', join(dir, 'registry')]);
    const host = new URL(registry.url).host;
    const env = { XDG_CACHE_HOME: join(dir, 'cache'), DOCKER_CONFIG: join(dir, 'docker') };
    const push = (layout: string, to: string) => [
      'push',
      `oci:${layout}`,
      '--to',
      to,
      '-t',
      'v2',
      '--compression',
      'none',
      '--retries',
      '1',
    ];
    // A layer over 8 MiB moves through undici: the recording sees what it should.
    const big = writeOciLayout(join(dir, 'big'), 9 * 1024 * 1024);
    const first = await loaded('push-cold', push(big.dir, `${host}/team/big:v1`), env);
    expect(first.result.exitCode, first.result.stderr).toBe(0);
    expect(heavyIn(first.files, NOT_IN_WARM_PUSH).join('\n')).toContain('undici');
    const warm = await loaded('push-warm', push(big.dir, `${host}/team/big:v1`), env);
    expect(warm.result.exitCode, warm.result.stderr).toBe(0);
    expect(warm.result.stderr).toContain('already there');
    expect(warm.result.stdout).toContain(`${host}/team/big:v1@${big.digest}`);
    expect(heavyIn(warm.files, NOT_IN_WARM_PUSH)).toEqual([]);
    // A small image's blobs go through Node's own HTTP client: a cold push of it does without undici too.
    const small = writeOciLayout(join(dir, 'small'), 64 * 1024, 2);
    const cold = await loaded('push-small', push(small.dir, `${host}/team/small:v1`), env);
    expect(cold.result.exitCode, cold.result.stderr).toBe(0);
    expect(cold.result.stderr).not.toContain('already there');
    expect(heavyIn(cold.files, NOT_IN_WARM_PUSH)).toEqual([]);
  });
});
