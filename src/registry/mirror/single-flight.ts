/**
 * Collapses concurrent calls with the same key into one: while a call for a key is running,
 * later calls get its promise instead of starting their own. The key is free again once the call
 * settles, so a failure is not cached. Registration is synchronous: two calls cannot both start.
 */
export class SingleFlight<T> {
  readonly #running = new Map<string, Promise<T>>();

  /** The running call for `key`, or `fn()` started now. */
  run(key: string, fn: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running !== undefined) return running;
    const started = (async () => fn())();
    this.#running.set(key, started);
    const forget = (): void => {
      if (this.#running.get(key) === started) this.#running.delete(key);
    };
    started.then(forget, forget);
    return started;
  }

  /** Calls in flight. */
  get size(): number {
    return this.#running.size;
  }
}
