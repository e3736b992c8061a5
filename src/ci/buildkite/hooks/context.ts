/**
 * What every hook starts from: the configuration (plugin or agent-level hooks), validated and
 * planned with the job's clock, and the `buildkite-agent` seam.
 */
import { createAgent, type BuildkiteAgent } from '../agent.js';
import { readAgentHookConfig, readBuildEnv, readPluginConfig } from '../inputs.js';
import { planPublish } from '../plan.js';
import type { PublishPlan } from '../publish-plan.js';
import { validatePluginConfig } from '../validate.js';

/** `plugin` (pipeline YAML) or `agent` (the agent's hooks directory, `CONTAINER_PACKAGE_MODE=agent`). */
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
}

/** Builds the context from the environment. */
export function hookContext(env: NodeJS.ProcessEnv, cli: string, log: Log): HookContext {
  const mode: HookMode = env.CONTAINER_PACKAGE_MODE === 'agent' ? 'agent' : 'plugin';
  return { env, mode, agent: createAgent({ env }), log, cli };
}

/**
 * Reads, validates and plans. Resolves undefined in agent mode when nothing is configured (an
 * agent-level hook then leaves the job alone).
 *
 * @throws ConfigError naming the bad key (the environment hook lets it fail the job early).
 */
export function loadPlan(context: HookContext, now: Date): PublishPlan | undefined {
  const raw = context.mode === 'agent' ? readAgentHookConfig(context.env) : readPluginConfig(context.env);
  if (raw === undefined) return undefined;
  const config = validatePluginConfig(raw.value, raw.origin);
  return planPublish(config, readBuildEnv(context.env), { now });
}
