import { Command } from '@oclif/core';
import { ContainerPackageError, isContainerPackageError } from '../errors.js';
import { printedFailure, printFailure, wantsJson } from './report-error.js';

/**
 * Base of every command: prints the core's errors (stable `code`, optional `hint`) unwrapped,
 * with a JSON error object on stdout under `--json`, and exits with the documented exit code
 * (see report-error.ts). oclif's parse errors (an unknown flag, a missing argument, a bad flag
 * value) become `CLI_USAGE` (exit 2), printed the same way, and so are errors that are not
 * oclif's (a file-system error); other oclif errors are printed by oclif, except under `--json`,
 * where they get the JSON object too.
 */
export abstract class BaseCommand extends Command {
  protected override async catch(err: Error & { exitCode?: number }): Promise<unknown> {
    const json = wantsJson(this.argv);
    if (isParseError(err)) {
      const message = err.message
        .replace(/\n?See more help with --help\s*$/, '')
        .replace(/\s*\n\t/g, ': ')
        .trim();
      const usage = new ContainerPackageError('CLI_USAGE', message, {
        hint: `see \`${[this.config.bin, this.id?.replaceAll(':', ' ')].filter(Boolean).join(' ')} --help\` for its arguments and flags`,
      });
      throw printedFailure(printFailure(usage, { json }));
    }
    // Anything but oclif's own errors (a file-system error, a library's) is printed the
    // documented way too: oclif's printer would indent it, wrap it and drop the Code line.
    if (isContainerPackageError(err) || (!isExit(err) && (json || !isOclifError(err)))) {
      throw printedFailure(printFailure(err, { json }));
    }
    return super.catch(err);
  }
}

/** oclif's own exit (`this.exit()`), which is no failure to report. */
function isExit(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EEXIT';
}

/** An error oclif made (it carries `oclif`), which oclif's handler knows how to print. */
function isOclifError(error: unknown): boolean {
  return (error as { oclif?: unknown } | null)?.oclif !== undefined;
}

/** oclif refusing the command line (its parser, a flag's own check): an oclif error exiting 2. */
function isParseError(error: unknown): error is Error {
  const e = error as { oclif?: { exit?: unknown } } | null;
  return error instanceof Error && !isContainerPackageError(error) && e?.oclif?.exit === 2;
}
