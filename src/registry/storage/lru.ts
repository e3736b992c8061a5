/**
 * A least-recently-used cache bounded by total size in bytes and by entry count. Used for
 * manifest bytes, so manifest GET/HEAD by digest rarely touch the disk.
 */
export class LruCache<V> {
  readonly #entries = new Map<string, { value: V; size: number }>();
  readonly #maxBytes: number;
  readonly #maxEntries: number;
  #bytes = 0;

  /**
   * @param maxBytes total size the cache may hold; an entry larger than this is never cached
   * @param maxEntries most entries the cache may hold
   */
  constructor(maxBytes: number, maxEntries = 10_000) {
    this.#maxBytes = maxBytes;
    this.#maxEntries = maxEntries;
  }

  /** The value for `key`, which becomes the most recently used; undefined when not cached. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Caches `value` as `size` bytes, evicting the least recently used entries over budget. */
  set(key: string, value: V, size: number): void {
    this.delete(key);
    if (size > this.#maxBytes || this.#maxEntries <= 0) return;
    this.#entries.set(key, { value, size });
    this.#bytes += size;
    while (this.#bytes > this.#maxBytes || this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.delete(oldest.value);
    }
  }

  /** Forgets `key`. */
  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.size;
  }

  /** Number of entries. */
  get size(): number {
    return this.#entries.size;
  }

  /** Total size of the entries. */
  get bytes(): number {
    return this.#bytes;
  }
}
