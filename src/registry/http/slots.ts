/**
 * A counting semaphore: at most `size` holders at once, the rest wait in arrival order. The
 * registry bounds memory-heavy work with it (manifest validation: a parsed 4 MiB manifest is
 * tens of MiB of objects; eight at once drove the RSS past 1 GiB).
 */
export class Slots {
  readonly #size: number;
  #used = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#size = Math.max(1, size);
  }

  /** Runs `fn` once a slot is free, and frees it when `fn` settles. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#used >= this.#size) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#used += 1;
    try {
      return await fn();
    } finally {
      const next = this.#waiting.shift();
      if (next !== undefined) next();
      else this.#used -= 1;
    }
  }

  /** Holders now, and callers waiting. */
  get load(): { readonly running: number; readonly waiting: number } {
    return { running: this.#used, waiting: this.#waiting.length };
  }
}
