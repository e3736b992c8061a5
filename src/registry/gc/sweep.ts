import type { StorageDriver } from '../storage/driver/driver.js';
import type { Store } from '../storage/store.js';
import type { ContentFile } from './content.js';
import type { CollectionRun, GcCoordinator } from './coordinator.js';
import type { Marks } from './mark.js';
import { lastUse, removeDanglingLinks, removeDigest } from './remove.js';

/** What {@link sweep} did (or, in a dry run, would do). */
export interface SweepResult {
  /** Unreferenced content removed (or removable). */
  readonly freedBlobs: number;
  readonly freedBytes: number;
  /** Unreferenced content kept because it was written or used within the grace period. */
  readonly keptRecent: number;
  /** Unreferenced content kept because a request was using it at that moment. */
  readonly keptInUse: number;
  /** Layer links to content that no longer exists, removed (or removable). */
  readonly danglingLinks: number;
  /** Cached file lists (`derived/contents/`) of manifests that no longer exist, removed (or removable). */
  readonly derivedRemoved: number;
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
  /** Whether content with this digest exists now (checked again before its dangling links go). */
  readonly contentExists: (digest: string) => Promise<boolean>;
}

/**
 * The sweep phase: removes every content file the mark did not reach whose last write and last
 * use are both older than the cutoff, one digest at a time, each claimed from the coordinator
 * first (so a request referencing it meanwhile either keeps it or waits for it to be gone).
 * Then it removes layer links whose content is gone (a collection killed mid-sweep by an older
 * version left those), each digest claimed the same way and its content checked again first, so
 * `fsck` is clean after any collection, whenever the one before it was killed.
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
  const danglingLinks = await sweepDanglingLinks(input);
  const derivedRemoved = await sweepDerived(input);
  return { freedBlobs, freedBytes, keptRecent, keptInUse, danglingLinks, derivedRemoved };
}

/** Where the packages service caches images' file lists, one per manifest digest (`alg-hex.json.gz`). */
const DERIVED_CONTENTS = 'derived/contents';
const DERIVED_NAME = /^([a-z0-9]+)-([a-f0-9]+)\.json\.gz$/;

/**
 * Removes the cached file lists of manifests whose content is gone (this sweep's, or an earlier
 * one's): they could never be asked for again, and a big image's list is megabytes. A list being
 * written for a manifest pushed meanwhile names content that exists, so it stays. Download
 * checksums (`derived/archives/`) are a few hundred bytes each and are kept.
 */
async function sweepDerived(input: SweepInput): Promise<number> {
  let count = 0;
  for (const entry of await input.driver.list(DERIVED_CONTENTS)) {
    const name = DERIVED_NAME.exec(entry.name);
    if (entry.directory || name === null) continue;
    if (await input.contentExists(`${name[1]!}:${name[2]!}`)) continue;
    if (!input.dryRun) await input.driver.delete(`${DERIVED_CONTENTS}/${entry.name}`);
    count += 1;
  }
  return count;
}

async function sweepDanglingLinks(input: SweepInput): Promise<number> {
  const { coordinator, run, marks, cutoffMs } = input;
  const listed = new Set(input.files.map((file) => file.digest));
  let count = 0;
  for (const [digest, repositories] of marks.links) {
    if (listed.has(digest) || marks.live.has(digest)) continue;
    if (await input.contentExists(digest)) continue;
    if (input.dryRun) {
      count += repositories.length;
      continue;
    }
    if (!coordinator.claim(run, digest, cutoffMs)) continue;
    try {
      if (!(await input.contentExists(digest)))
        count += await removeDanglingLinks(input.store, digest, marks);
    } finally {
      coordinator.release(digest);
    }
  }
  return count;
}
