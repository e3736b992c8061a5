import type { RegistryClient } from '../../client/index.js';
import type { Logger } from '../ops/logger.js';
import type { LruCache } from '../storage/lru.js';
import type { Store } from '../storage/store.js';
import type { BlobFill } from './fill.js';
import type { TagFreshness } from './freshness.js';
import type { ResolvedMirror } from './options.js';
import type { SingleFlight } from './single-flight.js';

/** What a manifest request through a mirror ended with. */
export interface ManifestOutcome {
  /** True when the cached tag is served because the upstream could not be asked. */
  readonly stale: boolean;
  /** True when it was fetched from the upstream for this request (a cache miss). */
  readonly fetched?: boolean;
  /** A manifest of a type this registry does not store: served as fetched, not cached. */
  readonly passthrough?: { readonly bytes: Uint8Array; readonly mediaType: string; readonly digest: string };
}

/** The shared state of every mirror: the store, the upstream clients, flights and caches. */
export interface MirrorRuntime {
  /** The guarded store (requests and fills protect what they reference). */
  readonly store: Store;
  readonly logger: Logger;
  /** Blobs present anywhere in the store may be linked into a mirror without asking its upstream. */
  readonly crossMount: boolean;
  /** Path of an upload session's data file, for stores that keep one on disk. */
  readonly dataPath: ((repository: string, id: string) => string) | undefined;
  /**
   * The registry client of a mirror's upstream. Asynchronous because the client code is loaded
   * on first use: a registry without mirrors never loads it (start-up time and memory).
   */
  client(mirror: ResolvedMirror): Promise<RegistryClient>;
  /** The tag check times of a mirror. */
  freshness(mirror: ResolvedMirror): TagFreshness;
  /** Manifest fetches in flight, by `name:tag` or `name@digest`. */
  readonly manifestFlights: SingleFlight<ManifestOutcome>;
  /** Blob fills in flight, by digest (or `name@digest` without cross mounts). */
  readonly fills: Map<string, BlobFill>;
  /** Blob sizes from the manifests fetched (for `Content-Length` and size checks). */
  readonly sizes: LruCache<number>;
}
