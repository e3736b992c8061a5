import { checkDigest } from '../../reference/digest.js';
import type { StorageDriver } from './driver/driver.js';

/** Entry names of a directory of the store, sorted; empty when it does not exist. */
export async function entryNames(driver: StorageDriver, dir: string): Promise<string[]> {
  return (await driver.list(dir)).map((entry) => entry.name);
}

/** `<alg>:<hex>` for each `<dir>/<alg>/<hex>` entry with a valid digest name (links, revisions). */
export async function digestsUnder(driver: StorageDriver, dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const algorithm of await entryNames(driver, dir)) {
    for (const hex of await entryNames(driver, `${dir}/${algorithm}`)) {
      const digest = `${algorithm}:${hex}`;
      if (checkDigest(digest).ok) found.push(digest);
    }
  }
  return found;
}
