import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { mapLimit } from '../../src/map-limit.js';

describe('mapLimit', () => {
  test('keeps at most `limit` calls in flight and returns results in input order', async () => {
    let running = 0;
    let peak = 0;
    const result = await mapLimit([30, 10, 20, 5, 1], 2, async (ms, _signal, i) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(ms);
      running--;
      return i * 10;
    });
    expect(result).toEqual([0, 10, 20, 30, 40]);
    expect(peak).toBe(2);
  });

  test('after a failure starts nothing new, aborts the calls in flight, waits for them, then throws', async () => {
    const started: number[] = [];
    let settled = 0;
    const reasons: unknown[] = [];
    const run = mapLimit([0, 1, 2, 3, 4], 2, async (i, signal) => {
      started.push(i);
      if (i === 1) signal.addEventListener('abort', () => reasons.push(signal.reason), { once: true });
      await sleep(i === 0 ? 5 : 20);
      settled++;
      if (i === 0) throw new Error('boom');
      return i;
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
    expect(settled).toBe(2);
    // Item 1 was still running when item 0 failed: its signal told it why.
    expect(reasons).toEqual([new Error('boom')]);
  });

  test("the caller's abort starts nothing new and throws its reason", async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const run = mapLimit(
      [0, 1, 2, 3],
      1,
      async (i) => {
        started.push(i);
        if (i === 0) controller.abort(new Error('stop'));
        return i;
      },
      controller.signal,
    );
    await expect(run).rejects.toThrow('stop');
    expect(started).toEqual([0]);
  });

  test('an empty list gives an empty result', async () => {
    expect(await mapLimit([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});
