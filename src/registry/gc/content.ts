import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDigest } from '../../reference/digest.js';
import { isMissing } from '../storage/errors.js';
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
  for (const algorithm of await names(layout.blobsDir)) {
    for (const prefix of await names(join(layout.blobsDir, algorithm))) {
      for (const hex of await names(join(layout.blobsDir, algorithm, prefix))) {
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
export async function listDigests(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const algorithm of await names(dir)) {
    for (const hex of await names(join(dir, algorithm))) {
      const digest = `${algorithm}:${hex}`;
      if (checkDigest(digest).ok) found.push(digest);
    }
  }
  return found;
}

/** Entry names of a directory; empty when it does not exist. */
async function names(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  return entries.map((entry) => entry.name);
}
