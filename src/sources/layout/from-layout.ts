import { type LoadedImage, loadedImage } from '../loaded-image.js';
import { formatSource, type LayoutSelector } from '../spec.js';
import { LayoutDir } from './layout-dir.js';
import { readLayout } from './read-layout.js';

/** Options of {@link fromLayout} and `fromOciArchive`. */
export interface LayoutOptions {
  /** Which image to read. Default `{ by: 'only' }`: the single entry of index.json. */
  select?: LayoutSelector;
  /** Stops loading when aborted; checked before anything is read. */
  signal?: AbortSignal;
}

/**
 * Reads an image from an OCI image layout directory (`oci:DIR[:NAME]`): checks `oci-layout`
 * (version 1.x), parses `index.json`, selects an entry (by `org.opencontainers.image.ref.name`,
 * position, digest, or the only one) and returns its artifact. An index becomes an
 * `IndexArtifact` with every child read recursively. The manifest bytes are the blob's bytes
 * exactly, as `skopeo inspect --raw oci:DIR:NAME` prints them.
 *
 * Manifests are read and verified now; config and layer blobs are checked for presence and size
 * now and streamed from `blobs/<alg>/<hex>` later, verified as they are read (a corrupted blob
 * fails with `SRC_DIGEST_MISMATCH` naming its file). Nothing is cached or copied, so
 * `dispose()` has nothing to do.
 *
 * @throws SourceError `SRC_NOT_FOUND` (directory, oci-layout, index.json or a blob missing),
 *   `SRC_INVALID_LAYOUT`, `SRC_INVALID_NAME`, `SRC_NO_MATCH`, `SRC_AMBIGUOUS`, `SRC_UNSUPPORTED`
 */
export async function fromLayout(dir: string, options: LayoutOptions = {}): Promise<LoadedImage> {
  options.signal?.throwIfAborted();
  const select = options.select ?? { by: 'only' };
  const store = await LayoutDir.open(dir);
  const artifact = await readLayout(store, select, options.signal);
  return loadedImage(artifact, formatSource({ kind: 'oci', path: dir, select }));
}
