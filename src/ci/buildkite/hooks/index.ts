/** The plugin's hooks, in the order the agent runs them. */
export {
  hookContext,
  hookMode,
  loadPlan,
  readConfig,
  type HookContext,
  type HookMode,
  type Log,
} from './context.js';
export { environmentHook } from './environment.js';
export { postCheckoutHook } from './post-checkout.js';
export { preCommandHook } from './pre-command.js';
export { postCommandHook } from './post-command.js';
export { preExitHook } from './pre-exit.js';
export { HOOK_NAMES, runHook, type HookName } from './run.js';
export { setUpJob } from './set-up-job.js';
export { renderExports, shellQuote, type ShellExports } from './shell.js';
export { STATE_DIR_ENV, readState, type JobState } from './state.js';
