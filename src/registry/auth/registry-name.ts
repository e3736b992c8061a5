/**
 * Buildkite Packages registry names: `{org}/{registry}`, two slugs (lowercase letters, digits and
 * `-`, starting and ending with a letter or digit). Images live under them:
 * `{org}/{registry}/{image}[/{more}]`.
 */
const SLUG = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;

/** What a registry name should look like, for messages. */
export const REGISTRY_NAME_SHAPE =
  'ORG/REGISTRY: two slugs of lowercase letters, digits and "-", such as acme/images';

/** True when `value` is a Buildkite Packages registry name, `{org}/{registry}`. */
export function isRegistryName(value: string): boolean {
  const parts = value.split('/');
  return parts.length === 2 && parts.every((part) => SLUG.test(part));
}

/**
 * True when `value` is a registry name or an organization wildcard `{org}/*` (every registry of
 * the organization, like a Buildkite API access token).
 */
export function isRegistryPattern(value: string): boolean {
  const parts = value.split('/');
  return parts.length === 2 && SLUG.test(parts[0]!) && (parts[1] === '*' || SLUG.test(parts[1]!));
}

/** True when registry `name` is covered by `pattern` (equal, or `{org}/*` of its organization). */
export function registryMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  return pattern.endsWith('/*') && name.startsWith(pattern.slice(0, -1));
}

/** The `{org}/{registry}` prefix of a repository name, or undefined when it has fewer than three parts. */
export function registryOfRepository(repository: string): string | undefined {
  const parts = repository.split('/');
  if (parts.length < 3) return undefined;
  return `${parts[0]}/${parts[1]}`;
}
