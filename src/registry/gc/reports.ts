/** What a garbage collection found and freed (or, in a dry run, would free). */
export interface GcReport {
  readonly dryRun: boolean;
  readonly graceMs: number;
  /** Content files (blobs and manifests) in the store when it started, and their bytes. */
  readonly blobs: number;
  readonly bytes: number;
  /** Content files referenced by a manifest revision of some repository. */
  readonly liveBlobs: number;
  readonly repositories: number;
  /** Unreferenced content removed (or removable), and its bytes. */
  readonly freedBlobs: number;
  readonly freedBytes: number;
  /** Unreferenced content kept: written or used within the grace period. */
  readonly keptRecent: number;
  /** Unreferenced content kept: a request was referencing it at that moment. */
  readonly keptInUse: number;
  /** Layer links to missing content (left by a collection killed mid-sweep) removed. */
  readonly danglingLinks: number;
  /** Cached file lists of images whose manifests are gone, removed (`derived/contents/`). */
  readonly derivedRemoved: number;
  readonly durationMs: number;
  /** Set when another replica held the GC lease (see `lease.ts`): nothing was done. */
  readonly leaseHolder?: string;
}

/** What one check of the retention cap did. */
export interface RetentionReport {
  /** The cap (0: none). */
  readonly maxSizeBytes: number;
  /** What eviction aims for once over the cap (a share of it). */
  readonly targetBytes: number;
  /** Bytes of content before and after. */
  readonly beforeBytes: number;
  readonly afterBytes: number;
  readonly evictedBlobs: number;
  readonly evictedBytes: number;
  /** Manifests of mirrored repositories among the evicted content. */
  readonly evictedManifests: number;
  /** Set when another replica held the GC lease: nothing was done. */
  readonly leaseHolder?: string;
}
