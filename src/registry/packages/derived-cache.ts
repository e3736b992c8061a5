import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StorageDriver } from '../storage/driver/driver.js';
import { writeAtomically } from './write-atomically.js';

/**
 * Data derived from stored content (file lists, archive checksums), by key. Entries never go
 * stale (keys name content digests); the cache may lose any of them at any time, and then they
 * are computed again.
 */
export interface DerivedCache {
  read(key: string): Promise<Buffer | undefined>;
  write(key: string, bytes: Buffer): Promise<void>;
}

const KEY = /^[a-z0-9-]+(\/[a-zA-Z0-9._-]+)+$/;

/** Throws on a key that could climb out of the cache directory. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes('..'))
    throw new Error(`invalid derived-cache key ${JSON.stringify(key)}`);
  return key;
}

/** A {@link DerivedCache} in a directory (`derived/` under the disk store's root). Writes are atomic. */
export class DiskDerivedCache implements DerivedCache {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async read(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(join(this.#dir, checkKey(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(key: string, bytes: Buffer): Promise<void> {
    const file = join(this.#dir, checkKey(key));
    await mkdir(dirname(file), { recursive: true });
    await writeAtomically(file, bytes);
  }
}

/**
 * A {@link DerivedCache} through a store's driver, under `derived/`: on the file system the same
 * files as {@link DiskDerivedCache} under the store's root, on S3 objects shared by every replica.
 * Writes are atomic (the driver's `putContent`) but not fsynced: a lost entry is computed again.
 */
export class DriverDerivedCache implements DerivedCache {
  readonly #driver: StorageDriver;
  readonly #dir: string;

  constructor(driver: StorageDriver, dir = 'derived') {
    this.#driver = driver;
    this.#dir = dir;
  }

  async read(key: string): Promise<Buffer | undefined> {
    return this.#driver.getContent(`${this.#dir}/${checkKey(key)}`);
  }

  async write(key: string, bytes: Buffer): Promise<void> {
    await this.#driver.putContent(`${this.#dir}/${checkKey(key)}`, bytes, { sync: false });
  }
}

/** A {@link DerivedCache} in memory, up to `maxBytes` (oldest entries go first). */
export class MemoryDerivedCache implements DerivedCache {
  readonly #entries = new Map<string, Buffer>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }

  read(key: string): Promise<Buffer | undefined> {
    return Promise.resolve(this.#entries.get(checkKey(key)));
  }

  write(key: string, bytes: Buffer): Promise<void> {
    checkKey(key);
    const old = this.#entries.get(key);
    if (old !== undefined) this.#bytes -= old.length;
    this.#entries.delete(key);
    this.#entries.set(key, bytes);
    this.#bytes += bytes.length;
    for (const [k, v] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= v.length;
    }
    return Promise.resolve();
  }
}
