import type { AuthorizationResult } from '../auth/authorizer.js';
import { apiError, type RegistryApiError } from '../errors.js';

const DEFAULT_CODE = {
  400: 'NAME_INVALID',
  401: 'UNAUTHORIZED',
  403: 'DENIED',
  404: 'NAME_UNKNOWN',
} as const;

/**
 * The OCI error of an authorizer's refusal: its status, its code (default by status: 400
 * `NAME_INVALID`, 401 `UNAUTHORIZED`, 403 `DENIED`, 404 `NAME_UNKNOWN`), its message, and its
 * challenge as `WWW-Authenticate`.
 */
export function refusal(verdict: Exclude<AuthorizationResult, { ok: true }>): RegistryApiError {
  return apiError(verdict.code ?? DEFAULT_CODE[verdict.status], {
    status: verdict.status,
    message: verdict.message,
    headers: verdict.challenge === undefined ? {} : { 'WWW-Authenticate': verdict.challenge },
  });
}
