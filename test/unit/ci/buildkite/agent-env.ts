/**
 * What the Buildkite agent puts in a plugin hook's environment for a plugin's configuration, ported
 * from buildkite/agent `agent/plugin/plugin.go` (`Name`, `formatEnvKey`, `walkConfigValues`,
 * `ConfigurationToEnvironment`, `fanOutDeprectatedEnvVarNames`), so tests feed our reader exactly
 * what a real agent would.
 */

/** The agent's `formatEnvKey`: upper case, `-` and whitespace to `_`. */
const formatEnvKey = (key: string): string => key.toUpperCase().replace(/-|\s/g, '_');

/** The agent's `Plugin.Name()` for a plugin location: `org/container-package-buildkite-plugin` is `container-package`. */
export function pluginName(location: string): string {
  const last = location.replace(/\\/g, '/').split('#')[0]!.split('/').pop() ?? '';
  return last
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[^a-zA-Z0-9]/g, '-')
    .replace(/-buildkite-plugin-git/g, '')
    .replace(/-buildkite-plugin/g, '');
}

function walk(prefix: string, value: unknown, into: Record<string, string>): void {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
    into[prefix] = String(value);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walk(`${prefix}_${i}`, item, into));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) walk(`${prefix}_${formatEnvKey(key)}`, child, into);
  } else {
    throw new Error(`Unknown type ${String(value)}`);
  }
}

/** The variables the agent sets for `location` configured with `config`. */
export function pluginEnvironment(location: string, config: Record<string, unknown>): Record<string, string> {
  const name = formatEnvKey(pluginName(location));
  const env: Record<string, string> = {
    BUILDKITE_PLUGIN_NAME: name,
    BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify(config),
  };
  for (const [key, value] of Object.entries(config))
    walk(`BUILDKITE_PLUGIN_${name}_${formatEnvKey(key)}`, value, env);
  // Names with consecutive underscores also appear collapsed (the deprecated spelling).
  for (const [key, value] of Object.entries(env)) {
    const collapsed = key.replace(/_+/g, '_');
    if (collapsed !== key) env[collapsed] = value;
  }
  return env;
}
