import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, zstdCompressSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ImageArtifact } from '../../../../src/oci/image.js';
import { fromLayout, fromOciArchive } from '../../../../src/sources/index.js';
import { newTempDir } from '../../../support/temp-dir.js';
import {
  LayoutWriter,
  collect,
  directoryEntries,
  randomLayer,
  tarBuffer,
  type WrittenImage,
} from '../fixtures.js';

describe('fromOciArchive', () => {
  let layoutDir: string;
  let image: WrittenImage;
  let tar: Buffer;
  let work: string;

  beforeAll(async () => {
    work = newTempDir('ociarchive');
    layoutDir = join(work, 'layout');
    const writer = new LayoutWriter(layoutDir);
    image = writer.image({ layers: [await randomLayer(11, 5, 40_000), await randomLayer(12)] });
    writer.writeIndexJson([image.descriptor], ['v1']);
    tar = await tarBuffer(directoryEntries(layoutDir));
  });

  test('yields the same artifact as the layout it holds, streaming blobs from the tar', async () => {
    const file = join(work, 'plain.tar');
    writeFileSync(file, tar);
    const fromTar = await fromOciArchive(file, { select: { by: 'name', name: 'v1' } });
    const fromDir = await fromLayout(layoutDir, { select: { by: 'name', name: 'v1' } });
    const a = fromTar.artifact as ImageArtifact;
    expect(Buffer.from(a.bytes).equals(Buffer.from(fromDir.artifact.bytes))).toBe(true);
    expect(a.layers.map((l) => l.descriptor)).toEqual(image.layers);
    for (const [i, layer] of a.layers.entries()) {
      const bytes = await collect(await layer.open());
      expect(bytes.length).toBe(image.layers[i]!.size);
    }
    expect(fromTar.origin).toBe(`oci-archive:${file}:v1`);
    await fromTar.dispose();
    expect(existsSync(file)).toBe(true);
  });

  test('reads archives whose names start with ./ (tar -C dir .)', async () => {
    const file = join(work, 'dot.tar');
    writeFileSync(
      file,
      await tarBuffer([{ name: './', type: 'directory' }, ...directoryEntries(layoutDir, './')]),
    );
    expect((await fromOciArchive(file)).artifact.digest).toBe(image.descriptor.digest);
  });

  test.each([
    ['gzip', gzipSync],
    ['zstd', zstdCompressSync],
  ])('decompresses a %s archive to a temp file that dispose() removes', async (_, compress) => {
    const file = join(work, 'compressed.tar.x');
    writeFileSync(file, compress(tar));
    const tmpDir = newTempDir('decompress');
    const loaded = await fromOciArchive(file, { tmpDir });
    expect(readdirSync(tmpDir)).toHaveLength(1);
    const layer = (loaded.artifact as ImageArtifact).layers[1]!;
    expect((await collect(await layer.open())).length).toBe(image.layers[1]!.size);
    await loaded.dispose();
    expect(readdirSync(tmpDir)).toHaveLength(0);
    await expect(layer.open()).rejects.toMatchObject({ code: 'SRC_DISPOSED' });
  });

  test('refuses bzip2 archives with a hint', async () => {
    const file = join(work, 'a.tar.bz2');
    writeFileSync(file, Buffer.concat([Buffer.from('BZh91AY&SY'), Buffer.alloc(100)]));
    await expect(fromOciArchive(file)).rejects.toMatchObject({
      code: 'SRC_UNSUPPORTED',
      hint: expect.stringContaining('bzip2 -d'),
    });
  });

  test('a corrupted gzip archive is SRC_INVALID_ARCHIVE and leaves no temp file', async () => {
    const file = join(work, 'broken.tar.gz');
    writeFileSync(file, gzipSync(tar).subarray(0, 500));
    const tmpDir = newTempDir('broken');
    await expect(fromOciArchive(file, { tmpDir })).rejects.toMatchObject({
      code: 'SRC_INVALID_ARCHIVE',
      path: file,
    });
    expect(readdirSync(tmpDir)).toHaveLength(0);
  });

  test('a corrupted blob fails while read, naming archive:entry', async () => {
    const corrupt = Buffer.from(tar);
    const layerHex = image.layers[0]!.digest.slice(7);
    const at = corrupt.indexOf(Buffer.from(`blobs/sha256/${layerHex}`));
    // The data starts at the next 512-byte block after the header that holds the name.
    const dataStart = Math.ceil((at + 1) / 512) * 512;
    corrupt[dataStart + 1000] = corrupt[dataStart + 1000]! ^ 0xff;
    const file = join(work, 'corrupt.tar');
    writeFileSync(file, corrupt);
    const layer = ((await fromOciArchive(file)).artifact as ImageArtifact).layers[0]!;
    await expect(collect(await layer.open())).rejects.toMatchObject({
      code: 'SRC_DIGEST_MISMATCH',
      path: `${file}:blobs/sha256/${layerHex}`,
    });
  });

  test('docker save output gets a hint towards docker-archive:', async () => {
    const file = join(work, 'docker.tar');
    writeFileSync(file, await tarBuffer([{ name: 'manifest.json', data: '[]' }]));
    await expect(fromOciArchive(file)).rejects.toMatchObject({
      code: 'SRC_NOT_FOUND',
      path: `${file}:oci-layout`,
      hint: expect.stringContaining('docker-archive:'),
    });
  });

  test('a missing archive is SRC_NOT_FOUND', async () => {
    await expect(fromOciArchive(join(work, 'none.tar'))).rejects.toMatchObject({
      code: 'SRC_NOT_FOUND',
      path: join(work, 'none.tar'),
    });
  });
});
