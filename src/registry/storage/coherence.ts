/**
 * Entries of the tag and revision-link caches ({@link Manifests}) that changed in the store:
 * `repository\0tag` and `repository\0digest` keys.
 */
export interface CacheChange {
  readonly tags: readonly string[];
  readonly links: readonly string[];
}

/**
 * How processes that serve one store and answer tags and manifest links from memory keep those
 * answers true (the workers of `registry serve --workers N`). A process that changed tags or
 * links announces it before it answers its client; every other process drops those entries, and
 * the announcement resolves only once they all did. So a request that starts after a write was
 * answered sees the write, whichever process serves it.
 */
export interface CacheCoherence {
  /** Tells every other process that these entries changed; resolves once each has dropped them. */
  announce(change: CacheChange): Promise<void>;
  /** Sets what runs when another process announces a change (one listener). */
  onChange(drop: (change: CacheChange) => void): void;
}
