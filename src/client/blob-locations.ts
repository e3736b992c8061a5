/**
 * Where blobs were seen, kept between runs by whoever gives it to the client (the publish layer
 * keeps it in its blob-info cache, as skopeo keeps its "known locations"). A push to a new
 * repository then mounts a blob from a repository of the same registry that held it in an
 * earlier push, instead of uploading it again. A location gone stale costs nothing: the registry
 * answers the mount with an ordinary upload session.
 */
export interface BlobLocations {
  /** Repositories of `registry` (`host[:port]`) known to hold `digest`, the most recent first. */
  holding(registry: string, digest: string): readonly string[];
  /** Records that `repository` of `registry` holds `digest` (it was found there or pushed there). */
  remember(registry: string, digest: string, repository: string): void;
}
