import { Command } from '@oclif/core';
import { isContainerPackageError } from '../errors.js';
import { cliErrorOptions } from './exit-codes.js';

/**
 * Base of every command: turns the core's errors (stable `code`, optional `hint`) into oclif
 * errors with a documented exit code and the hint as a suggestion, so every failure says what
 * failed and what to do.
 */
export abstract class BaseCommand extends Command {
  protected override async catch(err: Error & { exitCode?: number }): Promise<unknown> {
    if (isContainerPackageError(err)) return this.error(err.message, cliErrorOptions(err));
    return super.catch(err);
  }
}
