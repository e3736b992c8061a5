/**
 * When each mirrored tag was last confirmed against its upstream, and when a check last failed:
 * a tag checked within `maxAgeMs` is served without asking again, and after a failed check the
 * cached tag is served (stale) without asking again for `failureBackoffMs`, so a down upstream
 * costs one timeout per tag, not one per pull. Kept in memory: after a restart every tag is
 * checked once more (a HEAD request; Docker Hub does not count those against its pull limit).
 */
export class TagFreshness {
  readonly #checked = new Map<string, number>();
  readonly #failed = new Map<string, number>();
  readonly #maxAgeMs: number;
  readonly #failureBackoffMs: number;
  readonly #now: () => number;

  constructor(maxAgeMs: number, failureBackoffMs: number, now: () => number = Date.now) {
    this.#maxAgeMs = maxAgeMs;
    this.#failureBackoffMs = failureBackoffMs;
    this.#now = now;
  }

  /** True when `key` was confirmed less than `maxAgeMs` ago. */
  isFresh(key: string): boolean {
    const at = this.#checked.get(key);
    return at !== undefined && this.#now() - at < this.#maxAgeMs;
  }

  /** True when a check of `key` failed less than `failureBackoffMs` ago. */
  inBackoff(key: string): boolean {
    const at = this.#failed.get(key);
    return at !== undefined && this.#now() - at < this.#failureBackoffMs;
  }

  /** Records a successful check now. */
  confirmed(key: string): void {
    this.#failed.delete(key);
    this.#checked.set(key, this.#now());
    if (this.#checked.size > 50_000) this.#prune();
  }

  /** Records a failed check now. */
  failed(key: string): void {
    this.#failed.set(key, this.#now());
    if (this.#failed.size > 50_000) this.#prune();
  }

  /** Forgets `key` (its tag is gone upstream). */
  forget(key: string): void {
    this.#checked.delete(key);
    this.#failed.delete(key);
  }

  #prune(): void {
    const now = this.#now();
    for (const [key, at] of this.#checked) if (now - at >= this.#maxAgeMs) this.#checked.delete(key);
    for (const [key, at] of this.#failed) if (now - at >= this.#failureBackoffMs) this.#failed.delete(key);
  }
}
