/**
 * Makes tests hermetic: removes variables inherited from the developer's shell or CI that change
 * how our code or the real container tools behave, and puts them back afterwards.
 */

/**
 * Prefixes removed from `process.env`: Docker CLI/daemon settings, distribution's config
 * overrides (`REGISTRY_*`, which also covers `REGISTRY_AUTH_FILE`), containers/* tool settings,
 * and the CI systems whose variables our entry points read.
 */
export const STRIPPED_PREFIXES: readonly string[] = [
  'DOCKER_',
  'REGISTRY_',
  'CONTAINERS_',
  'CONTAINER_',
  'BUILDAH_',
  'BUILDKITE_',
  'GITHUB_',
  'ACTIONS_',
  'INPUT_',
  'RUNNER_',
];

/** Exact names removed as well: proxies would route the tools' loopback traffic elsewhere. */
export const STRIPPED_NAMES: readonly string[] = [
  'BUILDKITE',
  'GITHUB_ACTIONS',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'ALL_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'all_proxy',
  'no_proxy',
];

/** Variables kept even though they match a prefix (the harness's own settings). */
const KEPT = new Set(['CONTAINER_PACKAGE_TEST_TMP', 'CONTAINER_PACKAGE_KEEP_TMP']);

/** True when `name` is one of the variables `cleanEnv` removes. */
export function isStripped(name: string): boolean {
  if (KEPT.has(name)) return false;
  return STRIPPED_NAMES.includes(name) || STRIPPED_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/**
 * Removes every stripped variable from `env` (default `process.env`) and returns a function that
 * restores `env` to exactly what it was before the call, undoing the removal and anything the
 * test set or deleted since. `CI` is kept: the harness reads it to fail instead of skipping.
 */
export function cleanEnv(env: NodeJS.ProcessEnv = process.env): () => void {
  const saved = { ...env };
  for (const name of Object.keys(env)) {
    if (isStripped(name)) delete env[name];
  }
  return () => {
    for (const name of Object.keys(env)) {
      if (!(name in saved)) delete env[name];
    }
    Object.assign(env, saved);
  };
}
