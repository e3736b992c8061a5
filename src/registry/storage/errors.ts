import { ContainerPackageError } from '../../errors.js';

/**
 * Codes of {@link StoreError}. Stable: the HTTP layer maps each to an OCI error.
 *
 * - `REGISTRY_UPLOAD_UNKNOWN`: no upload session with that id in that repository (never created,
 *   finished, cancelled or expired).
 * - `REGISTRY_UPLOAD_OUT_OF_ORDER`: a chunk did not start where the session's data ends; `size` says
 *   how many bytes the session holds.
 * - `REGISTRY_UPLOAD_LENGTH_MISMATCH`: the body held a different number of bytes than announced
 *   (`Content-Range`/`Content-Length`); the chunk was discarded.
 * - `REGISTRY_DIGEST_MISMATCH`: the uploaded bytes do not hash to the digest the client named; the
 *   session was discarded and nothing was stored.
 * - `REGISTRY_STORE_CORRUPT`: a file in the store does not hold what its name promises.
 */
export type StoreErrorCode =
  | 'REGISTRY_UPLOAD_UNKNOWN'
  | 'REGISTRY_UPLOAD_OUT_OF_ORDER'
  | 'REGISTRY_UPLOAD_LENGTH_MISMATCH'
  | 'REGISTRY_DIGEST_MISMATCH'
  | 'REGISTRY_STORE_CORRUPT';

/** A failure of a {@link Store} operation that the client caused or can act on. */
export class StoreError extends ContainerPackageError {
  declare readonly code: StoreErrorCode;
  /** For upload errors: the number of bytes the session holds now. */
  readonly size: number | undefined;
  /** For digest mismatches: the digest the content actually has. */
  readonly actualDigest: string | undefined;

  constructor(
    code: StoreErrorCode,
    message: string,
    details: { size?: number; actualDigest?: string; hint?: string; cause?: unknown } = {},
  ) {
    super(code, message, { hint: details.hint, cause: details.cause });
    this.name = 'StoreError';
    this.size = details.size;
    this.actualDigest = details.actualDigest;
  }
}

/** True when `error` is a Node.js file-system error meaning "not there" (ENOENT or ENOTDIR). */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
