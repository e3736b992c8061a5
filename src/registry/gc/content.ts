import { checkDigest } from '../../reference/digest.js';
import type { StorageDriver } from '../storage/driver/driver.js';
import type { Layout } from '../storage/layout.js';
import { digestsUnder } from '../storage/listing.js';

/** One content file of the store (a blob or a manifest's bytes). */
export interface ContentFile {
  readonly digest: string;
  /** Its key in the store (`blobs/<alg>/<hh>/<hex>`). */
  readonly path: string;
  readonly size: number;
  /** When the content was written (or, for the grace period, last re-committed). */
  readonly mtimeMs: number;
  /** When it was last read or referenced (set explicitly; see `access-times.ts`). */
  readonly atimeMs: number;
}

/**
 * Every content file under `blobs/<alg>/<hh>/<hex>` whose name is a valid digest in its place,
 * found by one walk of the driver. Files vanishing during the walk are skipped; misplaced names
 * are left to fsck.
 */
export async function listContent(driver: StorageDriver, layout: Layout): Promise<ContentFile[]> {
  const found: ContentFile[] = [];
  await driver.walk(layout.blobsDir, (entry) => {
    const parts = entry.key.split('/');
    if (parts.length !== 4) return;
    const [, algorithm, prefix, hex] = parts as [string, string, string, string];
    const digest = `${algorithm}:${hex}`;
    if (!hex.startsWith(prefix) || !checkDigest(digest).ok) return;
    found.push({
      digest,
      path: entry.key,
      size: entry.size,
      mtimeMs: entry.modifiedMs,
      atimeMs: entry.accessedMs,
    });
  });
  return found;
}

/** `<alg>:<hex>` for each `<dir>/<alg>/<hex>` entry that is a valid digest (links, revisions). */
export const listDigests = digestsUnder;
