/**
 * How the docker config names registries: Docker Hub is `https://index.docker.io/v1/`, every other
 * registry its `host[:port]`. Keys written by older tools may carry a scheme or a path; they are
 * compared after stripping both, as docker's `ConvertToHostname` does.
 */

/** The key docker uses for Docker Hub in `auths`, and the server URL it gives credential helpers. */
export const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';

const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** `host[:port]` of a config key or registry name: scheme and path removed, lower-cased. */
export function normalizeRegistryHost(key: string): string {
  const withoutScheme = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = withoutScheme.split('/')[0] ?? '';
  return host.toLowerCase();
}

/** True for the names of Docker Hub (`docker.io`, `index.docker.io`, `registry-1.docker.io`). */
export function isDockerHub(registry: string): boolean {
  return DOCKER_HUB_HOSTS.has(normalizeRegistryHost(registry));
}

/** The key to store `registry`'s credentials under (and the server URL for a helper). */
export function credentialKey(registry: string): string {
  return isDockerHub(registry) ? DOCKER_HUB_AUTH_KEY : normalizeRegistryHost(registry);
}

/** True when config key `key` names `registry` (Docker Hub aliases match each other). */
export function keyMatches(key: string, registry: string): boolean {
  if (isDockerHub(registry)) return isDockerHub(key);
  return normalizeRegistryHost(key) === normalizeRegistryHost(registry);
}
