import { BUILDKITE_PACKAGES_HOST, isBuildkiteHost, parseSlug } from './buildkite-names.js';
import { InvalidReferenceError, invalid } from './errors.js';
import { DOCKER_HUB, DOCKER_HUB_LEGACY, HOST_RULE, isValidDomain } from './grammar.js';
import { parseReference, withTag, type Reference } from './reference.js';
import { checkRepositoryComponents } from './repository.js';

export { BUILDKITE_PACKAGES_HOST, BUILDKITE_USERNAME } from './buildkite-names.js';

/** A Buildkite Packages container registry: images live at `{prefix}/{image}`. */
export interface BuildkiteRegistry {
  readonly kind: 'buildkite';
  /** `packages.buildkite.com`, or the Packages host set with `packagesHost`. */
  readonly host: string;
  readonly organization: string;
  readonly registry: string;
  /** `{host}/{organization}/{registry}`. */
  readonly prefix: string;
}

/** Any other OCI registry, with an optional path prefix under which images live. */
export interface GenericRegistry {
  readonly kind: 'generic';
  /** `host[:port]`, as docker would read it (`docker.io` for `index.docker.io`). */
  readonly host: string;
  /** Path put before every image name; `''` when there is none. */
  readonly pathPrefix: string;
  /** `host` or `host/pathPrefix`. */
  readonly prefix: string;
}

/** Where images are pushed: a Buildkite registry or a generic one. */
export type RegistryTarget = BuildkiteRegistry | GenericRegistry;

/** Options of {@link parseBuildkiteRegistry}. */
export interface RegistryOptions {
  /**
   * Organization slug used when the input names only the registry (from `BUILDKITE_ORGANIZATION_SLUG`).
   * Unset by default; an empty string counts as unset.
   */
  organization?: string;
  /**
   * The Packages host (`host[:port]`) that `{org}/{registry}` names a registry on, for a staging
   * host, a mirror, or the bundled registry in a test. Default `packages.buildkite.com`; an empty
   * string counts as unset. `packages.buildkite.com/...` always stays on Buildkite Packages.
   */
  packagesHost?: string;
}

const FORMS = `"{org}/{registry}", "{registry}" with the organization set, "${BUILDKITE_PACKAGES_HOST}/{org}/{registry}", or "host[:port][/path]" for another registry`;

/**
 * Reads a *registry* argument (where images go, not an image):
 *
 * - `acme/images`, `packages.buildkite.com/acme/images` or `https://packages.buildkite.com/acme/images`
 *   (the OIDC audience, pasted) name a Buildkite registry;
 * - `images` alone names one in `options.organization`;
 * - with `options.packagesHost`, the first two forms name a registry on that host, and so does
 *   `{packagesHost}/{org}/{registry}`;
 * - anything whose first part is a host (contains `.` or `:`, or is `localhost`) and is not
 *   `packages.buildkite.com` is a generic registry `host[:port][/path-prefix]`: `ghcr.io/acme`,
 *   `localhost:5000`.
 *
 * Slugs are lowercase letters, digits and `-`. A trailing `/` is ignored; any scheme other than
 * `https://` (`http://`, `oci://`) is refused rather than silently dropped.
 *
 * @throws {InvalidReferenceError} `REF_INVALID_SLUG`, `REF_ORGANIZATION_REQUIRED`, `REF_INVALID_REGISTRY`,
 *   `REF_INVALID_HOST` or a repository-path code for a bad generic prefix
 */
export function parseBuildkiteRegistry(input: string, options: RegistryOptions = {}): RegistryTarget {
  const trimmed = input.replace(/^https:\/\//, '').replace(/\/$/, '');
  if (trimmed === '' || /\s/.test(trimmed) || /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    const hint = 'Leave out any URL scheme other than https://, and any spaces.';
    throw invalid('REF_INVALID_REGISTRY', 'registry', input, input, `a registry is one of ${FORMS}`, hint);
  }
  const parts = trimmed.split('/');
  const first = parts[0]!;
  const isHost = first === 'localhost' || first.includes('.') || first.includes(':');
  const packagesHost = options.packagesHost
    ? parsePackagesHost(options.packagesHost)
    : BUILDKITE_PACKAGES_HOST;
  if (!isHost) return buildkite(parts, input, options, packagesHost);
  if (isBuildkiteHost(first)) return buildkite(parts.slice(1), input, options, BUILDKITE_PACKAGES_HOST);
  if (first.toLowerCase() === packagesHost) return buildkite(parts.slice(1), input, options, packagesHost);
  if (!isValidDomain(first)) throw invalid('REF_INVALID_HOST', 'registry host', first, input, HOST_RULE);
  const pathPrefix = parts.slice(1).join('/');
  if (pathPrefix !== '') checkRepositoryComponents(pathPrefix, input);
  const host = first === DOCKER_HUB_LEGACY ? DOCKER_HUB : first;
  return Object.freeze({
    kind: 'generic',
    host,
    pathPrefix,
    prefix: pathPrefix === '' ? host : `${host}/${pathPrefix}`,
  });
}

function buildkite(
  parts: string[],
  input: string,
  options: RegistryOptions,
  host: string,
): BuildkiteRegistry {
  const fallback = options.organization === '' ? undefined : options.organization;
  if (parts.length === 1 && fallback === undefined) {
    throw new InvalidReferenceError(
      'REF_ORGANIZATION_REQUIRED',
      `invalid registry ${JSON.stringify(input)}: a Buildkite registry needs its organization, as "{org}/${parts[0]}"`,
      { input, part: input, hint: 'Write "{org}/{registry}", or set BUILDKITE_ORGANIZATION_SLUG.' },
    );
  }
  if (parts.length === 0 || parts.length > 2) {
    throw invalid('REF_INVALID_REGISTRY', 'registry', input, input, `a registry is one of ${FORMS}`);
  }
  const organization = parseSlug('organization', parts.length === 2 ? parts[0]! : fallback!, input);
  const registry = parseSlug('registry', parts[parts.length - 1]!, input);
  return Object.freeze({
    kind: 'buildkite',
    host,
    organization,
    registry,
    prefix: `${host}/${organization}/${registry}`,
  });
}

/**
 * Checks a Packages host setting: `host[:port]`, optionally written with `https://` and a
 * trailing `/`; no path. Returns it in lower case without the scheme.
 *
 * @throws {InvalidReferenceError} `REF_INVALID_HOST`
 */
export function parsePackagesHost(value: string): string {
  const host = value
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/$/, '')
    .toLowerCase();
  if (host === '' || host.includes('/') || /\s/.test(host) || !isValidDomain(host)) {
    throw invalid(
      'REF_INVALID_HOST',
      'Packages host',
      value,
      value,
      `${HOST_RULE}, without a path`,
      `Write the host alone, such as ${BUILDKITE_PACKAGES_HOST} or 127.0.0.1:5000.`,
    );
  }
  return host;
}

/**
 * The OIDC audience of a Buildkite registry: `https://packages.buildkite.com/{org}/{registry}`
 * (`https://{host}/…` on another Packages host). A token minted for any other audience is
 * refused by Buildkite.
 *
 * @param host the Packages host. Default `packages.buildkite.com`.
 * @throws {InvalidReferenceError} `REF_INVALID_SLUG` when a slug is malformed
 */
export function buildkiteAudience(
  organization: string,
  registry: string,
  host: string = BUILDKITE_PACKAGES_HOST,
): string {
  return `https://${host}/${parseSlug('organization', organization)}/${parseSlug('registry', registry)}`;
}

/**
 * The reference of `image` in `registry`: `{prefix}/{image}[:tag]`. `image` is a repository path and
 * may carry its own `:tag` or `@digest`; giving a tag both there and in `tag` is an error.
 *
 * @throws {InvalidReferenceError} when the combined reference is invalid
 */
export function imageInRegistry(registry: RegistryTarget, image: string, tag?: string): Reference {
  const ref = parseReference(`${registry.prefix}/${image}`);
  if (tag === undefined) return ref;
  if (ref.tag !== undefined) {
    throw invalid(
      'REF_INVALID_FORMAT',
      'image',
      image,
      image,
      `it already has the tag ${JSON.stringify(ref.tag)}, and the tag ${JSON.stringify(tag)} was also given`,
      'Give the tag once.',
    );
  }
  return withTag(ref, tag);
}
