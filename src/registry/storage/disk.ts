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
}

/**
 * The file-system {@link DriverStore}: the layout of `layout.ts` under directory `root`. Safe for
 * one process: concurrent requests are fine (every commit is an atomic rename), two processes
 * sharing a root are not supported.
 */
export class DiskStore extends DriverStore {
  readonly root: string;

  constructor(options: DiskStoreOptions) {
    super(new FilesystemDriver({ root: options.root, fsync: options.fsync }), {
      manifestCacheBytes: options.manifestCacheBytes,
    });
    this.root = options.root;
  }
}
