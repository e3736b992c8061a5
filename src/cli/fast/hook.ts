/** The fast path for `container-package buildkite-hook NAME` (see `index.ts`). */
import { isHookName, runHook } from '../run-hook.js';
import { failLikeOclif } from './fail.js';

/**
 * Runs the hook named by the only argument and returns true; returns false for anything else
 * (no name, an unknown one, more arguments, a flag), which the oclif command then refuses.
 */
export async function hookFast(args: readonly string[], cli: string): Promise<boolean> {
  const [hook, ...rest] = args;
  if (rest.length > 0 || !isHookName(hook)) return false;
  try {
    await runHook(hook, cli, (line) => process.stdout.write(`${line}\n`));
  } catch (error) {
    await failLikeOclif(error);
  }
  return true;
}
