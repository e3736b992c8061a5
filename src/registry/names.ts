import { checkDigest, type DigestParts } from '../reference/digest.js';
import { REPOSITORY_PATH, isValidTag } from '../reference/grammar.js';
import { parseRepositoryPath } from '../reference/repository.js';
import { apiError } from './errors.js';

/** The longest repository name the registry stores (the distribution-spec's 255-character limit). */
export const MAX_REPOSITORY_LENGTH = 255;

/** Upload session ids: lowercase UUIDs, as `crypto.randomUUID()` makes them. */
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * True when `name` is a repository name that is safe to turn into a path: the OCI `<name>` grammar
 * (lowercase components joined by `/`, no `..`, no empty or leading component, no `%`) and at most
 * 255 characters. The storage layer checks this again before every path it builds.
 */
export function isSafeRepository(name: string): boolean {
  return name.length > 0 && name.length <= MAX_REPOSITORY_LENGTH && REPOSITORY_PATH.test(name);
}

/** True when `tag` matches `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}` (so never `.`, `..` or a path). */
export function isSafeTag(tag: string): boolean {
  return isValidTag(tag);
}

/** True when `id` has the shape of an upload session id. */
export function isSafeUploadId(id: string): boolean {
  return UPLOAD_ID.test(id);
}

/**
 * Parses a digest the store may use in a path: sha256 (64 lowercase hex) or sha512 (128).
 * Throws a plain Error otherwise; the HTTP layer validates first with {@link parseDigestParam}.
 */
export function parseStoreDigest(digest: string): DigestParts {
  const check = checkDigest(digest);
  if (!check.ok) throw new Error(`invalid digest ${JSON.stringify(digest)}: ${check.reason}`);
  return { algorithm: check.algorithm, hex: check.hex, value: check.value };
}

/**
 * Validates the `<name>` of a request path. The raw path is used as is (never percent-decoded), so
 * `%2e%2e`, `%2f`, `..`, a leading `/` and names over 255 characters all fail here.
 *
 * @throws RegistryApiError `NAME_INVALID` (400) naming the problem
 */
export function parseRepositoryParam(name: string): string {
  try {
    parseRepositoryPath(name);
  } catch (error) {
    throw apiError('NAME_INVALID', {
      message: error instanceof Error ? error.message : `invalid repository name ${JSON.stringify(name)}`,
      detail: { name: name.slice(0, 300) },
    });
  }
  if (!isSafeRepository(name)) {
    throw apiError('NAME_INVALID', { detail: { name: name.slice(0, 300) } });
  }
  return name;
}

/**
 * Validates a digest from a request (a path segment or a `digest`/`mount` query parameter).
 *
 * @throws RegistryApiError `DIGEST_INVALID` (400) saying what a digest looks like
 */
export function parseDigestParam(value: string): DigestParts {
  const check = checkDigest(value);
  if (!check.ok) {
    throw apiError('DIGEST_INVALID', {
      message: `invalid digest ${JSON.stringify(value.slice(0, 200))}: ${check.reason}`,
      detail: { digest: value.slice(0, 200) },
    });
  }
  return { algorithm: check.algorithm, hex: check.hex, value: check.value };
}

/** A manifest reference: a tag or a digest. */
export type ManifestReference = { kind: 'tag'; tag: string } | { kind: 'digest'; digest: DigestParts };

/**
 * Validates a tag from a request (a `/manifests/<tag>` segment or a `?tag=` parameter).
 *
 * @throws RegistryApiError `TAG_INVALID` (400) saying what a tag looks like
 */
export function parseTagParam(tag: string): string {
  if (isSafeTag(tag)) return tag;
  throw apiError('TAG_INVALID', {
    message: `invalid tag ${JSON.stringify(tag.slice(0, 200))}: a tag is at most 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'`,
    detail: { tag: tag.slice(0, 200) },
  });
}

/**
 * Splits a `/manifests/<reference>` segment into a tag or a digest. Anything with a `:` is read as a
 * digest (tags cannot hold `:`).
 *
 * @throws RegistryApiError `DIGEST_INVALID` for a malformed digest, `TAG_INVALID` for a malformed tag
 */
export function parseManifestReference(reference: string): ManifestReference {
  if (reference.includes(':')) return { kind: 'digest', digest: parseDigestParam(reference) };
  return { kind: 'tag', tag: parseTagParam(reference) };
}
