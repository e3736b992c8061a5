/**
 * The bundled registry against a real client: skopeo copies an OCI layout built by umoci into the
 * registry, between repositories (cross-repository mount), and back out to a `dir:` copy, and the
 * digests on every side must agree with the registry's; and a real Docker Engine pushes a built
 * image and pulls it back. Skipped with a notice when a tool is missing (fails in CI).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createContainerTools, type ContainerTools } from '../support/containers.js';
import { pushedDigest, startDockerd, type DockerEngine } from '../support/dockerd.js';
import { manifestDigest } from '../support/registry-http.js';
import { newTempDir, writeFiles } from '../support/temp-dir.js';
import { DOCKER_ENGINE_TOOLS, describeWithTools } from '../support/tools.js';
import { send, startRegistry, type TestRegistry } from './registry-support.js';

const sha256 = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describeWithTools(['skopeo', 'umoci'], 'skopeo against the bundled registry', () => {
  let reg: TestRegistry;
  let host: string;
  let tools: ContainerTools;
  let layout: string;
  let layoutDigest: string;

  beforeAll(async () => {
    reg = await startRegistry();
    host = new URL(reg.url).host;
    tools = createContainerTools({ insecureRegistries: [host] });
    const work = newTempDir('layout');
    layout = join(work, 'image');
    const rootfs = join(work, 'rootfs');
    mkdirSync(join(rootfs, 'etc'), { recursive: true });
    writeFileSync(join(rootfs, 'etc', 'greeting'), 'hello from the bundled registry test\n');
    writeFileSync(join(rootfs, 'data.bin'), Buffer.alloc(256 * 1024, 7));
    await tools.umoci(['init', '--layout', layout]);
    await tools.umoci(['new', '--image', `${layout}:latest`]);
    await tools.umoci(['insert', '--image', `${layout}:latest`, rootfs, '/']);
    await tools.umoci(['config', '--image', `${layout}:latest`, '--config.cmd', '/bin/true']);
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
      manifests: { digest: string }[];
    };
    layoutDigest = index.manifests[0]!.digest;
  }, 120_000);

  afterAll(async () => {
    await reg?.registry.close();
  });

  it('skopeo copy oci: → docker:// stores the manifest unchanged', async () => {
    await tools.skopeo([
      'copy',
      '--dest-tls-verify=false',
      `oci:${layout}:latest`,
      `docker://${host}/clients/hello:v1`,
    ]);
    expect(await manifestDigest(reg.url, 'clients/hello', 'v1')).toBe(layoutDigest);
    const tags = await send(reg.url, 'GET', '/v2/clients/hello/tags/list');
    expect(tags.json()).toEqual({ name: 'clients/hello', tags: ['v1'] });
  });

  it('skopeo inspect --raw returns the bytes the registry holds', async () => {
    const raw = await tools.skopeo([
      'inspect',
      '--raw',
      '--tls-verify=false',
      `docker://${host}/clients/hello:v1`,
    ]);
    const held = await send(reg.url, 'GET', `/v2/clients/hello/manifests/v1`);
    expect(sha256(held.body)).toBe(layoutDigest);
    // runTool drops the final newline of stdout; umoci ends its JSON with one.
    expect(raw.stdout).toBe(held.body.toString('utf8').replace(/\n$/, ''));
  });

  it('skopeo copy between repositories of the registry (cross-repository mount)', async () => {
    await tools.skopeo([
      'copy',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${host}/clients/hello:v1`,
      `docker://${host}/clients/copy:v2`,
    ]);
    expect(await manifestDigest(reg.url, 'clients/copy', 'v2')).toBe(layoutDigest);
  });

  it('skopeo copy docker:// → dir: gets blobs whose digests match their names', async () => {
    const out = join(newTempDir('dir-copy'), 'image');
    await tools.skopeo(['copy', '--src-tls-verify=false', `docker://${host}/clients/copy:v2`, `dir:${out}`]);
    const manifest = readFileSync(join(out, 'manifest.json'));
    expect(sha256(manifest)).toBe(layoutDigest);
    const parsed = JSON.parse(manifest.toString()) as {
      config: { digest: string };
      layers: { digest: string }[];
    };
    const files = readdirSync(out);
    for (const digest of [parsed.config.digest, ...parsed.layers.map((l) => l.digest)]) {
      const hex = digest.slice('sha256:'.length);
      expect(files).toContain(hex);
      expect(sha256(readFileSync(join(out, hex)))).toBe(digest);
    }
  });

  it('skopeo delete removes the manifest', async () => {
    await tools.skopeo(['delete', '--tls-verify=false', `docker://${host}/clients/copy:v2`]);
    expect((await send(reg.url, 'HEAD', `/v2/clients/copy/manifests/${layoutDigest}`)).status).toBe(404);
    expect((await send(reg.url, 'HEAD', `/v2/clients/hello/manifests/v1`)).status).toBe(200);
  });

  it('the store passes fsck after all of it', async () => {
    const report = await reg.registry.fsck();
    expect(report.problems).toEqual([]);
    expect(report.blobs).toBeGreaterThanOrEqual(3);
  });
});

describeWithTools(
  [...DOCKER_ENGINE_TOOLS, 'podman', 'skopeo'],
  'docker and podman against the bundled registry',
  () => {
    let reg: TestRegistry;
    let host: string;
    let engine: DockerEngine | undefined;
    let tools: ContainerTools;
    let context: string;

    beforeAll(async () => {
      reg = await startRegistry();
      host = new URL(reg.url).host;
      engine = await startDockerd();
      tools = createContainerTools({ insecureRegistries: [host] });
      context = writeFiles(newTempDir('context'), {
        'hello.txt': `hello ${Date.now()}\n`,
        'big.bin': Buffer.alloc(3 * 1024 * 1024, 5).toString('base64'),
        Dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\nCOPY big.bin /big.bin\n',
      });
    }, 180_000);

    afterAll(async () => {
      await engine?.stop();
      await reg?.registry.close();
    });

    it('docker push stores the image under its digest; docker pull gets it back', async () => {
      const image = `${host}/engines/docker:v1`;
      await engine!.docker(['build', '-t', image, context]);
      const push = await engine!.docker(['push', image]);
      const digest = pushedDigest(push.stdout);
      expect(await manifestDigest(reg.url, 'engines/docker', 'v1')).toBe(digest);
      await engine!.docker(['rmi', image]);
      const pull = await engine!.docker(['pull', image]);
      expect(pull.stdout).toContain(digest);
    });

    it('podman push and pull round-trip through the registry', async () => {
      const image = `${host}/engines/podman:v1`;
      await tools.podman(['build', '-q', '-t', image, '-f', join(context, 'Dockerfile'), context]);
      await tools.podman(['push', '--tls-verify=false', image]);
      const digest = await manifestDigest(reg.url, 'engines/podman', 'v1');
      await tools.podman(['rmi', image]);
      await tools.podman(['pull', '--tls-verify=false', image]);
      const inspect = await tools.podman(['image', 'inspect', '--format', '{{.Digest}}', image]);
      expect(inspect.stdout.trim()).toBe(digest);
      expect((await reg.registry.fsck()).problems).toEqual([]);
    });
  },
);
