/**
 * How the CLI prints a failure. oclif's printer wraps lines to the terminal's width and prefixes
 * them with ` ›`, which splits URLs and digests across lines in CI logs; here a failure is
 * printed as is:
 *
 * - on stderr: `Error: MESSAGE`, then `Code: CODE` and `Hint: HINT`, one line each, never wrapped
 *   (on a terminal too: a terminal wraps long lines itself, and copying a URL still works);
 * - with `--json`, also one JSON object on stdout, `{"error": {"code", "message", "hint",
 *   "exit_code"}}`, so a script reading stdout gets a document on failure as on success.
 *
 * The process then exits with the documented exit code (src/cli/exit-codes.ts).
 */
import { isContainerPackageError } from '../errors.js';
import { ExitCode, exitCodeFor } from './exit-codes.js';

/** The JSON printed on stdout for a failure under `--json`. */
export interface JsonFailure {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly hint: string | null;
    readonly exit_code: number;
  };
}

/** What is printed for `error`: its code, message, hint and exit code. */
export function describeFailure(error: unknown): JsonFailure['error'] {
  if (isContainerPackageError(error)) {
    return {
      code: error.code,
      message: error.message,
      hint: error.hint ?? null,
      exit_code: exitCodeFor(error.code),
    };
  }
  const oclif = (error as { oclif?: { exit?: number } } | null)?.oclif;
  const code = (error as { code?: unknown } | null)?.code;
  return {
    code: typeof code === 'string' ? code : 'CLI_UNEXPECTED',
    message: error instanceof Error ? error.message : String(error),
    hint: null,
    exit_code: oclif?.exit ?? ExitCode.failure,
  };
}

/** The stderr lines for a failure: message, code and hint, unwrapped. */
export function failureLines(failure: JsonFailure['error']): string {
  return [
    `Error: ${failure.message}`,
    `Code: ${failure.code}`,
    ...(failure.hint === null ? [] : [`Hint: ${failure.hint}`]),
  ].join('\n');
}

/** Prints `error` (stderr, and stdout under `json`) and returns the exit code to end with. */
export function printFailure(error: unknown, options: { json: boolean }): number {
  const failure = describeFailure(error);
  process.stderr.write(`${failureLines(failure)}\n`);
  if (options.json)
    process.stdout.write(`${JSON.stringify({ error: failure } satisfies JsonFailure, null, 2)}\n`);
  return failure.exit_code;
}

/**
 * An error oclif's handler exits with quietly (the failure is printed already): it reads
 * `skipOclifErrorHandling` and `oclif.exit`.
 */
export function printedFailure(exitCode: number): Error {
  return Object.assign(new Error('failure printed'), {
    skipOclifErrorHandling: true,
    oclif: { exit: exitCode },
  });
}

/** True when `argv` asks for JSON output. */
export function wantsJson(argv: readonly string[]): boolean {
  return argv.includes('--json');
}
