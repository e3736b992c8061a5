import { Transform, type TransformCallback, type TransformOptions } from 'node:stream';
import { createDigester, parseDigest, type DigestAlgorithm, type Digester } from './digest.js';
import { DigestMismatchError, DigestStateError, SizeMismatchError } from './errors.js';

/**
 * Buffering and cancellation options of {@link DigestStream}. Object mode and string pass-through
 * are not offered: the stream always carries bytes, so the size it counts is a byte count.
 */
export type DigestStreamOptions = Pick<
  TransformOptions,
  'highWaterMark' | 'readableHighWaterMark' | 'writableHighWaterMark' | 'signal'
>;

/**
 * A pass-through stream that hashes and counts the bytes flowing through it, without copying or
 * buffering them. `digest` is known once the stream has flushed (at its 'finish' and 'end' events);
 * `size` grows as bytes pass.
 *
 * Strings written to it are hashed as the bytes they become (UTF-8 unless another encoding is given).
 */
export class DigestStream extends Transform {
  readonly algorithm: DigestAlgorithm;
  readonly #digester: Digester;
  #digest: string | undefined;

  /** @param algorithm `sha256` by default */
  constructor(algorithm: DigestAlgorithm = 'sha256', options: DigestStreamOptions = {}) {
    super({ ...options, objectMode: false, decodeStrings: true });
    this.algorithm = algorithm;
    this.#digester = createDigester(algorithm);
  }

  /** Bytes seen so far. */
  get size(): number {
    return this.#digester.size;
  }

  /**
   * The digest of all bytes, `algorithm:hex`.
   *
   * @throws {DigestStateError} `OCI_DIGEST_STATE` when read before the stream has flushed
   */
  get digest(): string {
    if (this.#digest === undefined) {
      throw new DigestStateError(
        'the digest is not known until the stream has ended',
        "Read `digest` after the stream's 'finish' or 'end' event, or use digestOfStream().",
      );
    }
    return this.#digest;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#digester.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.#digest = this.#digester.digest();
    callback();
  }
}

/** What content is claimed to be: its digest and, when known, its size in bytes. */
export interface ExpectedContent {
  digest: string;
  size?: number;
}

/**
 * A {@link DigestStream} that checks the bytes against a claimed digest and size, the way
 * go-containerregistry's `internal/verify` does: bytes pass through as they come, and the stream
 * fails at its end with `OCI_DIGEST_MISMATCH` or `OCI_SIZE_MISMATCH`. When `size` is given and more
 * bytes arrive than that, it fails at once (the content can no longer match), so a lying peer
 * cannot make it hash forever. The algorithm is the claimed digest's.
 */
export class VerifyingStream extends DigestStream {
  readonly expected: Readonly<ExpectedContent>;

  /** @throws {InvalidDigestError} `OCI_INVALID_DIGEST` when `expected.digest` is malformed */
  constructor(expected: ExpectedContent, options: DigestStreamOptions = {}) {
    super(parseDigest(expected.digest).algorithm, options);
    this.expected = Object.freeze({ ...expected });
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    const limit = this.expected.size;
    if (limit !== undefined && this.size + chunk.length > limit) {
      callback(new SizeMismatchError(limit, this.size + chunk.length, true));
      return;
    }
    super._transform(chunk, encoding, callback);
  }

  override _flush(callback: TransformCallback): void {
    super._flush((error) => {
      if (error) return callback(error);
      const { digest, size } = this.expected;
      if (size !== undefined && this.size !== size) return callback(new SizeMismatchError(size, this.size));
      if (this.digest !== digest) return callback(new DigestMismatchError(digest, this.digest));
      callback();
    });
  }
}

/**
 * Creates a {@link VerifyingStream}: pipe content through it and the pipeline fails at the end unless
 * the bytes have `expected.digest` (and `expected.size`, when given).
 *
 * @throws {InvalidDigestError} `OCI_INVALID_DIGEST` when `expected.digest` is malformed
 */
export function verifyingStream(expected: ExpectedContent): VerifyingStream {
  return new VerifyingStream(expected);
}

/** Options of {@link digestOfStream}. */
export interface DigestOfStreamOptions {
  /** Stops reading (and destroys a Node stream) when aborted; checked before reading starts. */
  signal?: AbortSignal;
}

/**
 * Reads `source` to its end and returns the digest and size of its bytes. Chunks are hashed as they
 * arrive; nothing is kept.
 *
 * @param source a Node `Readable` or any async iterable of byte chunks (strings are hashed as UTF-8)
 * @param algorithm `sha256` by default
 */
export async function digestOfStream(
  source: AsyncIterable<Uint8Array | string>,
  algorithm: DigestAlgorithm = 'sha256',
  options: DigestOfStreamOptions = {},
): Promise<{ digest: string; size: number }> {
  const { signal } = options;
  signal?.throwIfAborted();
  const digester = createDigester(algorithm);
  for await (const chunk of source) {
    signal?.throwIfAborted();
    digester.update(chunk);
  }
  return { digest: digester.digest(), size: digester.size };
}
