import { isForeign, type Descriptor } from '../../../oci/index.js';
import { apiError } from '../../errors.js';
import type { Store } from '../../storage/store.js';
import { readAll, readManifest } from '../manifest-reader.js';
import type { ImageContents } from '../types.js';
import { FileTree } from './file-tree.js';
import { scanLayer, sniffCompression } from './scan-layer.js';

/** Most tar entries read across an image's layers: a bound on the memory one listing takes. */
export const MAX_ENTRIES = 1_000_000;

/**
 * Most bytes of paths read from an image's layers, and listed: bounds the memory of names that
 * are long, or deep (every entry of a deep tree repeats its parents' path).
 */
export const MAX_PATH_BYTES = 128 * 1024 * 1024;

/** True for media types of filesystem layers (tar, optionally compressed). */
export function isFilesystemLayer(mediaType: string): boolean {
  return (
    /^application\/vnd\.oci\.image\.layer\.(nondistributable\.)?v1\.tar(\+gzip|\+zstd)?$/.test(mediaType) ||
    /^application\/vnd\.docker\.image\.rootfs\.(foreign\.)?diff\.tar(\.gzip)?$/.test(mediaType)
  );
}

/**
 * The filesystem of image manifest `digest` in `repository`: every filesystem layer streamed from
 * the store in order (gzip, zstd or plain tar, whatever the media type says), whiteouts applied.
 * Layers that are not filesystems (artifacts) are left out; a foreign layer that is not stored is
 * left out. A missing layer is 404 `BLOB_UNKNOWN`; an index is 400 `MANIFEST_INVALID` (ask per
 * platform); more than {@link MAX_ENTRIES} entries (directories implied by paths included) or
 * {@link MAX_PATH_BYTES} of paths is 413 `UNSUPPORTED`.
 */
export async function computeContents(
  store: Store,
  repository: string,
  digest: string,
): Promise<ImageContents> {
  const { manifest } = await readManifest(store, repository, digest);
  if (manifest === undefined || !('layers' in manifest)) {
    throw apiError('MANIFEST_INVALID', {
      message: `${digest} is not an image manifest: contents are listed per platform image`,
    });
  }
  const tree = new FileTree(MAX_ENTRIES);
  let seen = 0;
  let seenPathBytes = 0;
  for (const layer of manifest.layers as readonly Descriptor[]) {
    if (!isFilesystemLayer(layer.mediaType)) continue;
    const blob = await store.getBlob(repository, layer.digest);
    if (blob === undefined) {
      if (isForeign(layer)) continue;
      throw apiError('BLOB_UNKNOWN', {
        message: `layer ${layer.digest} of ${digest} is not in ${repository}`,
        detail: { digest: layer.digest },
      });
    }
    if (blob.size === 0) continue;
    const head = await readAll(blob.open(0, Math.min(3, blob.size - 1)));
    const entries = await scanLayer(
      blob.open(),
      sniffCompression(head),
      MAX_ENTRIES - seen,
      MAX_PATH_BYTES - seenPathBytes,
    );
    seen += entries.length;
    for (const entry of entries) seenPathBytes += entry.path.length + (entry.link?.length ?? 0);
    tree.applyLayer(entries);
  }
  return tree.list(digest, MAX_PATH_BYTES);
}
