import { mapLimit } from '../map-limit.js';
import { isForeign } from '../oci/descriptor.js';
import type { Artifact, BlobSource, ImageArtifact, IndexArtifact } from '../oci/image.js';
import { digestBytes } from '../oci/index.js';
import { MediaType } from '../oci/media-types.js';
import {
  compressStream,
  compressToFile,
  compressToUpload,
  type LayerCompression,
  type WrittenBlob,
} from './compress-layer.js';
import {
  resolveCompressOptions,
  type CompressImageOptions,
  type ResolvedCompressOptions,
} from './compress-options.js';
import type { BlobInfoCache } from './blob-info-cache.js';
import { fileBlob } from './file-blob.js';
import { type LoadedImage, loadedImage } from './loaded-image.js';
import {
  compressedLayerMediaType,
  isTarLayerMediaType,
  rewriteImageManifest,
  rewriteIndex,
  toOciMediaType,
  type DescriptorChange,
} from './manifest-rewrite.js';
import { detectBlobCompression } from './sniff.js';
import { TempDir } from './temp-dir.js';

/**
 * A compressed layer: where it was written and what it is; or, known from the blob-info cache or
 * already uploaded, what it is without a copy (`file` undefined: compressed again only if a
 * registry asks for the bytes).
 */
type Compressed = WrittenBlob & { readonly file?: string; readonly source: BlobSource };

/**
 * Makes an image pushable with compressed layers. Every layer whose bytes are a plain tar (found
 * by reading its first bytes, whatever its media type says) is compressed with gzip or zstd into
 * a temporary file while its compressed digest and size are computed, several layers at once
 * (`concurrency`); the manifests (and indexes above them) are rewritten with the new
 * descriptors. Layers already compressed, non-distributable layers and non-tar artifact layers
 * pass byte for byte; the configs (and so the diff IDs) never change. Returns `image` itself when
 * nothing needs compressing or `compression` is `'none'`.
 *
 * With `upload`, a layer is compressed straight into it instead (to a registry, the way skopeo
 * pushes: compressing and uploading in one pass), and without `keepUploaded` the result makes its
 * bytes again on the fly should another registry need them. A layer whose upload fails, and every
 * layer after it, is compressed to a temporary file as without `upload`; an abort is thrown.
 *
 * Media types: an OCI manifest gets `…layer.v1.tar+gzip` / `+zstd`; a Docker schema2 manifest gets
 * `…rootfs.diff.tar.gzip`. Docker schema2 has no zstd layer type, so with zstd a Docker manifest is
 * converted to an OCI manifest (config and other layers take their OCI types, a Docker manifest
 * list above it becomes an OCI index), as containers/image does when asked for zstd.
 *
 * Digests differ from skopeo's and docker's for the same input: they compress with Go's
 * pgzip/compress/gzip, whose bytes differ from zlib's at the same level, so a compressed layer
 * digest depends on the implementation. The uncompressed diff IDs in the config are the same.
 *
 * On success the result owns `image`: its `dispose()` removes the compressed layers and then
 * disposes `image`. On failure everything written is removed and `image` is left to the caller.
 *
 * @throws SourceError `SRC_INVALID_OPTION`; the layers' own read errors (`SRC_DIGEST_MISMATCH`...)
 */
export async function compressImage(
  image: LoadedImage,
  options: CompressImageOptions = {},
): Promise<LoadedImage> {
  const resolved = resolveCompressOptions(options);
  resolved.signal?.throwIfAborted();
  if (resolved.compression === 'none') return image;
  const todo = await plainLayers(image.artifact, resolved, options.cache);
  if (todo.length === 0) return image;
  const temp = await TempDir.create('layers', resolved.tmpDir);
  try {
    const { compression, level } = resolved;
    const { cache, upload } = options;
    let streaming = upload !== undefined;
    const written = await mapLimit(
      todo,
      resolved.concurrency,
      async (blob, signal, i): Promise<Compressed> => {
        const known = cache?.get(blob.descriptor.digest, compression, level);
        if (known !== undefined) return { ...known, source: blob };
        const file = temp.file(`layer-${i}`);
        if (upload !== undefined && streaming) {
          const keep = options.keepUploaded === true ? file : undefined;
          try {
            const sent = await compressToUpload(blob, compression, level, upload, signal, keep);
            cache?.set(blob.descriptor.digest, compression, level, sent);
            return { ...sent, ...(keep !== undefined && { file }), source: blob };
          } catch (error) {
            if (signal.aborted) throw error;
            // The stream cannot be sent again: this layer, and the rest, go the retryable way.
            streaming = false;
          }
        }
        const written = await compressToFile(blob, compression, level, file, signal);
        cache?.set(blob.descriptor.digest, compression, level, written);
        return { ...written, file, source: blob };
      },
      resolved.signal,
    );
    const done = new Map(todo.map((blob, i) => [blob.descriptor.digest, written[i]!]));
    const artifact = rebuild(image.artifact, done, compression, temp);
    return loadedImage(artifact, image.origin, async () => {
      await temp.dispose();
      await image.dispose();
    });
  } catch (error) {
    await temp.dispose();
    // Streams stopped by the abort fail with a bare AbortError: report the caller's reason instead.
    resolved.signal?.throwIfAborted();
    throw error;
  }
}

/**
 * The distinct layers (by digest) of every image in `artifact` that hold an uncompressed tar. A
 * layer the blob-info cache knows for this compression and level was found to be one when it was
 * compressed (the cache is keyed by its digest): it is not read again to find out.
 */
async function plainLayers(
  artifact: Artifact,
  options: ResolvedCompressOptions,
  cache: BlobInfoCache | undefined,
): Promise<BlobSource[]> {
  const candidates = new Map<string, BlobSource>();
  const visit = (a: Artifact): void => {
    if (a.kind === 'index') return a.children.forEach(visit);
    for (const layer of a.layers) {
      if (isForeign(layer.descriptor) || !isTarLayerMediaType(layer.descriptor.mediaType)) continue;
      if (!candidates.has(layer.descriptor.digest)) candidates.set(layer.descriptor.digest, layer);
    }
  };
  visit(artifact);
  const layers = [...candidates.values()];
  const found = await mapLimit(
    layers,
    options.concurrency,
    async (layer, signal) =>
      cache?.get(layer.descriptor.digest, options.compression, options.level) !== undefined
        ? 'none'
        : detectBlobCompression(layer, signal),
    options.signal,
  );
  return layers.filter((_, i) => found[i] === 'none');
}

function rebuild(
  artifact: Artifact,
  done: ReadonlyMap<string, Compressed>,
  compression: LayerCompression,
  temp: TempDir,
): Artifact {
  if (artifact.kind === 'index') return rebuildIndex(artifact, done, compression, temp);
  return rebuildImage(artifact, done, compression, temp);
}

function rebuildImage(
  image: ImageArtifact,
  done: ReadonlyMap<string, Compressed>,
  compression: LayerCompression,
  temp: TempDir,
): ImageArtifact {
  if (!image.layers.some((layer) => done.has(layer.descriptor.digest))) return image;
  const toOci = compression === 'zstd' && image.mediaType === MediaType.dockerManifest;
  const mediaType = compressedLayerMediaType(
    image.mediaType === MediaType.dockerManifest && !toOci ? 'docker' : 'oci',
    compression,
  );
  const changes = new Map<number, DescriptorChange>();
  const layers = image.layers.map((layer, i) => {
    const compressed = done.get(layer.descriptor.digest);
    if (compressed === undefined)
      return toOci ? withMediaType(layer, toOciMediaType(layer.descriptor.mediaType)) : layer;
    const change = { mediaType, digest: compressed.digest, size: compressed.size };
    changes.set(i, change);
    if (compressed.file === undefined) {
      return {
        descriptor: { ...layer.descriptor, ...change },
        open: (signal?: AbortSignal) =>
          compressStream(compressed.source, compression, compressed.level, signal),
      };
    }
    return fileBlob(
      { ...layer.descriptor, ...change },
      { file: compressed.file },
      { guard: () => temp.guard() },
    );
  });
  const bytes = rewriteImageManifest(image.bytes, changes, toOci);
  return {
    kind: 'image',
    mediaType: toOci ? MediaType.ociManifest : image.mediaType,
    bytes,
    digest: digestBytes(bytes),
    config: toOci
      ? withMediaType(image.config, toOciMediaType(image.config.descriptor.mediaType))
      : image.config,
    layers,
  };
}

function rebuildIndex(
  index: IndexArtifact,
  done: ReadonlyMap<string, Compressed>,
  compression: LayerCompression,
  temp: TempDir,
): IndexArtifact {
  const children = index.children.map((child) => rebuild(child, done, compression, temp));
  const changes = new Map<string, DescriptorChange>();
  children.forEach((child, i) => {
    const before = index.children[i]!;
    if (child !== before)
      changes.set(before.digest, {
        mediaType: child.mediaType,
        digest: child.digest,
        size: child.bytes.length,
      });
  });
  if (changes.size === 0) return index;
  const toOci =
    index.mediaType === MediaType.dockerManifestList &&
    children.some((c) => c.mediaType === MediaType.ociManifest);
  const bytes = rewriteIndex(index.bytes, changes, toOci);
  return {
    kind: 'index',
    mediaType: toOci ? MediaType.ociIndex : index.mediaType,
    bytes,
    digest: digestBytes(bytes),
    children,
  };
}

function withMediaType(blob: BlobSource, mediaType: string): BlobSource {
  if (blob.descriptor.mediaType === mediaType) return blob;
  return { descriptor: { ...blob.descriptor, mediaType }, open: (signal) => blob.open(signal) };
}
