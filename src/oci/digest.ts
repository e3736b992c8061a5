import { Buffer } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import {
  checkDigest,
  isDigestAlgorithm,
  DIGEST_ALGORITHMS,
  type DigestAlgorithm,
} from '../reference/digest.js';
import { DigestStateError, InvalidDigestError } from './errors.js';

export { DIGEST_ALGORITHMS, DIGEST_HEX_LENGTH, type DigestAlgorithm } from '../reference/digest.js';

/**
 * Digests travel as plain strings (`sha256:<hex>`) through the registry and client; these functions
 * check and make them. Supported: sha256 and sha512 with lowercase hex, the two algorithms the OCI
 * image spec registers.
 */

/** A digest split into its parts; `value` is the digest string itself. */
export interface ParsedDigest {
  readonly algorithm: DigestAlgorithm;
  readonly hex: string;
  readonly value: string;
}

/**
 * Splits and validates a digest.
 *
 * @throws {InvalidDigestError} `OCI_INVALID_DIGEST` for an unknown algorithm (the message lists the
 *   supported ones), a hex part of the wrong length, uppercase or non-hex characters
 */
export function parseDigest(value: string): ParsedDigest {
  const check = checkDigest(value);
  if (!check.ok) throw new InvalidDigestError(value, check.reason);
  return { algorithm: check.algorithm, hex: check.hex, value };
}

/** True when `value` is a valid, supported digest. */
export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && checkDigest(value).ok;
}

/**
 * Returns `value` when it is a valid digest.
 *
 * @throws {InvalidDigestError} `OCI_INVALID_DIGEST` otherwise
 */
export function assertDigest(value: string): string {
  return parseDigest(value).value;
}

/**
 * Throws `OCI_INVALID_DIGEST` when `algorithm` is not supported (for algorithms that come from input
 * at run time, such as a `?digest=` query).
 */
export function parseDigestAlgorithm(algorithm: string): DigestAlgorithm {
  if (isDigestAlgorithm(algorithm)) return algorithm;
  throw new InvalidDigestError(
    `${algorithm}:`,
    `supported algorithms are ${DIGEST_ALGORITHMS.join(' and ')}`,
  );
}

/**
 * The digest of `data` (strings are hashed as UTF-8): `sha256:e3b0c442...` for empty input.
 *
 * @param algorithm `sha256` by default
 */
export function digestBytes(data: Uint8Array | string, algorithm: DigestAlgorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

/** An incremental hasher that also counts bytes. */
export interface Digester {
  readonly algorithm: DigestAlgorithm;
  /** Bytes hashed so far (UTF-8 bytes for strings). */
  readonly size: number;
  /** Hashes one more chunk. Throws once `digest()` has been called. */
  update(chunk: Uint8Array | string): void;
  /** The digest of everything hashed; may be called again, always returns the same value. */
  digest(): string;
}

/**
 * Creates an incremental {@link Digester}: feed chunks with `update`, then read `digest()`. The
 * result equals `digestBytes` of the concatenated chunks, however they were split.
 *
 * @param algorithm `sha256` by default
 */
export function createDigester(algorithm: DigestAlgorithm = 'sha256'): Digester {
  parseDigestAlgorithm(algorithm);
  const hash: Hash = createHash(algorithm);
  let size = 0;
  let result: string | undefined;
  return {
    algorithm,
    get size() {
      return size;
    },
    update(chunk) {
      if (result !== undefined)
        throw new DigestStateError('cannot hash more data after the digest was taken');
      size += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      hash.update(chunk);
    },
    digest() {
      result ??= `${algorithm}:${hash.digest('hex')}`;
      return result;
    },
  };
}
