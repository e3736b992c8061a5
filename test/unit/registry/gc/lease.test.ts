import { describe, expect, test } from 'vitest';
import { Collector } from '../../../../src/registry/gc/collector.js';
import { GcCoordinator } from '../../../../src/registry/gc/coordinator.js';
import { GcLease } from '../../../../src/registry/gc/lease.js';
import { FilesystemDriver } from '../../../../src/registry/storage/driver/filesystem.js';
import { newTempDir } from '../../../support/temp-dir.js';
import { newStore } from './fixtures.js';

async function driver() {
  const fs = new FilesystemDriver({ root: newTempDir('lease'), fsync: false });
  await fs.init();
  return fs;
}

describe('GcLease', () => {
  test('one holder at a time; a released lease is taken at once', async () => {
    const store = await driver();
    const a = new GcLease(store, { holder: 'a' });
    const b = new GcLease(store, { holder: 'b' });
    const held = await a.acquire();
    expect(held.ok).toBe(true);
    expect(await b.acquire()).toEqual({ ok: false, holder: 'a' });
    if (held.ok) await held.lease.release();
    expect((await b.acquire()).ok).toBe(true);
  });

  test('a lease its holder stopped renewing expires, and exactly one contender takes it over', async () => {
    const store = await driver();
    let now = 1_000_000;
    const lease = (holder: string) => new GcLease(store, { holder, durationMs: 60_000, now: () => now });
    expect((await lease('dead').acquire()).ok).toBe(true);
    now += 30_000;
    expect((await lease('x').acquire()).ok).toBe(false);
    now += 31_000;
    const results = await Promise.all(['p', 'q', 'r', 's'].map((h) => lease(h).acquire()));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const losers = results.filter((r) => !r.ok) as { holder: string }[];
    expect(new Set(losers.map((r) => r.holder)).size).toBe(1);
  });

  test('a collector without the lease does nothing and says who has it', async () => {
    const fixture = await newStore();
    await fixture.blob('app', 'garbage');
    const other = await new GcLease(fixture.store.driver, { holder: 'replica-b' }).acquire();
    expect(other.ok).toBe(true);
    const collector = new Collector({
      store: fixture.store,
      driver: fixture.store.driver,
      coordinator: new GcCoordinator(),
      graceMs: 0,
      maxSizeBytes: 0,
      lease: new GcLease(fixture.store.driver, { holder: 'replica-a' }),
    });
    const report = await collector.collect();
    expect(report).toMatchObject({ leaseHolder: 'replica-b', freedBlobs: 0 });
    expect((await fixture.store.usage()).blobs).toBe(1);
    if (other.ok) await other.lease.release();
    expect(await collector.collect()).toMatchObject({ freedBlobs: 1 });
    expect(report.leaseHolder).toBe('replica-b');
  });
});
