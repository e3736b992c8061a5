import { writeFileSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ImageArtifact, IndexArtifact } from '../../../../src/oci/image.js';
import { fromLayout } from '../../../../src/sources/index.js';
import { newTempDir } from '../../../support/temp-dir.js';
import { LayoutWriter, collect, randomLayer, sha256, type WrittenImage } from '../fixtures.js';

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected a rejection');
}

describe('fromLayout', () => {
  let dir: string;
  let writer: LayoutWriter;
  let amd: WrittenImage;
  let arm: WrittenImage;
  let plain: WrittenImage;
  let index: { descriptor: { digest: string; size: number; mediaType: string }; bytes: Buffer };

  beforeAll(async () => {
    dir = newTempDir('layout');
    writer = new LayoutWriter(dir);
    amd = writer.image({
      layers: [await randomLayer(1), await randomLayer(2)],
      platform: { os: 'linux', architecture: 'amd64' },
    });
    arm = writer.image({ layers: [await randomLayer(3)], platform: { os: 'linux', architecture: 'arm64' } });
    plain = writer.image({ layers: [await randomLayer(4)], gzip: false });
    index = writer.index([amd.descriptor, arm.descriptor]);
    writer.writeIndexJson([index.descriptor, plain.descriptor], ['multi', 'plain']);
  });

  test('selects by ref.name annotation and returns the manifest bytes exactly', async () => {
    const image = await fromLayout(dir, { select: { by: 'name', name: 'plain' } });
    const artifact = image.artifact as ImageArtifact;
    expect(artifact.kind).toBe('image');
    expect(Buffer.from(artifact.bytes).equals(plain.manifest)).toBe(true);
    expect(artifact.digest).toBe(plain.descriptor.digest);
    expect(artifact.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(artifact.config.descriptor).toEqual(plain.config);
    expect(artifact.layers.map((l) => l.descriptor)).toEqual(plain.layers);
    expect(image.origin).toBe(`oci:${dir}:plain`);
  });

  test('layer openers stream the stored bytes, and can be reopened', async () => {
    const image = await fromLayout(dir, { select: { by: 'name', name: 'plain' } });
    const layer = (image.artifact as ImageArtifact).layers[0]!;
    expect((await collect(await layer.open())).equals(plain.tars[0]!)).toBe(true);
    expect((await collect(await layer.open())).equals(plain.tars[0]!)).toBe(true);
    const config = (image.artifact as ImageArtifact).config;
    expect((await collect(await config.open())).equals(plain.configBytes)).toBe(true);
  });

  test('an index becomes an IndexArtifact with every child read', async () => {
    const image = await fromLayout(dir, { select: { by: 'name', name: 'multi' } });
    const artifact = image.artifact as IndexArtifact;
    expect(artifact.kind).toBe('index');
    expect(Buffer.from(artifact.bytes).equals(index.bytes)).toBe(true);
    expect(artifact.children.map((c) => c.digest)).toEqual([amd.descriptor.digest, arm.descriptor.digest]);
    expect((artifact.children[1] as ImageArtifact).layers).toHaveLength(1);
  });

  test.each([
    ['index', { by: 'index', index: 1 } as const, () => plain.descriptor.digest],
    ['top-level digest', { by: 'digest', digest: '' } as const, () => plain.descriptor.digest],
    ['digest inside an index', { by: 'digest', digest: '' } as const, () => arm.descriptor.digest],
  ])('selects by %s', async (_, selector, expected) => {
    const select = selector.by === 'digest' ? { by: 'digest' as const, digest: expected() } : selector;
    const image = await fromLayout(dir, { select });
    expect(image.artifact.digest).toBe(expected());
  });

  test('with several entries and no selection, lists them (SRC_AMBIGUOUS)', async () => {
    const error = await rejection(fromLayout(dir));
    expect(error).toMatchObject({ code: 'SRC_AMBIGUOUS', name: 'ImageSelectionError' });
    expect(error.available).toEqual([
      `@0 multi ${index.descriptor.digest}`,
      `@1 plain ${plain.descriptor.digest}`,
    ]);
    expect(error.message).toContain('@1 plain');
    expect(error.hint).toContain('oci:DIR:NAME');
  });

  test.each([
    [{ by: 'name', name: 'nope' } as const, /no image named "nope"/],
    [{ by: 'index', index: 5 } as const, /no image @5 .* it lists 2 \(@0 to @1\)/],
    [{ by: 'digest', digest: sha256('nothing') } as const, /no manifest sha256:/],
  ])('SRC_NO_MATCH for %j', async (select, message) => {
    const error = await rejection(fromLayout(dir, { select }));
    expect(error).toMatchObject({ code: 'SRC_NO_MATCH' });
    expect(error.message).toMatch(message);
    expect(error.message).toContain('@0 multi');
  });

  test('the only entry is chosen when unambiguous', async () => {
    const single = newTempDir('single');
    const w = new LayoutWriter(single);
    const img = w.image({ layers: [await randomLayer(9)] });
    w.writeIndexJson([img.descriptor]);
    expect((await fromLayout(single)).artifact.digest).toBe(img.descriptor.digest);
  });

  test('SRC_NOT_FOUND names a missing directory, oci-layout or index.json', async () => {
    const missing = join(dir, 'nope');
    expect(await rejection(fromLayout(missing))).toMatchObject({ code: 'SRC_NOT_FOUND', path: missing });
    const empty = newTempDir('empty');
    expect(await rejection(fromLayout(empty))).toMatchObject({
      code: 'SRC_NOT_FOUND',
      path: join(empty, 'oci-layout'),
    });
    writeFileSync(join(empty, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    expect(await rejection(fromLayout(empty))).toMatchObject({
      code: 'SRC_NOT_FOUND',
      path: join(empty, 'index.json'),
    });
    const file = join(empty, 'oci-layout');
    expect(await rejection(fromLayout(file))).toMatchObject({ code: 'SRC_NOT_FOUND', path: file });
  });

  test.each([
    ['{"imageLayoutVersion":"2.0.0"}', /only version 1.x/],
    ['{}', /imageLayoutVersion is undefined/],
    ['not json', /not valid JSON/],
  ])('SRC_INVALID_LAYOUT for oci-layout %s', async (content, message) => {
    const bad = newTempDir('bad');
    new LayoutWriter(bad).writeIndexJson([]);
    writeFileSync(join(bad, 'oci-layout'), content);
    const error = await rejection(fromLayout(bad));
    expect(error).toMatchObject({ code: 'SRC_INVALID_LAYOUT' });
    expect(error.message).toMatch(message);
  });

  test.each(['sha256:../../../../etc/passwd', 'md5:abcd', `sha256:${'A'.repeat(64)}`])(
    'a bad digest %s in index.json is SRC_INVALID_NAME before the filesystem is touched',
    async (digest) => {
      const bad = newTempDir('badname');
      const w = new LayoutWriter(bad);
      writeFileSync(
        join(bad, 'index.json'),
        JSON.stringify({
          schemaVersion: 2,
          manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 1 }],
        }),
      );
      expect(w.dir).toBe(bad);
      const error = await rejection(fromLayout(bad));
      expect(error).toMatchObject({ code: 'SRC_INVALID_NAME' });
      expect(error.message).toContain(JSON.stringify(digest));
    },
  );

  test('a corrupted layer fails while read with SRC_DIGEST_MISMATCH naming the file', async () => {
    const bad = newTempDir('corrupt');
    const w = new LayoutWriter(bad);
    const img = w.image({ layers: [await randomLayer(5)], gzip: false });
    w.writeIndexJson([img.descriptor]);
    const path = w.blobPath(img.layers[0]!.digest);
    const bytes = Buffer.from(img.tars[0]!);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(path, bytes);
    const layer = ((await fromLayout(bad)).artifact as ImageArtifact).layers[0]!;
    const error = await rejection(collect(await layer.open()));
    expect(error).toMatchObject({
      code: 'SRC_DIGEST_MISMATCH',
      name: 'BlobIntegrityError',
      path,
      expected: img.layers[0]!.digest,
    });
    expect(error.message).toContain(path);
  });

  test('a truncated blob is SRC_SIZE_MISMATCH at load time; a missing one SRC_NOT_FOUND', async () => {
    const bad = newTempDir('truncated');
    const w = new LayoutWriter(bad);
    const img = w.image({ layers: [await randomLayer(6), await randomLayer(7)] });
    w.writeIndexJson([img.descriptor]);
    truncateSync(w.blobPath(img.layers[0]!.digest), 10);
    expect(await rejection(fromLayout(bad))).toMatchObject({
      code: 'SRC_SIZE_MISMATCH',
      path: w.blobPath(img.layers[0]!.digest),
    });
    rmSync(w.blobPath(img.layers[0]!.digest));
    expect(await rejection(fromLayout(bad))).toMatchObject({
      code: 'SRC_NOT_FOUND',
      path: w.blobPath(img.layers[0]!.digest),
    });
  });

  test('a corrupted manifest is caught before it is parsed', async () => {
    const bad = newTempDir('badmanifest');
    const w = new LayoutWriter(bad);
    const img = w.image({ layers: [await randomLayer(8)] });
    w.writeIndexJson([img.descriptor]);
    writeFileSync(
      w.blobPath(img.descriptor.digest),
      img.manifest.toString().replace('"schemaVersion": 2', '"schemaVersion": 3'),
    );
    expect(await rejection(fromLayout(bad))).toMatchObject({ code: 'SRC_DIGEST_MISMATCH' });
  });

  test('a manifest whose media type disagrees with its descriptor is SRC_INVALID_LAYOUT', async () => {
    const bad = newTempDir('mismatch');
    const w = new LayoutWriter(bad);
    const img = w.image({ layers: [await randomLayer(8)] });
    w.writeIndexJson([
      { ...img.descriptor, mediaType: 'application/vnd.docker.distribution.manifest.v2+json' },
    ]);
    const error = await rejection(fromLayout(bad));
    expect(error).toMatchObject({ code: 'SRC_INVALID_LAYOUT' });
    expect(error.message).toMatch(
      /the manifest says it is a application\/vnd\.oci\.image\.manifest\.v1\+json/,
    );
  });

  test('an aborted signal stops before anything is read', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await rejection(fromLayout(dir, { signal: controller.signal }))).toMatchObject({
      name: 'AbortError',
    });
  });
});
