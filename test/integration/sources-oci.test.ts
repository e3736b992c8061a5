/**
 * OCI layouts and OCI archives made by real tools (umoci, skopeo): what our sources yield must be
 * what skopeo reads from the same input, byte for byte (`skopeo inspect --raw`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, test } from 'vitest';
import type { ImageArtifact, IndexArtifact } from '../../src/oci/image.js';
import {
  fromLayout,
  fromOciArchive,
  openLocalSource,
  parseSource,
  type LoadedImage,
} from '../../src/sources/index.js';
import { UMOCI_TAGS, makeUmociLayout, rawManifest } from '../fixtures/sources/umoci-layout.js';
import {
  type ContainerTools,
  createContainerTools,
  describeWithTools,
  newTempDir,
} from '../support/index.js';
import { LayoutWriter, collect, randomLayer, sha256 } from '../unit/sources/fixtures.js';

/** Reads every blob of every image in `loaded` and checks its digest and size. */
async function readEveryBlob(loaded: LoadedImage): Promise<number> {
  let count = 0;
  const visit = async (artifact: ImageArtifact | IndexArtifact): Promise<void> => {
    if (artifact.kind === 'index') {
      for (const child of artifact.children) await visit(child);
      return;
    }
    for (const blob of [artifact.config, ...artifact.layers]) {
      const bytes = await collect(await blob.open());
      expect(sha256(bytes)).toBe(blob.descriptor.digest);
      count++;
    }
  };
  await visit(loaded.artifact);
  return count;
}

describeWithTools(['umoci', 'skopeo'], 'OCI layout and OCI archive sources against skopeo', () => {
  let tools: ContainerTools;
  let work: string;
  let layout: string;

  beforeAll(async () => {
    tools = createContainerTools();
    work = newTempDir('sources-oci');
    layout = await makeUmociLayout(tools, work);
  });

  const skopeoRaw = (ref: string): Promise<string> => rawManifest(tools, ref);

  test.each(UMOCI_TAGS)('oci:DIR:%s yields the manifest skopeo reads, and blobs that verify', async (tag) => {
    const loaded = await fromLayout(layout, { select: { by: 'name', name: tag } });
    expect(new TextDecoder().decode(loaded.artifact.bytes)).toBe(await skopeoRaw(`oci:${layout}:${tag}`));
    expect(loaded.artifact.digest).toBe(sha256(loaded.artifact.bytes));
    expect(await readEveryBlob(loaded)).toBe(tag === 'v1' ? 3 : 2);
  });

  test('oci-archive written by skopeo yields the manifest skopeo reads from it', async () => {
    const archive = join(work, 'skopeo.oci.tar');
    await tools.skopeo(['copy', `oci:${layout}:v1`, `oci-archive:${archive}:v1`]);
    const loaded = await openLocalSource(parseSource(`oci-archive:${archive}:v1`));
    expect(new TextDecoder().decode(loaded.artifact.bytes)).toBe(
      await skopeoRaw(`oci-archive:${archive}:v1`),
    );
    expect(loaded.artifact.digest).toBe(
      (await fromLayout(layout, { select: { by: 'name', name: 'v1' } })).artifact.digest,
    );
    expect(await readEveryBlob(loaded)).toBe(3);
    await loaded.dispose();
  });

  test('a gzipped oci-archive yields the same image as the plain one', async () => {
    const archive = join(work, 'skopeo.oci.tar');
    const gz = join(work, 'skopeo.oci.tar.gz');
    writeFileSync(gz, gzipSync(readFileSync(archive)));
    const loaded = await fromOciArchive(gz, { select: { by: 'name', name: 'v1' }, tmpDir: work });
    expect(new TextDecoder().decode(loaded.artifact.bytes)).toBe(
      await skopeoRaw(`oci-archive:${archive}:v1`),
    );
    expect(await readEveryBlob(loaded)).toBe(3);
    await loaded.dispose();
  });

  test('a multi-platform index: the raw index equals skopeo, and survives skopeo copy --all into an archive', async () => {
    const dir = join(work, 'multi');
    const writer = new LayoutWriter(dir);
    const amd = writer.image({
      layers: [await randomLayer(81)],
      platform: { os: 'linux', architecture: 'amd64' },
    });
    const arm = writer.image({
      layers: [await randomLayer(82)],
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    });
    const index = writer.index([amd.descriptor, arm.descriptor]);
    writer.writeIndexJson([index.descriptor], ['multi']);

    const loaded = await fromLayout(dir, { select: { by: 'name', name: 'multi' } });
    expect(new TextDecoder().decode(loaded.artifact.bytes)).toBe(await skopeoRaw(`oci:${dir}:multi`));
    expect((loaded.artifact as IndexArtifact).children.map((c) => c.digest)).toEqual([
      amd.descriptor.digest,
      arm.descriptor.digest,
    ]);

    const archive = join(work, 'multi.tar');
    await tools.skopeo(['copy', '--all', `oci:${dir}:multi`, `oci-archive:${archive}:multi`]);
    const fromArchive = await fromOciArchive(archive, { select: { by: 'name', name: 'multi' } });
    expect(fromArchive.artifact.digest).toBe(index.descriptor.digest);
    expect(await readEveryBlob(fromArchive)).toBe(4);
    const armOnly = await fromOciArchive(archive, {
      select: { by: 'digest', digest: arm.descriptor.digest },
    });
    expect(Buffer.from(armOnly.artifact.bytes).equals(arm.manifest)).toBe(true);
  });
});
