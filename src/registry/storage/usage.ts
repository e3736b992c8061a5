import { randomUUID } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorageDriver } from './driver/driver.js';
import type { Layout } from './layout.js';

/**
 * Counts the content files under `blobs/` and adds up their sizes: one `stat` (file system) or one
 * listing page per thousand (S3) per blob, no reads. Files vanishing during the walk are skipped.
 */
export async function measureBlobs(
  driver: StorageDriver,
  layout: Layout,
): Promise<{ blobs: number; bytes: number }> {
  let blobs = 0;
  let bytes = 0;
  await driver.walk(layout.blobsDir, (entry) => {
    blobs += 1;
    bytes += entry.size;
  });
  return { blobs, bytes };
}

/** Writes and removes a small file in directory `dir`: throws when it is not writable. */
export async function probeWritable(dir: string): Promise<void> {
  const probe = join(dir, `${randomUUID()}.probe`);
  await writeFile(probe, 'ok');
  await unlink(probe);
}
