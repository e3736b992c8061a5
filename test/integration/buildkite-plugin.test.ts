/**
 * The plugin's real hooks run the way the agent runs them (sourced, in order, exported
 * variables carried over), with a recording buildkite-agent stand-in on PATH: an image built by
 * the real `docker build` in the command is pushed, annotated and recorded as meta-data; a
 * failing command pushes nothing; after pre-exit no credential remains anywhere.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeExampleLayout } from '../../src/sources/index.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  BuildkiteJob,
  type ContainerTools,
  createContainerTools,
  DISTRIBUTION_TOOLS,
  DOCKER_ENGINE_TOOLS,
  type Distribution,
  type DockerEngine,
  describeWithTools,
  newTempDir,
  manifestDigest,
  startDistribution,
  startDockerd,
  writeBuildContext,
} from '../support/index.js';
import { installFakeAgent } from '../support/buildkite-agent/index.js';

const USER = { username: 'pipeline-bot', password: `bkpt_${randomUUID().replaceAll('-', '')}` };

describeWithTools([...DOCKER_ENGINE_TOOLS, ...DISTRIBUTION_TOOLS, 'skopeo'], 'Buildkite plugin hooks', () => {
  let engine: DockerEngine | undefined;
  let registry: Distribution | undefined;
  let tools: ContainerTools;

  beforeAll(async () => {
    [engine, registry] = await Promise.all([startDockerd(), startDistribution({ auth: USER })]);
    tools = createContainerTools({ insecureRegistries: [registry.host] });
  });

  afterAll(async () => {
    await Promise.all([engine?.stop(), registry?.stop()]);
  });

  function job(config: unknown, overrides: Record<string, string> = {}) {
    const agent = installFakeAgent();
    const env = agent.jobEnv({
      BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify(config),
      DOCKER_HOST: engine!.env.DOCKER_HOST,
      DOCKER_CONFIG: engine!.env.DOCKER_CONFIG,
      REGISTRY_TOKEN: USER.password,
      ...overrides,
    });
    return { agent, job: new BuildkiteJob(env) };
  }

  /** Writes `.buildkite/container-package.yml` pushing `source` as `{prefix}/app:{{build.number}}`. */
  function writeAgentConfig(checkout: string, prefix: string, source: string): void {
    mkdirSync(join(checkout, '.buildkite'), { recursive: true });
    writeFileSync(
      join(checkout, '.buildkite', 'container-package.yml'),
      [
        'registry:',
        `  - url: ${registry!.host}/${prefix}`,
        '    token-env: REGISTRY_TOKEN',
        `    username: ${USER.username}`,
        'images:',
        `  - source: ${source}`,
        '    name: app',
        "    tags: ['{{build.number}}']",
        '',
      ].join('\n'),
    );
  }

  const config = () => ({
    registry: [{ url: `${registry!.host}/team`, 'token-env': 'REGISTRY_TOKEN', username: USER.username }],
    images: [{ source: 'docker:app:ci', name: 'app', tags: ['{{build.number}}', 'latest'] }],
  });

  it('pushes what the command built, annotates with the digest and sets meta-data', async () => {
    const { agent, job: j } = job(config());
    const agentConfig = j.env.DOCKER_CONFIG;

    expect((await j.hook('environment')).exitCode).toBe(0);
    const jobConfig = j.env.DOCKER_CONFIG!;
    expect(jobConfig).not.toBe(agentConfig);
    expect(statSync(jobConfig).mode & 0o777).toBe(0o700);

    expect((await j.hook('pre-command')).exitCode).toBe(0);
    const context = writeBuildContext(`hello ${randomUUID()}\n`);
    const built = await j.command(`docker build -q -t app:ci ${context}`);
    expect(built.exitCode, built.stderr).toBe(0);
    const post = await j.hook('post-command');
    expect(post.exitCode, post.stderr).toBe(0);

    const digest = await manifestDigest(registry!.url, 'team/app', '42', USER);
    expect(await manifestDigest(registry!.url, 'team/app', 'latest', USER)).toBe(digest);
    const inspect = await tools.skopeo([
      'inspect',
      '--creds',
      `${USER.username}:${USER.password}`,
      `docker://${registry!.host}/team/app:42`,
    ]);
    expect(JSON.parse(inspect.stdout).Digest).toBe(digest);

    const annotations = Object.values(agent.annotations());
    expect(annotations).toHaveLength(1);
    expect(annotations[0]!.style).toBe('success');
    expect(annotations[0]!.body).toContain(`${registry!.host}/team/app@${digest}`);
    expect(annotations[0]!.body).toContain('--password-stdin');
    const meta = agent.metaData();
    expect(Object.values(meta)).toContain(digest);
    expect(Object.values(meta).join('\n')).toContain(`${registry!.host}/team/app:42@${digest}`);

    expect((await j.hook('pre-exit')).exitCode).toBe(0);
    expect(existsSync(jobConfig)).toBe(false);
    expect(j.env.DOCKER_CONFIG).toBe(agentConfig);
    expect(j.env.CONTAINER_PACKAGE_STATE_DIR).toBeUndefined();

    // The token never reached an argv or a log line; the agent was asked to redact it.
    for (const call of agent.calls()) expect(call.argv.join(' ')).not.toContain(USER.password);
    expect(j.output()).not.toContain(USER.password);
    expect(agent.redactions()).toContain(USER.password);
  });

  it('pushes nothing when the command failed', async () => {
    const { agent, job: j } = job({
      ...config(),
      images: [{ source: 'docker:app:ci', name: 'failed', tags: ['x'] }],
    });
    await j.hook('environment');
    await j.hook('pre-command');
    expect((await j.command('exit 3')).exitCode).toBe(3);
    const post = await j.hook('post-command');
    expect(post.exitCode).toBe(0);
    expect(post.stderr).toContain('exit');
    const head = await fetch(`${registry!.url}/v2/team/failed/manifests/x`, {
      method: 'HEAD',
      headers: {
        authorization: `Basic ${Buffer.from(`${USER.username}:${USER.password}`).toString('base64')}`,
      },
    });
    expect(head.status).toBe(404);
    expect(Object.keys(agent.annotations())).toHaveLength(0);
    expect((await j.hook('pre-exit')).exitCode).toBe(0);
  });

  it('fails early naming the bad key', async () => {
    const { job: j } = job({ ...config(), imagez: [] });
    const run = await j.hook('environment');
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('imagez');
    expect(run.stderr).toContain('images');
  });

  it('annotates a missing image with the source and the fix, and fails the step', async () => {
    const { agent, job: j } = job({
      ...config(),
      images: [{ source: 'docker:never-built:ci', name: 'nb', tags: ['1'] }],
    });
    await j.hook('environment');
    await j.hook('pre-command');
    await j.command('true');
    const post = await j.hook('post-command');
    expect(post.exitCode).not.toBe(0);
    const [annotation] = Object.values(agent.annotations());
    expect(annotation!.style).toBe('error');
    expect(annotation!.body).toMatch(/never\\?-built/); // Markdown may escape the '-'
    expect(annotation!.body).toContain('SRC_ENGINE_IMAGE_NOT_FOUND');
    await j.hook('pre-exit');
  });

  it('agent-level hooks push what the repository file configures, read after checkout', async () => {
    const checkout = newTempDir('checkout');
    const layout = await writeExampleLayout(join(checkout, 'out', 'image'), {
      tag: 'v1',
      text: `agent ${randomUUID()}\n`,
    });
    const { agent, job: j } = job(undefined, { BUILDKITE_BUILD_CHECKOUT_PATH: checkout });
    delete j.env.BUILDKITE_PLUGIN_CONFIGURATION;
    expect((await j.hook('environment')).exitCode).toBe(0);
    expect(j.env.CONTAINER_PACKAGE_STATE_DIR).toBeUndefined();
    await j.checkout((dir) => writeAgentConfig(dir, 'agent-mode', 'oci:out/image:v1'));
    for (const hook of ['post-checkout', 'pre-command']) expect((await j.hook(hook)).exitCode).toBe(0);
    await j.command('true');
    const post = await j.hook('post-command');
    expect(post.exitCode, post.stderr).toBe(0);
    expect(await manifestDigest(registry!.url, 'agent-mode/app', '42', USER)).toBe(layout.digest);
    expect(Object.values(agent.metaData())).toContain(layout.digest);
    expect((await j.hook('pre-exit')).exitCode).toBe(0);
  });

  it('agent-level hooks leave a job without configuration alone, silently', async () => {
    const { agent, job: j } = job(undefined, {
      BUILDKITE_BUILD_CHECKOUT_PATH: newTempDir('empty-checkout'),
    });
    delete j.env.BUILDKITE_PLUGIN_CONFIGURATION;
    const before = j.env.DOCKER_CONFIG;
    const runs = await j.run('true');
    for (const run of runs) {
      expect(run.exitCode).toBe(0);
      if (run.name !== 'command') expect(run.stdout + run.stderr).toBe('');
    }
    expect(j.env.DOCKER_CONFIG).toBe(before);
    expect(j.env.CONTAINER_PACKAGE_STATE_DIR).toBeUndefined();
    expect(agent.calls()).toHaveLength(0);
  });

  it('pre-exit is safe when the environment hook never ran', async () => {
    const { job: j } = job(config());
    const run = await j.hook('pre-exit');
    expect(run.exitCode).toBe(0);
  });
});
