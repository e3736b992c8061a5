import { AccessTimes } from './access-times.js';

/** One collection (sweep or eviction) in progress; see {@link GcCoordinator.begin}. */
export interface CollectionRun {
  /** When it began (ms since the epoch). */
  readonly startedAt: number;
  /** Digests referenced, uploaded, mounted or leased since it began: never deleted by it. */
  readonly protected: Set<string>;
}

/**
 * Keeps online garbage collection from removing content that requests are about to use. Every
 * request that creates a reference to a digest (an upload committing it, a mount, a manifest put)
 * calls {@link protect} first; a manifest put holds a {@link lease} on the blobs it references
 * while it checks them and stores itself. A collection claims each digest synchronously before
 * deleting it ({@link claim}) and refuses digests that are leased, protected during the run, or
 * touched recently; a request protecting a digest being deleted waits until the deletion is over
 * (and then finds the content gone, or uploads it again). Node runs this single-threaded, so the
 * check and the claim cannot interleave with a request. One coordinator per store and process.
 */
export class GcCoordinator {
  /** When each digest was last read or referenced. */
  readonly access: AccessTimes;
  readonly #leases = new Map<string, number>();
  readonly #deleting = new Map<string, { done: Promise<void>; resolve: () => void }>();
  readonly #now: () => number;
  #run: CollectionRun | undefined;

  constructor(options: { access?: AccessTimes; now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
    this.access = options.access ?? new AccessTimes({ now: this.#now });
  }

  /** Records a read of `digest` (a blob or manifest GET/HEAD): the LRU order and the grace period see it. */
  touch(digest: string): void {
    this.access.touch(digest);
  }

  /**
   * Declares that `digests` are being referenced now: they count as used, a running collection
   * keeps them, and this waits until any deletion of them in progress has finished.
   */
  async protect(digests: Iterable<string>): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const digest of digests) {
      this.access.touch(digest);
      this.#run?.protected.add(digest);
      const deleting = this.#deleting.get(digest);
      if (deleting !== undefined) waits.push(deleting.done);
    }
    await Promise.all(waits);
  }

  /**
   * Runs `fn` while `digests` are leased: no collection deletes them meanwhile, nor later in a
   * collection that was running at any moment of the lease. Waits for deletions in progress first.
   */
  async lease<T>(digests: readonly string[], fn: () => Promise<T>): Promise<T> {
    for (const digest of digests) this.#leases.set(digest, (this.#leases.get(digest) ?? 0) + 1);
    try {
      await this.protect(digests);
      return await fn();
    } finally {
      for (const digest of digests) {
        const count = (this.#leases.get(digest) ?? 1) - 1;
        if (count <= 0) this.#leases.delete(digest);
        else this.#leases.set(digest, count);
      }
    }
  }

  /**
   * Starts a collection; digests leased right now are protected for its whole length.
   *
   * @throws Error when another collection is running (callers serialise them)
   */
  begin(): CollectionRun {
    if (this.#run !== undefined) throw new Error('a garbage collection is already running');
    const run: CollectionRun = { startedAt: this.#now(), protected: new Set(this.#leases.keys()) };
    this.#run = run;
    return run;
  }

  /** Ends `run`. */
  end(run: CollectionRun): void {
    if (this.#run === run) this.#run = undefined;
  }

  /**
   * Claims `digest` for deletion by `run`: false when it is leased, protected during the run,
   * already being deleted, or (with `cutoffMs`) touched in this process at or after `cutoffMs`.
   * On true, call {@link release} once deleted.
   */
  claim(run: CollectionRun, digest: string, cutoffMs?: number): boolean {
    if (this.#leases.has(digest) || run.protected.has(digest) || this.#deleting.has(digest)) return false;
    if (cutoffMs !== undefined) {
      const touched = this.access.get(digest);
      if (touched !== undefined && touched >= cutoffMs) return false;
    }
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    this.#deleting.set(digest, { done, resolve });
    return true;
  }

  /** Ends the deletion of a claimed digest and wakes the requests waiting for it. */
  release(digest: string): void {
    const deleting = this.#deleting.get(digest);
    this.#deleting.delete(digest);
    deleting?.resolve();
  }

  /** True while a collection runs. */
  get running(): boolean {
    return this.#run !== undefined;
  }
}
