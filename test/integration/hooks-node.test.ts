/**
 * The hooks need Node.js >= 22.19. When the agent has none (here: an old `node` first on PATH,
 * as on Debian 12 or Ubuntu 24.04), they install the pinned runtime into the user's cache from
 * a mirror of nodejs.org/dist — a loopback server holding a release tarball built from the
 * Node.js running the tests — verify it against the pinned SHA-256, and reuse it offline. Every
 * failure stops the job at the environment hook with what to do, and leaves nothing behind.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BuildkiteJob,
  buildNodeRelease,
  newTempDir,
  PLUGIN_DIR,
  startNodeMirror,
  type NodeMirror,
  type NodeRelease,
} from '../support/index.js';
import { FAKE_BUILD_ENV } from '../support/buildkite-agent/index.js';

const hook = join(PLUGIN_DIR, 'hooks', 'environment');
const systemNode = '/usr/bin/node';
const oldNode =
  existsSync(systemNode) &&
  Number(execFileSync(systemNode, ['-p', 'process.versions.node.split(".")[0]']).toString().trim()) < 22;
const pinned = Object.fromEntries(
  readFileSync(join(PLUGIN_DIR, 'lib', 'node-runtime.env'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z0-9_]+=/.test(line))
    .map((line) => line.split('=') as [string, string]),
);

/** A bin dir put first on PATH: an old `node` (18, like Debian 12's) and optional stubs. */
function stubBin(stubs: Record<string, string> = {}): string {
  const dir = newTempDir('stub-bin');
  for (const [name, script] of Object.entries({ node: 'echo v18.19.1', ...stubs })) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${script}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe('hooks and the Node.js runtime', () => {
  let release: NodeRelease;
  let tooOld: NodeRelease;
  let mirror: NodeMirror;

  beforeAll(async () => {
    release = await buildNodeRelease();
    tooOld = await buildNodeRelease({ version: '20.0.0', script: 'echo v20.0.0' });
    mirror = await startNodeMirror(release, tooOld);
  }, 120_000);

  afterAll(async () => {
    await mirror?.stop();
  });

  /** A plugin job's environment: no suitable Node.js on PATH, `cache` as XDG_CACHE_HOME. */
  function jobEnv(env: Record<string, string>, cache: string): Record<string, string> {
    return {
      ...FAKE_BUILD_ENV,
      PATH: `${stubBin()}:/usr/bin:/bin`,
      HOME: newTempDir('home'),
      XDG_CACHE_HOME: cache,
      TMPDIR: newTempDir('tmp'),
      BUILDKITE_PLUGIN_NAME: 'CONTAINER_PACKAGE',
      BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify({ registry: 'acme/images' }),
      CONTAINER_PACKAGE_NODE_MIRROR: mirror.url,
      CONTAINER_PACKAGE_NODE_VERSION: release.version,
      CONTAINER_PACKAGE_NODE_SHA256: release.sha256,
      ...env,
    };
  }

  /** A plugin job whose PATH has no suitable Node.js, with its own cache. */
  function job(env: Record<string, string> = {}, cache = newTempDir('cache')) {
    const j = new BuildkiteJob(jobEnv(env, cache), { nodeOnPath: false });
    return { job: j, cache, runtime: join(cache, 'container-package', 'node') };
  }

  const entry = () => `node-v${release.version}-linux-${release.arch}-${release.sha256.slice(0, 12)}`;
  const leftovers = (runtime: string) =>
    existsSync(runtime) ? readdirSync(runtime).filter((name) => name !== '.lock') : [];

  it('installs the runtime on first use, then reuses it with the mirror down', async () => {
    const { job: first, cache, runtime } = job();
    mkdirSync(join(runtime, '.tmp-killed'), { recursive: true }); // left by a job killed mid-install
    const before = mirror.requests.length;
    const run = await first.hook('environment');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toContain(`installing Node.js ${release.version}`);
    expect(first.env.CONTAINER_PACKAGE_STATE_DIR).toBeTruthy(); // the CLI ran on it
    expect(mirror.requests.length - before).toBe(1);
    expect(leftovers(runtime)).toEqual([entry()]);
    expect((await first.hook('pre-exit')).exitCode).toBe(0);

    // Offline: the mirror answers nothing and the hooks never ask it.
    const { job: second } = job({ CONTAINER_PACKAGE_NODE_MIRROR: 'http://127.0.0.1:9/dist' }, cache);
    const again = await second.hook('environment');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('installing');
    expect(mirror.requests.length - before).toBe(1);
    expect((await second.hook('pre-exit')).exitCode).toBe(0);
  });

  it('downloads once when several jobs on one host start together', async () => {
    const cache = newTempDir('cache');
    const jobs = Array.from({ length: 4 }, () => job({}, cache));
    const before = mirror.requests.length;
    const runs = await Promise.all(jobs.map(({ job: j }) => j.hook('environment')));
    for (const run of runs) expect(run.exitCode, run.stderr).toBe(0);
    expect(mirror.requests.length - before).toBe(1);
    expect(leftovers(jobs[0]!.runtime)).toEqual([entry()]);
    await Promise.all(jobs.map(({ job: j }) => j.hook('pre-exit')));
  });

  it('refuses a download whose SHA-256 is not the pinned one, leaving nothing behind', async () => {
    const { job: j, runtime } = job({ CONTAINER_PACKAGE_NODE_SHA256: 'ab'.repeat(32) });
    const run = await j.hook('environment');
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`has SHA-256 ${release.sha256}, not the pinned ${'ab'.repeat(32)}`);
    expect(run.stderr).toContain('CONTAINER_PACKAGE_NODE_VERSION and CONTAINER_PACKAGE_NODE_SHA256');
    expect(run.stderr).toContain('CONTAINER_PACKAGE_NODE to its path');
    expect(leftovers(runtime)).toEqual([]);
    expect(j.env.CONTAINER_PACKAGE_STATE_DIR).toBeUndefined();
  });

  it('checks the committed pin when no override is set', async () => {
    const { job: j, runtime } = job({
      CONTAINER_PACKAGE_NODE_VERSION: '',
      CONTAINER_PACKAGE_NODE_SHA256: '',
    });
    const before = mirror.requests.length;
    const run = await j.hook('environment');
    expect(run.exitCode).not.toBe(0);
    const version = pinned.NODE_VERSION!;
    expect(mirror.requests.slice(before)).toEqual([
      `/dist/v${version}/node-v${version}-linux-${release.arch}.tar.gz`,
    ]);
    // The tests run on the pinned version (test/unit/lib/node-runtime.test.ts): the mirror's
    // tarball of it, built here, is not the official one the committed sum is for.
    const sha = release.arch === 'arm64' ? pinned.NODE_SHA256_LINUX_ARM64 : pinned.NODE_SHA256_LINUX_X64;
    if (version === release.version) expect(run.stderr).toContain(`not the pinned ${sha}`);
    else expect(run.stderr).toContain('could not download');
    expect(leftovers(runtime)).toEqual([]);
  });

  it('says what to do when the download fails', async () => {
    mirror.missing = true;
    try {
      const { job: j, runtime } = job();
      const run = await j.hook('environment');
      expect(run.exitCode).not.toBe(0);
      expect(run.stderr).toContain(`could not download ${mirror.url}/v${release.version}/${release.name}`);
      expect(run.stderr).toContain('CONTAINER_PACKAGE_NODE_MIRROR');
      expect(run.stderr).toContain('install Node.js 22.19 or newer');
      expect(leftovers(runtime)).toEqual([]);
    } finally {
      mirror.missing = false;
    }
  });

  it('refuses a build that is older than 22.19 or does not run here, leaving nothing behind', async () => {
    const { job: j, runtime } = job({
      CONTAINER_PACKAGE_NODE_VERSION: tooOld.version,
      CONTAINER_PACKAGE_NODE_SHA256: tooOld.sha256,
    });
    const run = await j.hook('environment');
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('does not run here or is older than 22.19');
    expect(leftovers(runtime)).toEqual([]);
  });

  it('leaves nothing behind when the job is cancelled mid-download', async () => {
    const cache = newTempDir('cache');
    const runtime = join(cache, 'container-package', 'node');
    mirror.stall = true;
    try {
      const child = execa('bash', ['-c', `source "${hook}"`], {
        env: jobEnv({}, cache),
        extendEnv: false,
        detached: true, // its own process group, which the agent signals on cancel
        reject: false,
      });
      const started = Date.now();
      while (!leftovers(runtime).some((name) => name.startsWith('.tmp-'))) {
        if (Date.now() - started > 20_000) throw new Error('the download never started');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      process.kill(-child.pid!, 'SIGTERM');
      expect((await child).exitCode).not.toBe(0);
      const killed = Date.now();
      while (leftovers(runtime).length > 0 && Date.now() - killed < 5_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(leftovers(runtime)).toEqual([]);
    } finally {
      mirror.stall = false;
    }
  });

  it('downloads with wget when the agent has no curl', async () => {
    const bin = newTempDir('no-curl-bin');
    for (const tool of [
      'wget',
      'tar',
      'gzip',
      'sha256sum',
      'flock',
      'mktemp',
      'mkdir',
      'rm',
      'mv',
      'uname',
    ]) {
      const path = execFileSync('bash', ['-c', `command -v ${tool}`])
        .toString()
        .trim();
      execFileSync('ln', ['-s', path, join(bin, tool)]);
    }
    const bash = execFileSync('bash', ['-c', 'command -v bash']).toString().trim();
    const env = execFileSync('bash', ['-c', 'command -v env']).toString().trim();
    execFileSync('ln', ['-s', bash, join(bin, 'bash')]);
    execFileSync('ln', ['-s', env, join(bin, 'env')]);
    const { job: j, runtime } = job({ PATH: `${stubBin()}:${bin}` });
    const run = await j.hook('environment');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(leftovers(runtime)).toEqual([entry()]);
  });

  it.each([
    ['Linux riscv64', 'this is Linux riscv64'],
    ['Darwin arm64', 'this is Darwin arm64'],
  ])('refuses to install on %s, saying what to do', async (platform, message) => {
    const { job: j, runtime } = job({ PATH: `${stubBin({ uname: `echo ${platform}` })}:/usr/bin:/bin` });
    const before = mirror.requests.length;
    const run = await j.hook('environment');
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('only on Linux x86_64 or aarch64');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('CONTAINER_PACKAGE_NODE');
    expect(mirror.requests.length).toBe(before);
    expect(leftovers(runtime)).toEqual([]);
  });

  it('needs no Node.js for a job agent-level hooks leave alone', async () => {
    const checkout = newTempDir('checkout');
    const { job: j, runtime } = job({
      BUILDKITE_PLUGIN_NAME: '',
      BUILDKITE_PLUGIN_CONFIGURATION: '',
      BUILDKITE_BUILD_CHECKOUT_PATH: checkout,
      CONTAINER_PACKAGE_NODE_MIRROR: 'http://127.0.0.1:9/dist',
    });
    const runs = await j.run('true');
    expect(runs.map((r) => [r.name, r.exitCode, r.stderr])).toEqual(
      ['environment', 'post-checkout', 'pre-command', 'command', 'post-command', 'pre-exit'].map((name) => [
        name,
        0,
        '',
      ]),
    );
    expect(existsSync(runtime)).toBe(false);
  });

  it("asks the Node.js on PATH its version once per job, then takes the hook's word", async () => {
    // A `node` first on PATH that logs each version check and runs the real one.
    const bin = newTempDir('counting-node');
    const log = join(bin, 'version-checks.log');
    writeFileSync(
      join(bin, 'node'),
      `#!/bin/sh\n[ "$1" = --version ] && echo check >> "${log}"\nexec "${process.execPath}" "$@"\n`,
    );
    chmodSync(join(bin, 'node'), 0o755);
    const j = new BuildkiteJob(
      jobEnv(
        {
          PATH: `${bin}:/usr/bin:/bin`,
          BUILDKITE_BUILD_CHECKOUT_PATH: newTempDir('checkout'),
          BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify({
            registry: '127.0.0.1:5999/team',
            images: ['oci:/nowhere:latest'],
            push: 'never',
          }),
        },
        newTempDir('cache'),
      ),
      { nodeOnPath: false },
    );
    const checks = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);
    const runs = await j.run('true');
    expect(runs.map((r) => [r.name, r.exitCode, r.exitCode === 0 ? '' : r.stderr])).toEqual(
      ['environment', 'post-checkout', 'pre-command', 'command', 'post-command', 'pre-exit'].map((n) => [
        n,
        0,
        '',
      ]),
    );
    // Once, by the environment hook, which gives the job its state dir and leaves the mark there.
    expect(checks()).toBe(1);

    // Agent-level hooks: post-checkout gives the job its state dir and leaves the mark there.
    writeFileSync(log, '');
    const checkout = newTempDir('agent-checkout');
    mkdirSync(join(checkout, '.buildkite'));
    writeFileSync(
      join(checkout, '.buildkite', 'container-package.yml'),
      'registry: 127.0.0.1:5999/team\nimages: [oci:/nowhere:latest]\npush: never\n',
    );
    const {
      BUILDKITE_PLUGIN_CONFIGURATION: _c,
      BUILDKITE_PLUGIN_NAME: _n,
      ...agentEnv
    } = jobEnv(
      { PATH: `${bin}:/usr/bin:/bin`, BUILDKITE_BUILD_CHECKOUT_PATH: checkout },
      newTempDir('cache'),
    );
    const agentJob = new BuildkiteJob(agentEnv, { nodeOnPath: false });
    const agentRuns = await agentJob.run('true');
    expect(agentRuns.map((r) => [r.name, r.exitCode, r.exitCode === 0 ? '' : r.stderr])).toEqual(
      ['environment', 'post-checkout', 'pre-command', 'command', 'post-command', 'pre-exit'].map((n) => [
        n,
        0,
        '',
      ]),
    );
    expect(checks()).toBe(1); // not 0: post-checkout and the hooks after it ran the CLI

    // A mark naming another Node.js is no excuse: the hook asks this one.
    const other = new BuildkiteJob(j.env, { nodeOnPath: false });
    writeFileSync(log, '');
    const stateDir = newTempDir('state');
    writeFileSync(join(stateDir, 'node-checked'), '/usr/local/bin/node\n');
    other.env = { ...other.env, CONTAINER_PACKAGE_STATE_DIR: stateDir };
    await other.hook('pre-exit');
    expect(checks()).toBe(1);
  });

  it('an old Node.js named by CONTAINER_PACKAGE_NODE gets a clear message', async () => {
    const old = join(stubBin(), 'node');
    const { job: j, runtime } = job({ CONTAINER_PACKAGE_NODE: old });
    const run = await j.hook('environment');
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(`needs Node.js 22.19 or newer; CONTAINER_PACKAGE_NODE (${old}) is v18.19.1`);
    expect(run.stderr).toContain('point CONTAINER_PACKAGE_NODE at a Node.js 22.19 or newer, or unset it');
    expect(existsSync(runtime)).toBe(false);
  });

  it.runIf(oldNode)('the launcher itself refuses an old Node.js with a clear message', async () => {
    const run = await execa(systemNode, [join(PLUGIN_DIR, 'bin', 'container-package'), '--version'], {
      reject: false,
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('needs Node.js 22.19 or newer');
  });

  it('a missing CONTAINER_PACKAGE_NODE gets a clear message', async () => {
    const run = await execa('bash', ['-c', `source "${hook}"`], {
      reject: false,
      env: {
        CONTAINER_PACKAGE_NODE: '/nonexistent/node',
        PATH: '/usr/bin:/bin',
        BUILDKITE_PLUGIN_CONFIGURATION: '{}',
      },
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('Node.js 22.19 or newer is required');
    expect(run.stderr).toContain('CONTAINER_PACKAGE_NODE');
  });
});
