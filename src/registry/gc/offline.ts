import { DiskStore } from '../storage/disk.js';
import type { DriverStore } from '../storage/driver-store.js';
import { AccessTimes, atimePersister } from './access-times.js';
import { hostname } from 'node:os';
import { Collector } from './collector.js';
import { GcLease } from './lease.js';
import { GcCoordinator } from './coordinator.js';
import { GC_DEFAULTS } from './options.js';
import type { GcReport } from './reports.js';
import { Layout } from '../storage/layout.js';

/** Options of {@link collectGarbageAt}. */
export interface CollectGarbageAtOptions {
  /** Only count what would be freed. Default false. */
  readonly dryRun?: boolean;
  /** Content written or used within this long is kept. Default 1 hour. */
  readonly graceMs?: number;
}

/**
 * Collects garbage in the disk store at `root` (or any store on a storage driver) from outside
 * the registry process (the `registry gc` command). Safe while a registry serves that storage as
 * long as the grace period is longer than its pushes take: what a running registry is using is
 * recognised by the content files' times (written, re-committed, read: see `access-times.ts`),
 * not by its in-process leases. On the file system it holds the directory's `gc` lock while it
 * runs, so two never sweep at once; on a shared store it takes the replicas' GC lease first.
 *
 * @throws StorageLockedError (`REGISTRY_STORAGE_LOCKED`) while another `registry gc` runs there
 */
export async function collectGarbageAt(
  root: string | DriverStore,
  options: CollectGarbageAtOptions = {},
): Promise<GcReport> {
  const store = typeof root === 'string' ? new DiskStore({ root }) : root;
  const coordinator = new GcCoordinator({
    access: new AccessTimes({ persist: atimePersister(store.driver, new Layout()) }),
  });
  const collector = new Collector({
    store,
    driver: store.driver,
    coordinator,
    graceMs: options.graceMs ?? GC_DEFAULTS.graceMs,
    maxSizeBytes: 0,
    lockCommand: 'container-package registry gc',
    // Replicas may be collecting the same bucket: take the lease like they do.
    ...(store.driver.name === 'filesystem'
      ? {}
      : { lease: new GcLease(store.driver, { holder: `registry-gc@${hostname()}-${process.pid}` }) }),
  });
  return collector.collect({ dryRun: options.dryRun === true });
}
