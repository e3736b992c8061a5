/**
 * environment hook: for a plugin, read the step's settings and set the job up (see
 * `set-up-job.ts`), so a bad key fails the job before checkout. Agent-level hooks do nothing
 * here: the agent runs it before checkout, when the repository's file may still be the previous
 * build's; post-checkout sets their job up.
 */
import { readConfig, type HookContext } from './context.js';
import { setUpJob } from './set-up-job.js';
import type { ShellExports } from './shell.js';

/** Runs the environment hook; resolves the variables to export. */
export async function environmentHook(context: HookContext, now = new Date()): Promise<ShellExports> {
  if (context.mode === 'agent') return {};
  return setUpJob(context, readConfig(context) ?? { value: {}, origin: 'the plugin (no settings)' }, now);
}
