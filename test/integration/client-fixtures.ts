/**
 * Seeded random images built in memory for the registry client's integration tests: layers of
 * pseudo-random bytes (AES-CTR keystream of the seed, so a 40 MiB layer takes milliseconds),
 * OCI manifests and indexes, each as the `Artifact` shapes the client pushes.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Descriptor, Platform } from '../../src/oci/descriptor.js';
import type { BlobSource, ImageArtifact, IndexArtifact } from '../../src/oci/image.js';
import { MediaType } from '../../src/oci/media-types.js';

/** `size` deterministic pseudo-random bytes for `seed`. */
export function seededBytes(seed: string, size: number): Buffer {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16);
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  return Buffer.concat([cipher.update(Buffer.alloc(size)), cipher.final()]);
}

/** `sha256:<hex>` of `bytes`. */
export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Counts how often each blob was opened (a retry re-opens). */
export interface CountingBlob extends BlobSource {
  readonly bytes: Buffer;
  opens: number;
}

/**
 * A blob served from memory in `chunk`-byte pieces. `content` may differ from what `descriptor`
 * claims, to test verification.
 */
export function memoryBlob(
  bytes: Buffer,
  mediaType: string,
  content: Buffer = bytes,
  chunk = 64 * 1024,
): CountingBlob {
  const blob: CountingBlob = {
    descriptor: { mediaType, digest: sha256(bytes), size: bytes.length },
    bytes,
    opens: 0,
    async open() {
      blob.opens++;
      return Readable.from(pieces(content, chunk), { objectMode: false });
    },
  };
  return blob;
}

function* pieces(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Options of {@link randomImage}. */
export interface RandomImageOptions {
  readonly seed: string;
  /** Size of each layer in bytes. */
  readonly layers: readonly number[];
  readonly platform?: Platform;
}

/** An OCI image whose layers are seeded random bytes (so the same seed gives the same digest). */
export function randomImage(options: RandomImageOptions): ImageArtifact & { blobs: CountingBlob[] } {
  const layers = options.layers.map((size, i) =>
    memoryBlob(seededBytes(`${options.seed}/layer/${i}`, size), MediaType.ociLayerGzip),
  );
  const platform = options.platform ?? { os: 'linux', architecture: 'amd64' };
  const configJson = {
    architecture: platform.architecture,
    os: platform.os,
    config: { Labels: { seed: options.seed } },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.descriptor.digest) },
  };
  const config = memoryBlob(Buffer.from(JSON.stringify(configJson)), MediaType.ociConfig);
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: config.descriptor,
    layers: layers.map((l) => l.descriptor),
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  return {
    kind: 'image',
    mediaType: MediaType.ociManifest,
    bytes,
    digest: sha256(bytes),
    config,
    layers,
    blobs: [config, ...layers],
  };
}

/** An OCI index over `images`, each with its platform. */
export function randomIndex(
  images: readonly (ImageArtifact & { platform?: Platform })[],
  platforms: readonly Platform[],
): IndexArtifact {
  const manifests: Descriptor[] = images.map((image, i) => ({
    mediaType: image.mediaType,
    digest: image.digest,
    size: image.bytes.length,
    platform: platforms[i]!,
  }));
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests }));
  return { kind: 'index', mediaType: MediaType.ociIndex, bytes, digest: sha256(bytes), children: images };
}

/** Reads a stream to one buffer. */
export async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
