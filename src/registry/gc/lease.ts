import type { StorageDriver } from '../storage/driver/driver.js';

/** Where the leases are: `_gc/lease-<generation>`, the highest generation in force. */
const DIR = '_gc';
const NAME = /^lease-(\d{12})$/;

/** What a lease file holds. */
interface LeaseRecord {
  readonly holder: string;
  /** ms since the epoch; 0 once released. */
  readonly expiresAt: number;
}

/** Options of {@link GcLease}. */
export interface GcLeaseOptions {
  /** Who asks (in messages and the lease file): a replica name. */
  readonly holder: string;
  /** How long a lease lasts unless renewed; a holder that died blocks others this long. Default 15 min. */
  readonly durationMs?: number;
  readonly now?: () => number;
}

/** A held lease. */
export interface HeldLease {
  /** Extends the lease by its duration from now. */
  renew(): Promise<void>;
  /** Gives the lease up at once. */
  release(): Promise<void>;
}

/**
 * One garbage collector at a time among replicas sharing a store, elected through a lease
 * object in the store. Leases are numbered: taking over an expired or released lease `n` means
 * creating `lease-(n+1)` exclusively (`createExclusive`), which exactly one contender wins, so two
 * replicas never both believe they hold it. The holder renews it while it runs.
 */
export class GcLease {
  readonly #driver: StorageDriver;
  readonly #holder: string;
  readonly #durationMs: number;
  readonly #now: () => number;

  constructor(driver: StorageDriver, options: GcLeaseOptions) {
    this.#driver = driver;
    this.#holder = options.holder;
    this.#durationMs = options.durationMs ?? 15 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  get durationMs(): number {
    return this.#durationMs;
  }

  /** The lease, or who holds it now. */
  async acquire(): Promise<{ ok: true; lease: HeldLease } | { ok: false; holder: string }> {
    const generations = (await this.#driver.list(DIR))
      .map((entry) => NAME.exec(entry.name)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    const current = generations.at(-1) ?? 0;
    if (current > 0) {
      const record = await this.#read(current);
      if (record !== undefined && record.expiresAt > this.#now() && record.holder !== this.#holder) {
        return { ok: false, holder: record.holder };
      }
    }
    const next = current + 1;
    if (!(await this.#driver.createExclusive(keyOf(next), this.#record(this.#now() + this.#durationMs)))) {
      const winner = await this.#read(next);
      return { ok: false, holder: winner?.holder ?? 'another replica' };
    }
    for (const old of generations) await this.#driver.delete(keyOf(old)).catch(() => false);
    return {
      ok: true,
      lease: {
        renew: () => this.#driver.putContent(keyOf(next), this.#record(this.#now() + this.#durationMs)),
        release: () => this.#driver.putContent(keyOf(next), this.#record(0)),
      },
    };
  }

  #record(expiresAt: number): string {
    return JSON.stringify({ holder: this.#holder, expiresAt } satisfies LeaseRecord);
  }

  async #read(generation: number): Promise<LeaseRecord | undefined> {
    const bytes = await this.#driver.getContent(keyOf(generation));
    if (bytes === undefined) return undefined;
    try {
      return JSON.parse(bytes.toString('utf8')) as LeaseRecord;
    } catch {
      return { holder: 'unknown', expiresAt: 0 };
    }
  }
}

function keyOf(generation: number): string {
  return `${DIR}/lease-${String(generation).padStart(12, '0')}`;
}
