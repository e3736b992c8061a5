/** The fast path for `container-package push` (see `index.ts`). */
import { parse } from '@oclif/core/parser';
import { runPush } from '../push-action.js';
import { PUSH_ARGS, PUSH_FLAGS } from '../push-spec.js';
import { failLikeOclif } from './fail.js';

/**
 * Parses `args` (what follows `push`) with oclif's own parser and the command's own definitions
 * (push-spec.ts), then pushes and returns true; returns false, having done nothing, when the
 * parser refuses them or help is asked for, so the oclif command answers instead.
 */
export async function pushFast(args: readonly string[]): Promise<boolean> {
  if (args.some((arg) => arg === '--help' || arg === '-h')) return false;
  let parsed;
  try {
    parsed = await parse([...args], { args: PUSH_ARGS, flags: PUSH_FLAGS, strict: true });
  } catch {
    return false;
  }
  try {
    await runPush({ ...parsed.flags, source: parsed.args.source }, (line) =>
      process.stdout.write(`${line}\n`),
    );
  } catch (error) {
    await failLikeOclif(error, { json: parsed.flags.json });
  }
  return true;
}
