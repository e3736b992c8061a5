import { createWriteStream, type WriteStream } from 'node:fs';
import { type Readable, Transform, type TransformCallback, pipeline as pipeStreams } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import type { Gzip, ZstdCompress } from 'node:zlib';
import { pipeReleasing } from '../chunk-pool.js';
import { DigestStream } from '../oci/index.js';
import type { BlobSource } from '../oci/image.js';
import type { LayerUpload } from './compress-options.js';
import { SourceError } from './errors.js';
import { zlib } from './zlib.js';

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
  const effective = await effectiveLevel(blob, compression, level, signal);
  const compressed = await compressStream(blob, compression, effective, signal);
  const hasher = new DigestStream('sha256');
  await pipeline(compressed, hasher, createWriteStream(file), { signal });
  return { digest: hasher.digest, size: hasher.size, level: effective };
}

/**
 * Compresses `blob` (at the level {@link compressToFile} would use) straight into `upload`,
 * which sends the bytes on as they are made and reports their digest and size: compressing and
 * uploading overlap, and nothing goes through a temporary file, unless `keep` names one that
 * gets a copy of the bytes as they pass (for pushes to further registries).
 *
 * @throws SourceError `SRC_UPLOAD_INCOMPLETE` when `upload` resolves without having read the
 *   stream to its end; whatever `upload` or reading `blob` throws.
 */
export async function compressToUpload(
  blob: BlobSource,
  compression: LayerCompression,
  level: number,
  upload: LayerUpload,
  signal: AbortSignal,
  keep?: string,
): Promise<WrittenBlob> {
  signal.throwIfAborted();
  const effective = await effectiveLevel(blob, compression, level, signal);
  const compressed = await compressStream(blob, compression, effective, signal);
  const tee = keep === undefined ? undefined : new FileTee(keep);
  const stream = tee === undefined ? compressed : pipeStreams(compressed, tee, noop);
  try {
    const uploaded = await upload(stream, blob.descriptor, signal);
    if (!stream.readableEnded) {
      throw new SourceError(
        'SRC_UPLOAD_INCOMPLETE',
        `the upload of layer ${blob.descriptor.digest} ended before all its compressed bytes were read`,
        { hint: 'This is a bug in the upload given to compressImage.' },
      );
    }
    await tee?.written;
    return { digest: uploaded.digest, size: uploaded.size, level: effective };
  } finally {
    stream.destroy();
  }
}

/** 0 for gzip content that does not compress (see {@link incompressible}), else `level`. */
async function effectiveLevel(
  blob: BlobSource,
  compression: LayerCompression,
  level: number,
  signal?: AbortSignal,
): Promise<number> {
  return compression === 'gzip' && level > 0 && (await incompressible(blob, level, signal)) ? 0 : level;
}

function noop(): void {}

/** A pass-through that also writes every chunk to a file; ends once the file is written and closed. */
class FileTee extends Transform {
  readonly #file: WriteStream;
  /** Settles when the file is closed: resolved after a complete write, rejected on a write error. */
  readonly written: Promise<void>;

  constructor(path: string) {
    super();
    this.#file = createWriteStream(path);
    this.written = new Promise((resolve, reject) => {
      this.#file.once('error', (error) => {
        reject(error);
        this.destroy(error);
      });
      this.#file.once('close', resolve);
    });
    this.written.catch(noop);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#file.write(chunk)) callback(null, chunk);
    else this.#file.once('drain', () => callback(null, chunk));
  }

  override _flush(callback: TransformCallback): void {
    this.#file.end(() => callback());
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#file.destroy();
    callback(error);
  }
}

/**
 * Compresses `blob` on the fly, at exactly `level`, as a stream: what {@link compressToUpload}
 * uploads, and later, for a layer whose compressed digest is known (from the blob-info cache or
 * that upload), the bytes for a registry that turns out not to have it. zlib and zstd are
 * deterministic for the same input, level, library and buffer sizes (and sources read files in
 * fixed-size pieces); the pusher verifies the bytes against the descriptor, so a mismatch fails
 * the push instead of corrupting it.
 */
export async function compressStream(
  blob: BlobSource,
  compression: LayerCompression,
  level: number,
  signal?: AbortSignal,
): Promise<Readable> {
  const source = await blob.open(signal);
  // As pipeline(): the output's consumer destroying it (a failed upload) closes the source too.
  // Each chunk read goes back to the reader's pool once the compressor consumed it.
  const output = compressor(compression, level);
  pipeReleasing(source, output);
  return output;
}

/**
 * Output buffer of the compressors. 1 MiB instead of zlib's 16 KiB: a quarter of the CPU for
 * stored (level 0) gzip, and uploads sent in large pieces, which also costs the receiving
 * registry about a third less CPU. It is part of the output format: gzip level 0 ends its stored
 * blocks where the buffer ends, so changing it changes those digests (bump the blob-info cache's
 * format with it).
 */
const OUTPUT_CHUNK = 1024 * 1024;

function compressor(compression: LayerCompression, level: number): Gzip | ZstdCompress {
  const { constants, createGzip, createZstdCompress } = zlib();
  if (compression === 'gzip') return createGzip({ level, chunkSize: OUTPUT_CHUNK });
  return createZstdCompress({
    params: { [constants.ZSTD_c_compressionLevel]: level },
    chunkSize: OUTPUT_CHUNK,
  });
}

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
  const compressed = await promisify(zlib().gzip)(sample, { level });
  return compressed.length > sample.length * 0.97;
}
