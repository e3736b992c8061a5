import type { StorageDriver } from '../storage/driver/driver.js';
import type { Store } from '../storage/store.js';
import type { ContentFile } from './content.js';
import type { CollectionRun, GcCoordinator } from './coordinator.js';
import type { Marks } from './mark.js';
import { lastUse, removeDigest } from './remove.js';

/** What {@link sweep} did (or, in a dry run, would do). */
export interface SweepResult {
  /** Unreferenced content removed (or removable). */
  readonly freedBlobs: number;
  readonly freedBytes: number;
  /** Unreferenced content kept because it was written or used within the grace period. */
  readonly keptRecent: number;
  /** Unreferenced content kept because a request was using it at that moment. */
  readonly keptInUse: number;
}

/** Inputs of {@link sweep}. */
export interface SweepInput {
  readonly store: Store;
  /** The driver under `store`, where the content files are. */
  readonly driver: StorageDriver;
  readonly coordinator: GcCoordinator;
  readonly run: CollectionRun;
  readonly files: readonly ContentFile[];
  readonly marks: Marks;
  /** Content written or used at or after this time (ms) is kept. */
  readonly cutoffMs: number;
  readonly dryRun: boolean;
}

/**
 * The sweep phase: removes every content file the mark did not reach whose last write and last
 * use are both older than the cutoff, one digest at a time, each claimed from the coordinator
 * first (so a request referencing it meanwhile either keeps it or waits for it to be gone).
 */
export async function sweep(input: SweepInput): Promise<SweepResult> {
  const { coordinator, run, marks, cutoffMs } = input;
  let freedBlobs = 0;
  let freedBytes = 0;
  let keptRecent = 0;
  let keptInUse = 0;
  for (const file of input.files) {
    if (marks.live.has(file.digest)) continue;
    if (lastUse(file, coordinator.access.get(file.digest)) >= cutoffMs) {
      keptRecent += 1;
      continue;
    }
    if (input.dryRun) {
      freedBlobs += 1;
      freedBytes += file.size;
      continue;
    }
    if (!coordinator.claim(run, file.digest, cutoffMs)) {
      keptInUse += 1;
      continue;
    }
    try {
      await removeDigest(input.store, input.driver, file, marks);
    } finally {
      coordinator.release(file.digest);
    }
    freedBlobs += 1;
    freedBytes += file.size;
  }
  return { freedBlobs, freedBytes, keptRecent, keptInUse };
}
