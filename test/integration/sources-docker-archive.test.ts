/**
 * Docker archives written by skopeo: our manifest must be skopeo's, byte for byte, both as
 * `skopeo inspect --raw docker-archive:` reads it and as `skopeo copy --preserve-digests` pushes
 * it to CNCF distribution (layers uncompressed). With gzip, the layer digests necessarily differ
 * from skopeo's (pgzip vs zlib bytes) while everything else, diff IDs included, is the same.
 */
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, expect, test } from 'vitest';
import type { ImageArtifact } from '../../src/oci/image.js';
import { parseManifest, type ImageManifest } from '../../src/oci/manifest.js';
import { compressImage, fromDockerArchive } from '../../src/sources/index.js';
import { makeUmociLayout, rawManifest } from '../fixtures/sources/umoci-layout.js';
import {
  type ContainerTools,
  type Distribution,
  createContainerTools,
  describeWithTools,
  newTempDir,
  startDistribution,
} from '../support/index.js';
import { collect, sha256 } from '../unit/sources/fixtures.js';

const TAG = 'registry.example.com/team/app:v1';

describeWithTools(['umoci', 'skopeo', 'docker-registry'], 'docker-archive source against skopeo', () => {
  let tools: ContainerTools;
  let registry: Distribution;
  let work: string;
  let archive: string;

  beforeAll(async () => {
    tools = createContainerTools();
    registry = await startDistribution({ logLevel: 'warn' });
    tools.addInsecureRegistry(registry.host);
    work = newTempDir('sources-docker');
    const layout = await makeUmociLayout(tools, work);
    archive = join(work, 'app.docker.tar');
    await tools.skopeo(['copy', `oci:${layout}:v1`, `docker-archive:${archive}:${TAG}`]);
  });

  async function blob(repo: string, digest: string): Promise<Buffer> {
    const response = await fetch(`${registry.url}/v2/${repo}/blobs/${digest}`);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  test.each([
    ['', { by: 'only' } as const],
    [`:${TAG}`, { by: 'reference', reference: TAG } as const],
    [':@0', { by: 'index', index: 0 } as const],
  ])('docker-archive:FILE%s yields the manifest skopeo inspect --raw prints', async (suffix, select) => {
    const loaded = await fromDockerArchive(archive, { select });
    expect(new TextDecoder().decode(loaded.artifact.bytes)).toBe(
      await rawManifest(tools, `docker-archive:${archive}${suffix}`),
    );
  });

  // Runs before the --preserve-digests push: once uncompressed blobs are in the registry, skopeo
  // reuses them instead of compressing (its blob info cache links the two digests).
  test('gzip: same config and diff IDs as skopeo push, different compressed layer digests', async () => {
    await tools.skopeo(['copy', `docker-archive:${archive}`, `docker://${registry.host}/skopeo/gzip:v1`]);
    const theirs = parseManifest(await rawManifest(tools, `docker://${registry.host}/skopeo/gzip:v1`))
      .manifest as ImageManifest;
    const image = await compressImage(await fromDockerArchive(archive), {
      compression: 'gzip',
      tmpDir: work,
    });
    const ours = parseManifest(image.artifact.bytes).manifest as ImageManifest;

    expect(ours.mediaType).toBe(theirs.mediaType);
    expect(ours.config).toEqual(theirs.config);
    expect(ours.layers.map((l) => l.mediaType)).toEqual(theirs.layers.map((l) => l.mediaType));
    const layers = (image.artifact as ImageArtifact).layers;
    for (const [i, layer] of layers.entries()) {
      const mine = await collect(await layer.open());
      const skopeos = await blob('skopeo/gzip', theirs.layers[i]!.digest);
      expect(sha256(gunzipSync(mine))).toBe(sha256(gunzipSync(skopeos)));
      expect(layer.descriptor.digest).not.toBe(theirs.layers[i]!.digest);
    }
    await image.dispose();
  });

  test('no compression: the manifest equals what skopeo copy --preserve-digests pushes', async () => {
    const loaded = await fromDockerArchive(archive);
    const image = await compressImage(loaded, { compression: 'none' });
    await tools.skopeo([
      'copy',
      '--preserve-digests',
      `docker-archive:${archive}`,
      `docker://${registry.host}/skopeo/plain:v1`,
    ]);
    const pushed = await rawManifest(tools, `docker://${registry.host}/skopeo/plain:v1`);
    expect(new TextDecoder().decode(image.artifact.bytes)).toBe(pushed);
    expect(image.artifact.digest).toBe(sha256(pushed));
    const artifact = image.artifact as ImageArtifact;
    for (const source of [artifact.config, ...artifact.layers]) {
      const registryBytes = await blob('skopeo/plain', source.descriptor.digest);
      expect((await collect(await source.open())).equals(registryBytes)).toBe(true);
    }
  });
});

describeWithTools(
  ['umoci', 'skopeo', 'podman', 'docker-registry'],
  'docker-archive written by podman save -m',
  () => {
    let tools: ContainerTools;
    let archive: string;
    let host: string;

    beforeAll(async () => {
      tools = createContainerTools();
      const registry = await startDistribution({ logLevel: 'warn' });
      host = registry.host;
      tools.addInsecureRegistry(registry.host);
      const work = newTempDir('sources-podman');
      const layout = await makeUmociLayout(tools, work);
      for (const tag of ['v1', 'v2']) {
        await tools.skopeo(['copy', `oci:${layout}:${tag}`, `docker://${registry.host}/team/app:${tag}`]);
        await tools.podman(['pull', '-q', `${registry.host}/team/app:${tag}`]);
      }
      archive = join(work, 'podman.tar');
      const refs = ['v1', 'v2'].map((tag) => `${registry.host}/team/app:${tag}`);
      await tools.podman(['save', '-m', '--format', 'docker-archive', '-o', archive, ...refs]);
    });

    test('each image is selected by tag or position, with the manifest skopeo reads', async () => {
      for (const [i, tag] of ['v1', 'v2'].entries()) {
        const ref = `${host}/team/app:${tag}`;
        const byTag = await fromDockerArchive(archive, { select: { by: 'reference', reference: ref } });
        const byIndex = await fromDockerArchive(archive, { select: { by: 'index', index: i } });
        expect(byTag.artifact.digest).toBe(byIndex.artifact.digest);
        expect(new TextDecoder().decode(byTag.artifact.bytes)).toBe(
          await rawManifest(tools, `docker-archive:${archive}:${ref}`),
        );
        for (const layer of (byTag.artifact as ImageArtifact).layers) {
          expect(sha256(await collect(await layer.open()))).toBe(layer.descriptor.digest);
        }
      }
      await expect(fromDockerArchive(archive)).rejects.toMatchObject({
        code: 'SRC_AMBIGUOUS',
        available: [`@0 ${host}/team/app:v1`, `@1 ${host}/team/app:v2`],
      });
    });
  },
);
