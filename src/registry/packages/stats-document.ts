import type { StorageDriver } from '../storage/driver/driver.js';
import { Layout } from '../storage/layout.js';
import type { StatsDocument } from './stats.js';

/** The package statistics of a store: `package-stats.json` at its root, through its storage driver. */
export function statsDocument(driver: StorageDriver): StatsDocument {
  const key = new Layout().statsFile;
  return {
    read: () => driver.getContent(key),
    write: (text) => driver.putContent(key, text),
  };
}
