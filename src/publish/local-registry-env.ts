/**
 * What a job's later steps are told about the local registry, the same from the Buildkite
 * plugin and the GitHub Action: its address, the prefix to pull mirrored images through, and a
 * BuildKit registry-cache reference.
 */

/** Receives `127.0.0.1:PORT/<first mirror>`, the prefix to pull through (`$PREFIX/library/postgres:16`). */
export const MIRROR_PREFIX_ENV = 'CONTAINER_PACKAGE_MIRROR_PREFIX';
/** Receives every mirror's prefix, space-separated, in the order configured. */
export const MIRROR_PREFIXES_ENV = 'CONTAINER_PACKAGE_MIRROR_PREFIXES';
/** Receives `127.0.0.1:PORT/cache/<name>:buildcache`, for `--cache-to`/`--cache-from type=registry`. */
export const BUILDKIT_CACHE_ENV = 'CONTAINER_PACKAGE_BUILDKIT_CACHE';

/**
 * The variables for a local registry at `address` mirroring `mirrors`; `cacheName` (a pipeline
 * slug or `owner/repo`) is made into a repository name, `pipeline` when empty.
 */
export function localRegistryEnv(
  address: string,
  mirrors: readonly string[],
  cacheName: string | undefined,
): Record<string, string> {
  const name =
    (cacheName ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'pipeline';
  const env: Record<string, string> = { [BUILDKIT_CACHE_ENV]: `${address}/cache/${name}:buildcache` };
  const prefixes = mirrors.map((mirror) => `${address}/${mirror.replace(/\/+$/, '')}`);
  if (prefixes.length > 0) {
    env[MIRROR_PREFIX_ENV] = prefixes[0]!;
    env[MIRROR_PREFIXES_ENV] = prefixes.join(' ');
  }
  return env;
}
