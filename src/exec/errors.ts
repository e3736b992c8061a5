/** Errors of the child-process seam. Codes are `EXEC_*`; messages never carry a child's stdout. */
import { ContainerPackageError, type ErrorDetails } from '../errors.js';

/** Codes of {@link ExecError}. */
export type ExecErrorCode = 'EXEC_NOT_FOUND' | 'EXEC_FAILED' | 'EXEC_TIMEOUT';

/** A program could not be started, failed, or timed out. */
export class ExecError extends ContainerPackageError {
  /** The program's name as given (no arguments: they may hold secrets). */
  readonly program: string;
  readonly exitCode: number | undefined;

  constructor(
    code: ExecErrorCode,
    program: string,
    message: string,
    details: ErrorDetails & { exitCode?: number } = {},
  ) {
    super(code, message, details);
    this.name = 'ExecError';
    this.program = program;
    this.exitCode = details.exitCode;
  }
}
