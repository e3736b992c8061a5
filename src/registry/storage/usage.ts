import { randomUUID } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMissing } from './errors.js';
import type { Layout } from './layout.js';

/**
 * Counts the content files under `blobs/` and adds up their sizes: one `stat` per blob, no reads.
 * Files vanishing during the walk are skipped.
 */
export async function measureBlobs(layout: Layout): Promise<{ blobs: number; bytes: number }> {
  let blobs = 0;
  let bytes = 0;
  for (const algorithm of await entries(layout.blobsDir)) {
    for (const prefix of await entries(join(layout.blobsDir, algorithm))) {
      const dir = join(layout.blobsDir, algorithm, prefix);
      for (const name of await entries(dir)) {
        try {
          const info = await stat(join(dir, name));
          if (!info.isFile()) continue;
          blobs += 1;
          bytes += info.size;
        } catch (error) {
          if (!isMissing(error)) throw error;
        }
      }
    }
  }
  return { blobs, bytes };
}

/** Writes and removes a small file in the store's `tmp/`: throws when the store is not writable. */
export async function probeWritable(layout: Layout): Promise<void> {
  const probe = join(layout.tmpDir, `${randomUUID()}.probe`);
  await writeFile(probe, 'ok');
  await unlink(probe);
}

async function entries(dir: string): Promise<string[]> {
  let found: Dirent[];
  try {
    found = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  return found.map((e) => e.name);
}
