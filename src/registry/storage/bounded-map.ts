/**
 * A Map that is emptied when it reaches `limit` entries: a cache that cannot grow unbounded. An
 * entry is forgotten `ttlMs` after it was set (other processes may have changed what it caches):
 * with the default (no TTL) it stays; with 0 nothing is ever answered from memory. `generation`
 * moves on every delete, so a value read from the store before a delete finished is not cached
 * after it (`setIfUnchanged`).
 */
export class BoundedMap<V> {
  readonly #map = new Map<string, { value: V; at: number }>();
  readonly #limit: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  generation = 0;

  constructor(limit: number, ttlMs: number | undefined = undefined, now: () => number = Date.now) {
    this.#limit = limit;
    this.#ttlMs = ttlMs ?? Infinity;
    this.#now = now;
  }

  get(key: string): V | undefined {
    const entry = this.#map.get(key);
    if (entry === undefined) return undefined;
    if (this.#ttlMs !== Infinity && this.#now() - entry.at >= this.#ttlMs) {
      this.#map.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.#map.size >= this.#limit && !this.#map.has(key)) this.#map.clear();
    if (this.#ttlMs === 0) return;
    this.#map.set(key, { value, at: this.#ttlMs === Infinity ? 0 : this.#now() });
  }

  setIfUnchanged(key: string, value: V, generation: number): void {
    if (generation === this.generation) this.set(key, value);
  }

  delete(key: string): void {
    this.generation++;
    this.#map.delete(key);
  }
}
