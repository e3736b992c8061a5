import { crashPoint } from '../ops/crash-point.js';
import type { StorageDriver } from '../storage/driver/driver.js';
import type { Store } from '../storage/store.js';
import type { ContentFile } from './content.js';
import type { Marks } from './mark.js';

/**
 * Removes one claimed digest everywhere: its manifest revisions (with the tags pointing at them
 * and their referrers entries) in the repositories the mark found, the layer links to it, and
 * last the content file. The order makes the removal crash-safe: killed at any step, what is left
 * is either still linked content (collected again next time) or unreferenced content (collected
 * next time), never a link or revision pointing at nothing. Revisions go first: deleting one
 * reads the content for its subject.
 */
export async function removeDigest(
  store: Store,
  driver: StorageDriver,
  file: ContentFile,
  marks: Marks,
): Promise<void> {
  for (const repository of marks.revisions.get(file.digest) ?? []) {
    await store.deleteManifest(repository, file.digest);
  }
  for (const repository of marks.links.get(file.digest) ?? []) {
    await store.deleteBlob(repository, file.digest);
  }
  crashPoint('gc-sweep-mid-digest');
  await driver.delete(file.path);
  crashPoint('gc-sweep-after-content');
}

/**
 * Removes the layer links to `digest`, whose content is gone (left by a collection of an older
 * version killed mid-sweep, or by hand). Returns how many it removed.
 */
export async function removeDanglingLinks(store: Store, digest: string, marks: Marks): Promise<number> {
  let removed = 0;
  for (const repository of marks.links.get(digest) ?? []) {
    if (await store.deleteBlob(repository, digest)) removed += 1;
  }
  return removed;
}

/** The latest of a file's mtime, atime and the access recorded in memory. */
export function lastUse(file: ContentFile, inMemory: number | undefined): number {
  return Math.max(file.mtimeMs, file.atimeMs, inMemory ?? 0);
}
