/**
 * Reading a blob source in order, in pieces, while checking it against its descriptor. A
 * {@link BlobHasher} hashes each byte position once, even when an upload resumes from an earlier
 * offset with a fresh {@link BlobCursor} over a re-opened source; the final piece is only handed
 * out after the digest and size have been checked, so a registry never receives all the bytes of
 * content that does not match its descriptor. A source stream that checks itself against the same
 * descriptor (a {@link VerifyingStream}, as every image source's opener returns) is not hashed a
 * second time: it fails before it ends unless its bytes match, and the cursor reads its end
 * before handing out the final piece, so the guarantee holds with one hash of each byte.
 */
import type { Readable } from 'node:stream';
import { isContainerPackageError } from '../../errors.js';
import type { Descriptor } from '../../oci/descriptor.js';
import type { BlobSource } from '../../oci/image.js';
import { createDigester, parseDigest, VerifyingStream, type Digester } from '../../oci/index.js';
import { ContentMismatchError, clientError } from '../errors.js';

/**
 * Opens `blob`. A failure of the source (a missing file, a broken archive) becomes
 * `CLIENT_SOURCE_READ` naming the blob, so it is never mistaken for a network failure; errors
 * that already have a code (`SRC_*`) and aborts pass through.
 */
export async function openSource(blob: BlobSource, signal?: AbortSignal): Promise<Readable> {
  try {
    return await blob.open(signal);
  } catch (error) {
    throw sourceError(error, blob.descriptor.digest, signal);
  }
}

function sourceError(error: unknown, digest: string, signal?: AbortSignal): unknown {
  if (signal?.aborted || isContainerPackageError(error)) return error;
  const why = error instanceof Error ? error.message : String(error);
  return clientError('CLIENT_SOURCE_READ', `cannot read blob ${digest} from its source: ${why}`, {
    cause: error,
    hint: 'the image source changed or went away during the push (a deleted file or temporary directory?)',
  });
}

/** Hashes byte positions `[0, size)` of one blob in order, each once. */
export class BlobHasher {
  readonly descriptor: Descriptor;
  readonly #digester: Digester;
  #hashed = 0;
  /** Some positions came from a source that checks itself and were not hashed (see {@link feed}). */
  #unhashed = false;

  constructor(descriptor: Descriptor) {
    this.descriptor = descriptor;
    this.#digester = createDigester(parseDigest(descriptor.digest).algorithm);
  }

  /** Bytes read so far (the positions below this one), hashed or checked by their source. */
  get hashed(): number {
    return this.#hashed;
  }

  /**
   * Hashes the part of `chunk` (which starts at `position`) not hashed yet; with `hash` false,
   * only counts it (its source checks the digest itself), and {@link verify} can no longer be used.
   */
  feed(position: number, chunk: Uint8Array, hash = true): void {
    const end = position + chunk.length;
    if (end <= this.#hashed) return;
    if (position > this.#hashed) throw new Error(`internal: hashing gap at ${this.#hashed}, got ${position}`);
    if (hash) this.#digester.update(chunk.subarray(this.#hashed - position));
    else this.#unhashed = true;
    this.#hashed = end;
  }

  /**
   * Checks the digest once every byte is hashed.
   *
   * @throws ContentMismatchError `CLIENT_DIGEST_MISMATCH`
   */
  verify(): void {
    if (this.#unhashed)
      throw new Error('internal: verify() of a blob whose source checked some bytes itself');
    const actual = this.#digester.digest();
    if (actual !== this.descriptor.digest) {
      throw new ContentMismatchError(
        `blob ${this.descriptor.digest} does not match its content: the bytes hash to ${actual}`,
        this.descriptor.digest,
        actual,
      );
    }
  }
}

/** Sequential reader over one opened source stream of a blob. */
export class BlobCursor {
  readonly #stream: Readable;
  readonly #iterator: AsyncIterator<Buffer>;
  readonly #hasher: BlobHasher;
  readonly #signal: AbortSignal | undefined;
  /** The stream checks the digest and size itself (see the module comment): no second hash. */
  readonly #checksItself: boolean;
  #pending: Buffer | undefined;
  #position = 0;

  constructor(stream: Readable, hasher: BlobHasher, signal?: AbortSignal) {
    this.#stream = stream;
    this.#signal = signal;
    this.#iterator = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    this.#hasher = hasher;
    this.#checksItself = checksItself(stream, hasher.descriptor);
  }

  /** Bytes read so far (the offset of the next byte). */
  get position(): number {
    return this.#position;
  }

  get size(): number {
    return this.#hasher.descriptor.size;
  }

  /** Reads and drops `count` bytes (to resume an upload at an offset). */
  async skip(count: number): Promise<void> {
    for await (const _ of this.take(count)) {
      // Bytes are hashed where needed by take(); nothing to send.
    }
  }

  /**
   * Yields exactly `count` more bytes. Before the piece that reaches the end of the blob, checks
   * that the source has no more bytes and that the digest matches. `onBytes` is told the new
   * position after each piece.
   *
   * @throws ContentMismatchError `CLIENT_DIGEST_MISMATCH` when the source is shorter or longer
   *   than `descriptor.size`, or hashes to another digest.
   */
  async *take(count: number, onBytes?: (position: number) => void): AsyncGenerator<Buffer> {
    if (this.#position + count > this.size)
      throw new Error(`internal: read past the end of ${this.size} bytes`);
    if (count === 0 && this.#position === this.size) await this.#verifyEnd();
    let remaining = count;
    while (remaining > 0) {
      let chunk = await this.#read();
      if (chunk === undefined) throw this.#sizeError(`ends after ${this.#position} bytes`);
      if (chunk.length > remaining) {
        this.#pending = chunk.subarray(remaining);
        chunk = chunk.subarray(0, remaining);
      }
      this.#hasher.feed(this.#position, chunk, !this.#checksItself);
      this.#position += chunk.length;
      remaining -= chunk.length;
      if (this.#position === this.size) await this.#verifyEnd();
      yield chunk;
      onBytes?.(this.#position);
    }
  }

  /** Destroys the source stream. */
  close(): void {
    this.#stream.destroy();
  }

  async #read(): Promise<Buffer | undefined> {
    if (this.#pending !== undefined) {
      const pending = this.#pending;
      this.#pending = undefined;
      return pending;
    }
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await this.#iterator.next();
      } catch (error) {
        throw sourceError(error, this.#hasher.descriptor.digest, this.#signal);
      }
      if (next.done) return undefined;
      const chunk = toBuffer(next.value as Uint8Array | string);
      if (chunk.length > 0) return chunk;
    }
  }

  async #verifyEnd(): Promise<void> {
    const extra = await this.#read();
    if (extra !== undefined) throw this.#sizeError('has more bytes');
    // A stream that checks itself has ended only because its bytes matched.
    if (!this.#checksItself) this.#hasher.verify();
  }

  #sizeError(what: string): ContentMismatchError {
    const { digest, size } = this.#hasher.descriptor;
    return new ContentMismatchError(
      `blob ${digest} should be ${size} bytes but its source ${what}`,
      `${size} bytes`,
      what,
    );
  }
}

/**
 * True when `stream` is a {@link VerifyingStream} expecting exactly `descriptor`'s digest and
 * size: it errors instead of ending when the bytes it passed differ.
 */
function checksItself(stream: Readable, descriptor: Descriptor): boolean {
  return (
    stream instanceof VerifyingStream &&
    stream.expected.digest === descriptor.digest &&
    stream.expected.size === descriptor.size
  );
}

function toBuffer(value: Uint8Array | string): Buffer {
  if (typeof value === 'string') return Buffer.from(value);
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
