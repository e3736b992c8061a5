/**
 * The retry layer: resends a request that failed with a temporary status (408, 425, 429, 5xx but
 * 501/505) or a temporary network failure (reset, refused, closed socket, timeout), waiting
 * `Retry-After` or a full-jitter backoff between attempts. Only requests whose body can be
 * produced again are retried (no body, bytes, or an opener); a bare stream is sent once.
 * Model: go-containerregistry `transport/retry.go`.
 */
import { ClientError, NetworkError, RetriesExhaustedError, isTemporaryStatus } from '../errors.js';
import { type BackoffPolicy, parseRetryAfter, retryDelay, sleep } from './backoff.js';
import { readRegistryError } from './check.js';
import { redactUrl } from './redact.js';
import { discard, header, isReplayable, type Transport } from './types.js';

/** What a retry observer is told before each wait. */
export interface RetryEvent {
  readonly method: string;
  /** Redacted. */
  readonly url: string;
  /** The attempt that failed, 1-based. */
  readonly attempt: number;
  readonly delayMs: number;
  /** `HTTP 503`, `ECONNRESET`, ... */
  readonly reason: string;
}

/** Settings of {@link withRetry}. */
export interface RetryOptions extends BackoffPolicy {
  /** Retries after the first attempt (so `retries + 1` sends at most). */
  readonly retries: number;
  /** Source of jitter in `[0, 1)`. Default `Math.random`. */
  readonly random?: () => number;
  /** Told about every retry (for logs and tests). */
  readonly onRetry?: (event: RetryEvent) => void;
}

/** Wraps `inner` with retries; see the module comment for what is retried. */
export function withRetry(inner: Transport, options: RetryOptions): Transport {
  return async (request) => {
    if (request.retry === false || !isReplayable(request.body) || options.retries <= 0) return inner(request);
    for (let attempt = 1; ; attempt++) {
      let delayMs: number;
      let reason: string;
      try {
        const response = await inner(request);
        if (!isTemporaryStatus(response.status)) return response;
        if (attempt > options.retries) {
          throw new RetriesExhaustedError(undefined, attempt, await readRegistryError(response));
        }
        delayMs = retryDelay(
          attempt,
          options,
          parseRetryAfter(header(response, 'retry-after')),
          options.random,
        );
        reason = `HTTP ${response.status}`;
        await discard(response);
      } catch (error) {
        if (error instanceof RetriesExhaustedError || !isTemporaryFailure(error)) throw error;
        if (attempt > options.retries) throw giveUp(attempt, error);
        delayMs = retryDelay(attempt, options, undefined, options.random);
        reason = error instanceof NetworkError ? error.reason : error.code;
      }
      options.onRetry?.({ method: request.method, url: redactUrl(request.url), attempt, delayMs, reason });
      await sleep(delayMs, request.signal);
    }
  };
}

function isTemporaryFailure(error: unknown): error is ClientError {
  return error instanceof ClientError && error.isTemporary();
}

function giveUp(attempts: number, error: ClientError): ClientError {
  if (error instanceof NetworkError && error.code === 'CLIENT_UNAVAILABLE') return error.exhausted(attempts);
  return new RetriesExhaustedError(undefined, attempts, error);
}
