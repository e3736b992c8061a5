import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip, createZstdCompress, type Gzip, type ZstdCompress } from 'node:zlib';
import { DigestStream } from '../oci/index.js';
import type { BlobSource } from '../oci/image.js';

/** A compression a layer can be given. */
export type LayerCompression = 'gzip' | 'zstd';

/** The digest and size of what was written. */
export interface WrittenBlob {
  readonly digest: string;
  readonly size: number;
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
  const source = await blob.open(signal);
  const hasher = new DigestStream('sha256');
  await pipeline(source, compressor(compression, level), hasher, createWriteStream(file), { signal });
  return { digest: hasher.digest, size: hasher.size };
}

function compressor(compression: LayerCompression, level: number): Gzip | ZstdCompress {
  if (compression === 'gzip') return createGzip({ level });
  return createZstdCompress({ params: { [constants.ZSTD_c_compressionLevel]: level } });
}
