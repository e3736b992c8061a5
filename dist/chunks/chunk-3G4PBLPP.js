import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/cli/exit-codes.ts
var ExitCode = {
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
  unavailable: 5
};
function exitCodeFor(code) {
  if (code === void 0) return ExitCode.failure;
  if (code.startsWith("REF_") || code.startsWith("CONFIG_") || code === "OCI_INVALID_DIGEST")
    return ExitCode.usage;
  if (code.endsWith("_UNAUTHORIZED") || code.endsWith("_DENIED")) return ExitCode.auth;
  if (code.endsWith("_NOT_FOUND") || code.endsWith("_UNKNOWN")) return ExitCode.notFound;
  if (code.endsWith("_UNAVAILABLE") || code.endsWith("_RETRIES_EXHAUSTED")) return ExitCode.unavailable;
  return ExitCode.failure;
}
function cliErrorOptions(error) {
  return {
    code: error.code,
    exit: exitCodeFor(error.code),
    ...error.hint ? { suggestions: [error.hint] } : {}
  };
}

export {
  cliErrorOptions
};
