import { ContainerPackageError, type ErrorCode, type ErrorDetails } from '../errors.js';

/**
 * A malformed OCI document or value (manifest, index, descriptor...). `code` is any `OCI_*` code
 * the caller picks, such as `OCI_INVALID_MANIFEST`; digest problems have their own classes below.
 */
export class OciFormatError extends ContainerPackageError {
  declare readonly code: Extract<ErrorCode, `OCI_${string}`>;

  constructor(code: Extract<ErrorCode, `OCI_${string}`>, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'OciFormatError';
  }
}

/**
 * `OCI_INVALID_DIGEST`: a string that is not `sha256:<64 lowercase hex>` or
 * `sha512:<128 lowercase hex>`. `value` is the string, `reason` the sentence saying what is wrong.
 */
export class InvalidDigestError extends ContainerPackageError {
  declare readonly code: 'OCI_INVALID_DIGEST';
  readonly value: string;
  readonly reason: string;

  constructor(value: string, reason: string) {
    super('OCI_INVALID_DIGEST', `invalid digest ${JSON.stringify(value)}: ${reason}`);
    this.name = 'InvalidDigestError';
    this.value = value;
    this.reason = reason;
  }
}

/**
 * `OCI_DIGEST_MISMATCH`: content whose digest is not the one it was claimed to have. Never retry by
 * trusting the claim; the bytes are wrong (or the claim is).
 */
export class DigestMismatchError extends ContainerPackageError {
  declare readonly code: 'OCI_DIGEST_MISMATCH';
  readonly expected: string;
  readonly actual: string;

  constructor(expected: string, actual: string) {
    super('OCI_DIGEST_MISMATCH', `content digest mismatch: expected ${expected}, got ${actual}`);
    this.name = 'DigestMismatchError';
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * `OCI_SIZE_MISMATCH`: content of another size than claimed. When the stream ran over, it is stopped
 * at once and `actual` is the count so far (`overflow` is true): the real size is at least that.
 */
export class SizeMismatchError extends ContainerPackageError {
  declare readonly code: 'OCI_SIZE_MISMATCH';
  readonly expected: number;
  readonly actual: number;
  readonly overflow: boolean;

  constructor(expected: number, actual: number, overflow = false) {
    const got = overflow ? `more than ${expected} (at least ${actual})` : String(actual);
    super('OCI_SIZE_MISMATCH', `content size mismatch: expected ${expected} bytes, got ${got}`);
    this.name = 'SizeMismatchError';
    this.expected = expected;
    this.actual = actual;
    this.overflow = overflow;
  }
}

/**
 * `OCI_DIGEST_STATE`: a digester used out of order (its digest read before the stream ended, or fed
 * after its digest was taken). A programming error, not bad input.
 */
export class DigestStateError extends ContainerPackageError {
  declare readonly code: 'OCI_DIGEST_STATE';

  constructor(message: string, hint?: string) {
    super('OCI_DIGEST_STATE', message, hint === undefined ? {} : { hint });
    this.name = 'DigestStateError';
  }
}
