/**
 * Read buffers a blob reader fills again once the bytes it lent are written.
 *
 * Reading a 1 GiB blob in 1 MiB chunks allocates a thousand buffers. Each comes from memory the
 * allocator has just returned to the kernel, so every one of its pages faults on first touch, and
 * the garbage collector frees them again: on a blob upload that was about a third of the client's
 * CPU (bench/README.md, "Uploads on node:http"). A {@link ChunkPool} keeps a few buffers instead.
 *
 * The contract is narrow, because a buffer refilled too early corrupts an upload:
 * - the reader {@link ChunkPool.lend}s each chunk it pushes, the exact object it pushes;
 * - the last consumer calls {@link releaseChunk} with that same object once nothing will read it
 *   again (node-http.ts: when the socket has written it);
 * - everything in between passes the object on unchanged and keeps no reference (a transform
 *   that hashes a chunk and forwards it). A slice, a copy or a concatenation is another object,
 *   which no one can release: its buffer is simply left to the garbage collector.
 * A consumer that never releases (undici, a test reading the stream) gets what it had before:
 * every chunk in a buffer of its own. {@link pipeReleasing} is the consumer side for a writable
 * whose write callback means "done with these bytes" (a socket, a zlib compressor).
 */
import type { Readable, Writable } from 'node:stream';

/** What {@link releaseChunk} needs to give a lent chunk's buffer back. */
interface Loan {
  readonly pool: ChunkPool;
  readonly buffer: Buffer;
}

/** Lent chunks (the objects pushed), weakly: a chunk nobody releases takes its buffer to the GC. */
const loans = new WeakMap<Uint8Array, Loan>();

/** A few buffers of one size, handed out again once released. */
export class ChunkPool {
  readonly size: number;
  readonly #keep: number;
  readonly #free: Buffer[] = [];

  /**
   * @param size bytes per buffer
   * @param keep most released buffers kept for reuse (more are left to the GC). Default 8.
   */
  constructor(size: number, keep = 8) {
    this.size = size;
    this.#keep = keep;
  }

  /** A buffer of {@link size} bytes: one released before, else a new one. Its bytes are not zeroed. */
  take(): Buffer {
    return this.#free.pop() ?? Buffer.allocUnsafeSlow(this.size);
  }

  /** Gives back a buffer taken and not lent (a read that returned nothing). */
  giveBack(buffer: Buffer): void {
    if (this.#free.length < this.#keep && buffer.length === this.size) this.#free.push(buffer);
  }

  /** Records that `chunk` (a view of `buffer`, which came from {@link take}) is pushed to a consumer. */
  lend(buffer: Buffer, chunk: Uint8Array): void {
    loans.set(chunk, { pool: this, buffer });
  }
}

/**
 * Gives `chunk`'s buffer back to its pool when `chunk` is a lent chunk, once: the caller must be
 * its last reader (see the contract above). Anything else is left alone.
 */
export function releaseChunk(chunk: unknown): void {
  if (typeof chunk !== 'object' || chunk === null) return;
  const loan = loans.get(chunk as Uint8Array);
  if (loan === undefined) return;
  loans.delete(chunk as Uint8Array);
  loan.pool.giveBack(loan.buffer);
}

/**
 * Pipes `source` into `target` as `pipe()` does (pausing while `target` is full, ending it when
 * `source` ends), and releases each chunk ({@link releaseChunk}) when `target`'s write callback
 * says it is done with it: a socket once it wrote the bytes, a compressor once it consumed them.
 * A failed write keeps the chunk from its pool. An error of `source` destroys `target` with it;
 * `target` closing before `source` ended (a failure, or an answer before the whole body was
 * sent) destroys `source`, which closes what it reads.
 */
export function pipeReleasing(source: Readable, target: Writable): void {
  source.once('error', (error) => target.destroy(error));
  target.once('close', () => {
    if (!source.readableEnded) source.destroy();
  });
  source.on('data', (chunk: Buffer) => {
    const more = target.write(chunk, (error) => {
      if (!error) releaseChunk(chunk);
    });
    if (!more) source.pause();
  });
  target.on('drain', () => source.resume());
  source.once('end', () => target.end());
}
