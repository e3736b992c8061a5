import { hostname } from 'node:os';
import type { StorageDriver } from '../storage/driver/driver.js';
import { Layout } from '../storage/layout.js';
import type { StatsDocument } from './stats.js';

/** Where the replicas of a shared store keep their statistics: one document each. */
const PER_REPLICA_DIR = 'package-stats';

/**
 * The package statistics of a store, through its storage driver. One process on its own store
 * (the file system) keeps `package-stats.json` at the root. Replicas sharing a store (S3) each
 * write `package-stats/<host>-<pid>.json` and read the others' to add them up, so no replica
 * overwrites another's counts; a restarted replica with the same name continues its document,
 * one with a new name starts a new one (old documents keep counting).
 */
export function statsDocument(
  driver: StorageDriver,
  options: { shared?: boolean; replica?: string } = {},
): StatsDocument {
  if (options.shared !== true) {
    const key = new Layout().statsFile;
    return { read: () => driver.getContent(key), write: (text) => driver.putContent(key, text) };
  }
  const name = `${(options.replica ?? `${hostname()}-${process.pid}`).replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
  const key = `${PER_REPLICA_DIR}/${name}`;
  return {
    read: () => driver.getContent(key),
    write: (text) => driver.putContent(key, text),
    readPeers: async () => {
      const found: Buffer[] = [];
      for (const entry of await driver.list(PER_REPLICA_DIR)) {
        if (entry.directory || entry.name === name || !entry.name.endsWith('.json')) continue;
        const bytes = await driver.getContent(`${PER_REPLICA_DIR}/${entry.name}`);
        if (bytes !== undefined) found.push(bytes);
      }
      return found;
    },
  };
}
