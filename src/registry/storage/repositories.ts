import { isSafeRepository } from '../names.js';
import type { StorageDriver } from './driver/driver.js';
import { byteOrder } from './manifests.js';

/** Directory names that mark a repository (a name component never starts with `_`). */
const MARKERS = new Set(['_layers', '_manifests', '_uploads', '_referrers']);

/**
 * Every repository under `repositoriesDir`, in byte order. A directory is a repository when it holds
 * one of `_layers`, `_manifests`, `_uploads`, `_referrers`; nested names (`a/b`) are found by
 * walking into the other subdirectories.
 */
export async function listRepositories(driver: StorageDriver, repositoriesDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await driver.list(dir);
    if (prefix !== '' && entries.some((entry) => entry.directory && MARKERS.has(entry.name))) {
      if (isSafeRepository(prefix)) found.push(prefix);
    }
    for (const entry of entries) {
      if (!entry.directory || entry.name.startsWith('_')) continue;
      await walk(`${dir}/${entry.name}`, prefix === '' ? entry.name : `${prefix}/${entry.name}`);
    }
  };
  await walk(repositoriesDir, '');
  return found.sort(byteOrder);
}
