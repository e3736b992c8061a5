/**
 * Exit codes of the `container-package` CLI. Scripts may rely on them; they never change once
 * released (see README "Exit codes").
 */
export const ExitCode = {
  /** Success. */
  ok: 0,
  /** Something failed that none of the codes below describes. */
  failure: 1,
  /** The command line or a configuration value is invalid (bad reference, tag, flag). */
  usage: 2,
  /** The registry refused the credentials (401) or the token lacks a scope (403). */
  auth: 3,
  /** What was asked for does not exist: an image source, a manifest, a tag. */
  notFound: 4,
  /** The registry could not be reached or kept failing after every retry. */
  unavailable: 5,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Maps a stable error code (`REF_*`, `CLIENT_UNAUTHORIZED`, ...) to the CLI's exit code. */
export function exitCodeFor(code: string | undefined): ExitCode {
  if (code === undefined) return ExitCode.failure;
  if (code.startsWith('REF_') || code.startsWith('CONFIG_') || code === 'OCI_INVALID_DIGEST')
    return ExitCode.usage;
  if (code.endsWith('_UNAUTHORIZED') || code.endsWith('_DENIED')) return ExitCode.auth;
  if (code.endsWith('_NOT_FOUND') || code.endsWith('_UNKNOWN')) return ExitCode.notFound;
  if (code.endsWith('_UNAVAILABLE') || code.endsWith('_RETRIES_EXHAUSTED')) return ExitCode.unavailable;
  return ExitCode.failure;
}

/**
 * How the CLI reports a ContainerPackageError through oclif: its stable code, the exit code for
 * it and its hint as the suggestion (`Try this:`).
 */
export function cliErrorOptions(error: { code: string; hint?: string | undefined }): {
  code: string;
  exit: ExitCode;
  suggestions?: string[];
} {
  return {
    code: error.code,
    exit: exitCodeFor(error.code),
    ...(error.hint ? { suggestions: [error.hint] } : {}),
  };
}
