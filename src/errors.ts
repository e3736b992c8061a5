/**
 * The one base class of every error this project throws on purpose.
 *
 * Callers match on `code` (a stable, namespaced string such as `REF_INVALID_TAG`), never on
 * `instanceof`: the CLI, the plugin and the action are separate esbuild bundles, and a value may
 * cross from one copy of a class to another. `isContainerPackageError` checks a brand symbol
 * registered with `Symbol.for`, which every copy shares.
 */
import type { ErrorCode, ToolErrorCode } from './error-codes.js';

export type { ErrorCode, ToolErrorCode } from './error-codes.js';

const brand = Symbol.for('container-package.error');

export interface ErrorDetails {
  /** What the user can do about it, one sentence. Shown after the message. */
  hint?: string;
  cause?: unknown;
}

export class ContainerPackageError extends Error {
  /** Stable code, namespaced by layer: REF_*, OCI_*, SRC_*, CLIENT_*, REGISTRY_*, CI_*, CLI_*. */
  readonly code: ErrorCode | ToolErrorCode;
  readonly hint: string | undefined;
  readonly [brand] = true;

  constructor(code: ErrorCode | ToolErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ContainerPackageError';
    this.code = code;
    this.hint = details.hint;
  }
}

export function isContainerPackageError(value: unknown): value is ContainerPackageError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
