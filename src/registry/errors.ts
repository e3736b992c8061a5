import type { ServerResponse } from 'node:http';
import type { RegistryApiCode } from '../error-codes.js';
import { ContainerPackageError } from '../errors.js';

/**
 * The error codes the registry answers with, each with its default HTTP status and message.
 *
 * The codes are the OCI distribution-spec's (plus `TAG_INVALID`, which the conformance suite
 * knows, `RANGE_INVALID` for unsatisfiable byte ranges, CNCF distribution's `PAGINATION_NUMBER_INVALID`
 * for a bad `n`, and `UNKNOWN` for internal failures; the spec lets registries add codes). One table, one writer: handlers throw {@link RegistryApiError}
 * values built by {@link apiError} and never write error bodies themselves.
 */
export const ERROR_TABLE = {
  BLOB_UNKNOWN: { status: 404, message: 'blob unknown to registry' },
  BLOB_UPLOAD_INVALID: { status: 400, message: 'blob upload invalid' },
  BLOB_UPLOAD_UNKNOWN: { status: 404, message: 'blob upload unknown to registry' },
  DIGEST_INVALID: { status: 400, message: 'provided digest did not match uploaded content' },
  MANIFEST_BLOB_UNKNOWN: {
    status: 400,
    message: 'manifest references a manifest or blob unknown to registry',
  },
  MANIFEST_INVALID: { status: 400, message: 'manifest invalid' },
  MANIFEST_UNKNOWN: { status: 404, message: 'manifest unknown to registry' },
  NAME_INVALID: { status: 400, message: 'invalid repository name' },
  NAME_UNKNOWN: { status: 404, message: 'repository name not known to registry' },
  SIZE_INVALID: { status: 400, message: 'provided length did not match content length' },
  TAG_INVALID: { status: 400, message: 'invalid tag' },
  UNAUTHORIZED: { status: 401, message: 'authentication required' },
  DENIED: { status: 403, message: 'requested access to the resource is denied' },
  UNSUPPORTED: { status: 405, message: 'the operation is unsupported' },
  TOOMANYREQUESTS: { status: 429, message: 'too many requests' },
  RANGE_INVALID: { status: 416, message: 'requested range not satisfiable' },
  PAGINATION_NUMBER_INVALID: { status: 400, message: 'invalid number of results requested' },
  UNKNOWN: { status: 500, message: 'unknown error' },
} as const satisfies Record<RegistryApiCode, { status: number; message: string }>;

/** One of the codes in {@link ERROR_TABLE}. */
export type ApiErrorCode = keyof typeof ERROR_TABLE;

/** Overrides for one error value; every field defaults to the table entry. */
export interface ApiErrorOptions {
  /** HTTP status, when it differs from the table (for example 413 for an oversized manifest). */
  status?: number;
  /** Message for the client; defaults to the table's message. */
  message?: string;
  /** The `detail` member of the OCI error: any JSON the client can act on. */
  detail?: unknown;
  /** Extra response headers (a `Range` on a 416, a `WWW-Authenticate` on a 401). */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * An error the registry answers with: an HTTP status plus one OCI error `{code, message, detail}`.
 * Its project code is `REGISTRY_API_<code>` (for example `REGISTRY_API_BLOB_UNKNOWN`); `apiCode`
 * holds the OCI code itself.
 */
export class RegistryApiError extends ContainerPackageError {
  readonly apiCode: ApiErrorCode;
  readonly status: number;
  readonly detail: unknown;
  readonly headers: Readonly<Record<string, string>>;

  constructor(apiCode: ApiErrorCode, options: ApiErrorOptions = {}) {
    const entry = ERROR_TABLE[apiCode];
    super(`REGISTRY_API_${apiCode}`, options.message ?? entry.message, { cause: options.cause });
    this.name = 'RegistryApiError';
    this.apiCode = apiCode;
    this.status = options.status ?? entry.status;
    this.detail = options.detail;
    this.headers = options.headers ?? {};
  }
}

/** Builds the error value for `code`; handlers `throw apiError('BLOB_UNKNOWN', {detail})`. */
export function apiError(code: ApiErrorCode, options: ApiErrorOptions = {}): RegistryApiError {
  return new RegistryApiError(code, options);
}

/** True for a {@link RegistryApiError}, checked by `code` prefix so a second bundle copy still matches. */
export function isRegistryApiError(value: unknown): value is RegistryApiError {
  return (
    value instanceof ContainerPackageError &&
    value.code.startsWith('REGISTRY_API_') &&
    typeof (value as RegistryApiError).status === 'number'
  );
}

/** The JSON body of an OCI error response. */
export function errorBody(error: RegistryApiError): string {
  const entry: Record<string, unknown> = { code: error.apiCode, message: error.message };
  if (error.detail !== undefined) entry.detail = error.detail;
  return JSON.stringify({ errors: [entry] });
}

/**
 * Writes `error` as the OCI error JSON. Anything that is not a {@link RegistryApiError} becomes a
 * 500 `UNKNOWN` whose body says nothing about the cause (the caller logs it). The body's
 * `Content-Length` is always exact, also on a HEAD request where the body itself is left out.
 * When the headers were already sent (a stream broke midway), the connection is destroyed instead.
 */
export function writeError(res: ServerResponse, error: unknown, method = 'GET'): void {
  const value = isRegistryApiError(error) ? error : apiError('UNKNOWN', { message: 'internal server error' });
  if (res.destroyed || res.writableEnded) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = Buffer.from(errorBody(value));
  res.statusCode = value.status;
  for (const [name, headerValue] of Object.entries(value.headers)) res.setHeader(name, headerValue);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  res.end(method === 'HEAD' ? undefined : body);
}
