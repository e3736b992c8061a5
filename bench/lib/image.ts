/**
 * The benchmark image: an OCI image layout with N uncompressed layers of random bytes, each a tar
 * holding one file, written in 1 MiB chunks while their sha256 is computed (one pass, nothing
 * held in memory). Random bytes do not compress, so the gzip figures show a compressor's worst
 * case, as the peers' figures in issue 7 do.
 */
import { createHash, randomFillSync } from 'node:crypto';
import { mkdir, open, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchError } from './errors.js';
import { MiB } from './size.js';
import { tarHeader, tarSize, tarTrailer } from './tar.js';

/** Options of {@link generateImage}. */
export interface ImageOptions {
  /** Directory to create the layout in (must not exist yet, or be empty). */
  readonly dir: string;
  /** Bytes of random data over all layers; split evenly, the last layer takes the remainder. */
  readonly totalBytes: number;
  /** Number of layers. At least 1. */
  readonly layers: number;
  /** Tag written to `index.json` (`org.opencontainers.image.ref.name`). Default `latest`. */
  readonly tag?: string;
  /** Called after each chunk with the bytes written so far. */
  readonly onProgress?: (written: number) => void;
}

/** A generated layout. */
export interface BenchImage {
  readonly dir: string;
  readonly tag: string;
  /** `oci:DIR:TAG`, the source reference both skopeo and container-package accept. */
  readonly reference: string;
  /** Sum of the layer, config and manifest sizes: the bytes a push moves. */
  readonly bytes: number;
  readonly manifestDigest: string;
  readonly layers: readonly { readonly digest: string; readonly size: number }[];
}

const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/**
 * Writes the layout and returns what it holds.
 *
 * @throws BenchError `BENCH_USAGE` when `layers` < 1 or a layer would exceed 8 GiB
 */
export async function generateImage(options: ImageOptions): Promise<BenchImage> {
  const { dir, totalBytes, layers: count } = options;
  const tag = options.tag ?? 'latest';
  if (!Number.isInteger(count) || count < 1) {
    throw new BenchError('BENCH_USAGE', `--layers must be a whole number ≥ 1, not ${count}`);
  }
  const blobs = join(dir, 'blobs', 'sha256');
  await mkdir(blobs, { recursive: true });
  const per = Math.floor(totalBytes / count);
  const layers: { digest: string; size: number }[] = [];
  let written = 0;
  for (let i = 0; i < count; i++) {
    const size = i === count - 1 ? totalBytes - per * (count - 1) : per;
    layers.push(await writeLayer(blobs, i, size, (n) => options.onProgress?.((written += n))));
  }
  const config = json({
    architecture: 'amd64',
    os: 'linux',
    config: {},
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
    history: layers.map((_, i) => ({ created_by: `container-package bench layer ${i}` })),
  });
  const configDigest = await writeBlob(blobs, config);
  const manifest = json({
    schemaVersion: 2,
    mediaType: MANIFEST,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: configDigest,
      size: config.length,
    },
    layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...l })),
  });
  const manifestDigest = await writeBlob(blobs, manifest);
  const ref = { 'org.opencontainers.image.ref.name': tag };
  const index = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [{ mediaType: MANIFEST, digest: manifestDigest, size: manifest.length, annotations: ref }],
  };
  await writeFile(join(dir, 'index.json'), json(index));
  await writeFile(join(dir, 'oci-layout'), json({ imageLayoutVersion: '1.0.0' }));
  const bytes = layers.reduce((sum, l) => sum + l.size, config.length + manifest.length);
  return { dir, tag, reference: `oci:${dir}:${tag}`, bytes, manifestDigest, layers };
}

async function writeLayer(
  blobs: string,
  index: number,
  dataBytes: number,
  onChunk: (bytes: number) => void,
): Promise<{ digest: string; size: number }> {
  const temp = join(blobs, `.layer-${index}.tmp`);
  const file = await open(temp, 'w');
  const hash = createHash('sha256');
  const put = async (chunk: Buffer): Promise<void> => {
    hash.update(chunk);
    await file.write(chunk);
  };
  try {
    await put(tarHeader(`layer-${index}.bin`, dataBytes));
    const chunk = Buffer.allocUnsafe(MiB);
    for (let left = dataBytes; left > 0; left -= chunk.length) {
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      randomFillSync(part);
      await put(part);
      onChunk(part.length);
    }
    await put(tarTrailer(dataBytes));
  } finally {
    await file.close();
  }
  const digest = `sha256:${hash.digest('hex')}`;
  await rename(temp, join(blobs, digest.slice('sha256:'.length)));
  return { digest, size: tarSize(dataBytes) };
}

async function writeBlob(blobs: string, bytes: Buffer): Promise<string> {
  const hex = createHash('sha256').update(bytes).digest('hex');
  await writeFile(join(blobs, hex), bytes);
  return `sha256:${hex}`;
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}
