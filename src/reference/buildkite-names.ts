import { invalid } from './errors.js';

/** The host of Buildkite Packages container registries. */
export const BUILDKITE_PACKAGES_HOST = 'packages.buildkite.com';

/** The user name of every login to Buildkite Packages (the password is the token); defined once here. */
export const BUILDKITE_USERNAME = 'buildkite';

const SLUG = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;

/** Which slug a value is, for messages. */
export type SlugKind = 'organization' | 'registry';

/**
 * Checks a Buildkite organization or registry slug: lowercase letters, digits and `-`, starting and
 * ending with a letter or digit (so the slug is also a valid repository path component).
 *
 * @param kind which slug this is, named in the error
 * @param slug the slug to check
 * @param input the string the user wrote, quoted in the error (defaults to `slug`)
 * @returns `slug` unchanged
 * @throws {InvalidReferenceError} `REF_INVALID_SLUG`
 */
export function parseSlug(kind: SlugKind, slug: string, input: string = slug): string {
  if (SLUG.test(slug)) return slug;
  const lower = slug.toLowerCase();
  const hint = SLUG.test(lower)
    ? `Slugs are lowercase: use ${JSON.stringify(lower)}.`
    : `Copy the slug from the registry's URL on buildkite.com.`;
  throw invalid(
    'REF_INVALID_SLUG',
    `Buildkite ${kind} slug`,
    slug,
    input,
    "a slug is lowercase letters, digits and '-', starting and ending with a letter or digit",
    hint,
  );
}

/** True when `host` (any case, with no port) is the Buildkite Packages host. */
export function isBuildkiteHost(host: string): boolean {
  return host.toLowerCase() === BUILDKITE_PACKAGES_HOST;
}
