import type { StorageDriver } from '../storage/driver/driver.js';
import type { Layout } from '../storage/layout.js';

/** Writes a digest's last access time somewhere that outlives the process. */
export type AccessPersister = (digest: string, atMs: number) => Promise<void>;

/** Options of {@link AccessTimes}. */
export interface AccessTimesOptions {
  /** Where access times are kept between runs. Default: nowhere (memory only). */
  readonly persist?: AccessPersister;
  /** A digest's time is written at most this often. Default 60 s. */
  readonly persistEveryMs?: number;
  /** Called when persisting fails (the access is still remembered in memory). Default: ignored. */
  readonly onError?: (error: unknown) => void;
  readonly now?: () => number;
}

/**
 * When each blob or manifest (by digest) was last read or referenced: an in-memory map, with
 * each digest's time written through {@link AccessPersister} at most once a minute, to the
 * storage driver (`setAccessTime`: on the file system the content file's atime, set explicitly
 * with `utimes`, which works the same on `relatime`, `strictatime` and `noatime` mounts). The
 * retention cap evicts by these times; the collector's grace period counts them as use.
 */
export class AccessTimes {
  readonly #times = new Map<string, number>();
  readonly #persisted = new Map<string, number>();
  readonly #persist: AccessPersister | undefined;
  readonly #every: number;
  readonly #onError: (error: unknown) => void;
  readonly #now: () => number;

  constructor(options: AccessTimesOptions = {}) {
    this.#persist = options.persist;
    this.#every = options.persistEveryMs ?? 60_000;
    this.#onError = options.onError ?? (() => undefined);
    this.#now = options.now ?? Date.now;
  }

  /** Records an access to `digest` now; persists it unless it was persisted less than a minute ago. */
  touch(digest: string): void {
    const now = this.#now();
    this.#times.set(digest, now);
    if (this.#persist === undefined) return;
    const last = this.#persisted.get(digest);
    if (last !== undefined && now - last < this.#every) return;
    this.#persisted.set(digest, now);
    this.#persist(digest, now).catch(this.#onError);
  }

  /** The last access recorded in this process, or undefined. */
  get(digest: string): number | undefined {
    return this.#times.get(digest);
  }

  /** Forgets digests last touched before `cutoffMs` whose time is already persisted (bounds memory). */
  prune(cutoffMs: number): void {
    for (const [digest, at] of this.#times) {
      if (at >= cutoffMs) continue;
      if (this.#persist !== undefined && this.#persisted.get(digest) !== at) continue;
      this.#times.delete(digest);
      this.#persisted.delete(digest);
    }
  }

  /** Number of digests held in memory. */
  get size(): number {
    return this.#times.size;
  }
}

/**
 * A persister through the storage driver: records the access time of the content file and keeps
 * its write time (which the grace period also reads). A missing file (content not committed yet,
 * or collected) is ignored.
 */
export function atimePersister(driver: StorageDriver, layout: Layout): AccessPersister {
  return (digest, atMs) => driver.setAccessTime(layout.blob(digest), atMs);
}
