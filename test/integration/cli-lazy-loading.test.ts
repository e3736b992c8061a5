/**
 * Loading nothing a command does not use (issue 16): `--version` and each hook of a job with
 * nothing to do (`push: never`) run from the bundle without loading oclif, the push client, the
 * sources or the registry. Which bundle files a run loaded is recorded with Node's module hooks,
 * and each is checked for the source files esbuild names in it (`// src/client/...`). Push and the
 * hooks run from dist/fast-script.cjs, one script holding their modules, each initialised when
 * first imported: which of them a run initialised is read from V8's coverage (`NODE_V8_COVERAGE`),
 * where esbuild names each module's initialiser after its source file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { idlePluginStepEnv } from '../support/buildkite-agent/index.js';
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

/** The source files whose module initialiser ran in dist/fast-script.cjs, from V8's coverage. */
function scriptModulesRun(coverageDir: string): string[] | undefined {
  let script: { functions: { functionName: string; ranges: { count: number }[] }[] } | undefined;
  for (const file of readdirSync(coverageDir)) {
    const { result } = JSON.parse(readFileSync(join(coverageDir, file), 'utf8')) as {
      result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
    };
    script ??= result.find((s) => s.url.endsWith('/dist/fast-script.cjs'));
  }
  return script?.functions
    .filter((f) => /^(src|node_modules)\//.test(f.functionName) && f.ranges[0]!.count > 0)
    .map((f) => f.functionName);
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
      "import { appendFileSync, writeFileSync } from 'node:fs';",
      "process.on('exit', () => writeFileSync(process.env.BUILTINS, process.moduleLoadList.join('\\n')));",
      'registerHooks({ load(url, context, next) {',
      "  if (url.startsWith('file:')) appendFileSync(process.env.LOADED, url + '\\n');",
      '  return next(url, context);',
      '} });',
    ].join('\n'),
  );
});

/**
 * Runs the launcher with `args` and returns the bundle files it loaded and the modules of
 * dist/fast-script.cjs it initialised (undefined: it did not run the script), with what it printed.
 */
async function loaded(name: string, args: string[], env: Record<string, string>) {
  const list = join(dir, `${name}.loaded`);
  const builtins = join(dir, `${name}.builtins`);
  const coverage = join(dir, `${name}.coverage`);
  writeFileSync(list, '');
  const result = await execa(process.execPath, ['--import', pathToFileURL(recorder).href, BIN, ...args], {
    reject: false,
    env: { NO_COLOR: '1', LOADED: list, BUILTINS: builtins, NODE_V8_COVERAGE: coverage, ...env },
  });
  // Node.js's own modules the run loaded, e.g. `NativeModule zlib`.
  const natives = readFileSync(builtins, 'utf8').split('\n');
  const files = readFileSync(list, 'utf8')
    .split('\n')
    .filter((u) => u.includes('/dist/'));
  return {
    result,
    files: files.map((u) => new URL(u).pathname),
    scriptModules: scriptModulesRun(coverage),
    natives,
  };
}

/** The heavy modules among the bundle files and the script's modules a run loaded. */
function heavyIn(
  { files, scriptModules = [] }: { files: string[]; scriptModules?: string[] | undefined },
  heavy = HEAVY,
): string[] {
  const inFiles = files.flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    return heavy.filter((re) => re.test(text)).map((re) => `${f}: ${re.source}`);
  });
  const inScript = scriptModules.flatMap((m) =>
    heavy.filter((re) => re.test(`// ${m}`)).map((re) => `fast-script.cjs ${m}: ${re.source}`),
  );
  return [...inFiles, ...inScript];
}

afterAll(killAllServes);

describe('loading nothing a command does not use', () => {
  test('--version loads only the launcher: no bundle file', async () => {
    const run = await loaded('version', ['--version'], {});
    expect(run.result.exitCode).toBe(0);
    expect(run.result.stdout).toMatch(/^container-package\/\d+\.\d+\.\d+\S* linux-\S+ node-v\d+/);
    expect(run.files).toEqual([]);
  });

  test('each hook of a job with nothing to do loads neither the client, the sources, the registry nor oclif', async () => {
    const job = join(dir, 'job');
    mkdirSync(join(job, 'tmp'), { recursive: true });
    mkdirSync(join(job, 'docker'), { recursive: true });
    let env: Record<string, string> = {
      TMPDIR: join(job, 'tmp'),
      DOCKER_CONFIG: join(job, 'docker'),
      ...idlePluginStepEnv('127.0.0.1:5999/team'),
      BUILDKITE_COMMAND_EXIT_STATUS: '0',
    };
    for (const hook of ['environment', 'pre-command', 'post-command', 'pre-exit']) {
      const run = await loaded(hook, ['buildkite-hook', hook], env);
      const { result } = run;
      expect(result.exitCode, result.stderr).toBe(0);
      if (hook === 'environment') {
        // The job's state dir and docker config, as the agent carries the exports on.
        for (const [, key, value] of result.stdout.matchAll(/^export (\w+)='([^']*)'$/gm))
          env = { ...env, [key!]: value! };
        expect(env.CONTAINER_PACKAGE_STATE_DIR).toBeDefined();
      }
      if (hook === 'post-command') expect(result.stderr).toContain('nothing is pushed');
      // The hook ran from the script, and the script's check sees its modules.
      expect(run.scriptModules, hook).toContain('src/ci/buildkite/hooks/run.ts');
      expect(heavyIn(run), hook).toEqual([]);
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
    const big = writeOciLayout(join(dir, 'big'), 9 * 1024 * 1024);
    // Blob uploads go through Node's own HTTP client whatever their size: a cold push of a
    // layer over 8 MiB loads no undici.
    const first = await loaded('push-cold', push(big.dir, `${host}/team/big:v1`), env);
    expect(first.result.exitCode, first.result.stderr).toBe(0);
    expect(first.result.stderr).not.toContain('already there');
    expect(first.scriptModules).toContain('src/client/registry-client.ts');
    expect(heavyIn(first, NOT_IN_WARM_PUSH)).toEqual([]);
    const warm = await loaded('push-warm', push(big.dir, `${host}/team/big:v1`), env);
    expect(warm.result.exitCode, warm.result.stderr).toBe(0);
    expect(warm.result.stderr).toContain('already there');
    expect(warm.result.stdout).toContain(`${host}/team/big:v1@${big.digest}`);
    expect(warm.scriptModules).toContain('src/client/registry-client.ts');
    expect(heavyIn(warm, NOT_IN_WARM_PUSH)).toEqual([]);
    // Nothing is compressed: node:zlib stays unloaded (about 5 ms).
    expect(first.natives).not.toContain('NativeModule zlib');
    expect(warm.natives).not.toContain('NativeModule zlib');
    expect(warm.natives).toContain('NativeModule http');
    // A small image's blobs go through Node's own HTTP client: a cold push of it does without undici too.
    const small = writeOciLayout(join(dir, 'small'), 64 * 1024, 2);
    const cold = await loaded('push-small', push(small.dir, `${host}/team/small:v1`), env);
    expect(cold.result.exitCode, cold.result.stderr).toBe(0);
    expect(cold.result.stderr).not.toContain('already there');
    expect(heavyIn(cold, NOT_IN_WARM_PUSH)).toEqual([]);
    // The big layout as a gzip-compressed OCI archive needs the tar parser and node:zlib: the
    // recordings see what they should.
    const archive = join(dir, 'big.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', big.dir, '.']);
    const control = await loaded(
      'push-archive',
      ['push', `oci-archive:${archive}`, '--to', `${host}/team/archive:v1`, '--compression', 'none'],
      env,
    );
    expect(control.result.exitCode, control.result.stderr).toBe(0);
    expect(heavyIn(control, NOT_IN_WARM_PUSH).join('\n')).toContain('tar-stream');
    expect(control.natives).toContain('NativeModule zlib');
  });
});
