import type { Artifact } from '../oci/image.js';

/**
 * What every daemonless source returns: the artifact to push, where it came from, and a
 * `dispose()` that removes whatever temporary files reading it needed (a decompressed archive,
 * compressed layers). Blobs must be read before `dispose()`; opening one afterwards fails with
 * `SRC_DISPOSED` (or, for sources with no temp files, keeps working).
 */
export interface LoadedImage {
  readonly artifact: Artifact;
  /** The source in the `transport:path[:name]` form it was read from, for messages. */
  readonly origin: string;
  /** Removes temporary files. Idempotent; never removes the input itself. */
  dispose(): Promise<void>;
}

/** Builds a {@link LoadedImage} whose `dispose()` runs `dispose` once (default: nothing to clean up). */
export function loadedImage(
  artifact: Artifact,
  origin: string,
  dispose: () => Promise<void> = () => Promise.resolve(),
): LoadedImage {
  let disposed: Promise<void> | undefined;
  return {
    artifact,
    origin,
    dispose: () => (disposed ??= dispose()),
  };
}
