/**
 * What every hook starts from: the configuration (plugin or agent-level hooks), validated and
 * planned with the job's clock, and the `buildkite-agent` seam.
 */
import { createAgent, type BuildkiteAgent } from '../agent.js';
import { readAgentHookConfig, readBuildEnv, readPluginConfig, type RawConfig } from '../inputs.js';
import { planPublish } from '../plan.js';
import type { PublishPlan } from '../publish-plan.js';
import { validatePluginConfig } from '../validate.js';

/** `plugin` (a step's `plugins:` block) or `agent` (the agent's hooks directory). */
export type HookMode = 'plugin' | 'agent';

/** Where a hook writes its log lines (stderr: stdout carries the shell exports). */
export type Log = (line: string) => void;

/** Everything a hook needs. */
export interface HookContext {
  readonly env: NodeJS.ProcessEnv;
  readonly mode: HookMode;
  readonly agent: BuildkiteAgent;
  readonly log: Log;
  /** Path of `bin/container-package` (to start the local registry). */
  readonly cli: string;
  /**
   * The configuration the hook that set the job up read (agent-level hooks: post-checkout reads
   * the repository's file once, and later hooks plan from what it read, not from the file again).
   */
  readonly saved?: RawConfig;
}

/**
 * Which hooks these are. The agent gives a plugin's hooks `BUILDKITE_PLUGIN_NAME` and
 * `BUILDKITE_PLUGIN_CONFIGURATION` (and the flattened `BUILDKITE_PLUGIN_<NAME>_*` variables),
 * only while that plugin's hook runs; agent-level hooks never see them. `CONTAINER_PACKAGE_MODE`
 * (`agent` or `plugin`) overrides; lib/hooks.bash passes the mode it decided this way.
 */
export function hookMode(env: NodeJS.ProcessEnv): HookMode {
  const explicit = env.CONTAINER_PACKAGE_MODE;
  if (explicit === 'agent' || explicit === 'plugin') return explicit;
  const plugin =
    !!env.BUILDKITE_PLUGIN_NAME ||
    !!env.BUILDKITE_PLUGIN_CONFIGURATION ||
    Object.keys(env).some((name) => name.startsWith('BUILDKITE_PLUGIN_CONTAINER_PACKAGE_'));
  return plugin ? 'plugin' : 'agent';
}

/** Builds the context from the environment (and the configuration the job's setup saved). */
export function hookContext(env: NodeJS.ProcessEnv, cli: string, log: Log, saved?: RawConfig): HookContext {
  return { env, mode: hookMode(env), agent: createAgent({ env }), log, cli, ...(saved && { saved }) };
}

/**
 * The job's raw configuration: what the setup hook saved, else the plugin's settings, else (agent
 * mode) the repository's file and the agent's variables. Undefined in agent mode when there is
 * none (an agent-level hook then leaves the job alone).
 *
 * @throws ConfigError `CI_CONFIG_UNREADABLE` for unparsable JSON or YAML
 */
export function readConfig(context: HookContext): RawConfig | undefined {
  if (context.saved) return context.saved;
  return context.mode === 'agent' ? readAgentHookConfig(context.env) : readPluginConfig(context.env);
}

/** Validates and plans `raw` with the job's clock. @throws ConfigError naming the bad key */
export function planFrom(context: HookContext, raw: RawConfig, now: Date): PublishPlan {
  const config = validatePluginConfig(raw.value, raw.origin);
  return planPublish(config, readBuildEnv(context.env), { now });
}

/**
 * Reads, validates and plans. Resolves undefined in agent mode when nothing is configured.
 *
 * @throws ConfigError naming the bad key (the setup hook lets it fail the job early).
 */
export function loadPlan(context: HookContext, now: Date): PublishPlan | undefined {
  const raw = readConfig(context);
  return raw === undefined ? undefined : planFrom(context, raw, now);
}
