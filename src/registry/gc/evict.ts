import type { StorageDriver } from '../storage/driver/driver.js';
import type { Store } from '../storage/store.js';
import type { ContentFile } from './content.js';
import type { CollectionRun, GcCoordinator } from './coordinator.js';
import type { Marks } from './mark.js';
import { lastUse, removeDigest } from './remove.js';

/** What {@link evict} removed. */
export interface EvictResult {
  /** Content files removed: unreferenced ones first, then mirrored ones. */
  readonly evictedBlobs: number;
  readonly evictedBytes: number;
  /** Of those, manifests of mirrored repositories (their tags went with them). */
  readonly evictedManifests: number;
  /** Bytes of content left. */
  readonly remainingBytes: number;
}

/** Inputs of {@link evict}. */
export interface EvictInput {
  readonly store: Store;
  /** The driver under `store`, where the content files are. */
  readonly driver: StorageDriver;
  readonly coordinator: GcCoordinator;
  readonly run: CollectionRun;
  readonly files: readonly ContentFile[];
  readonly marks: Marks;
  /** Unreferenced content written or used at or after this time is never evicted (pushes in flight). */
  readonly cutoffMs: number;
  /** Evict until the content adds up to at most this many bytes. */
  readonly targetBytes: number;
}

/**
 * The retention cap's eviction, least recently used first: unreferenced content older than the
 * grace period, then content reached only from mirror repositories (manifests included: their
 * tags go, and the next pull fetches them again from the upstream). Content reached from a local
 * repository is never evicted, however old: it is data, not cache. Mirrored content also linked
 * into a local repository (a push in progress mounted it) is kept through the grace period. Stops once the total is at
 * most `targetBytes`, or when nothing evictable is left.
 */
export async function evict(input: EvictInput): Promise<EvictResult> {
  const { coordinator, marks } = input;
  let remainingBytes = input.files.reduce((sum, file) => sum + file.size, 0);
  const use = (file: ContentFile): number => lastUse(file, coordinator.access.get(file.digest));
  const garbage = input.files
    .filter((f) => !marks.live.has(f.digest) && use(f) < input.cutoffMs)
    .sort((a, b) => use(a) - use(b));
  const cached = input.files
    .filter((f) => marks.live.has(f.digest) && !marks.pinned.has(f.digest))
    .sort((a, b) => use(a) - use(b));
  let evictedBlobs = 0;
  let evictedBytes = 0;
  let evictedManifests = 0;
  const candidates: [ContentFile, number | undefined][] = [
    ...garbage.map((f): [ContentFile, number] => [f, input.cutoffMs]),
    ...cached.map((f): [ContentFile, number | undefined] => [
      f,
      marks.linkedLocally.has(f.digest) ? input.cutoffMs : undefined,
    ]),
  ];
  for (const [file, cutoff] of candidates) {
    if (remainingBytes <= input.targetBytes) break;
    if (cutoff !== undefined && use(file) >= cutoff) continue;
    if (!coordinator.claim(input.run, file.digest, cutoff)) continue;
    try {
      await removeDigest(input.store, input.driver, file, marks);
    } finally {
      coordinator.release(file.digest);
    }
    if (marks.revisions.has(file.digest)) evictedManifests += 1;
    evictedBlobs += 1;
    evictedBytes += file.size;
    remainingBytes -= file.size;
  }
  return { evictedBlobs, evictedBytes, evictedManifests, remainingBytes };
}
