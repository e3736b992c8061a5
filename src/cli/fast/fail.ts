/** Failing a fast path exactly as the oclif command would. */
import { commonJsExports } from '../../common-js.js';
import { isContainerPackageError } from '../../errors.js';
import { printFailure } from '../report-error.js';

/**
 * Prints `error` and exits: a ContainerPackageError exactly as `BaseCommand` prints it (message,
 * code and hint, unwrapped; a JSON error object on stdout under `json`) with its documented exit
 * code; anything else through oclif's own handler, as oclif prints unexpected errors (unless
 * `json`). oclif is loaded only for those.
 */
export async function failLikeOclif(error: unknown, options: { json?: boolean } = {}): Promise<never> {
  const json = options.json ?? false;
  if (isContainerPackageError(error) || json) {
    process.exitCode = printFailure(error, { json });
    process.exit();
  }
  const { handle } = await import('@oclif/core/handle').then(commonJsExports);
  await handle(error as Error);
  // handle() exits; should it ever return, still fail.
  process.exit(1);
}
