import type { StorageDriver } from '../storage/driver/driver.js';
import type { Store } from '../storage/store.js';
import type { ContentFile } from './content.js';
import type { Marks } from './mark.js';

/**
 * Removes one claimed digest everywhere: its manifest revisions (with the tags pointing at them
 * and their referrers entries) in the repositories the mark found, the content file, and the
 * layer links to it, so fsck finds nothing dangling afterwards. Revisions go first: deleting one
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
  await driver.delete(file.path);
  for (const repository of marks.links.get(file.digest) ?? []) {
    await store.deleteBlob(repository, file.digest);
  }
}

/** The latest of a file's mtime, atime and the access recorded in memory. */
export function lastUse(file: ContentFile, inMemory: number | undefined): number {
  return Math.max(file.mtimeMs, file.atimeMs, inMemory ?? 0);
}
