/**
 * Runs one hook by name with the job's environment. Hooks after the job's setup act only on a
 * job their own kind set up: agent-level hooks leave a step's plugin alone and the other way
 * round (both may be installed for one job), and agent-level hooks plan from the configuration
 * post-checkout read, not from the repository's file again. Each hook's module is loaded when it
 * runs, so a hook does not load the others' dependencies (the client, the registry).
 */
import { hookContext, type Log } from './context.js';
import type { ShellExports } from './shell.js';
import { readState, STATE_DIR_ENV } from './state.js';

/** The hooks, in the order the agent runs them (checkout between environment and post-checkout). */
export const HOOK_NAMES = [
  'environment',
  'post-checkout',
  'pre-command',
  'post-command',
  'pre-exit',
] as const;
export type HookName = (typeof HOOK_NAMES)[number];

/** Runs `hook`; resolves what it exports (post-command exports nothing). */
export async function runHook(
  hook: HookName,
  env: NodeJS.ProcessEnv,
  cli: string,
  log: Log,
): Promise<ShellExports> {
  if (hook === 'environment' || hook === 'post-checkout') {
    const context = hookContext(env, cli, log);
    return hook === 'environment'
      ? (await import('./environment.js')).environmentHook(context)
      : (await import('./post-checkout.js')).postCheckoutHook(context);
  }
  const state = await readState(env[STATE_DIR_ENV]).catch(() => undefined);
  const context = hookContext(env, cli, log, state?.config);
  if (state !== undefined && state.mode !== context.mode) return {};
  switch (hook) {
    case 'pre-command':
      return (await import('./pre-command.js')).preCommandHook(context);
    case 'post-command':
      await (await import('./post-command.js')).postCommandHook(context);
      return {};
    case 'pre-exit':
      return (await import('./pre-exit.js')).preExitHook(context);
  }
}
