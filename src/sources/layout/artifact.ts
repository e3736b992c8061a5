import { isForeign, type Descriptor } from '../../oci/descriptor.js';
import type { Artifact, ImageArtifact, IndexArtifact } from '../../oci/image.js';
import {
  parseManifest,
  type ImageIndex,
  type ImageManifest,
  type ParsedManifest,
} from '../../oci/manifest.js';
import { isIndexMediaType, isManifestMediaType } from '../../oci/media-types.js';
import { SourceError } from '../errors.js';
import { readBlob } from '../read-blob.js';
import type { BlobStore } from './blob-store.js';
import { checkDescriptor, invalidLayout } from './layout-files.js';

/** Largest manifest or index read (registries commonly accept 4 MiB). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Indexes nested deeper than this are refused (content addressing rules out cycles; this bounds the work). */
const MAX_DEPTH = 8;

/**
 * Builds the artifact a descriptor names: reads and verifies the manifest blob, and for an index
 * every child manifest, recursively. Config and layer blobs are checked for presence and size
 * (layers with `urls`, which a layout need not hold, are not) but not read: their openers verify
 * digest and size when the pusher reads them.
 *
 * The artifact's `bytes` are the blob's exact bytes, so its digest is the descriptor's.
 *
 * @throws SourceError `SRC_NOT_FOUND`, `SRC_INVALID_LAYOUT`, `SRC_DIGEST_MISMATCH`, `SRC_SIZE_MISMATCH`,
 *   `SRC_UNSUPPORTED` (an index entry that is not a manifest)
 */
export async function buildArtifact(
  store: BlobStore,
  descriptor: Descriptor,
  signal?: AbortSignal,
  depth = 0,
): Promise<Artifact> {
  signal?.throwIfAborted();
  const { bytes, parsed } = await readManifest(store, descriptor, signal);
  if (parsed.kind === 'index') {
    if (depth >= MAX_DEPTH)
      throw invalidLayout(where(store, descriptor), `indexes nested more than ${MAX_DEPTH} deep`);
    const index = parsed.manifest as ImageIndex;
    const children: Artifact[] = [];
    for (const [i, child] of index.manifests.entries()) {
      checkDescriptor(child, `${where(store, descriptor)} manifests[${i}]`);
      if (!isManifestMediaType(child.mediaType)) {
        throw new SourceError(
          'SRC_UNSUPPORTED',
          `index ${descriptor.digest} lists a ${child.mediaType} (${child.digest}), which is not a manifest`,
          {
            path: store.location,
            hint: 'Only indexes of image manifests and indexes can be pushed; select one image by digest.',
          },
        );
      }
      children.push(await buildArtifact(store, child, signal, depth + 1));
    }
    return {
      kind: 'index',
      mediaType: parsed.mediaType,
      bytes,
      digest: descriptor.digest,
      children,
    } satisfies IndexArtifact;
  }
  const manifest = parsed.manifest as ImageManifest;
  const config = checkDescriptor(manifest.config, `${where(store, descriptor)} config`);
  await store.check(config);
  const layers = manifest.layers.map((layer, i) =>
    checkDescriptor(layer, `${where(store, descriptor)} layers[${i}]`),
  );
  for (const layer of layers) if (!isForeign(layer)) await store.check(layer);
  return {
    kind: 'image',
    mediaType: parsed.mediaType,
    bytes,
    digest: descriptor.digest,
    config: store.blob(config),
    layers: layers.map((layer) => store.blob(layer)),
  } satisfies ImageArtifact;
}

/**
 * Reads and parses the manifest or index `descriptor` names. Its own `mediaType` field, when
 * present, must agree with the descriptor's.
 */
export async function readManifest(
  store: BlobStore,
  descriptor: Descriptor,
  signal?: AbortSignal,
): Promise<{ bytes: Uint8Array; parsed: ParsedManifest }> {
  if (!isManifestMediaType(descriptor.mediaType)) {
    throw new SourceError(
      'SRC_UNSUPPORTED',
      `${descriptor.digest} is a ${descriptor.mediaType}, not an image manifest or index`,
      {
        path: store.location,
        hint: 'Select an image manifest or index.',
      },
    );
  }
  const bytes = await readBlob(store.blob(descriptor), MAX_MANIFEST_BYTES, 'manifest', signal);
  let parsed: ParsedManifest;
  try {
    parsed = parseManifest(bytes, descriptor.mediaType);
  } catch (error) {
    throw invalidLayout(where(store, descriptor), (error as Error).message, error);
  }
  if (parsed.mediaType !== descriptor.mediaType) {
    throw invalidLayout(
      where(store, descriptor),
      `the manifest says it is a ${parsed.mediaType}, the descriptor says ${descriptor.mediaType}`,
    );
  }
  if ((parsed.kind === 'index') !== isIndexMediaType(parsed.mediaType)) {
    throw invalidLayout(
      where(store, descriptor),
      `its content does not have the shape of a ${parsed.mediaType}`,
    );
  }
  return { bytes, parsed };
}

function where(store: BlobStore, descriptor: Descriptor): string {
  return `${store.location}: manifest ${descriptor.digest}`;
}
