/**
 * The innermost transport: one `dispatcher.request` per call, on the request pool or the bulk
 * (download) pool (dispatchers.ts). Opens opener bodies, turns low-level failures into
 * {@link NetworkError}s with redacted URLs, and never retries.
 */
import { isContainerPackageError } from '../../errors.js';
import { NetworkError, type NetworkErrorCode } from '../errors.js';
import type { Dispatchers } from './dispatchers.js';
import { redactUrl } from './redact.js';
import type { HttpRequest, HttpResponse, RequestBody, Transport } from './types.js';

/** Settings of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  readonly dispatchers: Dispatchers;
  /** Time to wait for response headers, in ms (undici's `headersTimeout`). */
  readonly headersTimeoutMs: number;
  /** Longest pause between response body chunks, in ms (undici's `bodyTimeout`). */
  readonly bodyTimeoutMs: number;
}

/**
 * Builds the base transport. A blob download (a request marked `bulk`) goes to the bulk pool;
 * every other request, blob uploads of any size included, to the request pool on Node.js's HTTP
 * client: for a 1 GiB upload that costs about a third less client CPU than undici's
 * (bench/README.md, "Uploads on node:http").
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    request.signal?.throwIfAborted();
    const { url, method } = request;
    try {
      const pool = request.bulk === true ? options.dispatchers.bulk : options.dispatchers.requests;
      const body = await openBody(request.body, request.signal);
      const response = await pool.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method,
        headers: { ...request.headers },
        body,
        signal: request.signal ?? null,
        headersTimeout: options.headersTimeoutMs,
        bodyTimeout: options.bodyTimeoutMs,
      });
      return { status: response.statusCode, headers: response.headers, body: response.body, url, method };
    } catch (error) {
      throw toNetworkError(error, request);
    }
  };
}

async function openBody(
  body: RequestBody | undefined,
  signal: AbortSignal | undefined,
): Promise<Exclude<RequestBody, (...args: never[]) => unknown> | undefined> {
  if (typeof body === 'function') return body(signal);
  return body;
}

/**
 * Classifies a failure thrown while sending: aborts and our own errors (a body stream that failed
 * verification) pass through unchanged; everything else becomes a {@link NetworkError}.
 */
export function toNetworkError(
  error: unknown,
  request: Pick<HttpRequest, 'method' | 'url' | 'signal'>,
): unknown {
  if (request.signal?.aborted) return request.signal.reason;
  if (isContainerPackageError(error)) return error;
  const reason = lowLevelCode(error);
  if (reason === undefined) return error;
  const hint = TLS_REASON.test(reason) ? TLS_HINT : undefined;
  return new NetworkError(networkCode(reason), reason, request.method, redactUrl(request.url), {
    cause: error,
    ...(hint ? { hint } : {}),
  });
}

/** Low-level codes of TLS failures: an untrusted certificate, or https spoken to a plain-http server. */
const TLS_REASON = /CERT|SSL|TLS|EPROTO/i;

const TLS_HINT =
  "the TLS connection failed: if the registry's certificate comes from a private CA, add the CA to " +
  'NODE_EXTRA_CA_CERTS; plain http is used only for loopback addresses, and for hosts given to the CLI with --insecure';

function networkCode(reason: string): NetworkErrorCode {
  if (reason === 'ECONNREFUSED' || reason === 'ENOTFOUND' || reason === 'EAI_AGAIN')
    return 'CLIENT_UNAVAILABLE';
  if (reason.endsWith('TIMEOUT') || reason === 'ETIMEDOUT') return 'CLIENT_TIMEOUT';
  return 'CLIENT_NETWORK_ERROR';
}

/** The `code` of an error, its cause, or the first of an `AggregateError` (happy eyeballs). */
function lowLevelCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const record = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string') return record.code;
    current = Array.isArray(record.errors) && record.errors.length > 0 ? record.errors[0] : record.cause;
  }
  return undefined;
}
