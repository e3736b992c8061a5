import type { CacheCoherence } from './coherence.js';
import { DriverStore } from './driver-store.js';
import { FilesystemDriver } from './driver/filesystem.js';

/** Options of {@link DiskStore}. */
export interface DiskStoreOptions {
  /** Directory holding the store; created when missing. */
  root: string;
  /** fsync files and directories before renames that commit data (default true). */
  fsync?: boolean;
  /** Bytes of manifests kept in memory (default 32 MiB). */
  manifestCacheBytes?: number;
  /** See `DriverStoreOptions.cacheTtlMs`: for a directory other processes write too. */
  cacheTtlMs?: number;
  /** See `DriverStoreOptions.coherence`. */
  coherence?: CacheCoherence;
}

/**
 * The file-system {@link DriverStore}: the layout of `layout.ts` under directory `root`. Every
 * commit is an atomic rename, so concurrent requests are fine; several processes on one root
 * must say so (`cacheTtlMs` or `coherence`), or one answers from memory what another changed.
 */
export class DiskStore extends DriverStore {
  readonly root: string;

  constructor(options: DiskStoreOptions) {
    super(new FilesystemDriver({ root: options.root, fsync: options.fsync }), {
      manifestCacheBytes: options.manifestCacheBytes,
      ...(options.cacheTtlMs === undefined ? {} : { cacheTtlMs: options.cacheTtlMs }),
      ...(options.coherence === undefined ? {} : { coherence: options.coherence }),
    });
    this.root = options.root;
  }
}
