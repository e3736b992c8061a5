/**
 * A Map that is emptied when it reaches `limit` entries: a cache that cannot grow unbounded. With
 * `ttlMs` > 0 an entry is forgotten that long after it was set (other processes may have changed
 * what it caches). `generation` moves on every delete, so a value read from the store before a
 * delete finished is not cached after it (`setIfUnchanged`).
 */
export class BoundedMap<V> {
  readonly #map = new Map<string, { value: V; at: number }>();
  readonly #limit: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  generation = 0;

  constructor(limit: number, ttlMs = 0, now: () => number = Date.now) {
    this.#limit = limit;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  get(key: string): V | undefined {
    const entry = this.#map.get(key);
    if (entry === undefined) return undefined;
    if (this.#ttlMs > 0 && this.#now() - entry.at >= this.#ttlMs) {
      this.#map.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.#map.size >= this.#limit && !this.#map.has(key)) this.#map.clear();
    this.#map.set(key, { value, at: this.#ttlMs > 0 ? this.#now() : 0 });
  }

  setIfUnchanged(key: string, value: V, generation: number): void {
    if (generation === this.generation) this.set(key, value);
  }

  delete(key: string): void {
    this.generation++;
    this.#map.delete(key);
  }
}
