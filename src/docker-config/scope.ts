/**
 * Which keys of a docker config (`auths`, `credHelpers`) concern a registry scope. Pure.
 *
 * Docker keys credentials by server address as given to `docker login`: a host (`ghcr.io`,
 * `localhost:5000`), a host with a path (`packages.buildkite.com/acme/images`), sometimes with a
 * scheme (`https://ghcr.io`), and Docker Hub as `https://index.docker.io/v1/`.
 */

/** A key or scope split into a lower-case host (with port) and a path without slashes at the ends. */
export interface ScopeParts {
  readonly host: string;
  readonly path: string;
}

const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * Splits a server address into host and path: drops any scheme, lower-cases the host, maps Docker
 * Hub's names (`index.docker.io`, `registry-1.docker.io`) to `docker.io`, and drops the legacy API
 * paths `v1` and `v2` (`https://index.docker.io/v1/` is `docker.io` with no path).
 */
export function splitServerAddress(address: string): ScopeParts {
  const bare = address.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = bare.indexOf('/');
  const rawHost = (slash < 0 ? bare : bare.slice(0, slash)).toLowerCase();
  const host = DOCKER_HUB_ALIASES.has(rawHost) ? 'docker.io' : rawHost;
  const path = (slash < 0 ? '' : bare.slice(slash + 1)).replace(/^\/+|\/+$/g, '');
  return { host, path: /^v[12]$/.test(path) ? '' : path };
}

/**
 * True when a credential stored under `key` could be used for, or was made for, images under
 * `scope` (a registry prefix such as `packages.buildkite.com/acme/images`): same host, and either
 * side has no path or one path contains the other. So a host-wide `packages.buildkite.com` entry
 * concerns every Buildkite registry, while `packages.buildkite.com/acme/other` does not concern
 * `packages.buildkite.com/acme/images`.
 */
export function keyConcernsScope(key: string, scope: string): boolean {
  const k = splitServerAddress(key);
  const s = splitServerAddress(scope);
  if (k.host !== s.host) return false;
  if (k.path === '' || s.path === '') return true;
  return k.path === s.path || s.path.startsWith(`${k.path}/`) || k.path.startsWith(`${s.path}/`);
}
