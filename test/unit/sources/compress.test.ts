import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, zstdDecompressSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { Artifact, ImageArtifact, IndexArtifact } from '../../../src/oci/image.js';
import { parseManifest, type ImageIndex, type ImageManifest } from '../../../src/oci/manifest.js';
import {
  BlobInfoCache,
  type LayerUpload,
  compressImage,
  fromDockerArchive,
  fromLayout,
  loadedImage,
  resolveCompressOptions,
} from '../../../src/sources/index.js';
import { newTempDir } from '../../support/temp-dir.js';
import { dockerArchiveEntries } from './docker-fixtures.js';
import { LayoutWriter, collect, randomLayer, sha256, tarBuffer } from './fixtures.js';

function manifestOf(artifact: Artifact): ImageManifest {
  return parseManifest(artifact.bytes).manifest as ImageManifest;
}

/** Reads every blob of an image and checks each against its descriptor. */
async function readAll(image: ImageArtifact): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const blob of [image.config, ...image.layers]) {
    const bytes = await collect(await blob.open());
    expect(sha256(bytes)).toBe(blob.descriptor.digest);
    expect(bytes.length).toBe(blob.descriptor.size);
    out.push(bytes);
  }
  return out;
}

async function dockerArchive(layers: Buffer[]): Promise<string> {
  const file = join(newTempDir('src'), 'image.tar');
  writeFileSync(file, await tarBuffer(dockerArchiveEntries([{ tags: ['app:1'], layers }]).entries));
  return file;
}

describe('compressImage', () => {
  test('a blob-info cache hit skips compressing; the bytes are made identically on demand', async () => {
    const tars = [await randomLayer(41, 3, 50_000), await randomLayer(42)];
    const file = await dockerArchive(tars);
    const cache = BlobInfoCache.inMemory();
    const first = await compressImage(await fromDockerArchive(file), {
      compression: 'gzip',
      cache,
      tmpDir: newTempDir('c1'),
    });
    const firstBytes = await readAll(first.artifact as ImageArtifact);
    const tmpDir = newTempDir('c2');
    const second = await compressImage(await fromDockerArchive(file), { compression: 'gzip', cache, tmpDir });
    // Nothing was compressed to disk the second time, and the manifest is the same.
    const written = readdirSync(tmpDir).flatMap((d) => readdirSync(join(tmpDir, d)));
    expect(written).toEqual([]);
    expect(second.artifact.digest).toBe(first.artifact.digest);
    // Should the registry lack a layer, it is compressed again on the fly to the same bytes.
    const secondBytes = await readAll(second.artifact as ImageArtifact);
    secondBytes.forEach((bytes, i) => expect(bytes.equals(firstBytes[i]!)).toBe(true));
    await first.dispose();
    await second.dispose();
  });

  test('a blob-info cache hit does not read the layer at all, not even to sniff its format', async () => {
    const tars = [await randomLayer(43, 2, 40_000), await randomLayer(44)];
    const file = await dockerArchive(tars);
    const cache = BlobInfoCache.inMemory();
    const first = await compressImage(await fromDockerArchive(file), {
      compression: 'gzip',
      cache,
      tmpDir: newTempDir('c3'),
    });
    const loaded = await fromDockerArchive(file);
    let opens = 0;
    const source = loaded.artifact as ImageArtifact;
    const counted: ImageArtifact = {
      ...source,
      layers: source.layers.map((layer) => ({
        descriptor: layer.descriptor,
        open: (signal?: AbortSignal) => {
          opens += 1;
          return layer.open(signal);
        },
      })),
    };
    const second = await compressImage(
      { ...loaded, artifact: counted },
      { compression: 'gzip', cache, tmpDir: newTempDir('c4') },
    );
    expect(opens).toBe(0);
    expect(second.artifact.digest).toBe(first.artifact.digest);
    await first.dispose();
    await second.dispose();
  });

  test('gzip: compresses uncompressed docker-archive layers and rewrites the schema2 manifest in place', async () => {
    const tars = [await randomLayer(31, 3, 50_000), await randomLayer(32)];
    const source = await fromDockerArchive(await dockerArchive(tars));
    const tmpDir = newTempDir('gz');
    const image = await compressImage(source, { compression: 'gzip', tmpDir, concurrency: 2 });
    const artifact = image.artifact as ImageArtifact;
    const [config, ...layers] = await readAll(artifact);
    layers.forEach((gz, i) => expect(gunzipSync(gz).equals(tars[i]!)).toBe(true));
    expect(artifact.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect(artifact.digest).toBe(sha256(artifact.bytes));
    const text = new TextDecoder().decode(artifact.bytes);
    expect(text).toBe(
      '{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",' +
        `"config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":${config!.length},"digest":"${sha256(config!)}"},` +
        `"layers":[${layers.map((l) => `{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":${l.length},"digest":"${sha256(l)}"}`).join(',')}]}`,
    );
    expect(readdirSync(tmpDir)).toHaveLength(1);
    await image.dispose();
    expect(readdirSync(tmpDir)).toHaveLength(0);
    await expect(artifact.layers[0]!.open()).rejects.toMatchObject({ code: 'SRC_DISPOSED' });
  });

  test('zstd: a Docker schema2 manifest becomes an OCI manifest', async () => {
    const tars = [await randomLayer(33)];
    const source = await fromDockerArchive(await dockerArchive(tars));
    const image = await compressImage(source, { compression: 'zstd', tmpDir: newTempDir('zstd') });
    const artifact = image.artifact as ImageArtifact;
    const manifest = manifestOf(artifact);
    expect(artifact.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(manifest.config.mediaType).toBe('application/vnd.oci.image.config.v1+json');
    expect(artifact.config.descriptor.mediaType).toBe('application/vnd.oci.image.config.v1+json');
    expect(manifest.layers[0]!.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+zstd');
    const [, layer] = await readAll(artifact);
    expect(zstdDecompressSync(layer!).equals(tars[0]!)).toBe(true);
    await image.dispose();
  });

  test('already-compressed layers pass byte for byte; plain OCI layers get +gzip; the index is rewritten', async () => {
    const dir = newTempDir('layout');
    const w = new LayoutWriter(dir);
    const shared = await randomLayer(34);
    const gz = w.image({ layers: [await randomLayer(35)], platform: { os: 'linux', architecture: 'arm64' } });
    const plain = w.image({
      layers: [shared, shared],
      gzip: false,
      platform: { os: 'linux', architecture: 'amd64' },
    });
    const index = w.index([gz.descriptor, plain.descriptor]);
    w.writeIndexJson([index.descriptor]);
    const source = await fromLayout(dir);
    const image = await compressImage(source, { tmpDir: newTempDir('c') });
    const artifact = image.artifact as IndexArtifact;
    expect(artifact.children[0]).toBe((source.artifact as IndexArtifact).children[0]);
    expect(artifact.children[0]!.digest).toBe(gz.descriptor.digest);
    const child = artifact.children[1] as ImageArtifact;
    expect(child.digest).not.toBe(plain.descriptor.digest);
    const layers = manifestOf(child).layers;
    expect(layers.map((l) => l.mediaType)).toEqual([
      'application/vnd.oci.image.layer.v1.tar+gzip',
      'application/vnd.oci.image.layer.v1.tar+gzip',
    ]);
    expect(layers[0]!.digest).toBe(layers[1]!.digest); // one layer, compressed once
    await readAll(child);
    const entries = (parseManifest(artifact.bytes).manifest as ImageIndex).manifests;
    expect(entries[0]).toEqual(gz.descriptor);
    expect(entries[1]).toEqual({ ...plain.descriptor, digest: child.digest, size: child.bytes.length });
    expect(artifact.digest).toBe(sha256(artifact.bytes));
    await image.dispose();
  });

  test("'none', or nothing to compress, returns the image itself", async () => {
    const source = await fromDockerArchive(await dockerArchive([await randomLayer(36)]));
    expect(await compressImage(source, { compression: 'none' })).toBe(source);
    const dir = newTempDir('gzlayout');
    const w = new LayoutWriter(dir);
    w.writeIndexJson([w.image({ layers: [await randomLayer(37)] }).descriptor]);
    const compressed = await fromLayout(dir);
    expect(await compressImage(compressed)).toBe(compressed);
  });

  test('non-tar and non-distributable layers are left alone', async () => {
    const dir = newTempDir('artifact');
    const w = new LayoutWriter(dir);
    const helm = w.blob('not a tar, not compressed', 'application/vnd.cncf.helm.chart.content.v1.tar');
    const config = w.blob('{}', 'application/vnd.cncf.helm.config.v1+json');
    const foreign = {
      mediaType: 'application/vnd.oci.image.layer.nondistributable.v1.tar',
      digest: sha256('x'),
      size: 1,
      urls: ['https://example.com/x'],
    };
    const manifest = w.blob(
      JSON.stringify({ schemaVersion: 2, config, layers: [helm, foreign] }),
      'application/vnd.oci.image.manifest.v1+json',
    );
    w.writeIndexJson([manifest]);
    const source = await fromLayout(dir);
    expect(await compressImage(source)).toBe(source);
  });

  test('a failure removes what was written and leaves the source to the caller', async () => {
    const tars = [await randomLayer(38, 3, 40_000), await randomLayer(39)];
    const fixture = dockerArchiveEntries([{ tags: ['app:1'], layers: tars }]);
    const layerEntry = fixture.entries.filter((e) => e.name.endsWith('layer.tar'))[1]!;
    const corrupt = Buffer.from(tars[1]!);
    corrupt[700] = corrupt[700]! ^ 1;
    layerEntry.data = corrupt;
    const file = join(newTempDir('src'), 'image.tar');
    writeFileSync(file, await tarBuffer(fixture.entries));
    const source = await fromDockerArchive(file);
    const tmpDir = newTempDir('fail');
    let disposed = false;
    const input = loadedImage(source.artifact, 'test', () => {
      disposed = true;
      return Promise.resolve();
    });
    await expect(compressImage(input, { tmpDir, concurrency: 2 })).rejects.toMatchObject({
      code: 'SRC_DIGEST_MISMATCH',
      path: `${file}:${layerEntry.name}`,
    });
    expect(readdirSync(tmpDir)).toHaveLength(0);
    expect(disposed).toBe(false);
    expect(existsSync(file)).toBe(true);
  });

  test('an aborted signal stops before anything is written', async () => {
    const source = await fromDockerArchive(await dockerArchive([await randomLayer(40)]));
    const controller = new AbortController();
    controller.abort();
    await expect(compressImage(source, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

/**
 * An upload into memory, as a registry would take it: reads the stream to its end and keeps the
 * bytes under their digest. `fail` makes call N (0-based) read part of the stream and reject, as a
 * cut connection does.
 */
function memoryUpload(options: { fail?: number; abort?: AbortController } = {}) {
  const stored = new Map<string, Buffer>();
  const calls: string[] = [];
  const upload: LayerUpload = async (stream, layer, signal) => {
    const call = calls.push(layer.digest) - 1;
    if (call === options.fail) {
      for await (const chunk of stream) if ((chunk as Buffer).length > 0) break;
      stream.destroy();
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    if (options.abort !== undefined) {
      options.abort.abort(new Error('user cancelled'));
      signal.throwIfAborted();
    }
    const bytes = await collect(stream);
    stored.set(sha256(bytes), bytes);
    return { digest: sha256(bytes), size: bytes.length };
  };
  return { upload, stored, calls };
}

/** Files written under `tmpDir` (inside compressImage's private directory). */
function tempFiles(tmpDir: string): string[] {
  return readdirSync(tmpDir).flatMap((d) => readdirSync(join(tmpDir, d)));
}

async function plainLayout(tars: Buffer[]): Promise<string> {
  const dir = newTempDir('plain');
  const w = new LayoutWriter(dir);
  w.writeIndexJson([w.image({ layers: tars, gzip: false }).descriptor]);
  return dir;
}

describe('compressImage with an upload', () => {
  test('compresses each distinct layer once, straight into the upload; the result makes the same bytes again', async () => {
    const dir = newTempDir('layout');
    const w = new LayoutWriter(dir);
    const shared = await randomLayer(50, 3, 20_000);
    const own = await randomLayer(51, 3, 20_000);
    const amd = w.image({
      layers: [shared, own],
      gzip: false,
      platform: { os: 'linux', architecture: 'amd64' },
    });
    const arm = w.image({ layers: [shared], gzip: false, platform: { os: 'linux', architecture: 'arm64' } });
    w.writeIndexJson([w.index([amd.descriptor, arm.descriptor]).descriptor]);
    const { upload, stored, calls } = memoryUpload();
    const cache = BlobInfoCache.inMemory();
    const tmpDir = newTempDir('c');
    const image = await compressImage(await fromLayout(dir), { upload, cache, tmpDir, concurrency: 2 });
    expect(calls.sort()).toEqual([sha256(shared), sha256(own)].sort());
    expect(tempFiles(tmpDir)).toEqual([]);
    const children = (image.artifact as IndexArtifact).children as ImageArtifact[];
    const layers = children.flatMap((child) => child.layers);
    expect(layers.map((l) => l.descriptor.mediaType)).toEqual(
      Array(3).fill('application/vnd.oci.image.layer.v1.tar+gzip'),
    );
    for (const [i, layer] of layers.entries()) {
      const uploaded = stored.get(layer.descriptor.digest)!;
      expect(uploaded.length).toBe(layer.descriptor.size);
      // Made again on the fly (for another registry), the bytes are the uploaded ones.
      expect((await collect(await layer.open())).equals(uploaded)).toBe(true);
      expect(gunzipSync(uploaded).equals([shared, own, shared][i]!)).toBe(true);
    }
    const known = cache.get(sha256(own), 'gzip', 6);
    expect(known).toEqual({
      digest: children[0]!.layers[1]!.descriptor.digest,
      size: stored.get(known!.digest)!.length,
      level: 6,
    });
    await image.dispose();
  });

  test('zstd into a Docker manifest: converted to OCI as without an upload', async () => {
    const tars = [await randomLayer(52)];
    const { upload, stored } = memoryUpload();
    const source = await fromDockerArchive(await dockerArchive(tars));
    const image = await compressImage(source, { compression: 'zstd', upload, tmpDir: newTempDir('z') });
    const artifact = image.artifact as ImageArtifact;
    expect(artifact.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(manifestOf(artifact).layers[0]!.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+zstd');
    const uploaded = stored.get(artifact.layers[0]!.descriptor.digest)!;
    expect(zstdDecompressSync(uploaded).equals(tars[0]!)).toBe(true);
    await image.dispose();
  });

  test('keepUploaded also writes each uploaded layer to a temporary file, read back from there', async () => {
    const tars = [await randomLayer(53, 3, 20_000), await randomLayer(54)];
    const { upload, stored } = memoryUpload();
    const tmpDir = newTempDir('keep');
    const image = await compressImage(await fromLayout(await plainLayout(tars)), {
      upload,
      keepUploaded: true,
      tmpDir,
    });
    expect(tempFiles(tmpDir)).toHaveLength(2);
    const layers = (image.artifact as ImageArtifact).layers;
    for (const layer of layers) {
      expect((await collect(await layer.open())).equals(stored.get(layer.descriptor.digest)!)).toBe(true);
    }
    await image.dispose();
    await expect(layers[0]!.open()).rejects.toMatchObject({ code: 'SRC_DISPOSED' });
  });

  test('a failed upload sends that layer and every later one to temporary files instead', async () => {
    const tars = [await randomLayer(55, 3, 20_000), await randomLayer(56), await randomLayer(57)];
    const { upload, calls } = memoryUpload({ fail: 0 });
    const tmpDir = newTempDir('fallback');
    const image = await compressImage(await fromLayout(await plainLayout(tars)), {
      upload,
      tmpDir,
      concurrency: 1,
    });
    expect(calls).toHaveLength(1);
    expect(tempFiles(tmpDir)).toHaveLength(3);
    const [, ...layers] = await readAll(image.artifact as ImageArtifact);
    layers.forEach((gz, i) => expect(gunzipSync(gz).equals(tars[i]!)).toBe(true));
    await image.dispose();
  });

  test('an upload that resolves without reading every byte is not believed', async () => {
    const tars = [await randomLayer(58, 3, 20_000)];
    const careless: LayerUpload = () => Promise.resolve({ digest: sha256('nothing'), size: 7 });
    const tmpDir = newTempDir('careless');
    const image = await compressImage(await fromLayout(await plainLayout(tars)), {
      upload: careless,
      tmpDir,
    });
    const layer = (image.artifact as ImageArtifact).layers[0]!;
    expect(layer.descriptor.digest).not.toBe(sha256('nothing'));
    expect(tempFiles(tmpDir)).toHaveLength(1);
    expect(gunzipSync(await collect(await layer.open())).equals(tars[0]!)).toBe(true);
    await image.dispose();
  });

  test('an abort during an upload is thrown, with no fallback and no file left', async () => {
    const tars = [await randomLayer(59, 3, 20_000), await randomLayer(60)];
    const controller = new AbortController();
    const { upload, calls } = memoryUpload({ abort: controller });
    const tmpDir = newTempDir('abort');
    await expect(
      compressImage(await fromLayout(await plainLayout(tars)), {
        upload,
        tmpDir,
        concurrency: 1,
        signal: controller.signal,
      }),
    ).rejects.toThrow('user cancelled');
    expect(calls).toHaveLength(1);
    expect(readdirSync(tmpDir)).toEqual([]);
  });
});

describe('resolveCompressOptions', () => {
  test('defaults: gzip level 6, one layer per CPU', () => {
    expect(resolveCompressOptions()).toMatchObject({ compression: 'gzip', level: 6 });
    expect(resolveCompressOptions().concurrency).toBeGreaterThan(0);
    expect(resolveCompressOptions({ compression: 'zstd' }).level).toBe(3);
  });

  test.each([
    [{ compression: 'brotli' as never }, /unknown compression "brotli"/],
    [{ compression: 'gzip' as const, level: 10 }, /gzip level 10 is out of range/],
    [{ compression: 'zstd' as const, level: 0 }, /zstd level 0 is out of range/],
    [{ concurrency: 0 }, /concurrency 0/],
    [{ concurrency: 1.5 }, /concurrency 1.5/],
  ])('SRC_INVALID_OPTION for %j', (options, message) => {
    expect(() => resolveCompressOptions(options)).toThrow(
      expect.objectContaining({ code: 'SRC_INVALID_OPTION', message: expect.stringMatching(message) }),
    );
  });
});
