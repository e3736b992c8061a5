/**
 * Runs one hook by name with the job's environment. Hooks after the job's setup act only on a
 * job their own kind set up: agent-level hooks leave a step's plugin alone and the other way
 * round (both may be installed for one job), and agent-level hooks plan from the configuration
 * post-checkout read, not from the repository's file again.
 */
import { hookContext, type Log } from './context.js';
import { environmentHook } from './environment.js';
import { postCheckoutHook } from './post-checkout.js';
import { postCommandHook } from './post-command.js';
import { preCommandHook } from './pre-command.js';
import { preExitHook } from './pre-exit.js';
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
    return hook === 'environment' ? environmentHook(context) : postCheckoutHook(context);
  }
  const state = await readState(env[STATE_DIR_ENV]).catch(() => undefined);
  const context = hookContext(env, cli, log, state?.config);
  if (state !== undefined && state.mode !== context.mode) return {};
  switch (hook) {
    case 'pre-command':
      return preCommandHook(context);
    case 'post-command':
      await postCommandHook(context);
      return {};
    case 'pre-exit':
      return preExitHook(context);
  }
}
