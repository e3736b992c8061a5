/** Defaults of garbage collection and the retention cap (applied in `resolveOptions` and the config). */
export const GC_DEFAULTS = {
  /** How often the registry collects garbage while it serves. */
  intervalMs: 60 * 60 * 1000,
  /** Unreferenced content written or used within this long is kept. */
  graceMs: 60 * 60 * 1000,
  /** No cap. */
  maxSizeBytes: 0,
  /** How often the cap is checked besides after writes. */
  checkIntervalMs: 60 * 1000,
} as const;

/** Online garbage collection (`createRegistry({ gc })`). */
export interface GcOptions {
  /**
   * How often unreferenced content is collected while the registry serves; 0 turns the timer
   * off (`Registry.collectGarbage()` still works). Default 1 hour; the first run is one interval
   * after `listen`.
   */
  intervalMs?: number;
  /**
   * Unreferenced content written or used within this long is never collected, so pushes in
   * flight (blobs uploaded, manifest not yet put) keep their blobs. Default 1 hour.
   */
  graceMs?: number;
}

/** The retention cap (`createRegistry({ retention })`). */
export interface RetentionOptions {
  /**
   * Most bytes of content (blobs and manifests) to keep. Past it, unreferenced content older than
   * the grace period and then mirrored content are evicted, least recently used first, down to
   * 90 % of the cap. Local content referenced by a manifest is never evicted, so the store can
   * stay above the cap when local content alone exceeds it (a warning is logged). 0 (the
   * default) means no cap.
   */
  maxSizeBytes?: number;
  /**
   * How often the cap is checked besides after each write that may cross it; 0 checks only after
   * writes. Default 1 minute.
   */
  checkIntervalMs?: number;
}
