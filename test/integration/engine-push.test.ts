/**
 * docker: and podman: sources pushed with the engines' own CLIs (real dockerd and podman) into
 * a real CNCF distribution registry; the digest we report is the registry's and skopeo's.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseReference } from '../../src/reference/index.js';
import { pushFromEngine } from '../../src/sources/engine/index.js';
import {
  type ContainerTools,
  createContainerTools,
  DISTRIBUTION_TOOLS,
  DOCKER_ENGINE_TOOLS,
  type Distribution,
  type DockerEngine,
  describeWithTools,
  manifestDigest,
  newTempDir,
  podmanOnPath,
  startDistribution,
  startDockerd,
  writeFiles,
} from '../support/index.js';

const USER = { username: 'engine-user', password: `pw-${randomUUID()}` };

describeWithTools([...DOCKER_ENGINE_TOOLS, ...DISTRIBUTION_TOOLS, 'skopeo', 'podman'], 'engine push', () => {
  let engine: DockerEngine | undefined;
  let registry: Distribution | undefined;
  let authRegistry: Distribution | undefined;
  let tools: ContainerTools;
  let podmanEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    await Promise.all([
      startDockerd().then((e) => (engine = e)),
      startDistribution().then((r) => (registry = r)),
      startDistribution({ auth: USER }).then((r) => (authRegistry = r)),
    ]);
    tools = createContainerTools({ insecureRegistries: [registry!.host, authRegistry!.host] });
    const context = writeFiles(newTempDir('context'), {
      'hello.txt': `hello from an engine ${randomUUID()}\n`,
      Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
    });
    await engine!.docker(['build', '-t', 'app:ci', context]);
    await tools.podman(['build', '-q', '-t', 'localhost/app:ci', '-f', join(context, 'Dockerfile'), context]);
    podmanEnv = await podmanOnPath(tools);
  });

  afterAll(async () => {
    await Promise.all([engine?.stop(), registry?.stop(), authRegistry?.stop()]);
  });

  it('pushes a docker image under several tags and reports the registry digest', async () => {
    const targets = ['v1', 'latest'].map((tag) => parseReference(`${registry!.host}/team/app:${tag}`));
    const lines: string[] = [];
    const result = await pushFromEngine({
      engine: 'docker',
      source: parseReference('app:ci'),
      targets,
      env: engine!.env,
      onLine: (l) => lines.push(l),
    });
    expect(result.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(result.pushed.map((p) => p.reference)).toEqual([
      `${registry!.host}/team/app:v1`,
      `${registry!.host}/team/app:latest`,
    ]);
    for (const tag of ['v1', 'latest']) {
      expect(await manifestDigest(registry!.url, 'team/app', tag)).toBe(result.digest);
    }
    const inspect = await tools.skopeo(['inspect', `docker://${registry!.host}/team/app:v1`]);
    expect(JSON.parse(inspect.stdout).Digest).toBe(result.digest);
    expect(lines.some((l) => l.includes('digest:'))).toBe(true);

    // The target tags we created are gone again; the source tag stays.
    const leftover = await engine!.docker(['image', 'inspect', `${registry!.host}/team/app:v1`], {
      reject: false,
    });
    expect(leftover.exitCode).not.toBe(0);
    await engine!.docker(['image', 'inspect', 'app:ci']);
  });

  it('says which image is missing', async () => {
    await expect(
      pushFromEngine({
        engine: 'docker',
        source: parseReference('no-such-image:ci'),
        targets: [parseReference(`${registry!.host}/team/none:v1`)],
        env: engine!.env,
      }),
    ).rejects.toMatchObject({
      code: 'SRC_ENGINE_IMAGE_NOT_FOUND',
      message: expect.stringContaining('no-such-image:ci'),
    });
  });

  it('fails fast with a login hint when the registry wants credentials', async () => {
    const started = Date.now();
    await expect(
      pushFromEngine({
        engine: 'docker',
        source: parseReference('app:ci'),
        targets: [parseReference(`${authRegistry!.host}/team/app:v1`)],
        env: engine!.env,
        retryDelayMs: 5_000,
      }),
    ).rejects.toMatchObject({
      code: 'SRC_ENGINE_UNAUTHORIZED',
      hint: expect.stringContaining('log in'),
      // The registry's (or the engine's) own words follow, not just the status.
      message: expect.stringMatching(/\(401\): \S/),
    });
    expect(Date.now() - started).toBeLessThan(5_000); // no retry on 401
  });

  it('pushes with credentials from the docker config it is given', async () => {
    const config = newTempDir('docker-config');
    const auth = Buffer.from(`${USER.username}:${USER.password}`).toString('base64');
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({ auths: { [authRegistry!.host]: { auth } } }),
      {
        mode: 0o600,
      },
    );
    const result = await pushFromEngine({
      engine: 'docker',
      source: parseReference('app:ci'),
      targets: [parseReference(`${authRegistry!.host}/team/app:v1`)],
      env: { DOCKER_HOST: engine!.env.DOCKER_HOST },
      dockerConfig: config,
    });
    expect(
      await manifestDigest(authRegistry!.url, 'team/app', 'v1', {
        username: USER.username,
        password: USER.password,
      }),
    ).toBe(result.digest);
  });

  it('pushes a podman image and reads the digest from --digestfile', async () => {
    const result = await pushFromEngine({
      engine: 'podman',
      source: parseReference('localhost/app:ci'),
      targets: [parseReference(`${registry!.host}/team/podman-app:v1`)],
      env: podmanEnv,
    });
    expect(result.digest).toBe(await manifestDigest(registry!.url, 'team/podman-app', 'v1'));
    const inspect = await tools.skopeo(['inspect', `docker://${registry!.host}/team/podman-app:v1`]);
    expect(JSON.parse(inspect.stdout).Digest).toBe(result.digest);
  });
});
