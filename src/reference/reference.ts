import { BUILDKITE_PACKAGES_HOST, isBuildkiteHost, parseSlug } from './buildkite-names.js';
import { checkReferenceDigest } from './digest.js';
import { InvalidReferenceError, invalid } from './errors.js';
import { DEFAULT_TAG, HEX_IDENTIFIER } from './grammar.js';
import { familiarName, splitDockerName } from './normalize.js';
import { checkRepositoryComponents, checkRepositoryLength } from './repository.js';
import { parseTag } from './tag.js';

/**
 * A parsed, normalised image reference. Plain data: compare with `formatReference`.
 *
 * `docker.io/library/alpine:3.20@sha256:...` is
 * `{ registry: 'docker.io', repository: 'library/alpine', tag: '3.20', digest: 'sha256:...' }`.
 * A reference may carry both tag and digest (docker keeps both); either may be absent.
 */
export interface Reference {
  /** `host[:port]`: `docker.io` for Docker Hub, `localhost:5000`, `[::1]:5000`. */
  readonly registry: string;
  /** The path inside the registry: `library/alpine`, `acme/images/app`. */
  readonly repository: string;
  /** The tag, when the input had one (no default is added unless asked). */
  readonly tag?: string;
  /** `sha256:<64 hex>` or `sha512:<128 hex>`, when the input had one. */
  readonly digest?: string;
}

/** Options of {@link parseReference}. */
export interface ParseOptions {
  /**
   * The Buildkite organization slug (for example from `BUILDKITE_ORGANIZATION_SLUG`). When set, a
   * reference on `packages.buildkite.com` with only `{registry}/{image}` after the host gets the
   * organization put in front: `packages.buildkite.com/images/app` becomes
   * `packages.buildkite.com/acme/images/app`. Unset by default (an empty string counts as unset), and
   * then such a reference is an error.
   */
  buildkiteOrganization?: string;
  /** Add the tag `latest` when the input has neither tag nor digest, as `docker pull` does. Default `false`. */
  defaultTag?: boolean;
}

/**
 * Parses `[registry/]repository[:tag][@digest]` and normalises it exactly as docker's
 * `ParseNormalizedNamed` does: `alpine` is `docker.io/library/alpine`, `user/app` is
 * `docker.io/user/app`, `index.docker.io/x` is `docker.io/library/x`, and the part before the first
 * `/` is a registry only when it contains `.` or `:`, is `localhost`, or has an uppercase letter.
 * No tag is added unless `options.defaultTag` is set.
 *
 * Limits: repository path at most 255 characters (after `library/` is added; the registry does not
 * count, as in current docker), tag at most 128, digests sha256, sha384 or sha512 in lowercase hex
 * (every algorithm docker accepts; content is verified with sha256 and sha512 only).
 * A bare 64-character hex string is refused (docker reserves it for image IDs). IPv6 registries go in
 * brackets: `[::1]:5000/app`.
 *
 * Departures from docker, all for inputs docker also mishandles: a first component that looks like
 * a host but is not a valid one (`foo_bar.com/app`) is `REF_INVALID_HOST` (docker reads it as a path
 * on no registry), and a `packages.buildkite.com` reference with fewer than three path components is
 * refused (see `ParseOptions.buildkiteOrganization`).
 *
 * @throws {InvalidReferenceError} with a `REF_*` code; `part` names the offending piece of `input`
 */
export function parseReference(input: string, options: ParseOptions = {}): Reference {
  checkShape(input);
  const at = input.indexOf('@');
  const namePart = at < 0 ? input : input.slice(0, at);
  const digest = at < 0 ? undefined : parseReferenceDigest(input.slice(at + 1), input);
  if (namePart === '') {
    throw invalid('REF_INVALID_FORMAT', 'reference', input, input, "there is no repository name before '@'");
  }
  if (namePart.startsWith('[') && !namePart.includes('/')) {
    throw invalid(
      'REF_INVALID_FORMAT',
      'reference',
      input,
      input,
      'a registry host must be followed by "/" and a repository',
    );
  }
  const lastSlash = namePart.lastIndexOf('/');
  const colon = namePart.indexOf(':', lastSlash + 1);
  const name = colon < 0 ? namePart : namePart.slice(0, colon);
  const tag = colon < 0 ? undefined : parseTag(namePart.slice(colon + 1), input);
  if (name === '') {
    throw invalid('REF_INVALID_FORMAT', 'reference', input, input, "there is no repository name before ':'");
  }
  const split = splitDockerName(name, input);
  checkRepositoryComponents(split.typedPath, input);
  const repository = expandBuildkite(split.registry, split.path, input, options.buildkiteOrganization);
  const added = repository.slice(0, repository.length - split.typedPath.length);
  checkRepositoryLength(repository, input, split.typedPath, added);
  const ref = makeReference(split.registry, repository, tag, digest);
  return options.defaultTag === true ? withDefaultTag(ref) : ref;
}

function checkShape(input: string): void {
  if (input === '') {
    throw new InvalidReferenceError('REF_EMPTY', 'invalid reference "": an image reference cannot be empty', {
      input,
      part: '',
      hint: 'Give an image such as "alpine:3.20" or "registry.example.com/team/app:1.0".',
    });
  }
  if (/\s/.test(input)) {
    throw invalid(
      'REF_INVALID_FORMAT',
      'reference',
      input,
      input,
      'it contains whitespace; a reference is [registry/]repository[:tag][@digest] with no spaces',
      'Remove the spaces or newlines (check for a trailing newline in the variable that holds it).',
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    throw invalid(
      'REF_INVALID_FORMAT',
      'reference',
      input,
      input,
      'a reference is [registry/]repository[:tag][@digest], not a URL',
      'Leave out the scheme ("https://" or similar).',
    );
  }
  if (HEX_IDENTIFIER.test(input)) {
    throw invalid(
      'REF_HEX_REPOSITORY',
      'repository name',
      input,
      input,
      'a 64-character hexadecimal name is reserved for image IDs and cannot be a repository name',
      'Name the image by repository (for example "app@sha256:<hex>") rather than by ID.',
    );
  }
}

function parseReferenceDigest(digest: string, input: string): string {
  const check = checkReferenceDigest(digest);
  if (check.ok) return digest;
  throw invalid('REF_INVALID_DIGEST', 'digest', digest, input, check.reason);
}

function expandBuildkite(registry: string, path: string, input: string, organization?: string): string {
  if (!isBuildkiteHost(registry)) return path;
  const count = path.split('/').length;
  if (count >= 3) return path;
  if (count === 2 && organization !== undefined && organization !== '') {
    return `${parseSlug('organization', organization)}/${path}`;
  }
  const rule = `Buildkite images are ${BUILDKITE_PACKAGES_HOST}/{org}/{registry}/{image}`;
  if (count === 2) {
    const hint = 'Add the organization slug to the path, or set BUILDKITE_ORGANIZATION_SLUG.';
    throw invalid('REF_ORGANIZATION_REQUIRED', 'Buildkite image path', path, input, rule, hint);
  }
  throw invalid('REF_INVALID_REPOSITORY', 'Buildkite image path', path, input, rule);
}

function makeReference(registry: string, repository: string, tag?: string, digest?: string): Reference {
  const ref: { registry: string; repository: string; tag?: string; digest?: string } = {
    registry,
    repository,
  };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return Object.freeze(ref);
}

/**
 * Adds the tag `latest` when `ref` has neither tag nor digest (docker's `TagNameOnly`); returns
 * `ref` itself otherwise. A digest-only reference stays digest-only.
 */
export function withDefaultTag(ref: Reference): Reference {
  if (ref.tag !== undefined || ref.digest !== undefined) return ref;
  return makeReference(ref.registry, ref.repository, DEFAULT_TAG);
}

/**
 * `ref` with its tag set to `tag` (replacing any tag; a digest is kept), docker's `WithTag`.
 *
 * @throws {InvalidReferenceError} `REF_INVALID_TAG` when `tag` is not a valid tag
 */
export function withTag(ref: Reference, tag: string): Reference {
  return makeReference(ref.registry, ref.repository, parseTag(tag), ref.digest);
}

/**
 * `ref` with its digest set to `digest` (replacing any digest; a tag is kept), docker's `WithDigest`.
 *
 * @throws {InvalidReferenceError} `REF_INVALID_DIGEST` when `digest` is not a valid digest
 */
export function withDigest(ref: Reference, digest: string): Reference {
  return makeReference(ref.registry, ref.repository, ref.tag, parseReferenceDigest(digest, digest));
}

/** `registry/repository`, with no tag or digest: `docker.io/library/alpine`. */
export function repositoryName(ref: Reference): string {
  return `${ref.registry}/${ref.repository}`;
}

/**
 * The canonical full form: `docker.io/library/alpine:3.20@sha256:...`. Parsing the result gives back
 * an equal reference.
 */
export function formatReference(ref: Reference): string {
  return repositoryName(ref) + suffix(ref);
}

/**
 * Docker's familiar (short) form: `alpine:3.20`, `user/app`, `localhost:5000/app@sha256:...`.
 * `docker.io/` is dropped and so is `library/` before a single component.
 */
export function familiarReference(ref: Reference): string {
  return familiarName(ref.registry, ref.repository) + suffix(ref);
}

function suffix(ref: Reference): string {
  return (ref.tag === undefined ? '' : `:${ref.tag}`) + (ref.digest === undefined ? '' : `@${ref.digest}`);
}
