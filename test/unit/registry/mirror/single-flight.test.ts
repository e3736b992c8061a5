import { expect, test } from 'vitest';
import { SingleFlight } from '../../../../src/registry/mirror/single-flight.js';

test('concurrent calls with one key share one run; other keys run on their own', async () => {
  const flights = new SingleFlight<number>();
  let runs = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slow = async () => {
    runs += 1;
    await gate;
    return runs;
  };
  const calls = Array.from({ length: 20 }, () => flights.run('a', slow));
  const other = flights.run('b', async () => 42);
  expect(flights.size).toBe(2);
  release();
  expect(new Set(await Promise.all(calls))).toEqual(new Set([1]));
  expect(await other).toBe(42);
  expect(runs).toBe(1);
  expect(flights.size).toBe(0);
});

test('a failure is shared by the waiting calls but not remembered', async () => {
  const flights = new SingleFlight<string>();
  let attempt = 0;
  const flaky = async () => {
    attempt += 1;
    if (attempt === 1) throw new Error('upstream down');
    return 'ok';
  };
  const first = [flights.run('k', flaky), flights.run('k', flaky)];
  await expect(Promise.all(first)).rejects.toThrow('upstream down');
  expect(await flights.run('k', flaky)).toBe('ok');
  expect(attempt).toBe(2);
});

test('a synchronous throw becomes a rejection', async () => {
  const flights = new SingleFlight<string>();
  await expect(
    flights.run('k', () => {
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(flights.size).toBe(0);
});
