import { ContainerPackageError, type ErrorDetails } from '../../errors.js';

/**
 * Codes of {@link RegistryAuthError}:
 *
 * - `REGISTRY_TOKENS_FILE_INVALID`: the tokens file cannot be read or does not hold what it should.
 * - `REGISTRY_TOKEN_NOT_FOUND`: no token with that id (`token revoke`).
 * - `REGISTRY_TOKEN_INVALID_INPUT`: a bad `--registry` or `--scope` for `token create`.
 * - `REGISTRY_TOKENS_FILE_LOCKED`: another process holds the tokens file's lock for too long.
 * - `REGISTRY_JWKS_INVALID`: a JWKS file or URL does not give a usable key set.
 */
export type RegistryAuthErrorCode =
  | 'REGISTRY_TOKENS_FILE_INVALID'
  | 'REGISTRY_TOKEN_NOT_FOUND'
  | 'REGISTRY_TOKEN_INVALID_INPUT'
  | 'REGISTRY_TOKENS_FILE_LOCKED'
  | 'REGISTRY_JWKS_INVALID';

/** A failure of the registry's token and key management (not of a request: those are 401/403). */
export class RegistryAuthError extends ContainerPackageError {
  declare readonly code: RegistryAuthErrorCode;

  constructor(code: RegistryAuthErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'RegistryAuthError';
  }
}
