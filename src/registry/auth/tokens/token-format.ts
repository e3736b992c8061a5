import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of the registry tokens `token create` makes ("Buildkite packages token"). */
export const TOKEN_PREFIX = 'bkpt_';

/**
 * A new random token: {@link TOKEN_PREFIX} and 32 random bytes in base64url (43 characters).
 * 256 bits of entropy: nobody guesses one, which is why a fast hash is enough to store it.
 */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** A new token id, `tok_` and 12 random hex digits: safe to print, log and pass to `token revoke`. */
export function generateTokenId(): string {
  return `tok_${randomBytes(6).toString('hex')}`;
}

/**
 * The SHA-256 of a token, as stored in the tokens file. SHA-256 and not scrypt/bcrypt: slow hashes
 * protect low-entropy passwords against guessing; these tokens are 256 random bits, so a preimage
 * search is hopeless however fast the hash is, and checking a token costs microseconds per request.
 */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Compares two hashes in constant time (false when their lengths differ). */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
