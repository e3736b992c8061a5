/**
 * The syntax of content digests, shared by references (`name@sha256:...`) and the OCI layer
 * (which adds hashing in `src/oci/digest.ts`). Pure: no hashing here.
 *
 * Only the two algorithms the OCI image spec registers are supported: sha256 (64 hex) and sha512
 * (128 hex). The hex must be lowercase, as the spec and go-digest require.
 */

/** A digest algorithm this project can verify. */
export type DigestAlgorithm = 'sha256' | 'sha512';

/** The supported algorithms, in order of preference. */
export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = ['sha256', 'sha512'];

/** Hex characters in a digest of each algorithm. */
export const DIGEST_HEX_LENGTH: Readonly<Record<DigestAlgorithm, number>> = { sha256: 64, sha512: 128 };

/** The OCI image-spec algorithm grammar, used to tell "unsupported" from "malformed". */
const ALGORITHM_GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/;
const LOWER_HEX = /^[a-f0-9]*$/;
const ANY_HEX = /^[a-fA-F0-9]*$/;

/** A digest split into its parts. `value` is the digest string itself. */
export interface DigestParts {
  readonly algorithm: DigestAlgorithm;
  readonly hex: string;
  readonly value: string;
}

/**
 * The algorithms a reference may name (`app@sha384:…`): every one go-digest registers, as docker
 * accepts them. Content is hashed and verified with {@link DIGEST_ALGORITHMS} only; a reference
 * with another one parses, and what cannot verify it says so.
 */
export const REFERENCE_DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = {
  sha256: 64,
  sha384: 96,
  sha512: 128,
};

/**
 * Checks a reference's digest: {@link checkDigest}, except that every registered algorithm
 * (sha384 too) is accepted. `algorithm` may then be one this project cannot hash.
 */
export function checkReferenceDigest(value: string): { ok: true } | { ok: false; reason: string } {
  const colon = value.indexOf(':');
  const algorithm = colon > 0 ? value.slice(0, colon) : '';
  const expected = Object.hasOwn(REFERENCE_DIGEST_HEX_LENGTH, algorithm)
    ? REFERENCE_DIGEST_HEX_LENGTH[algorithm]
    : undefined;
  if (expected === undefined || isDigestAlgorithm(algorithm)) {
    const check = checkDigest(value);
    if (check.ok || expected !== undefined) return check;
    return {
      ok: false,
      reason: check.reason.replace(
        `supported algorithms are ${DIGEST_ALGORITHMS.join(' and ')}`,
        `registered algorithms are ${Object.keys(REFERENCE_DIGEST_HEX_LENGTH).join(', ')}`,
      ),
    };
  }
  const hex = value.slice(colon + 1);
  if (!LOWER_HEX.test(hex))
    return { ok: false, reason: `the hex part of a ${algorithm} digest is lowercase 0-9 and a-f` };
  if (hex.length !== expected)
    return {
      ok: false,
      reason: `a ${algorithm} digest has ${expected} hex digits, this one has ${hex.length}`,
    };
  return { ok: true };
}

/** The outcome of {@link checkDigest}: the parts, or a sentence saying what is wrong. */
export type DigestCheck = ({ ok: true } & DigestParts) | { ok: false; reason: string };

/** True when `name` is a supported algorithm. */
export function isDigestAlgorithm(name: string): name is DigestAlgorithm {
  return name === 'sha256' || name === 'sha512';
}

/**
 * Checks `value` against the digest grammar without throwing. On failure `reason` is one sentence
 * fit to follow `invalid digest "...": `, saying what is allowed.
 */
export function checkDigest(value: string): DigestCheck {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) {
    return {
      ok: false,
      reason: 'a digest is "<algorithm>:<hex>", for example "sha256:" followed by 64 hex digits',
    };
  }
  const algorithm = value.slice(0, colon);
  const hex = value.slice(colon + 1);
  if (!isDigestAlgorithm(algorithm)) {
    const shape = ALGORITHM_GRAMMAR.test(algorithm) ? 'unsupported' : 'malformed';
    return {
      ok: false,
      reason: `${shape} algorithm ${JSON.stringify(algorithm)}; supported algorithms are ${DIGEST_ALGORITHMS.join(' and ')}`,
    };
  }
  const expected = DIGEST_HEX_LENGTH[algorithm];
  if (!LOWER_HEX.test(hex)) {
    const reason = ANY_HEX.test(hex)
      ? `the hex part has uppercase letters; ${algorithm} digests use lowercase hex`
      : `the hex part may hold only the characters 0-9 and a-f`;
    return { ok: false, reason };
  }
  if (hex.length !== expected) {
    return {
      ok: false,
      reason: `a ${algorithm} digest has ${expected} hex digits, this one has ${hex.length}`,
    };
  }
  return { ok: true, algorithm, hex, value };
}
