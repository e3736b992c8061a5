import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { constants, createGzip, createZstdCompress, gzip, type Gzip, type ZstdCompress } from 'node:zlib';
import { DigestStream } from '../oci/index.js';
import type { BlobSource } from '../oci/image.js';

/** A compression a layer can be given. */
export type LayerCompression = 'gzip' | 'zstd';

/** The digest and size of what was written. */
export interface WrittenBlob {
  readonly digest: string;
  readonly size: number;
  /** The level used: the one asked for, or 0 for gzip content that does not compress. */
  readonly level: number;
}

/**
 * Streams `blob` (verified by its own opener as it is read) through a gzip or zstd compressor
 * into `file`, hashing the compressed bytes on the way: one pass, nothing held in memory. zlib
 * and zstd run on libuv's thread pool, so several layers compress in parallel off the event loop.
 *
 * @param level gzip 0-9 or zstd 1-22
 */
export async function compressToFile(
  blob: BlobSource,
  compression: LayerCompression,
  level: number,
  file: string,
  signal?: AbortSignal,
): Promise<WrittenBlob> {
  signal?.throwIfAborted();
  const effective =
    compression === 'gzip' && level > 0 && (await incompressible(blob, level, signal)) ? 0 : level;
  const source = await blob.open(signal);
  const hasher = new DigestStream('sha256');
  await pipeline(source, compressor(compression, effective), hasher, createWriteStream(file), { signal });
  return { digest: hasher.digest, size: hasher.size, level: effective };
}

/**
 * Compresses `blob` on the fly, at exactly `level`, as a stream: for a layer whose compressed
 * digest is known from the blob-info cache and that the registry turned out not to have. zlib
 * and zstd are deterministic for the same input, level and library, and the pusher verifies
 * the bytes against the descriptor, so a mismatch fails the push instead of corrupting it.
 */
export async function compressStream(
  blob: BlobSource,
  compression: LayerCompression,
  level: number,
  signal?: AbortSignal,
): Promise<Readable> {
  const source = await blob.open(signal);
  const output = compressor(compression, level);
  source.on('error', (error) => output.destroy(error));
  return source.pipe(output);
}

function compressor(compression: LayerCompression, level: number): Gzip | ZstdCompress {
  if (compression === 'gzip') return createGzip({ level });
  return createZstdCompress({ params: { [constants.ZSTD_c_compressionLevel]: level } });
}

const gzipAsync = promisify(gzip);

/** Bytes of a layer's start that decide whether it is worth compressing. */
export const SAMPLE_BYTES = 1 << 20;

/**
 * True when the first MiB of `blob` does not shrink by 3% under gzip at `level`: already
 * compressed or random content, where zlib runs at about 30 MiB/s for nothing. Such layers are
 * written with gzip level 0 (stored blocks: still valid gzip, ten times faster).
 */
export async function incompressible(
  blob: BlobSource,
  level: number,
  signal?: AbortSignal,
): Promise<boolean> {
  const stream = await blob.open(signal);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= SAMPLE_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  if (size < 4096) return false;
  const sample = Buffer.concat(chunks).subarray(0, SAMPLE_BYTES);
  const compressed = await gzipAsync(sample, { level });
  return compressed.length > sample.length * 0.97;
}
