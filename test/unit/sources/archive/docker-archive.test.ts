import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ImageArtifact } from '../../../../src/oci/image.js';
import { fromDockerArchive } from '../../../../src/sources/index.js';
import { newTempDir } from '../../../support/temp-dir.js';
import { dockerArchiveEntries, expectedSchema2, type DockerItemFixture } from '../docker-fixtures.js';
import { collect, randomLayer, sha256, tarBuffer, type TarFixtureEntry } from '../fixtures.js';

describe('fromDockerArchive', () => {
  let base: Buffer;
  let app: Buffer;
  let other: Buffer;

  beforeAll(async () => {
    base = await randomLayer(21, 4, 30_000);
    app = await randomLayer(22);
    other = await randomLayer(23);
  });

  async function archive(
    items: DockerItemFixture[],
    style: 'legacy' | 'oci' = 'legacy',
    extra: TarFixtureEntry[] = [],
  ) {
    const fixture = dockerArchiveEntries(items, style);
    const file = join(newTempDir('archive'), 'image.tar');
    writeFileSync(file, await tarBuffer([...extra, ...fixture.entries]));
    return { file, ...fixture };
  }

  test('builds the manifest skopeo builds, byte for byte, and streams each layer uncompressed', async () => {
    const { file, configs } = await archive([{ tags: ['app:1'], layers: [base, app] }]);
    const loaded = await fromDockerArchive(file);
    const artifact = loaded.artifact as ImageArtifact;
    expect(new TextDecoder().decode(artifact.bytes)).toBe(expectedSchema2(configs[0]!, [base, app]));
    expect(artifact.digest).toBe(sha256(artifact.bytes));
    expect(artifact.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect((await collect(await artifact.config.open())).equals(configs[0]!)).toBe(true);
    expect((await collect(await artifact.layers[0]!.open())).equals(base)).toBe(true);
    expect((await collect(await artifact.layers[1]!.open())).equals(app)).toBe(true);
    expect(loaded.origin).toBe(`docker-archive:${file}`);
  });

  test("layerMediaType 'uncompressed' labels the layers accurately", async () => {
    const { file, configs } = await archive([{ tags: ['app:1'], layers: [base] }]);
    const artifact = (await fromDockerArchive(file, { layerMediaType: 'uncompressed' })).artifact;
    expect(new TextDecoder().decode(artifact.bytes)).toBe(
      expectedSchema2(configs[0]!, [base], 'application/vnd.docker.image.rootfs.diff.tar'),
    );
  });

  test('reads docker 25+ archives (blobs/sha256 paths) the same way', async () => {
    const { file, configs } = await archive([{ tags: ['app:1'], layers: [base, app] }], 'oci');
    const artifact = (await fromDockerArchive(file)).artifact as ImageArtifact;
    expect(new TextDecoder().decode(artifact.bytes)).toBe(expectedSchema2(configs[0]!, [base, app]));
    expect((await collect(await artifact.layers[1]!.open())).equals(app)).toBe(true);
  });

  test('a layer repeated in an image (a symlink in the archive) is listed twice, as skopeo does', async () => {
    const { file, configs } = await archive([{ tags: null, layers: [base, app, base] }]);
    const artifact = (await fromDockerArchive(file)).artifact as ImageArtifact;
    expect(new TextDecoder().decode(artifact.bytes)).toBe(expectedSchema2(configs[0]!, [base, app, base]));
    expect((await collect(await artifact.layers[2]!.open())).equals(base)).toBe(true);
  });

  test('gzip-compressed layer tars are decompressed: the manifest still describes the diff IDs', async () => {
    const { file, configs } = await archive([{ tags: ['app:1'], layers: [base, app], gzipLayers: true }]);
    const artifact = (await fromDockerArchive(file)).artifact as ImageArtifact;
    expect(new TextDecoder().decode(artifact.bytes)).toBe(expectedSchema2(configs[0]!, [base, app]));
    expect((await collect(await artifact.layers[0]!.open())).equals(base)).toBe(true);
  });

  test('a compressed layer that is not its diff ID is SRC_DIGEST_MISMATCH at load time', async () => {
    const fixture = dockerArchiveEntries([{ tags: ['app:1'], layers: [base], gzipLayers: true }]);
    const layerEntry = fixture.entries.find((e) => e.name.endsWith('layer.tar'))!;
    layerEntry.data = gzipSync(app);
    const file = join(newTempDir('wrong'), 'image.tar');
    writeFileSync(file, await tarBuffer(fixture.entries));
    await expect(fromDockerArchive(file)).rejects.toMatchObject({
      code: 'SRC_DIGEST_MISMATCH',
      path: `${file}:${layerEntry.name}`,
      expected: sha256(base),
    });
  });

  test('an uncompressed layer that is not its diff ID fails while read', async () => {
    const fixture = dockerArchiveEntries([{ tags: ['app:1'], layers: [base] }]);
    const layerEntry = fixture.entries.find((e) => e.name.endsWith('layer.tar'))!;
    const bytes = Buffer.from(base);
    bytes[600] = bytes[600]! ^ 1;
    layerEntry.data = bytes;
    const file = join(newTempDir('flip'), 'image.tar');
    writeFileSync(file, await tarBuffer(fixture.entries));
    const layer = ((await fromDockerArchive(file)).artifact as ImageArtifact).layers[0]!;
    await expect(collect(await layer.open())).rejects.toMatchObject({
      code: 'SRC_DIGEST_MISMATCH',
      path: `${file}:${layerEntry.name}`,
    });
  });

  describe('several images', () => {
    const items = (): DockerItemFixture[] => [
      { tags: ['app:1', 'registry.example.com/team/app:1'], layers: [base, app] },
      { tags: ['other:latest'], layers: [base, other] },
    ];

    test.each([
      [{ by: 'reference', reference: 'docker.io/library/other:latest' } as const, 1],
      [{ by: 'reference', reference: 'registry.example.com/team/app:1' } as const, 0],
      [{ by: 'index', index: 1 } as const, 1],
    ])('selects %j', async (select, expected) => {
      const { file, configs } = await archive(items());
      const artifact = (await fromDockerArchive(file, { select })).artifact;
      expect(artifact.digest).toBe(
        sha256(expectedSchema2(configs[expected]!, [base, expected === 0 ? app : other])),
      );
    });

    test('without a selection, SRC_AMBIGUOUS lists the RepoTags', async () => {
      const { file } = await archive(items());
      await expect(fromDockerArchive(file)).rejects.toMatchObject({
        code: 'SRC_AMBIGUOUS',
        available: ['@0 app:1, registry.example.com/team/app:1', '@1 other:latest'],
        hint: expect.stringContaining(':@INDEX'),
      });
    });

    test.each([
      [
        { by: 'reference', reference: 'docker.io/library/app:2' } as const,
        /no image tagged docker.io\/library\/app:2/,
      ],
      [{ by: 'index', index: 2 } as const, /no image @2 .* it lists 2/],
    ])('SRC_NO_MATCH for %j', async (select, message) => {
      const { file } = await archive(items());
      await expect(fromDockerArchive(file, { select })).rejects.toMatchObject({
        code: 'SRC_NO_MATCH',
        message: expect.stringMatching(message),
      });
    });
  });

  test.each([
    [
      'no manifest.json, with a hint towards oci-archive:',
      [{ name: 'index.json', data: '{}' }],
      /no manifest\.json.*oci-archive:/,
    ],
    ['a manifest.json that is not an array', [{ name: 'manifest.json', data: '{}' }], /not a JSON array/],
    ['an item without Layers', [{ name: 'manifest.json', data: '[{"Config":"c.json"}]' }], /item @0 is not/],
  ])('SRC_INVALID_ARCHIVE for %s', async (_, entries, message) => {
    const file = join(newTempDir('invalid'), 'image.tar');
    writeFileSync(file, await tarBuffer(entries));
    await expect(fromDockerArchive(file)).rejects.toMatchObject({
      code: 'SRC_INVALID_ARCHIVE',
      message: expect.stringMatching(message),
    });
  });

  test('an OCI archive given as docker-archive: is pointed at oci-archive:, not at docker save', async () => {
    const file = join(newTempDir('oci'), 'image.tar');
    writeFileSync(file, await tarBuffer([{ name: 'index.json', data: '{}' }]));
    await expect(fromDockerArchive(file)).rejects.toMatchObject({
      code: 'SRC_INVALID_ARCHIVE',
      hint: `push it as oci-archive:${file}`,
    });
  });

  test('SRC_INVALID_ARCHIVE when manifest.json and the config disagree on the layer count', async () => {
    const fixture = dockerArchiveEntries([
      { tags: ['a:1'], layers: [base], config: { rootfs: { type: 'layers', diff_ids: [] } } },
    ]);
    const file = join(newTempDir('count'), 'image.tar');
    writeFileSync(file, await tarBuffer(fixture.entries));
    await expect(fromDockerArchive(file)).rejects.toMatchObject({
      code: 'SRC_INVALID_ARCHIVE',
      message: expect.stringMatching(/1 layers are listed but the config has 0 diff IDs/),
    });
  });

  test('SRC_NOT_FOUND when a listed layer is missing from the archive', async () => {
    const fixture = dockerArchiveEntries([{ tags: ['a:1'], layers: [base] }]);
    const entries = fixture.entries.filter((e) => !e.name.endsWith('layer.tar'));
    const file = join(newTempDir('missing'), 'image.tar');
    writeFileSync(file, await tarBuffer(entries));
    await expect(fromDockerArchive(file)).rejects.toMatchObject({ code: 'SRC_NOT_FOUND' });
  });

  test('a gzipped archive is read through a temporary copy', async () => {
    const fixture = dockerArchiveEntries([{ tags: ['app:1'], layers: [base] }]);
    const file = join(newTempDir('gz'), 'image.tar.gz');
    writeFileSync(file, gzipSync(await tarBuffer(fixture.entries)));
    const loaded = await fromDockerArchive(file);
    expect((await collect(await (loaded.artifact as ImageArtifact).layers[0]!.open())).equals(base)).toBe(
      true,
    );
    await loaded.dispose();
    await expect((loaded.artifact as ImageArtifact).layers[0]!.open()).rejects.toMatchObject({
      code: 'SRC_DISPOSED',
    });
  });
});
