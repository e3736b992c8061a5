import { open, type FileHandle } from 'node:fs/promises';
import { Readable, addAbortSignal, pipeline, type Transform } from 'node:stream';
import { ChunkPool } from '../chunk-pool.js';
import type { Descriptor } from '../oci/descriptor.js';
import type { BlobSource } from '../oci/image.js';
import { SourceNotFoundError } from './errors.js';
import { SourceVerifyingStream } from './verify.js';
import { zlib } from './zlib.js';

/** Chunk size of file reads: large chunks serve files about twice as fast as the 64 KiB default. */
const READ_CHUNK = 1024 * 1024;

/** Where a blob's bytes are: a whole file, or `length` bytes from `start` (an entry inside a tar). */
export interface FileRange {
  readonly file: string;
  /** First byte. Default 0. */
  readonly start?: number;
  /** Number of bytes. Default: to the end of the file. */
  readonly length?: number;
}

/** Options of {@link fileBlob}. */
export interface FileBlobOptions {
  /** How messages name the blob. Default: the file path. */
  where?: string;
  /** Decompress the stored bytes before verifying them (the descriptor describes the decompressed bytes). Default: none. */
  decompress?: 'gzip' | 'zstd';
  /** Called first on every `open()`; throws when the owner of the file has been disposed. */
  guard?: () => void;
}

/**
 * A {@link BlobSource} over bytes in a file. `range` may be a function, called on each `open()`
 * (so a blob that is never read need not exist). Every `open()` opens the file afresh (so a retry
 * re-reads it) and returns a stream that hashes the bytes as they flow and fails at its end with
 * `SRC_DIGEST_MISMATCH` / `SRC_SIZE_MISMATCH` (naming the file) when they are not what
 * `descriptor` says. A missing file fails `open()` itself with `SRC_NOT_FOUND`.
 */
export function fileBlob(
  descriptor: Descriptor,
  range: FileRange | (() => FileRange),
  options: FileBlobOptions = {},
): BlobSource {
  const locate = typeof range === 'function' ? range : () => range;
  return {
    descriptor,
    async open(signal?: AbortSignal): Promise<Readable> {
      signal?.throwIfAborted();
      options.guard?.();
      const located = locate();
      const where = options.where ?? located.file;
      const raw = await openRange(located, where);
      const verifier = new SourceVerifyingStream({ digest: descriptor.digest, size: descriptor.size }, where);
      const steps: Transform[] = [];
      if (options.decompress === 'gzip') steps.push(zlib().createGunzip());
      if (options.decompress === 'zstd') steps.push(zlib().createZstdDecompress());
      // pipeline destroys every stage when one fails or the consumer destroys the verifier; the
      // error reaches the consumer through the verifier, so the callback has nothing left to do.
      pipeline([raw, ...steps, verifier], () => undefined);
      if (signal !== undefined) addAbortSignal(signal, verifier);
      return verifier;
    },
  };
}

async function openRange(range: FileRange, where: string): Promise<Readable> {
  const start = range.start ?? 0;
  let handle;
  try {
    handle = await open(range.file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SourceNotFoundError(
        where,
        'blob',
        'The image files are incomplete; export the image again.',
        error,
      );
    }
    throw error;
  }
  if (range.length === 0) {
    await handle.close();
    return Readable.from([]);
  }
  return new FileRangeReader(handle, start, range.length);
}

/**
 * The bytes of an open file from `start`, `length` of them or to its end, in chunks of
 * {@link READ_CHUNK} read into buffers of its own {@link ChunkPool}: the upload gives each chunk
 * back once the socket has written it, so a blob moves through a few buffers. Closes the file when
 * it ends or is destroyed. A file that ends early ends the stream early (the verifier says so).
 */
export class FileRangeReader extends Readable {
  readonly #handle: FileHandle;
  readonly #end: number;
  readonly #pool = new ChunkPool(READ_CHUNK);
  #position: number;

  constructor(handle: FileHandle, start: number, length?: number) {
    super({ highWaterMark: READ_CHUNK });
    this.#handle = handle;
    this.#position = start;
    this.#end = length === undefined ? Number.POSITIVE_INFINITY : start + length;
  }

  override _read(): void {
    const want = Math.min(READ_CHUNK, this.#end - this.#position);
    if (want <= 0) {
      this.push(null);
      return;
    }
    const buffer = this.#pool.take();
    this.#handle.read(buffer, 0, want, this.#position).then(
      ({ bytesRead }) => {
        if (this.destroyed) return;
        if (bytesRead === 0) {
          this.#pool.giveBack(buffer);
          this.push(null);
          return;
        }
        this.#position += bytesRead;
        const chunk = bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
        this.#pool.lend(buffer, chunk);
        this.push(chunk);
      },
      (error: unknown) => this.destroy(error as Error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // FileHandle.close() waits for a read still running.
    this.#handle.close().then(
      () => callback(error),
      (closeError: unknown) => callback(error ?? (closeError as Error)),
    );
  }
}

/**
 * A {@link BlobSource} over bytes already in memory (a config read while loading a docker archive).
 * The bytes are trusted: the caller computed `descriptor` from them.
 */
export function bytesBlob(descriptor: Descriptor, bytes: Uint8Array): BlobSource {
  return {
    descriptor,
    open(signal?: AbortSignal): Promise<Readable> {
      signal?.throwIfAborted();
      return Promise.resolve(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
    },
  };
}
