import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  isContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/cli/exit-codes.ts
var ExitCode = {
  /** Success. */
  ok: 0,
  /** Something failed that none of the codes below describes. */
  failure: 1,
  /** The command line or a configuration value is invalid (bad reference, tag, flag, config file). */
  usage: 2,
  /** The registry refused the credentials (401) or the token lacks a scope (403). */
  auth: 3,
  /** What was asked for does not exist: an image source, a manifest, a tag. */
  notFound: 4,
  /** The registry could not be reached or kept failing after every retry. */
  unavailable: 5,
  /** Stopped by Ctrl-C or SIGTERM, after cleaning up (as shells report SIGINT). */
  interrupted: 130
};
var EXIT_CODES = {
  REF_EMPTY: ExitCode.usage,
  REF_HEX_REPOSITORY: ExitCode.usage,
  REF_INVALID_DIGEST: ExitCode.usage,
  REF_INVALID_FORMAT: ExitCode.usage,
  REF_INVALID_HOST: ExitCode.usage,
  REF_INVALID_REGISTRY: ExitCode.usage,
  REF_INVALID_REPOSITORY: ExitCode.usage,
  REF_INVALID_SLUG: ExitCode.usage,
  REF_INVALID_TAG: ExitCode.usage,
  REF_NAME_TOO_LONG: ExitCode.usage,
  REF_ORGANIZATION_REQUIRED: ExitCode.usage,
  REF_TEMPLATE_MISSING_VALUE: ExitCode.usage,
  REF_TEMPLATE_SYNTAX: ExitCode.usage,
  REF_TEMPLATE_UNKNOWN_PLACEHOLDER: ExitCode.usage,
  REF_UPPERCASE_REPOSITORY: ExitCode.usage,
  OCI_DIGEST_MISMATCH: ExitCode.failure,
  OCI_DIGEST_STATE: ExitCode.failure,
  OCI_INVALID_DIGEST: ExitCode.usage,
  OCI_INVALID_LAYER: ExitCode.failure,
  OCI_INVALID_MANIFEST: ExitCode.failure,
  OCI_NOT_AN_IMAGE: ExitCode.usage,
  OCI_PLATFORM_NOT_FOUND: ExitCode.notFound,
  OCI_SIZE_MISMATCH: ExitCode.failure,
  OCI_UNSUPPORTED_ALGORITHM: ExitCode.usage,
  SRC_AMBIGUOUS: ExitCode.usage,
  SRC_DIGEST_MISMATCH: ExitCode.failure,
  SRC_DISPOSED: ExitCode.failure,
  SRC_ENGINE_DENIED: ExitCode.auth,
  SRC_ENGINE_IMAGE_NOT_FOUND: ExitCode.notFound,
  SRC_ENGINE_NO_DIGEST: ExitCode.failure,
  SRC_ENGINE_PUSH_FAILED: ExitCode.failure,
  SRC_ENGINE_UNAUTHORIZED: ExitCode.auth,
  SRC_ENGINE_UNAVAILABLE: ExitCode.unavailable,
  SRC_INVALID_ARCHIVE: ExitCode.failure,
  SRC_INVALID_LAYOUT: ExitCode.failure,
  SRC_INVALID_NAME: ExitCode.usage,
  SRC_INVALID_OPTION: ExitCode.usage,
  SRC_INVALID_SPEC: ExitCode.usage,
  SRC_NOT_FOUND: ExitCode.notFound,
  SRC_NO_MATCH: ExitCode.notFound,
  SRC_SIZE_MISMATCH: ExitCode.failure,
  SRC_UNKNOWN_TRANSPORT: ExitCode.usage,
  SRC_UNSUPPORTED: ExitCode.failure,
  SRC_UPLOAD_INCOMPLETE: ExitCode.failure,
  CLIENT_AUTH_REALM: ExitCode.failure,
  CLIENT_BAD_LOCATION: ExitCode.failure,
  CLIENT_BAD_RESPONSE: ExitCode.failure,
  CLIENT_CREDENTIALS_CONFIG: ExitCode.failure,
  CLIENT_CREDENTIALS_HELPER: ExitCode.failure,
  CLIENT_DENIED: ExitCode.auth,
  CLIENT_DIGEST_MISMATCH: ExitCode.failure,
  CLIENT_INVALID_CREDENTIALS: ExitCode.usage,
  CLIENT_INVALID_OPTION: ExitCode.usage,
  CLIENT_INVALID_REPOSITORY: ExitCode.usage,
  CLIENT_INVALID_TARGET: ExitCode.usage,
  CLIENT_MANIFEST_TOO_LARGE: ExitCode.failure,
  CLIENT_NETWORK_ERROR: ExitCode.unavailable,
  CLIENT_NOT_FOUND: ExitCode.notFound,
  CLIENT_RATE_LIMITED: ExitCode.unavailable,
  CLIENT_REGISTRY_ERROR: ExitCode.failure,
  CLIENT_RETRIES_EXHAUSTED: ExitCode.unavailable,
  CLIENT_SOURCE_READ: ExitCode.failure,
  CLIENT_TIMEOUT: ExitCode.unavailable,
  CLIENT_TOKEN_INVALID: ExitCode.auth,
  CLIENT_TOO_MANY_PAGES: ExitCode.failure,
  CLIENT_UNAUTHORIZED: ExitCode.auth,
  CLIENT_UNAVAILABLE: ExitCode.unavailable,
  CLIENT_UPLOAD_INCOMPLETE: ExitCode.failure,
  REGISTRY_ADDRESS_IN_USE: ExitCode.failure,
  REGISTRY_CONFIG_INVALID: ExitCode.usage,
  REGISTRY_SIGNING_KEY_INVALID: ExitCode.usage,
  REGISTRY_STORAGE_LOCKED: ExitCode.failure,
  REGISTRY_STORAGE_S3: ExitCode.failure,
  REGISTRY_STORAGE_MISSING: ExitCode.failure,
  REGISTRY_WORKER_FAILED: ExitCode.failure,
  REGISTRY_DIGEST_MISMATCH: ExitCode.failure,
  REGISTRY_INVALID_OPTION: ExitCode.usage,
  REGISTRY_JWKS_INVALID: ExitCode.failure,
  REGISTRY_STORE_CORRUPT: ExitCode.failure,
  REGISTRY_TOKENS_FILE_INVALID: ExitCode.usage,
  REGISTRY_TOKENS_FILE_LOCKED: ExitCode.failure,
  REGISTRY_TOKEN_INVALID_INPUT: ExitCode.usage,
  REGISTRY_TOKEN_NOT_FOUND: ExitCode.notFound,
  REGISTRY_UPLOAD_LENGTH_MISMATCH: ExitCode.failure,
  REGISTRY_UPLOAD_OUT_OF_ORDER: ExitCode.failure,
  REGISTRY_UPLOAD_UNKNOWN: ExitCode.failure,
  CI_ACTION_INCOMPLETE: ExitCode.failure,
  CI_AGENT_BAD_OUTPUT: ExitCode.failure,
  CI_AGENT_FAILED: ExitCode.failure,
  CI_AGENT_INVALID_ARGUMENT: ExitCode.usage,
  CI_AGENT_NOT_FOUND: ExitCode.failure,
  CI_AGENT_TIMEOUT: ExitCode.failure,
  CI_CONFIG_CONFLICT: ExitCode.usage,
  CI_CONFIG_INVALID: ExitCode.usage,
  CI_CONFIG_UNREADABLE: ExitCode.failure,
  CI_CONFIG_UNRESOLVABLE: ExitCode.usage,
  CI_INPUT_CONFLICT: ExitCode.usage,
  CI_INPUT_INVALID: ExitCode.usage,
  CI_INPUT_MISSING: ExitCode.usage,
  CI_LOCAL_REGISTRY_MIRROR: ExitCode.failure,
  CI_OIDC_FAILED: ExitCode.failure,
  CI_OIDC_UNAVAILABLE: ExitCode.failure,
  CI_TOKEN_MISSING: ExitCode.usage,
  CI_UNEXPECTED: ExitCode.failure,
  CLI_DESTINATION_DIGEST: ExitCode.usage,
  CLI_EMPTY_SECRET: ExitCode.usage,
  CLI_INTERRUPTED: ExitCode.interrupted,
  CLI_NOTHING_PUSHED: ExitCode.failure,
  CLI_OUTPUT_EXISTS: ExitCode.usage,
  CLI_NO_SECRET: ExitCode.usage,
  CLI_STDIN_IS_TTY: ExitCode.usage,
  CLI_TOKEN_ENV_EMPTY: ExitCode.usage,
  CLI_UNEXPECTED: ExitCode.failure,
  CLI_USAGE: ExitCode.usage,
  CLI_USERNAME_REQUIRED: ExitCode.usage,
  DOCKER_CONFIG_NOT_OURS: ExitCode.failure,
  DOCKER_CONFIG_UNREADABLE: ExitCode.failure,
  DOCKER_CONFIG_WRITE_FAILED: ExitCode.failure,
  EXEC_FAILED: ExitCode.failure,
  EXEC_NOT_FOUND: ExitCode.failure,
  EXEC_TIMEOUT: ExitCode.failure,
  PUBLISH_DUPLICATE_NAME: ExitCode.usage,
  PUBLISH_INVALID_NAME: ExitCode.usage,
  PUBLISH_NAME_REQUIRED: ExitCode.usage,
  PUBLISH_NO_TAG: ExitCode.usage,
  REGISTRY_API_BLOB_UNKNOWN: ExitCode.notFound,
  REGISTRY_API_BLOB_UPLOAD_INVALID: ExitCode.failure,
  REGISTRY_API_BLOB_UPLOAD_UNKNOWN: ExitCode.notFound,
  REGISTRY_API_DIGEST_INVALID: ExitCode.usage,
  REGISTRY_API_MANIFEST_BLOB_UNKNOWN: ExitCode.notFound,
  REGISTRY_API_MANIFEST_INVALID: ExitCode.failure,
  REGISTRY_API_MANIFEST_UNKNOWN: ExitCode.notFound,
  REGISTRY_API_NAME_INVALID: ExitCode.usage,
  REGISTRY_API_NAME_UNKNOWN: ExitCode.notFound,
  REGISTRY_API_SIZE_INVALID: ExitCode.failure,
  REGISTRY_API_TAG_INVALID: ExitCode.usage,
  REGISTRY_API_UNAUTHORIZED: ExitCode.auth,
  REGISTRY_API_DENIED: ExitCode.auth,
  REGISTRY_API_UNSUPPORTED: ExitCode.failure,
  REGISTRY_API_TOOMANYREQUESTS: ExitCode.unavailable,
  REGISTRY_API_RANGE_INVALID: ExitCode.failure,
  REGISTRY_API_PAGINATION_NUMBER_INVALID: ExitCode.usage,
  REGISTRY_API_UNKNOWN: ExitCode.failure
};
function exitCodeFor(code) {
  if (code === void 0 || !Object.hasOwn(EXIT_CODES, code)) return ExitCode.failure;
  return EXIT_CODES[code];
}

// src/cli/report-error.ts
function describeFailure(error) {
  if (isContainerPackageError(error)) {
    return {
      code: error.code,
      message: error.message,
      hint: error.hint ?? null,
      exit_code: exitCodeFor(error.code)
    };
  }
  const oclif = error?.oclif;
  const code = error?.code;
  return {
    code: typeof code === "string" ? code : "CLI_UNEXPECTED",
    message: error instanceof Error ? error.message : String(error),
    hint: null,
    exit_code: oclif?.exit ?? ExitCode.failure
  };
}
function failureLines(failure) {
  return [
    `Error: ${failure.message}`,
    `Code: ${failure.code}`,
    ...failure.hint === null ? [] : [`Hint: ${failure.hint}`]
  ].join("\n");
}
function printFailure(error, options) {
  const failure = describeFailure(error);
  process.stderr.write(`${failureLines(failure)}
`);
  if (options.json)
    process.stdout.write(`${JSON.stringify({ error: failure }, null, 2)}
`);
  return failure.exit_code;
}
function printedFailure(exitCode) {
  return Object.assign(new Error("failure printed"), {
    skipOclifErrorHandling: true,
    oclif: { exit: exitCode }
  });
}
function wantsJson(argv) {
  return argv.includes("--json");
}

export {
  ExitCode,
  printFailure,
  printedFailure,
  wantsJson
};
