import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { mapLimit } from '../../../src/sources/limit.js';

describe('mapLimit', () => {
  test('keeps at most `limit` calls in flight and returns results in input order', async () => {
    let running = 0;
    let peak = 0;
    const result = await mapLimit([30, 10, 20, 5, 1], 2, async (ms, i) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(ms);
      running--;
      return i * 10;
    });
    expect(result).toEqual([0, 10, 20, 30, 40]);
    expect(peak).toBe(2);
  });

  test('after a failure starts nothing new, tells onFailure once, waits for calls in flight, then throws', async () => {
    const started: number[] = [];
    let settled = 0;
    const failures: unknown[] = [];
    const run = mapLimit(
      [0, 1, 2, 3, 4],
      2,
      async (i) => {
        started.push(i);
        await sleep(i === 0 ? 5 : 20);
        settled++;
        if (i === 0) throw new Error('boom');
        return i;
      },
      (error) => failures.push(error),
    );
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
    expect(settled).toBe(2);
    expect(failures).toHaveLength(1);
  });

  test('an empty list gives an empty result', async () => {
    expect(await mapLimit([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});
