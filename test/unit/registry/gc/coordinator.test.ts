import { describe, expect, test } from 'vitest';
import { AccessTimes } from '../../../../src/registry/gc/access-times.js';
import { GcCoordinator } from '../../../../src/registry/gc/coordinator.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

function clocked(start = 10_000) {
  const clock = { now: start };
  const now = () => clock.now;
  return { clock, gc: new GcCoordinator({ now, access: new AccessTimes({ now }) }) };
}

describe('GcCoordinator', () => {
  test('claims an untouched digest once; a second claim waits for release', () => {
    const { gc } = clocked();
    const run = gc.begin();
    expect(gc.claim(run, D1, 5_000)).toBe(true);
    expect(gc.claim(run, D1, 5_000)).toBe(false);
    gc.release(D1);
    expect(gc.claim(run, D1, 5_000)).toBe(true);
    gc.end(run);
  });

  test('refuses digests touched at or after the cutoff', () => {
    const { clock, gc } = clocked();
    gc.touch(D1);
    clock.now += 1_000;
    const run = gc.begin();
    expect(gc.claim(run, D1, clock.now - 1_000)).toBe(false);
    expect(gc.claim(run, D1, clock.now)).toBe(true);
    expect(gc.claim(run, D2, clock.now)).toBe(true);
  });

  test('a digest protected during a run is kept by that run only', async () => {
    const { gc } = clocked();
    const run = gc.begin();
    await gc.protect([D1]);
    expect(gc.claim(run, D1)).toBe(false);
    gc.end(run);
    const next = gc.begin();
    expect(gc.claim(next, D1)).toBe(true);
  });

  test('a lease held when a run begins protects the digest for the whole run', async () => {
    const { gc } = clocked();
    let release!: () => void;
    const held = gc.lease([D1], () => new Promise<void>((resolve) => (release = resolve)));
    const run = gc.begin();
    await new Promise((resolve) => setImmediate(resolve));
    expect(gc.claim(run, D1)).toBe(false);
    release();
    await held;
    expect(gc.claim(run, D1)).toBe(false);
    gc.end(run);
    expect(gc.claim(gc.begin(), D1)).toBe(true);
  });

  test('protect and lease wait for a deletion in progress', async () => {
    const { gc } = clocked();
    const run = gc.begin();
    expect(gc.claim(run, D1)).toBe(true);
    const order: string[] = [];
    const protecting = gc.protect([D1, D2]).then(() => order.push('protected'));
    const leasing = gc.lease([D1], async () => order.push('leased'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    order.push('deleted');
    gc.release(D1);
    await Promise.all([protecting, leasing]);
    expect(order).toEqual(['deleted', 'protected', 'leased']);
  });

  test('only one run at a time', () => {
    const { gc } = clocked();
    const run = gc.begin();
    expect(gc.running).toBe(true);
    expect(() => gc.begin()).toThrow('a garbage collection is already running');
    gc.end(run);
    expect(gc.running).toBe(false);
  });

  test('a lease is released even when its function fails', async () => {
    const { gc } = clocked();
    await expect(gc.lease([D1], async () => Promise.reject(new Error('check failed')))).rejects.toThrow(
      'check failed',
    );
    expect(gc.claim(gc.begin(), D1)).toBe(true);
  });
});
