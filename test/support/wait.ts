/** Polling: wait until an async predicate holds. */
import { setTimeout as sleep } from 'node:timers/promises';
import { WaitTimeoutError } from './errors.js';

/** Options of {@link waitFor}. */
export interface WaitOptions {
  /** Give up after this long. Default 30 000 ms. */
  timeoutMs?: number;
  /** Pause between attempts. Default 50 ms. */
  intervalMs?: number;
  /** What is awaited, for the timeout message. Default `"condition"`. */
  description?: string;
}

/**
 * Calls `predicate` until it returns true. A predicate that throws counts as "not yet"; the last
 * error becomes the `cause` of the timeout error.
 *
 * @throws WaitTimeoutError `HARNESS_WAIT_TIMEOUT` after `timeoutMs`.
 */
export async function waitFor(
  predicate: () => Promise<boolean> | boolean,
  options: WaitOptions = {},
): Promise<void> {
  const { timeoutMs = 30_000, intervalMs = 50, description = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await predicate()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) throw new WaitTimeoutError(description, timeoutMs, lastError);
    await sleep(intervalMs);
  }
}
