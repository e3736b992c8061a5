import { dump } from 'js-yaml';
import { parseConfig } from '../config.js';

/**
 * The registry config (YAML) of a local registry that mirrors `entries`, each a shorthand prefix
 * (`docker.io`, `ghcr.io`, `packages.buildkite.com/acme/images`: see `shorthandUpstream`), for
 * the CI adapters' `local-registry: { mirror: [...] }` to pass to `registry serve --config`.
 * Trailing slashes are dropped. The text is checked with the registry's own parser, so a bad
 * entry fails here, named by its position.
 *
 * @throws RegistryConfigError `REGISTRY_CONFIG_INVALID` (`mirrors[1]: "localhost:5000" is not a repository path …`)
 */
export function localMirrorConfig(entries: readonly string[], source = 'local-registry.mirror'): string {
  const text = dump({ mirrors: entries.map((entry) => entry.trim().replace(/\/+$/, '')) });
  parseConfig(text, { source });
  return text;
}
