/**
 * The pieces of the image-reference grammar, as docker's distribution/reference defines them:
 *
 * ```
 * reference        := name [ ":" tag ] [ "@" digest ]
 * name             := [domain "/"] path
 * domain           := host [":" port]
 * host             := domain-name | "[" IPv6 "]"
 * domain-name      := domain-component ["." domain-component]*
 * domain-component := /[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]/
 * port             := /[0-9]+/
 * path             := path-component ["/" path-component]*
 * path-component   := alpha-numeric [separator alpha-numeric]*
 * alpha-numeric    := /[a-z0-9]+/
 * separator        := /[_.]|__|[-]+/
 * tag              := /[\w][\w.-]{0,127}/
 * ```
 *
 * Every pattern here is written so that each string has one way to match (no nested optional
 * repeats), so matching stays linear on long hostile input. The languages are the same as docker's.
 */

/** The longest tag docker accepts. */
export const TAG_MAX_LENGTH = 128;

/** The longest repository path (without the registry host) docker accepts. */
export const REPOSITORY_MAX_LENGTH = 255;

/** Docker Hub's canonical registry name. */
export const DOCKER_HUB = 'docker.io';

/** Docker Hub's legacy name, normalised to {@link DOCKER_HUB}. */
export const DOCKER_HUB_LEGACY = 'index.docker.io';

/** The namespace of Docker Hub's official images (`alpine` is `library/alpine`). */
export const OFFICIAL_PREFIX = 'library/';

/** The tag docker adds when a reference has neither tag nor digest. */
export const DEFAULT_TAG = 'latest';

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|-+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainComponent = '[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[[a-fA-F0-9:]+\\]';
const port = '(?::[0-9]+)?';

/** One path component, anchored: `library`, `my-app`, `a__b`. */
export const PATH_COMPONENT = new RegExp(`^${pathComponent}$`);

/** A whole repository path, anchored: the OCI distribution `<name>` grammar. */
export const REPOSITORY_PATH = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);

/** A registry host with optional port, anchored: `registry.example.com:5000`, `localhost`, `[::1]:5000`. */
export const DOMAIN = new RegExp(`^(?:${domainName}|${ipv6})${port}$`);

/** A tag, anchored. */
export const TAG = /^[\w][\w.-]{0,127}$/;

/** A 64-character lowercase hex string: what docker treats as an image ID, never as a name. */
export const HEX_IDENTIFIER = /^[a-f0-9]{64}$/;

/** Plain-words rule for tags, used in error messages. */
export const TAG_RULE =
  "a tag is at most 128 characters of letters, digits, '_', '.' and '-', not starting with '.' or '-'";

/** Plain-words rule for path components, used in error messages. */
export const PATH_RULE =
  "each '/'-separated part of a repository path is lowercase letters and digits, joined by a single '.', " +
  "one or two '_', or any number of '-', and must start and end with a letter or digit";

/** Plain-words rule for registry hosts, used in error messages. */
export const HOST_RULE =
  "a registry is a host name (letters, digits, '-' and '.'), an IPv4 address, or an IPv6 address in " +
  "brackets, optionally followed by ':' and a numeric port";

/** True when `tag` is a valid tag. */
export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** True when `path` is a valid repository path (no host, no tag), at most 255 characters. */
export function isValidRepositoryPath(path: string): boolean {
  return path.length <= REPOSITORY_MAX_LENGTH && REPOSITORY_PATH.test(path);
}

/** True when `domain` is a valid registry host with optional port. */
export function isValidDomain(domain: string): boolean {
  return DOMAIN.test(domain);
}

/**
 * True when docker would read `component`, the part of a name before its first `/`, as a registry
 * host rather than a Docker Hub namespace: it contains `.` or `:`, is `localhost`, or has an
 * uppercase letter (Hub namespaces are lowercase). This is docker's `splitDockerDomain` rule.
 */
export function looksLikeHost(component: string): boolean {
  return (
    component === 'localhost' ||
    component.includes('.') ||
    component.includes(':') ||
    component.toLowerCase() !== component
  );
}
