/**
 * Errors of the GitHub Action adapter. Codes are `CI_INPUT_*` (the step's `with:` inputs) and
 * `CI_OIDC_*` (GitHub's ID-token endpoint). Messages quote the input they are about, never a token.
 */
import { ContainerPackageError, type ErrorDetails } from '../../errors.js';

/**
 * Codes of {@link ActionError}:
 *
 * - `CI_INPUT_INVALID`: an input's value is malformed (a bad boolean, an unknown `auth`, an
 *   unparsable registry, image line or tag template).
 * - `CI_INPUT_MISSING`: an input the others need is empty (`images`, `registry`, `token` with
 *   `auth: token`, `audience` for OIDC outside Buildkite Packages).
 * - `CI_INPUT_CONFLICT`: inputs that cannot go together (`token` with `auth: oidc`, a registry
 *   listed twice, two images with one name, a token sent to two hosts).
 * - `CI_OIDC_UNAVAILABLE`: the job cannot mint OIDC tokens (no `permissions: id-token: write`).
 * - `CI_OIDC_FAILED`: GitHub's ID-token endpoint refused or failed.
 * - `CI_ACTION_INCOMPLETE`: the action's checkout lacks a file it runs (`bin/container-package`).
 */
export type ActionErrorCode =
  | 'CI_INPUT_INVALID'
  | 'CI_INPUT_MISSING'
  | 'CI_INPUT_CONFLICT'
  | 'CI_OIDC_UNAVAILABLE'
  | 'CI_OIDC_FAILED'
  | 'CI_ACTION_INCOMPLETE';

/** The step's inputs are wrong, or an OIDC token could not be had. */
export class ActionError extends ContainerPackageError {
  declare readonly code: ActionErrorCode;
  /** The input concerned (`registry`, `images`, ...), when one is. */
  readonly input: string | undefined;

  constructor(code: ActionErrorCode, message: string, details: ErrorDetails & { input?: string } = {}) {
    super(code, message, details);
    this.name = 'ActionError';
    this.input = details.input;
  }
}

/** `CI_INPUT_INVALID` about `input`. */
export function invalidInput(input: string, message: string, hint?: string, cause?: unknown): ActionError {
  return new ActionError('CI_INPUT_INVALID', message, { input, hint, cause });
}

/** `CI_INPUT_MISSING` about `input`. */
export function missingInput(input: string, message: string, hint?: string): ActionError {
  return new ActionError('CI_INPUT_MISSING', message, { input, hint });
}

/** `CI_INPUT_CONFLICT` about `input`. */
export function conflictingInputs(input: string, message: string, hint?: string): ActionError {
  return new ActionError('CI_INPUT_CONFLICT', message, { input, hint });
}
