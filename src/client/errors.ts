/**
 * Errors of the registry client. Every one has a stable `CLIENT_*` code; callers match on the
 * code, and retry decisions read `isTemporary()`, never the message.
 * Model: go-containerregistry `transport/error.go` (one error per failed response, carrying the
 * status, the method, the redacted URL and the registry's `{code,message,detail}` list).
 */
import { STATUS_CODES } from 'node:http';
import { ContainerPackageError, type ErrorCode, type ErrorDetails } from '../errors.js';

/** Codes of {@link RegistryError}, chosen from the HTTP status and the registry's error codes. */
export type RegistryErrorCode =
  | 'CLIENT_REGISTRY_ERROR'
  | 'CLIENT_UNAUTHORIZED'
  | 'CLIENT_DENIED'
  | 'CLIENT_NOT_FOUND'
  | 'CLIENT_RATE_LIMITED';

/** One entry of an OCI error body: `{"errors":[{"code","message","detail"}]}`. */
export interface RegistryDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly detail?: unknown;
}

/** Base class of the client's errors. Not temporary unless a subclass says so. */
export class ClientError extends ContainerPackageError {
  constructor(code: Extract<ErrorCode, `CLIENT_${string}`>, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'ClientError';
  }

  /** True when the same request may succeed if sent again later (the retry layer asks this). */
  isTemporary(): boolean {
    return false;
  }
}

/** What {@link RegistryError} is built from (see `readRegistryError` in `transport/check.ts`). */
export interface RegistryErrorInit {
  readonly status: number;
  readonly method: string;
  /** Already redacted. */
  readonly url: string;
  readonly diagnostics: readonly RegistryDiagnostic[];
  /** The raw body (capped, redacted) when it was not an OCI error document. */
  readonly body?: string;
  /** The delay the registry asked for in `Retry-After`, in milliseconds. */
  readonly retryAfterMs?: number;
  /** The repository the request was about, for the hint. */
  readonly repository?: string;
  /** The registry host, for the hint. */
  readonly registry?: string;
}

const TEMPORARY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
const NOT_FOUND_CODES = new Set(['MANIFEST_UNKNOWN', 'BLOB_UNKNOWN', 'NAME_UNKNOWN', 'NOT_FOUND']);

/** A registry answered with a status the operation did not expect. */
export class RegistryError extends ClientError {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly diagnostics: readonly RegistryDiagnostic[];
  readonly body: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: RegistryErrorInit) {
    const code = registryErrorCode(init.status, init.diagnostics);
    super(code, registryErrorMessage(init), { hint: registryErrorHint(code, init) });
    this.name = 'RegistryError';
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.diagnostics = init.diagnostics;
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** 408, 425, 429, 500, 502, 503, 504 (501 and 505 will not change on a retry). */
  override isTemporary(): boolean {
    return isTemporaryStatus(this.status);
  }
}

/** True for the statuses a retry may cure: 408, 425, 429, 500, 502, 503, 504. */
export function isTemporaryStatus(status: number): boolean {
  return TEMPORARY_STATUSES.has(status);
}

/** The code for a failed response: 401, 403 and 404 (or an OCI "unknown" code) get their own. */
export function registryErrorCode(
  status: number,
  diagnostics: readonly RegistryDiagnostic[],
): RegistryErrorCode {
  const codes = new Set(diagnostics.map((d) => d.code));
  if (status === 401 || codes.has('UNAUTHORIZED')) return 'CLIENT_UNAUTHORIZED';
  if (status === 403 || codes.has('DENIED')) return 'CLIENT_DENIED';
  if (status === 404 || [...codes].some((c) => NOT_FOUND_CODES.has(c))) return 'CLIENT_NOT_FOUND';
  if (status === 429 || codes.has('TOOMANYREQUESTS')) return 'CLIENT_RATE_LIMITED';
  return 'CLIENT_REGISTRY_ERROR';
}

function registryErrorMessage(init: RegistryErrorInit): string {
  const statusText = STATUS_CODES[init.status];
  const head = `${init.method} ${init.url}: HTTP ${init.status}${statusText ? ` ${statusText}` : ''}`;
  if (init.diagnostics.length > 0) {
    const list = init.diagnostics.map((d) => (d.message ? `${d.code}: ${d.message}` : d.code)).join('; ');
    return `${head}: ${list}`;
  }
  const body = init.body?.trim();
  return body ? `${head}: ${body.length > 300 ? `${body.slice(0, 300)}…` : body}` : head;
}

function registryErrorHint(code: RegistryErrorCode, init: RegistryErrorInit): string | undefined {
  const registry = init.registry ?? 'the registry';
  const repository = init.repository === undefined ? 'this repository' : `"${init.repository}"`;
  switch (code) {
    case 'CLIENT_UNAUTHORIZED':
      return (
        `check the credentials for ${registry} (log in again, passing the password on stdin); ` +
        'for an OIDC token, check that its audience is the registry URL exactly and that it has not expired'
      );
    case 'CLIENT_DENIED':
      return (
        `the credentials for ${registry} were accepted but lack access to ${repository}: ` +
        'for Buildkite Packages the token needs the write_packages scope (or an OIDC policy that grants it)'
      );
    case 'CLIENT_NOT_FOUND':
      return `check the repository name ${repository} and the tag or digest`;
    case 'CLIENT_RATE_LIMITED':
      return `${registry} is rate limiting this client: retry later or lower the concurrency`;
    default:
      return TEMPORARY_STATUSES.has(init.status)
        ? `${registry} had a temporary failure: retry later`
        : undefined;
  }
}

/** Codes of {@link NetworkError}. */
export type NetworkErrorCode = 'CLIENT_UNAVAILABLE' | 'CLIENT_NETWORK_ERROR' | 'CLIENT_TIMEOUT';

/** Low-level error codes (Node, undici) that a retry may cure. */
const TEMPORARY_REASONS = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_REQ_RETRY',
]);

/** The request never got a complete response: refused, reset, timed out, closed socket. */
export class NetworkError extends ClientError {
  /** The low-level code, e.g. `ECONNRESET`, `UND_ERR_SOCKET`. */
  readonly reason: string;
  readonly method: string;
  readonly url: string;
  /** How many times the request was sent, once the retry layer gave up; else `undefined`. */
  readonly attempts: number | undefined;

  constructor(
    code: NetworkErrorCode,
    reason: string,
    method: string,
    url: string,
    details: ErrorDetails & { attempts?: number } = {},
  ) {
    const tries = details.attempts === undefined ? '' : ` after ${details.attempts} attempts`;
    super(code, `${method} ${url}: ${describeReason(code, reason)}${tries}`, {
      hint: details.hint ?? (code === 'CLIENT_UNAVAILABLE' ? UNAVAILABLE_HINT : undefined),
      cause: details.cause,
    });
    this.name = 'NetworkError';
    this.reason = reason;
    this.method = method;
    this.url = url;
    this.attempts = details.attempts;
  }

  /** Temporary for resets, refusals and timeouts, unless the retry layer already gave up on it. */
  override isTemporary(): boolean {
    return this.attempts === undefined && TEMPORARY_REASONS.has(this.reason);
  }

  /** The same failure, marked final after `attempts` tries (no longer temporary). */
  exhausted(attempts: number): NetworkError {
    return new NetworkError(this.code as NetworkErrorCode, this.reason, this.method, this.url, {
      attempts,
      cause: this.cause,
      hint: this.hint,
    });
  }
}

const UNAVAILABLE_HINT =
  'check that the registry is running and reachable, and whether it speaks http or https (plain http is used only for loopback addresses, and for hosts given to the CLI with --insecure)';

function describeReason(code: NetworkErrorCode, reason: string): string {
  if (code === 'CLIENT_UNAVAILABLE') return `cannot connect (${reason})`;
  if (code === 'CLIENT_TIMEOUT') return `timed out (${reason})`;
  return `connection failed (${reason})`;
}

/** A temporary failure repeated until the retry budget ran out; `cause` is the last failure. */
export class RetriesExhaustedError extends ClientError {
  readonly attempts: number;
  /** @param what the operation, when `cause`'s message does not already name it */
  constructor(what: string | undefined, attempts: number, cause: Error) {
    const prefix = what === undefined ? '' : `${what}: `;
    super('CLIENT_RETRIES_EXHAUSTED', `${prefix}gave up after ${attempts} attempts: ${cause.message}`, {
      cause,
      hint: 'the registry kept failing with temporary errors: retry later, or raise the retries option',
    });
    this.name = 'RetriesExhaustedError';
    this.attempts = attempts;
  }
}

/** Bytes did not match the descriptor (wrong digest, or a source shorter or longer than `size`). */
export class ContentMismatchError extends ClientError {
  readonly expected: string;
  readonly actual: string;
  constructor(message: string, expected: string, actual: string, hint?: string) {
    super('CLIENT_DIGEST_MISMATCH', message, {
      hint: hint ?? 'the content changed since its manifest was written: rebuild or re-export the image',
    });
    this.name = 'ContentMismatchError';
    this.expected = expected;
    this.actual = actual;
  }
}

/** Any other client failure with a fixed code: bad `Location`, bad option, credentials, auth realm. */
export function clientError(
  code: Extract<ErrorCode, `CLIENT_${string}`>,
  message: string,
  details: ErrorDetails = {},
): ClientError {
  return new ClientError(code, message, details);
}
