import { createHash } from 'node:crypto';
import {
  isForeign,
  isImageConfigMediaType,
  isIndex,
  planArchive,
  type ArchiveBlob,
  type ArchivePlan,
  type Descriptor,
  type Manifest,
  type OpenArchiveBlob,
} from '../../oci/index.js';
import { apiError } from '../errors.js';
import type { Store } from '../storage/store.js';
import { readManifest } from './manifest-reader.js';
import { pickPlatform, platformsOf } from './platforms.js';
import type { ArchiveFormat } from './types.js';

/** A planned Download: the plan, the manifest it is of, and a key naming exactly these bytes. */
export interface ImageArchive {
  readonly plan: ArchivePlan;
  /** The manifest `index.json` points at (for docker-archive of an index: the platform image's). */
  readonly digest: string;
  /** Digest of everything that decides the bytes (format, root, names): the checksums' cache key. */
  readonly key: string;
}

/**
 * Plans the Download of manifest `digest` (its tag `tag`, when asked by tag) of `repository`.
 * oci-archive: the manifest and everything it references (an index with every platform image).
 * docker-archive: one image (of an index, `platform`, default the first non-attestation one),
 * with `manifest.json` naming it `repository:tag`; an artifact (a manifest whose config is no image
 * config, such as an SBOM) is 400 `UNSUPPORTED`, since `docker load` cannot read it. Foreign layers
 * not stored are left out.
 */
export async function planImageArchive(
  store: Store,
  repository: string,
  digest: string,
  tag: string | undefined,
  format: ArchiveFormat,
  platform?: string,
): Promise<ImageArchive> {
  let root = await readManifest(store, repository, digest);
  if (root.manifest === undefined) throw notAnImage(digest);
  if (format === 'docker-archive' && isIndex(root.manifest)) {
    const chosen = pickPlatform(platformsOf(root.manifest.manifests), platform);
    root = await readManifest(store, repository, chosen.digest);
    if (root.manifest === undefined || isIndex(root.manifest)) throw notAnImage(chosen.digest);
  }
  if (format === 'docker-archive' && !isIndex(root.manifest)) {
    const { config } = root.manifest;
    if (!isImageConfigMediaType(config.mediaType)) {
      const type =
        ('artifactType' in root.manifest ? root.manifest.artifactType : undefined) ?? config.mediaType;
      throw apiError('UNSUPPORTED', {
        status: 400,
        message: `${root.stored.digest} is an artifact (${type}), not a container image: docker load cannot read it; download it as oci-archive`,
      });
    }
  }
  const blobs: ArchiveBlob[] = [];
  await collect(store, repository, root.stored.digest, root.manifest, blobs, 0);
  const { stored, manifest } = root;
  const docker =
    format === 'docker-archive' && !isIndex(manifest)
      ? { config: manifest.config.digest, layers: await storedLayers(store, repository, manifest) }
      : undefined;
  const repoTags = format === 'docker-archive' && tag !== undefined ? [`${repository}:${tag}`] : [];
  const input = {
    format,
    root: { digest: stored.digest, mediaType: stored.mediaType, size: stored.size },
    ...(tag === undefined ? {} : { refName: tag }),
    ...(docker === undefined ? {} : { docker }),
    repoTags,
    blobs,
  };
  const plan = planArchive(input);
  const key = createHash('sha256')
    .update(JSON.stringify({ format, root: stored.digest, tag: tag ?? null, repoTags }))
    .digest('hex');
  return { plan, digest: stored.digest, key };
}

/** Reads archive blobs from `repository` of the store: layers and configs as blobs, manifests as manifests. */
export function storeOpener(store: Store, repository: string): OpenArchiveBlob {
  return async (blob) => {
    const reader = await store.getBlob(repository, blob.digest);
    if (reader !== undefined) return reader.open();
    const manifest = await store.getManifest(repository, blob.digest);
    if (manifest !== undefined) return [manifest.bytes];
    throw apiError('BLOB_UNKNOWN', { message: `blob ${blob.digest} is gone from ${repository}` });
  };
}

async function collect(
  store: Store,
  repository: string,
  digest: string,
  manifest: Manifest,
  blobs: ArchiveBlob[],
  depth: number,
): Promise<void> {
  const stored = await store.statManifest(repository, digest);
  if (stored === undefined) throw notAnImage(digest);
  blobs.push({ digest: stored.digest, size: stored.size });
  if (isIndex(manifest)) {
    if (depth >= 2) return;
    for (const child of manifest.manifests) {
      const read = await readManifest(store, repository, child.digest).catch(() => undefined);
      if (read?.manifest === undefined) continue;
      await collect(store, repository, child.digest, read.manifest, blobs, depth + 1);
    }
    return;
  }
  for (const d of [manifest.config, ...manifest.layers] as Descriptor[]) {
    const info = await store.statBlob(repository, d.digest);
    if (info !== undefined) blobs.push({ digest: d.digest, size: info.size });
    else if (!isForeign(d))
      throw apiError('BLOB_UNKNOWN', { message: `blob ${d.digest} is not in ${repository}` });
  }
}

async function storedLayers(store: Store, repository: string, manifest: Manifest): Promise<string[]> {
  const layers: string[] = [];
  for (const layer of 'layers' in manifest ? manifest.layers : []) {
    if ((await store.statBlob(repository, layer.digest)) !== undefined) layers.push(layer.digest);
  }
  return layers;
}

function notAnImage(digest: string): Error {
  return apiError('MANIFEST_INVALID', {
    message: `${digest} is not an image manifest or index this registry can archive`,
  });
}
