/** The fast path for `container-package push` (see `index.ts`). */
import { parsePlain } from '../flag-spec.js';
import { PUSH_ARG_SPECS, PUSH_FLAG_SPECS } from '../flag-specs.js';
import { runPush } from '../push-action.js';
import { failLikeOclif } from './fail.js';

/**
 * Parses `args` (what follows `push`) with the command's own definitions (flag-specs.ts), then
 * pushes and returns true; returns false, having done nothing, when the input is not plain (an
 * unknown flag, a bad value, help asked for: see `parsePlain`), so the oclif command answers instead.
 */
export async function pushFast(args: readonly string[]): Promise<boolean> {
  const parsed = parsePlain(args, { args: PUSH_ARG_SPECS, flags: PUSH_FLAG_SPECS });
  if (parsed === undefined) return false;
  try {
    await runPush({ ...parsed.flags, source: parsed.args.source }, (line) =>
      process.stdout.write(`${line}\n`),
    );
  } catch (error) {
    await failLikeOclif(error, { json: parsed.flags.json });
  }
  return true;
}
