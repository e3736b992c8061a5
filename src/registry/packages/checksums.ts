import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Checksums } from './types.js';

/** MD5, SHA-1, SHA-256 and SHA-512 fed together, in one pass over the bytes. */
export class ChecksumsHasher {
  readonly #hashes = ['md5', 'sha1', 'sha256', 'sha512'].map((name) => createHash(name));

  update(chunk: Uint8Array): void {
    for (const hash of this.#hashes) hash.update(chunk);
  }

  digest(): Checksums {
    const [md5, sha1, sha256, sha512] = this.#hashes.map((hash) => hash.digest('hex'));
    return { md5: md5!, sha1: sha1!, sha256: sha256!, sha512: sha512! };
  }
}

/** The four checksums of some bytes. */
export function checksumsOf(bytes: Uint8Array): Checksums {
  const hasher = new ChecksumsHasher();
  hasher.update(bytes);
  return hasher.digest();
}

/** The four checksums of a stream, read to its end. */
export async function checksumsOfStream(stream: Readable): Promise<Checksums> {
  const hasher = new ChecksumsHasher();
  for await (const chunk of stream) hasher.update(chunk as Uint8Array);
  return hasher.digest();
}
