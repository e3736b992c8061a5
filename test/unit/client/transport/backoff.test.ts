import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  parseRetryAfter,
  retryDelay,
  sleep,
} from '../../../../src/client/transport/backoff.js';

const policy = { baseMs: 100, maxMs: 5_000, maxRetryAfterMs: 10_000 };

describe('backoffDelay', () => {
  it('stays within [0, min(max, base * 2^(retry-1))] for any retry and jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (retry, r) => {
          const delay = backoffDelay(retry, policy, () => r);
          const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (retry - 1));
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(ceiling);
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
    );
  });

  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [7, 5_000],
    [100, 5_000],
  ])('retry %i with maximal jitter waits just under %i ms', (retry, ceiling) => {
    expect(backoffDelay(retry, policy, () => 0.999999)).toBe(Math.floor(0.999999 * ceiling));
    expect(backoffDelay(retry, policy, () => 0)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 3 ', 3_000],
    ['1.5', 1_500],
    ['Wed, 01 Jan 2025 00:00:30 GMT', 30_000],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 0],
    ['', undefined],
    ['soon', undefined],
    ['-5', undefined],
    ['12abc', undefined],
    [undefined, undefined],
  ])('%s -> %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('retryDelay', () => {
  it('prefers Retry-After, capped', () => {
    expect(retryDelay(1, policy, 2_000)).toBe(2_000);
    expect(retryDelay(1, policy, 60_000)).toBe(10_000);
    expect(retryDelay(3, policy, undefined, () => 0.5)).toBe(200);
  });
});

describe('sleep', () => {
  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(sleep(10, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
