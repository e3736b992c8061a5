import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DigestAlgorithm } from '../../reference/digest.js';

/** Read size for re-hashing files: large reads keep hashing near memory speed. */
export const READ_CHUNK = 1024 * 1024;

/**
 * A hash of the bytes received so far. Node's `Hash` cannot be serialised, so a live upload keeps
 * one in memory and `copy()`s it to read a digest without ending it; after a restart the data
 * file is hashed again instead.
 */
export function newHash(algorithm: DigestAlgorithm): Hash {
  return createHash(algorithm);
}

/** `algorithm:hex` of a hash, read from a copy so `hash` can keep going. */
export function peekDigest(hash: Hash, algorithm: DigestAlgorithm): string {
  return `${algorithm}:${hash.copy().digest('hex')}`;
}

/** Hashes everything a stream yields with `algorithm`. */
export async function hashStream(
  stream: Readable,
  algorithm: DigestAlgorithm,
): Promise<{ digest: string; size: number }> {
  const hash = createHash(algorithm);
  let size = 0;
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
  }
  return { digest: `${algorithm}:${hash.digest('hex')}`, size };
}

/** `algorithm:hex` of in-memory bytes. */
export function digestOf(bytes: Uint8Array, algorithm: DigestAlgorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}
