/**
 * Errors of the Buildkite adapter. Codes are `CI_CONFIG_*` (the plugin's configuration) and
 * `CI_AGENT_*` (the `buildkite-agent` binary). Messages never carry a token or a secret value.
 */
import { ContainerPackageError, type ErrorDetails } from '../../errors.js';

/**
 * Codes of {@link ConfigError}:
 *
 * - `CI_CONFIG_UNREADABLE`: the configuration could not be read (bad JSON or YAML, a missing file).
 * - `CI_CONFIG_INVALID`: it breaks the schema; `issues` lists every problem with its YAML path.
 * - `CI_CONFIG_CONFLICT`: options that cannot go together (`auth: oidc` with `token-env`, ...).
 * - `CI_CONFIG_UNRESOLVABLE`: valid on its own, but not for this build (no organization for
 *   `{registry}`, a tag template that renders to nothing, two images with the same tag, ...).
 */
export type ConfigErrorCode =
  'CI_CONFIG_UNREADABLE' | 'CI_CONFIG_INVALID' | 'CI_CONFIG_CONFLICT' | 'CI_CONFIG_UNRESOLVABLE';

/** One problem in the configuration. */
export interface ConfigIssue {
  /** YAML path of the bad value: `images[1].tags[0]`; `''` for the whole configuration. */
  readonly path: string;
  /** What is wrong and what is allowed. Quotes the value unless it looks secret. */
  readonly message: string;
}

/** The plugin's configuration is wrong. */
export class ConfigError extends ContainerPackageError {
  declare readonly code: ConfigErrorCode;
  /** Every problem found, in document order; empty for `CI_CONFIG_UNREADABLE`. */
  readonly issues: readonly ConfigIssue[];

  constructor(
    code: ConfigErrorCode,
    message: string,
    details: ErrorDetails & { issues?: readonly ConfigIssue[] } = {},
  ) {
    super(code, message, details);
    this.name = 'ConfigError';
    this.issues = details.issues ?? [];
  }
}

/**
 * Codes of {@link AgentError}:
 *
 * - `CI_AGENT_NOT_FOUND`: `buildkite-agent` is not on PATH (not running inside a Buildkite job?).
 * - `CI_AGENT_FAILED`: it exited non-zero.
 * - `CI_AGENT_TIMEOUT`: it did not finish in time.
 * - `CI_AGENT_BAD_OUTPUT`: it succeeded but printed something unusable (no token, no secret).
 * - `CI_AGENT_INVALID_ARGUMENT`: a value the agent would refuse (empty meta-data, a context over 100 characters).
 */
export type AgentErrorCode =
  | 'CI_AGENT_NOT_FOUND'
  | 'CI_AGENT_FAILED'
  | 'CI_AGENT_TIMEOUT'
  | 'CI_AGENT_BAD_OUTPUT'
  | 'CI_AGENT_INVALID_ARGUMENT';

/** A `buildkite-agent` subcommand failed. */
export class AgentError extends ContainerPackageError {
  declare readonly code: AgentErrorCode;
  /** The subcommand, without arguments: `oidc request-token`, `meta-data set`. */
  readonly command: string;
  readonly exitCode: number | undefined;

  constructor(
    code: AgentErrorCode,
    command: string,
    message: string,
    details: ErrorDetails & { exitCode?: number } = {},
  ) {
    super(code, message, details);
    this.name = 'AgentError';
    this.command = command;
    this.exitCode = details.exitCode;
  }
}
