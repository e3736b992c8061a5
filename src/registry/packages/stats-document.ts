import { hostname } from 'node:os';
import type { StorageDriver } from '../storage/driver/driver.js';
import { Layout } from '../storage/layout.js';
import type { StatsDocument } from './stats.js';

/** Where the replicas of a shared store keep their statistics: one document each. */
const PER_REPLICA_DIR = 'package-stats';

/**
 * The package statistics of a store, through its storage driver. One process on its own store
 * (the file system) keeps `package-stats.json` at the root. Processes sharing a store (workers,
 * replicas on S3 or a shared directory) each write `package-stats/<replica>.json` and read the
 * others' to add them up, so none overwrites another's counts; a restarted process with the same
 * name continues its document, one with a new name starts a new one (old documents keep
 * counting). Each mode also adds up the other mode's documents, so counts survive a registry
 * moving from one process to several workers and back.
 */
export function statsDocument(
  driver: StorageDriver,
  options: { shared?: boolean; replica?: string } = {},
): StatsDocument {
  const root = new Layout().statsFile;
  const name =
    options.shared === true
      ? `${(options.replica ?? `${hostname()}-${process.pid}`).replace(/[^A-Za-z0-9._-]/g, '_')}.json`
      : undefined;
  const key = name === undefined ? root : `${PER_REPLICA_DIR}/${name}`;
  return {
    read: () => driver.getContent(key),
    write: (text) => driver.putContent(key, text),
    readPeers: async () => {
      const found: Buffer[] = [];
      if (name !== undefined) {
        const single = await driver.getContent(root);
        if (single !== undefined) found.push(single);
      }
      for (const entry of await driver.list(PER_REPLICA_DIR)) {
        if (entry.directory || entry.name === name || !entry.name.endsWith('.json')) continue;
        const bytes = await driver.getContent(`${PER_REPLICA_DIR}/${entry.name}`);
        if (bytes !== undefined) found.push(bytes);
      }
      return found;
    },
  };
}
