/**
 * The hooks installed as agent-level hooks, the ways docs/buildkite-plugin.md describes:
 * symlinked into the agent's hooks directory, the hooks directory itself a symlink, or copied
 * with CONTAINER_PACKAGE_HOME naming the checkout. They run in the agent's order with no plugin
 * block and no CONTAINER_PACKAGE_MODE, read the repository's `.buildkite/container-package.yml`
 * after checkout (never last build's, which a reused checkout still holds before checkout),
 * push what it configures, and leave a job without configuration alone.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeExampleLayout } from '../../src/sources/index.js';
import {
  BuildkiteJob,
  DISTRIBUTION_TOOLS,
  type Distribution,
  describeWithTools,
  manifestDigest,
  newTempDir,
  PLUGIN_DIR,
  startDistribution,
} from '../support/index.js';
import { installFakeAgent } from '../support/buildkite-agent/index.js';

const USER = { username: 'pipeline-bot', password: `bkpt_${randomUUID().replaceAll('-', '')}` };
const HOOKS = readdirSync(join(PLUGIN_DIR, 'hooks'));

type Install = 'symlinks' | 'symlinked directory' | 'copies' | 'a line in existing hooks';

/** Installs the plugin's hooks into a new agent hooks directory; returns it and the env it needs. */
function install(how: Install): { hooksDir: string; env: Record<string, string> } {
  const root = newTempDir('agent-hooks');
  const hooksDir = join(root, 'hooks');
  if (how === 'symlinked directory') {
    symlinkSync(join(PLUGIN_DIR, 'hooks'), hooksDir);
    return { hooksDir, env: {} };
  }
  mkdirSync(hooksDir);
  for (const hook of HOOKS) {
    if (how === 'symlinks') symlinkSync(join(PLUGIN_DIR, 'hooks', hook), join(hooksDir, hook));
    else if (how === 'copies') copyFileSync(join(PLUGIN_DIR, 'hooks', hook), join(hooksDir, hook));
    else {
      const own = `#!/bin/bash\n# the agent's own ${hook} hook\nexport OWN_${hook.replace('-', '_').toUpperCase()}=ran\n`;
      writeFileSync(join(hooksDir, hook), `${own}source ${join(PLUGIN_DIR, 'hooks', hook)}\n`);
    }
  }
  return { hooksDir, env: how === 'copies' ? { CONTAINER_PACKAGE_HOME: PLUGIN_DIR } : {} };
}

describeWithTools([...DISTRIBUTION_TOOLS], 'agent-level hooks as installed', () => {
  let registry: Distribution | undefined;

  beforeAll(async () => {
    registry = await startDistribution({ auth: USER });
  });

  afterAll(async () => {
    await registry?.stop();
  });

  function job(how: Install, checkout: string) {
    const agent = installFakeAgent();
    const { hooksDir, env } = install(how);
    const j = new BuildkiteJob(
      agent.jobEnv({
        ...env,
        BUILDKITE_HOOKS_PATH: hooksDir,
        BUILDKITE_BUILD_CHECKOUT_PATH: checkout,
        REGISTRY_TOKEN: USER.password,
        DOCKER_CONFIG: newTempDir('agent-docker-config'),
      }),
      { hooksDir },
    );
    return { agent, job: j };
  }

  /** This build's commit: an OCI layout and the file pushing it as `{repo}:{{build.number}}`. */
  async function commit(dir: string, repo: string): Promise<string> {
    const layout = await writeExampleLayout(join(dir, 'out', 'image'), {
      tag: 'v1',
      text: `${repo} ${randomUUID()}\n`,
    });
    mkdirSync(join(dir, '.buildkite'), { recursive: true });
    writeFileSync(
      join(dir, '.buildkite', 'container-package.yml'),
      [
        'registry:',
        `  - url: ${registry!.host}/${repo.split('/')[0]}`,
        '    token-env: REGISTRY_TOKEN',
        `    username: ${USER.username}`,
        'images:',
        '  - source: oci:out/image:v1',
        `    name: ${repo.split('/')[1]}`,
        "    tags: ['{{build.number}}']",
        '',
      ].join('\n'),
    );
    return layout.digest;
  }

  async function status(repo: string): Promise<number> {
    const auth = Buffer.from(`${USER.username}:${USER.password}`).toString('base64');
    const head = await fetch(`${registry!.url}/v2/${repo}/manifests/42`, {
      method: 'HEAD',
      headers: { authorization: `Basic ${auth}` },
    });
    return head.status;
  }

  /** Runs the job in the agent's order; `update` is this build's checkout. */
  async function runJob(j: BuildkiteJob, update: (dir: string) => Promise<void>) {
    const runs = await j.run('true', update);
    for (const run of runs) expect(run.exitCode, `${run.name}: ${run.stderr}`).toBe(0);
    expect(runs.map((r) => r.name)).toEqual([
      'environment',
      'post-checkout',
      'pre-command',
      'command',
      'post-command',
      'pre-exit',
    ]);
    expect(j.env.CONTAINER_PACKAGE_STATE_DIR).toBeUndefined();
    return runs;
  }

  const INSTALLS: Install[] = ['symlinks', 'symlinked directory', 'copies', 'a line in existing hooks'];

  it.each(INSTALLS)('installed as %s: a fresh checkout pushes what its file configures', async (how) => {
    const checkout = join(newTempDir('builds'), 'acme', 'web'); // not there until checkout
    const { agent, job: j } = job(how, checkout);
    const repo = `fresh-${how.replaceAll(' ', '-')}/app`;
    let digest = '';
    const runs = await runJob(j, async (dir) => {
      mkdirSync(dir, { recursive: true });
      digest = await commit(dir, repo);
    });
    expect(runs[0]!.stderr).toBe(''); // the environment hook does nothing before checkout
    expect(runs[1]!.stderr).toContain(`images: oci:out/image:v1 → app:42`);
    expect(await manifestDigest(registry!.url, repo, '42', USER)).toBe(digest);
    expect(Object.values(agent.metaData())).toContain(digest);
    if (how === 'a line in existing hooks') expect(j.env.OWN_PRE_EXIT).toBe('ran');
  });

  it.each(INSTALLS)(
    'installed as %s: a reused checkout pushes this build’s file, not the last one’s',
    async (how) => {
      const checkout = newTempDir('reused-checkout');
      const tag = how.replaceAll(' ', '-');
      await commit(checkout, `last-${tag}/app`); // last build's commit, still checked out
      const { job: j } = job(how, checkout);
      let digest = '';
      await runJob(j, async (dir) => {
        rmSync(join(dir, 'out'), { recursive: true });
        digest = await commit(dir, `this-${tag}/app`);
      });
      expect(await manifestDigest(registry!.url, `this-${tag}/app`, '42', USER)).toBe(digest);
      expect(await status(`last-${tag}/app`)).toBe(404);
    },
  );

  it("a reused checkout whose new commit has no file is left alone, whatever last build's said", async () => {
    const checkout = newTempDir('reused-checkout');
    mkdirSync(join(checkout, '.buildkite'));
    // Last build's file, with a key this version rejects: read before checkout, it would fail the job.
    writeFileSync(
      join(checkout, '.buildkite', 'container-package.yml'),
      'registry: acme/images\nimagez: []\n',
    );
    const { agent, job: j } = job('symlinks', checkout);
    const before = j.env.DOCKER_CONFIG;
    const runs = await runJob(j, async (dir) => {
      rmSync(join(dir, '.buildkite'), { recursive: true });
    });
    for (const run of runs) if (run.name !== 'command') expect(run.stdout + run.stderr).toBe('');
    expect(j.env.DOCKER_CONFIG).toBe(before);
    expect(agent.calls()).toHaveLength(0);
  });

  it('a copied hook without CONTAINER_PACKAGE_HOME says how to install it', async () => {
    const { hooksDir } = install('copies');
    const j = new BuildkiteJob({ PATH: process.env.PATH, HOME: newTempDir('home') }, { hooksDir });
    const run = await j.hook('environment');
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('cannot find its plugin checkout');
    expect(run.stderr).toContain('CONTAINER_PACKAGE_HOME');
  });

  it("steps that use the plugin are left to the plugin's hooks", async () => {
    const checkout = newTempDir('checkout');
    await commit(checkout, 'both/app');
    const { agent, job: j } = job('symlinks', checkout);
    // The plugin's environment hook ran (agent hooks first, then the plugin's): the job is the plugin's.
    const plugin = new BuildkiteJob({
      ...j.env,
      BUILDKITE_PLUGIN_NAME: 'CONTAINER_PACKAGE',
      BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify({
        'local-registry': false,
        registry: `${registry!.host}/both`,
        'token-env': 'REGISTRY_TOKEN',
        username: USER.username,
      }),
    });
    expect((await plugin.hook('environment')).exitCode).toBe(0);
    j.env = { ...plugin.env };
    delete j.env.BUILDKITE_PLUGIN_NAME;
    delete j.env.BUILDKITE_PLUGIN_CONFIGURATION;
    const stateDir = j.env.CONTAINER_PACKAGE_STATE_DIR;
    const post = await j.hook('post-checkout');
    expect(post.exitCode, post.stderr).toBe(0);
    expect(post.stderr).toContain('this step uses the container-package plugin');
    expect(j.env.CONTAINER_PACKAGE_STATE_DIR).toBe(stateDir);
    for (const hook of ['pre-command', 'post-command']) {
      const run = await j.hook(hook);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
    }
    expect(await status('both/app')).toBe(404);
    expect(agent.calls()).toHaveLength(0);
    plugin.env = { ...plugin.env, ...j.env };
    expect((await plugin.hook('pre-exit')).exitCode).toBe(0);
  });
});
