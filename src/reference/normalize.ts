import { invalid } from './errors.js';
import {
  DOCKER_HUB,
  DOCKER_HUB_LEGACY,
  HEX_IDENTIFIER,
  HOST_RULE,
  OFFICIAL_PREFIX,
  TAG_RULE,
  isValidDomain,
  looksLikeHost,
} from './grammar.js';

/** A name split into registry and path, before the path is validated. */
export interface SplitName {
  /** `host[:port]`; `docker.io` for Docker Hub. */
  readonly registry: string;
  /** The path as the user wrote it, without the registry (used to quote errors). */
  readonly typedPath: string;
  /** The normalised path: `library/` added to single-component Docker Hub names. */
  readonly path: string;
}

/**
 * Splits a name (no tag, no digest) into registry and path the way docker's `splitDockerDomain`
 * does, and validates the registry:
 *
 * - no `/`: Docker Hub, `alpine` becomes `docker.io/library/alpine`;
 * - the part before the first `/` is a registry when it contains `.` or `:`, is `localhost`, or has
 *   an uppercase letter; otherwise the whole name is a Docker Hub path (`user/app`);
 * - `index.docker.io` becomes `docker.io`;
 * - single-component Docker Hub paths get the `library/` prefix.
 *
 * Departure from docker: a first component that looks like a host but is not a valid one
 * (`foo_bar.com/app`) is an error here; docker silently treats it as a path with no registry.
 *
 * @param name the name part of a reference
 * @param input the whole reference, quoted in errors
 * @throws {InvalidReferenceError} `REF_INVALID_HOST`, `REF_UPPERCASE_REPOSITORY` or `REF_INVALID_TAG`
 */
export function splitDockerName(name: string, input: string): SplitName {
  const slash = name.indexOf('/');
  if (slash < 0) return hub(name);
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  if (first === DOCKER_HUB_LEGACY) return hub(rest);
  if (!looksLikeHost(first)) return hub(name);
  if (!isValidDomain(first)) throw badHost(first, name, input);
  return { registry: first, typedPath: rest, path: first === DOCKER_HUB ? officialPath(rest) : rest };
}

function hub(typedPath: string): SplitName {
  return { registry: DOCKER_HUB, typedPath, path: officialPath(typedPath) };
}

function officialPath(path: string): string {
  return path.includes('/') ? path : OFFICIAL_PREFIX + path;
}

/** Picks the most likely mistake behind a first component that is not a valid host. */
function badHost(first: string, name: string, input: string): Error {
  const colon = first.indexOf(':');
  const before = first.slice(0, colon);
  const after = first.slice(colon + 1);
  if (
    colon > 0 &&
    !before.includes('.') &&
    before !== 'localhost' &&
    /^\w[\w.-]*$/.test(after) &&
    !/^[0-9]+$/.test(after)
  ) {
    // `app:feature/x`: a tag with a '/' in it, not a host with a port.
    return invalid(
      'REF_INVALID_TAG',
      'tag',
      name.slice(colon + 1),
      input,
      `${TAG_RULE} ('/' is not allowed in a tag)`,
    );
  }
  if (!first.includes('.') && !first.includes(':') && first !== 'localhost') {
    // Treated as a host only because of its uppercase letters: docker's "must be lowercase".
    return invalid(
      'REF_UPPERCASE_REPOSITORY',
      'repository path',
      name,
      input,
      'repository names must be lowercase (tags may use uppercase)',
      `Use ${JSON.stringify(name.toLowerCase())} instead.`,
    );
  }
  const ipv6 = /:.*:/.test(first) && !first.startsWith('[');
  const hint = ipv6 ? 'Put an IPv6 address in brackets: "[fc00::1]:5000/app".' : undefined;
  return invalid('REF_INVALID_HOST', 'registry host', first, input, HOST_RULE, hint);
}

/**
 * Docker's familiar form of a repository name: `docker.io/` is dropped, and so is `library/` when
 * nothing follows it but one component (`docker.io/library/alpine` is `alpine`,
 * `docker.io/library/a/b` stays `library/a/b`). Other registries are kept: `localhost:5000/app`.
 *
 * Departures from docker, so that the familiar form always parses back to the same name:
 * `library/<64 hex>` keeps its prefix (alone it would read as an image ID), and a Docker Hub path
 * whose first component would read as a host (`docker.io/a.b/app`, `docker.io/localhost/app`) keeps
 * `docker.io/`.
 */
export function familiarName(registry: string, repository: string): string {
  if (registry !== DOCKER_HUB) return `${registry}/${repository}`;
  if (repository.startsWith(OFFICIAL_PREFIX)) {
    const rest = repository.slice(OFFICIAL_PREFIX.length);
    if (!rest.includes('/') && !HEX_IDENTIFIER.test(rest)) return rest;
  }
  const slash = repository.indexOf('/');
  if (slash >= 0 && looksLikeHost(repository.slice(0, slash))) return `${registry}/${repository}`;
  return repository;
}
