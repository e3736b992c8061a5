import type { TransformCallback } from 'node:stream';
import { VerifyingStream, type ExpectedContent } from '../oci/index.js';
import { BlobIntegrityError, SourceError } from './errors.js';

/**
 * A {@link VerifyingStream} whose failures name the file the bytes came from: `OCI_DIGEST_MISMATCH`
 * becomes `SRC_DIGEST_MISMATCH` and `OCI_SIZE_MISMATCH` becomes `SRC_SIZE_MISMATCH`, both a
 * {@link BlobIntegrityError} with `path` set to `where` (a blob file, or `archive.tar:entry`).
 * Bytes pass through as they come; the check fails at the end of the stream (or at once when more
 * bytes arrive than the expected size). A zlib or zstd error reaching it (a decompressing step
 * upstream failed) becomes `SRC_INVALID_ARCHIVE` naming `where`.
 */
export class SourceVerifyingStream extends VerifyingStream {
  readonly where: string;

  constructor(expected: ExpectedContent, where: string) {
    super(expected);
    this.where = where;
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    super._transform(chunk, encoding, (error, data) => callback(this.#translate(error), data));
  }

  override _flush(callback: TransformCallback): void {
    super._flush((error) => callback(this.#translate(error)));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    super._destroy(error, (destroyError) => callback(this.#translate(destroyError ?? null)));
  }

  #translate(error: Error | null | undefined): Error | null | undefined {
    if (error === null || error === undefined) return error;
    const code = (error as { code?: unknown }).code;
    if (code === 'OCI_SIZE_MISMATCH') {
      const { expected, actual, overflow } = error as unknown as {
        expected: number;
        actual: number;
        overflow: boolean;
      };
      return new BlobIntegrityError(
        'SRC_SIZE_MISMATCH',
        this.where,
        `${expected} bytes`,
        overflow ? `more than ${expected} bytes` : `${actual} bytes`,
        error,
      );
    }
    if (code === 'OCI_DIGEST_MISMATCH') {
      const { expected, actual } = error as unknown as { expected: string; actual: string };
      return new BlobIntegrityError('SRC_DIGEST_MISMATCH', this.where, expected, actual, error);
    }
    if (typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ZSTD_'))) {
      return new SourceError('SRC_INVALID_ARCHIVE', `cannot decompress ${this.where}: ${error.message}`, {
        path: this.where,
        hint: 'The compressed data is truncated or corrupted; export the image again.',
        cause: error,
      });
    }
    return error;
  }
}
