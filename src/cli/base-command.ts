import { Command } from '@oclif/core';
import { isContainerPackageError } from '../errors.js';
import { printedFailure, printFailure, wantsJson } from './report-error.js';

/**
 * Base of every command: prints the core's errors (stable `code`, optional `hint`) unwrapped,
 * with a JSON error object on stdout under `--json`, and exits with the documented exit code
 * (see report-error.ts). oclif's own errors (an unknown flag, a missing argument) are printed by
 * oclif, except under `--json`, where they get the JSON object too.
 */
export abstract class BaseCommand extends Command {
  protected override async catch(err: Error & { exitCode?: number }): Promise<unknown> {
    const json = wantsJson(this.argv);
    if (isContainerPackageError(err) || (json && !isExit(err))) {
      throw printedFailure(printFailure(err, { json }));
    }
    return super.catch(err);
  }
}

/** oclif's own exit (`this.exit()`), which is no failure to report. */
function isExit(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EEXIT';
}
