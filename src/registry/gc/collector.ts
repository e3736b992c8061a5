import { mkdir } from 'node:fs/promises';
import type { Logger } from '../ops/logger.js';
import { acquireStorageLock, type StorageLock } from '../ops/storage-lock.js';
import type { StorageDriver } from '../storage/driver/driver.js';
import { FilesystemDriver } from '../storage/driver/filesystem.js';
import { Layout } from '../storage/layout.js';
import type { Store } from '../storage/store.js';
import { listContent } from './content.js';
import type { GcCoordinator } from './coordinator.js';
import type { GcLease } from './lease.js';
import { evict } from './evict.js';
import { mark } from './mark.js';
import { sweep } from './sweep.js';
import type { GcReport, RetentionReport } from './reports.js';

/** The retention cap evicts down to this share of `maxSizeBytes`, so it does not run on every write. */
export const LOW_WATER = 0.9;

/** Options of {@link Collector}. */
export interface CollectorOptions {
  /** The store content is removed from (not the guarded wrapper: the collector is not a user). */
  readonly store: Store;
  /** The storage driver under that store, where the content files are. */
  readonly driver: StorageDriver;
  readonly coordinator: GcCoordinator;
  /** Unreferenced content written or used within this long is kept. */
  readonly graceMs: number;
  /** The retention cap in bytes of content; 0 means none. */
  readonly maxSizeBytes: number;
  /** True for repositories that cache an upstream (their content is evictable). Default: none. */
  readonly isMirror?: (repository: string) => boolean;
  readonly logger?: Logger;
  readonly now?: () => number;
  /** Who collects, shown to a process refused the directory's `gc` lock. Default: a serving registry. */
  readonly lockCommand?: string;
  /** Replicas sharing the store: only the holder of this lease collects or evicts. Default none. */
  readonly lease?: GcLease;
}

/**
 * Runs garbage collection and the retention cap over a store on a storage driver, one run at a
 * time, while the registry serves: mark (see `mark.ts`), then sweep (`sweep.ts`) or evict
 * (`evict.ts`), with the {@link GcCoordinator} guarding content that requests are using. On the
 * file system each run holds the storage directory's `gc` lock (see `ops/storage-lock.ts`), so no
 * two processes sweep it at once: a run while another process holds it throws StorageLockedError
 * (`REGISTRY_STORAGE_LOCKED`). With a {@link GcLease} (replicas sharing a bucket) a run happens
 * only while this replica holds it.
 */
export class Collector {
  readonly #options: CollectorOptions;
  readonly #layout: Layout;
  readonly #now: () => number;
  #queue: Promise<unknown> = Promise.resolve();
  #estimate: number | undefined;
  #capLoop: Promise<void> | undefined;
  #capAgain = false;

  constructor(options: CollectorOptions) {
    this.#options = options;
    this.#layout = new Layout();
    this.#now = options.now ?? Date.now;
  }

  /**
   * Removes content no manifest references and nobody wrote or used within the grace period
   * (`graceMs` overrides the configured one). A dry run only counts.
   */
  collect(options: { dryRun?: boolean; graceMs?: number } = {}): Promise<GcReport> {
    const skipped = (leaseHolder: string): GcReport => ({
      dryRun: options.dryRun === true,
      graceMs: options.graceMs ?? this.#options.graceMs,
      ...{ blobs: 0, bytes: 0, liveBlobs: 0, repositories: 0, freedBlobs: 0, freedBytes: 0 },
      ...{ keptRecent: 0, keptInUse: 0, danglingLinks: 0, derivedRemoved: 0, durationMs: 0, leaseHolder },
    });
    return this.#serialised(skipped, async () => {
      const started = this.#now();
      const graceMs = options.graceMs ?? this.#options.graceMs;
      const { coordinator } = this.#options;
      const run = coordinator.begin();
      try {
        const files = await listContent(this.#options.driver, this.#layout);
        const marks = await mark(this.#options.driver, this.#layout, this.#isMirror);
        const result = await sweep({
          store: this.#options.store,
          driver: this.#options.driver,
          coordinator,
          run,
          files,
          marks,
          cutoffMs: started - graceMs,
          dryRun: options.dryRun === true,
          contentExists: async (digest) =>
            (await this.#options.driver.stat(this.#layout.blob(digest))) !== undefined,
        });
        coordinator.access.prune(started - Math.max(graceMs, 3_600_000));
        const report: GcReport = {
          dryRun: options.dryRun === true,
          graceMs,
          blobs: files.length,
          bytes: files.reduce((sum, file) => sum + file.size, 0),
          liveBlobs: files.filter((file) => marks.live.has(file.digest)).length,
          repositories: marks.repositories,
          ...result,
          durationMs: this.#now() - started,
        };
        this.#options.logger?.log('info', 'garbage collection', { ...report });
        return report;
      } finally {
        coordinator.end(run);
      }
    });
  }

  /** Evicts least recently used content until it fits the cap (nothing to do without a cap). */
  enforceCap(): Promise<RetentionReport> {
    const max = this.#options.maxSizeBytes;
    const skipped = (leaseHolder: string): RetentionReport => ({
      ...{ maxSizeBytes: max, targetBytes: Math.floor(max * LOW_WATER), beforeBytes: 0, afterBytes: 0 },
      ...{ evictedBlobs: 0, evictedBytes: 0, evictedManifests: 0, leaseHolder },
    });
    return this.#serialised(skipped, async () => {
      const started = this.#now();
      const max = this.#options.maxSizeBytes;
      const targetBytes = Math.floor(max * LOW_WATER);
      const { coordinator } = this.#options;
      const files = await listContent(this.#options.driver, this.#layout);
      const beforeBytes = files.reduce((sum, file) => sum + file.size, 0);
      const base = { maxSizeBytes: max, targetBytes, beforeBytes };
      if (max === 0 || beforeBytes <= max) {
        this.#estimate = beforeBytes;
        return { ...base, afterBytes: beforeBytes, evictedBlobs: 0, evictedBytes: 0, evictedManifests: 0 };
      }
      const run = coordinator.begin();
      try {
        const marks = await mark(this.#options.driver, this.#layout, this.#isMirror);
        const cutoffMs = started - this.#options.graceMs;
        const result = await evict({ ...this.#options, run, files, marks, cutoffMs, targetBytes });
        this.#estimate = result.remainingBytes;
        const report: RetentionReport = {
          ...base,
          afterBytes: result.remainingBytes,
          evictedBlobs: result.evictedBlobs,
          evictedBytes: result.evictedBytes,
          evictedManifests: result.evictedManifests,
        };
        const over = result.remainingBytes > max;
        this.#options.logger?.log(over ? 'warn' : 'info', over ? 'retention cap exceeded' : 'retention', {
          ...report,
          ...(over ? { reason: 'the rest is local content or in use; it is never evicted' } : {}),
          duration_ms: this.#now() - started,
        });
        return report;
      } finally {
        coordinator.end(run);
      }
    });
  }

  /**
   * Tells the collector that `bytes` of content were written. Once the running estimate passes
   * the cap, an eviction is scheduled (at most one queued at a time). `onError` gets its failure.
   */
  noteWrite(bytes: number, onError: (error: unknown) => void): void {
    if (this.#options.maxSizeBytes === 0) return;
    if (this.#estimate !== undefined) {
      this.#estimate += bytes;
      if (this.#estimate <= this.#options.maxSizeBytes) return;
    }
    if (this.#capLoop !== undefined) {
      this.#capAgain = true;
      return;
    }
    const loop = async (): Promise<void> => {
      do {
        this.#capAgain = false;
        await this.enforceCap();
      } while (this.#capAgain);
    };
    this.#capLoop = loop()
      .catch((error: unknown) => {
        // An offline `registry gc` holds the directory: the next write or check tries again.
        if ((error as { code?: unknown }).code !== 'REGISTRY_STORAGE_LOCKED') onError(error);
        else this.#options.logger?.log('info', 'retention skipped', { reason: (error as Error).message });
      })
      .finally(() => (this.#capLoop = undefined));
  }

  /** Resolves once the runs queued so far (and any scheduled eviction) have finished. */
  async idle(): Promise<void> {
    for (;;) {
      const queue = this.#queue;
      const capLoop = this.#capLoop;
      await Promise.all([queue.catch(() => undefined), capLoop]);
      if (queue === this.#queue && this.#capLoop === undefined) return;
    }
  }

  /** Takes the storage directory's `gc` lock (file system only: a bucket has the lease). */
  async #lockDirectory(): Promise<StorageLock | undefined> {
    const { driver } = this.#options;
    if (!(driver instanceof FilesystemDriver)) return undefined;
    await mkdir(driver.root, { recursive: true });
    return acquireStorageLock(driver.root, 'gc', {
      command: this.#options.lockCommand ?? 'container-package registry serve (garbage collection)',
    });
  }

  readonly #isMirror = (repository: string): boolean => this.#options.isMirror?.(repository) ?? false;

  /**
   * Runs `fn` after the runs queued before it, holding the directory's `gc` lock on the file
   * system and the lease when there is one.
   */
  #serialised<T>(skipped: (holder: string) => T, fn: () => Promise<T>): Promise<T> {
    const leased = async (): Promise<T> => {
      const { lease } = this.#options;
      if (lease === undefined) return fn();
      const got = await lease.acquire();
      if (!got.ok) {
        this.#options.logger?.log('info', 'garbage collection left to another replica', {
          holder: got.holder,
        });
        return skipped(got.holder);
      }
      const renewal = setInterval(() => void got.lease.renew().catch(() => undefined), lease.durationMs / 3);
      renewal.unref();
      try {
        return await fn();
      } finally {
        clearInterval(renewal);
        await got.lease.release().catch(() => undefined);
      }
    };
    const locked = async (): Promise<T> => {
      const lock = await this.#lockDirectory();
      try {
        return await leased();
      } finally {
        await lock?.release();
      }
    };
    const next = this.#queue.then(locked, locked);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
