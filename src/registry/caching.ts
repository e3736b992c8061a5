import { AccessTimes, atimePersister } from './gc/access-times.js';
import { Collector } from './gc/collector.js';
import { GcCoordinator } from './gc/coordinator.js';
import { GcLease } from './gc/lease.js';
import { GuardedStore } from './gc/guarded-store.js';
import type { MirrorOptions, ResolvedMirror } from './mirror/options.js';
import { Mirrors } from './mirror/mirrors.js';
import type { Logger } from './ops/logger.js';
import { Layout } from './storage/layout.js';
import type { Store } from './storage/store.js';

/** The parts of the registry that make it a cache: GC guard, collector, mirrors. */
export interface Caching {
  readonly gc: GcCoordinator;
  /** Garbage collection and the retention cap; undefined for stores without a storage driver. */
  readonly collector: Collector | undefined;
  /** The store as requests use it: every use of content is reported to {@link gc}. */
  readonly requestStore: Store;
  /** Undefined without mirrors. */
  readonly mirrors: Mirrors | undefined;
}

/** Inputs of {@link createCaching}, already resolved. */
export interface CachingInput {
  readonly store: Store;
  readonly mirrors: readonly ResolvedMirror[];
  readonly graceMs: number;
  readonly maxSizeBytes: number;
  readonly automaticCrossMount: boolean;
  readonly logger: Logger;
  readonly onError: (error: unknown, request: { method: string; url: string }) => void;
  /** Other processes serve the store too (see `RegistryOptions.sharedStore`): this one's name. */
  readonly replica?: string;
}

/**
 * Builds the coordinator every request reports to, the guarded store, the collector (stores on a
 * storage driver only: it works on the content files) and the mirrors. Access times persist
 * through the driver (on the file system, as content files' atimes).
 */
export function createCaching(input: CachingInput): Caching {
  const { store } = input;
  const { driver } = store;
  const layout = new Layout();
  const report = (error: unknown): void => input.onError(error, { method: 'GC', url: '' });
  const access = new AccessTimes({
    ...(driver === undefined ? {} : { persist: atimePersister(driver, layout) }),
    onError: report,
  });
  const gc = new GcCoordinator({ access });
  const isMirror = (name: string) => input.mirrors.some((m) => name.startsWith(`${m.prefix}/`));
  const collector =
    driver !== undefined
      ? new Collector({
          store,
          driver,
          coordinator: gc,
          graceMs: input.graceMs,
          maxSizeBytes: input.maxSizeBytes,
          isMirror,
          logger: input.logger,
          // Processes share the store: one collector at a time, elected through a lease object.
          ...(input.replica === undefined ? {} : { lease: new GcLease(driver, { holder: input.replica }) }),
        })
      : undefined;
  const requestStore = new GuardedStore(store, gc, (bytes) => collector?.noteWrite(bytes, report));
  const mirrors =
    input.mirrors.length === 0
      ? undefined
      : new Mirrors({
          mirrors: input.mirrors,
          store: requestStore,
          ...(driver?.localPath === undefined
            ? {}
            : { dataPath: (repo: string, id: string) => driver.localPath!(layout.uploadData(repo, id)) }),
          automaticCrossMount: input.automaticCrossMount,
          logger: input.logger,
        });
  return { gc, collector, requestStore, mirrors };
}

export type { MirrorOptions };
