/**
 * Proof that the integration harness drives real tools: a real Docker Engine builds and pushes
 * to a real CNCF distribution registry, and skopeo, podman and the registry's own HTTP API agree
 * on the digest. Also checks the harness's own failure paths (daemon start errors, cleanup).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContainerTools,
  cleanEnv,
  createContainerTools,
  DISTRIBUTION_TOOLS,
  DOCKER_ENGINE_TOOLS,
  type Distribution,
  type DockerEngine,
  describeWithTools,
  isAlive,
  manifestDigest,
  newTempDir,
  pushedDigest,
  readPidFile,
  startDaemon,
  startDistribution,
  startDockerd,
  testTempDir,
  writeFiles,
} from '../support/index.js';

const USER = { username: 'harness-user', password: `pw-${randomUUID()}` };

describeWithTools([...DOCKER_ENGINE_TOOLS, ...DISTRIBUTION_TOOLS, 'skopeo', 'podman'], 'real clients', () => {
  let engine: DockerEngine | undefined;
  let registry: Distribution | undefined;
  let authRegistry: Distribution | undefined;
  let tools: ContainerTools;
  let image: string;
  let pushOutput: string;

  beforeAll(async () => {
    await Promise.all([
      startDockerd().then((e) => (engine = e)),
      startDistribution().then((r) => (registry = r)),
      startDistribution({ auth: USER }).then((r) => (authRegistry = r)),
    ]);
    tools = createContainerTools({ insecureRegistries: [registry!.host, authRegistry!.host] });
    const context = writeFiles(newTempDir('context'), {
      'hello.txt': `hello from the harness ${randomUUID()}\n`,
      Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\n',
    });
    image = `${registry!.host}/harness/hello:v1`;
    await engine!.docker(['build', '-t', image, context]);
    pushOutput = (await engine!.docker(['push', image])).stdout;
  });

  afterAll(async () => {
    await Promise.all([engine?.stop(), registry?.stop(), authRegistry?.stop()]);
  });

  it('docker push, the registry, skopeo and podman agree on the digest', async () => {
    const digest = pushedDigest(pushOutput);

    expect(await manifestDigest(registry!.url, 'harness/hello', 'v1')).toBe(digest);

    // No --tls-verify=false: plain HTTP must come from our registries.conf.
    const inspect = await tools.skopeo(['inspect', `docker://${image}`]);
    expect(JSON.parse(inspect.stdout).Digest).toBe(digest);

    await tools.podman(['pull', '-q', image]);
    const repoDigests = await tools.podman(['image', 'inspect', '--format', '{{json .RepoDigests}}', image]);
    expect(JSON.parse(repoDigests.stdout)).toContain(`${registry!.host}/harness/hello@${digest}`);
  });

  it('keeps podman storage and the blob-info cache inside the test temp dir', async () => {
    const info = JSON.parse((await tools.podman(['info', '--format', 'json'])).stdout);
    expect(info.store.graphRoot).toBe(tools.graphRoot);
    expect(info.store.runRoot).toBe(tools.runRoot);
    expect(info.store.graphDriverName).toBe('vfs');
    expect(tools.graphRoot.startsWith(testTempDir())).toBe(true);
    // Run as root, the tools keep this cache in /var/lib/containers/cache whatever they are told.
    await tools.skopeo(['copy', `docker://${image}`, `dir:${newTempDir('skopeo-dir')}`]);
    expect(existsSync(join(tools.varLibContainers, 'cache', 'blob-info-cache-v1.boltdb'))).toBe(true);
  });

  it('pushes to a basic-auth registry only after docker login --password-stdin', async () => {
    const target = `${authRegistry!.host}/harness/auth:v1`;
    await engine!.docker(['tag', image, target]);

    const denied = await engine!.docker(['push', target], { reject: false });
    expect(denied.failed).toBe(true);
    expect(denied.stderr + denied.stdout).toMatch(/no basic auth credentials|unauthorized/i);

    await engine!.docker(['login', '-u', USER.username, '--password-stdin', authRegistry!.host], {
      input: USER.password,
    });
    const digest = pushedDigest((await engine!.docker(['push', target])).stdout);

    expect(await manifestDigest(authRegistry!.url, 'harness/auth', 'v1', USER)).toBe(digest);
    await expect(manifestDigest(authRegistry!.url, 'harness/auth', 'v1')).rejects.toMatchObject({
      code: 'HARNESS_REGISTRY_HTTP',
      status: 401,
    });
  });
});

describe('harness daemons', () => {
  it('reports a daemon that exits early with its exit code and log tail', async () => {
    const logFile = join(newTempDir('early'), 'log');
    await expect(
      startDaemon({
        name: 'quitter',
        command: 'sh',
        args: ['-c', 'echo boom-marker; exit 3'],
        logFile,
        ready: () => false,
      }),
    ).rejects.toMatchObject({
      code: 'HARNESS_DAEMON_START',
      message: expect.stringMatching(/exit code 3[\s\S]*boom-marker/),
    });
  });

  it('stops a daemon that never gets ready, and says so with its log tail', async () => {
    const logFile = join(newTempDir('slow'), 'log');
    const started = Date.now();
    const error = await startDaemon({
      name: 'sleeper',
      command: 'sh',
      args: ['-c', 'echo waiting-marker; echo $$ > "$0.pid"; exec sleep 60', logFile],
      logFile,
      readyTimeoutMs: 500,
      ready: () => false,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'HARNESS_DAEMON_START',
      message: expect.stringContaining('waiting-marker'),
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    const pid = readPidFile(`${logFile}.pid`);
    expect(pid).toBeGreaterThan(0);
    expect(isAlive(pid!)).toBe(false);
  });

  it('stops a ready daemon by PID, process group included', async () => {
    const dir = newTempDir('group');
    const daemon = await startDaemon({
      name: 'group',
      command: 'sh',
      args: ['-c', `sleep 60 & echo $! > ${dir}/child.pid; trap '' TERM; sleep 60`],
      logFile: join(dir, 'log'),
      stopTimeoutMs: 300,
      ready: () => readPidFile(`${dir}/child.pid`) !== undefined,
    });
    const child = readPidFile(`${dir}/child.pid`)!;
    expect(isAlive(daemon.pid) && isAlive(child)).toBe(true);
    await daemon.stop();
    expect(isAlive(daemon.pid)).toBe(false);
    expect(isAlive(child)).toBe(false);
  });
});

describe('clean environment', () => {
  it('removes inherited tool and CI variables, keeps CI, and restores everything', () => {
    const env: NodeJS.ProcessEnv = {
      PATH: '/bin',
      CI: 'true',
      DOCKER_HOST: 'tcp://elsewhere:2375',
      REGISTRY_AUTH_FILE: '/home/dev/auth.json',
      CONTAINERS_STORAGE_CONF: '/x',
      BUILDKITE_PLUGIN_CONTAINER_PACKAGE_IMAGE: 'x',
      GITHUB_TOKEN: 'secret',
      INPUT_REGISTRY: 'r',
      HTTPS_PROXY: 'http://proxy:3128',
    };
    const before = { ...env };
    const restore = cleanEnv(env);
    expect(env).toEqual({ PATH: '/bin', CI: 'true' });
    env.DOCKER_HOST = 'set-by-test';
    env.NEW_VAR = '1';
    restore();
    expect(env).toEqual(before);
  });

  it('is applied by the setup file', () => {
    expect(Object.keys(process.env).filter((k) => /^(DOCKER_|REGISTRY_|GITHUB_|BUILDKITE_)/.test(k))).toEqual(
      [],
    );
    expect(process.env.CONTAINER_PACKAGE_TEST_TMP).toBe(testTempDir());
  });
});
