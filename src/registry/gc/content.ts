import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDigest } from '../../reference/digest.js';
import { isMissing } from '../storage/errors.js';
import { digestsUnder, entryNames } from '../storage/files.js';
import type { Layout } from '../storage/layout.js';

/** One content file of the store (a blob or a manifest's bytes). */
export interface ContentFile {
  readonly digest: string;
  readonly path: string;
  readonly size: number;
  /** When the content was written (or, for the grace period, last re-committed). */
  readonly mtimeMs: number;
  /** When it was last read or referenced (set explicitly; see `access-times.ts`). */
  readonly atimeMs: number;
}

/**
 * Every content file under `blobs/<alg>/<hh>/<hex>` whose name is a valid digest in its place,
 * with one `stat` each. Files vanishing during the walk are skipped; misplaced names are left to
 * fsck.
 */
export async function listContent(layout: Layout): Promise<ContentFile[]> {
  const found: ContentFile[] = [];
  for (const algorithm of await entryNames(layout.blobsDir)) {
    for (const prefix of await entryNames(join(layout.blobsDir, algorithm))) {
      for (const hex of await entryNames(join(layout.blobsDir, algorithm, prefix))) {
        const digest = `${algorithm}:${hex}`;
        if (!hex.startsWith(prefix) || !checkDigest(digest).ok) continue;
        const path = join(layout.blobsDir, algorithm, prefix, hex);
        try {
          const info = await stat(path);
          if (info.isFile()) {
            found.push({ digest, path, size: info.size, mtimeMs: info.mtimeMs, atimeMs: info.atimeMs });
          }
        } catch (error) {
          if (!isMissing(error)) throw error;
        }
      }
    }
  }
  return found;
}

/** `<alg>:<hex>` for each `<dir>/<alg>/<hex>` entry that is a valid digest (links, revisions). */
export const listDigests = digestsUnder;
