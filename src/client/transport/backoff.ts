/**
 * Delays between attempts: exponential backoff with full jitter, and the registry's own
 * `Retry-After`, both capped.
 */

/** How long to wait between attempts. */
export interface BackoffPolicy {
  /** Delay before the first retry, before jitter, in ms. */
  readonly baseMs: number;
  /** Upper bound of any computed delay, in ms. */
  readonly maxMs: number;
  /** Upper bound of a delay asked for by `Retry-After`, in ms. */
  readonly maxRetryAfterMs: number;
}

/**
 * Full-jitter exponential backoff: a uniformly random delay in `[0, min(maxMs, baseMs * 2^(retry-1))]`
 * for the `retry`-th retry (1-based). `random` returns a number in `[0, 1)`; default `Math.random`.
 */
export function backoffDelay(
  retry: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, retry - 1);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  return Math.floor(random() * ceiling);
}

/**
 * Parses a `Retry-After` header: delta-seconds (`"120"`, fractions allowed) or an HTTP-date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`), relative to `now` (ms since epoch, default `Date.now()`).
 * Returns milliseconds, never negative (a date in the past is 0), or `undefined` when the value
 * is missing or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The delay before the `retry`-th retry: the registry's `Retry-After` (capped at
 * `maxRetryAfterMs`) when it gave one, else {@link backoffDelay}.
 */
export function retryDelay(
  retry: number,
  policy: BackoffPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return backoffDelay(retry, policy, random);
}

/** Waits `ms`, rejecting with the signal's reason as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
