import { MediaType } from '../oci/media-types.js';
import { DOCKER_LAYER_UNCOMPRESSED } from './archive/docker-manifest.js';
import type { LayerCompression } from './compress-layer.js';

/**
 * Pure rewrites of manifest JSON after layers were compressed. Objects are edited in place, so
 * every other field (annotations, subject, urls...) and the key order survive; the result is
 * compact JSON.
 */

/** Layer media types holding a plain or compressed tar: the only layers compression touches. */
const TAR_LAYERS: ReadonlySet<string> = new Set([
  MediaType.ociLayer,
  MediaType.ociLayerGzip,
  MediaType.ociLayerZstd,
  MediaType.dockerLayerGzip,
  DOCKER_LAYER_UNCOMPRESSED,
]);

/** Docker schema2 media types and their OCI equivalents (what `skopeo copy --format oci` does). */
const DOCKER_TO_OCI: Readonly<Record<string, string>> = {
  [MediaType.dockerManifest]: MediaType.ociManifest,
  [MediaType.dockerManifestList]: MediaType.ociIndex,
  [MediaType.dockerConfig]: MediaType.ociConfig,
  [MediaType.dockerLayerGzip]: MediaType.ociLayerGzip,
  [DOCKER_LAYER_UNCOMPRESSED]: MediaType.ociLayer,
  [MediaType.dockerLayerForeignGzip]: MediaType.ociLayerNondistributableGzip,
  'application/vnd.docker.image.rootfs.foreign.diff.tar': MediaType.ociLayerNondistributable,
};

/** True for the layer media types of a filesystem tar (OCI or Docker, any compression). */
export function isTarLayerMediaType(mediaType: string): boolean {
  return TAR_LAYERS.has(mediaType);
}

/** The media type of a layer compressed with `compression` in a manifest of `format`. */
export function compressedLayerMediaType(format: 'oci' | 'docker', compression: LayerCompression): string {
  if (format === 'docker' && compression === 'gzip') return MediaType.dockerLayerGzip;
  return compression === 'gzip' ? MediaType.ociLayerGzip : MediaType.ociLayerZstd;
}

/** The OCI media type for a Docker one; other types are returned unchanged. */
export function toOciMediaType(mediaType: string): string {
  return DOCKER_TO_OCI[mediaType] ?? mediaType;
}

/** What replaces a descriptor: the new blob's digest, size and media type. */
export interface DescriptorChange {
  readonly digest: string;
  readonly size: number;
  readonly mediaType: string;
}

type Json = Record<string, unknown> & { mediaType?: string };

/**
 * Rewrites an image manifest: layer `i` takes `changes.get(i)`; with `toOci`, the manifest, its
 * config and its remaining layers get their OCI media types too.
 */
export function rewriteImageManifest(
  bytes: Uint8Array,
  changes: ReadonlyMap<number, DescriptorChange>,
  toOci: boolean,
): Uint8Array {
  const manifest = JSON.parse(new TextDecoder().decode(bytes)) as Json & { config: Json; layers: Json[] };
  manifest.layers = manifest.layers.map((layer, i) => {
    const change = changes.get(i);
    const next: Json = change === undefined ? layer : { ...layer, ...change };
    return toOci && typeof next.mediaType === 'string'
      ? { ...next, mediaType: toOciMediaType(next.mediaType) }
      : next;
  });
  if (toOci) {
    if (manifest.mediaType !== undefined) manifest.mediaType = MediaType.ociManifest;
    if (typeof manifest.config.mediaType === 'string')
      manifest.config = { ...manifest.config, mediaType: toOciMediaType(manifest.config.mediaType) };
  }
  return new TextEncoder().encode(JSON.stringify(manifest));
}

/**
 * Rewrites an index: each entry whose digest is a key of `changes` takes the new digest, size and
 * media type; with `toOci` a Docker manifest list becomes an OCI index.
 */
export function rewriteIndex(
  bytes: Uint8Array,
  changes: ReadonlyMap<string, DescriptorChange>,
  toOci: boolean,
): Uint8Array {
  const index = JSON.parse(new TextDecoder().decode(bytes)) as Json & { manifests: Json[] };
  index.manifests = index.manifests.map((entry) => {
    const change = typeof entry.digest === 'string' ? changes.get(entry.digest) : undefined;
    return change === undefined ? entry : { ...entry, ...change };
  });
  if (toOci && index.mediaType !== undefined) index.mediaType = toOciMediaType(index.mediaType);
  return new TextEncoder().encode(JSON.stringify(index));
}
