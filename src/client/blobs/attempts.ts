/**
 * One retry budget shared by everything an upload does after a failure (restart from the top,
 * resume a chunk), so nested loops cannot multiply the number of tries.
 */
import { ClientError, RegistryError, RetriesExhaustedError } from '../errors.js';
import type { ResolvedClientOptions } from '../options.js';
import { retryDelay, sleep } from '../transport/backoff.js';

/** Registry error codes that mean "this upload session is gone: start a new one". */
const LOST_UPLOAD_CODES = new Set(['BLOB_UPLOAD_UNKNOWN', 'BLOB_UPLOAD_INVALID']);

/** True when starting the upload over may succeed: a temporary failure or a lost upload session. */
export function isRestartable(error: unknown): boolean {
  if (!(error instanceof ClientError)) return false;
  if (error.isTemporary()) return true;
  return (
    error instanceof RegistryError &&
    (error.status === 416 || error.diagnostics.some((d) => LOST_UPLOAD_CODES.has(d.code)))
  );
}

/** The options {@link Attempts} reads. */
export type RetryBudget = Pick<
  ResolvedClientOptions,
  'retries' | 'backoffBaseMs' | 'backoffMaxMs' | 'maxRetryAfterMs'
>;

/** Counts failures of one operation and waits between them. */
export class Attempts {
  readonly #what: string;
  readonly #options: RetryBudget;
  readonly #signal: AbortSignal | undefined;
  #failures = 0;

  constructor(what: string, options: RetryBudget, signal?: AbortSignal) {
    this.#what = what;
    this.#options = options;
    this.#signal = signal;
  }

  /**
   * Records `error`. Rethrows it when it is not worth retrying (`retryable` false), throws
   * `CLIENT_RETRIES_EXHAUSTED` when the budget is spent, else waits the backoff (or the
   * registry's `Retry-After`) and returns.
   */
  async failed(error: unknown, retryable: boolean = isRestartable(error)): Promise<void> {
    if (this.#signal?.aborted) throw this.#signal.reason;
    if (!retryable) throw error;
    this.#failures++;
    if (this.#failures > this.#options.retries) {
      throw new RetriesExhaustedError(this.#what, this.#failures, error as Error);
    }
    const retryAfterMs = error instanceof RegistryError ? error.retryAfterMs : undefined;
    const policy = {
      baseMs: this.#options.backoffBaseMs,
      maxMs: this.#options.backoffMaxMs,
      maxRetryAfterMs: this.#options.maxRetryAfterMs,
    };
    await sleep(retryDelay(this.#failures, policy, retryAfterMs), this.#signal);
  }
}
