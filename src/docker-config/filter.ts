/**
 * The content of a job's `config.json`, made from the agent's: everything is kept except what
 * could put one of the job's registries' credentials in the wrong place. Pure.
 */
import { keyConcernsScope } from './scope.js';

/** A docker `config.json`: only the keys this module changes are typed; every other key is kept as is. */
export interface DockerConfigJson {
  auths?: Record<string, unknown>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
  [key: string]: unknown;
}

/** What {@link isolatedConfig} did, for the log. Keys are server addresses, never credentials. */
export interface IsolationReport {
  /** `auths` and `credHelpers` keys removed because they concern one of the scopes. */
  readonly dropped: readonly string[];
  /** The `credsStore` helper turned into per-registry `credHelpers`, if there was one. */
  readonly credsStore: string | undefined;
}

/**
 * The job's config:
 *
 * - `auths` and `credHelpers` entries that concern a scope (see `keyConcernsScope`) are removed,
 *   so a stale or foreign credential is never used for the job's registries; entries for other
 *   registries stay, so pulls of private base images keep working.
 * - `credsStore` (one helper for every registry, e.g. `desktop`, `pass`, `osxkeychain`) is removed,
 *   so a `docker login` in the job writes to the job's own file instead of the agent's keychain,
 *   where it would outlive the job. Each registry docker had stored in it (the empty `auths`
 *   entries docker leaves behind) gets the same helper in `credHelpers`, so those still work;
 *   registries the helper knows but `auths` does not list are no longer found.
 * - Everything else (`proxies`, `HttpHeaders`, `currentContext`, `cliPluginsExtraDirs`, `aliases`,
 *   `features`, `plugins`, formats...) is kept as is.
 *
 * @param scopes registry prefixes the job logs in to: `packages.buildkite.com/acme/images`, `ghcr.io/acme`
 */
export function isolatedConfig(
  agent: DockerConfigJson,
  scopes: readonly string[],
): { config: DockerConfigJson; report: IsolationReport } {
  const config = structuredClone(agent);
  const concerns = (key: string): boolean => scopes.some((scope) => keyConcernsScope(key, scope));
  const dropped: string[] = [];
  const auths = isRecord(config.auths) ? config.auths : undefined;
  const helpers = isRecord(config.credHelpers) ? (config.credHelpers as Record<string, string>) : undefined;
  for (const table of [auths, helpers]) {
    for (const key of Object.keys(table ?? {})) {
      if (!concerns(key)) continue;
      delete table![key];
      if (!dropped.includes(key)) dropped.push(key);
    }
  }
  const store =
    typeof config.credsStore === 'string' && config.credsStore !== '' ? config.credsStore : undefined;
  if (store !== undefined) {
    delete config.credsStore;
    const converted: Record<string, string> = { ...helpers };
    for (const key of Object.keys(auths ?? {})) converted[key] ??= store;
    if (Object.keys(converted).length > 0) config.credHelpers = converted;
  }
  return { config, report: { dropped, credsStore: store } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
