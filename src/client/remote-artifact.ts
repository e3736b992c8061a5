/**
 * An image in a registry as an `Artifact`, so it can be pushed elsewhere like any other source
 * (copy between registries, promote a cached image). Manifests are fetched up front (they are
 * small); blobs are streamed from the source registry only when the pusher opens them, verified
 * against their descriptors. Model: go-containerregistry `remote.Image` / `remote.Index`.
 */
import type { Readable } from 'node:stream';
import type { Descriptor } from '../oci/descriptor.js';
import type { Artifact, BlobSource } from '../oci/image.js';
import { parseManifest } from '../oci/manifest.js';
import type { Reference } from '../reference/index.js';
import { clientError } from './errors.js';
import type { RegistryClient } from './registry-client.js';
import type { RepositoryName } from './repository.js';

/** Options of {@link fetchArtifact}. */
export interface FetchArtifactOptions {
  readonly signal?: AbortSignal;
  /**
   * Only these platforms (`os/arch[/variant]`) of an index; the others are left out and the index
   * itself is not copied (the single matching image is returned). Default: every platform.
   */
  readonly platform?: string;
}

/**
 * Reads the manifest (and, for an index, every child manifest) of `ref` from its registry.
 *
 * @throws whatever `RegistryClient.getManifest` throws (`CLIENT_NOT_FOUND` for a missing tag).
 */
export async function fetchArtifact(
  client: RegistryClient,
  ref: Reference,
  options: FetchArtifactOptions = {},
): Promise<Artifact> {
  const repo: RepositoryName = { registry: ref.registry, repository: ref.repository };
  const call = options.signal ? { signal: options.signal } : {};
  const fetched = await client.getManifest(ref, call);
  const artifact = await build(client, repo, fetched.bytes, fetched.mediaType, fetched.digest, call);
  if (options.platform === undefined || artifact.kind === 'image') return artifact;
  const parsed = parseManifest(artifact.bytes, artifact.mediaType);
  if (parsed.kind !== 'index') return artifact;
  const wanted = options.platform;
  const index = parsed.manifest as { manifests: readonly Descriptor[] };
  const at = index.manifests.findIndex(
    (d) =>
      d.platform &&
      [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join('/') === wanted,
  );
  const child = at >= 0 ? artifact.children[at] : undefined;
  if (child === undefined) {
    throw clientError(
      'CLIENT_NOT_FOUND',
      `${ref.registry}/${ref.repository} has no image for platform ${wanted}`,
      {
        hint: 'run `container-package inspect` on the reference to list its platforms',
      },
    );
  }
  return child;
}

async function build(
  client: RegistryClient,
  repo: RepositoryName,
  bytes: Uint8Array,
  mediaType: string,
  digest: string,
  call: { signal?: AbortSignal },
): Promise<Artifact> {
  const parsed = parseManifest(bytes, mediaType);
  if (parsed.kind === 'index') {
    const children: Artifact[] = [];
    for (const descriptor of (parsed.manifest as { manifests: readonly Descriptor[] }).manifests) {
      const child = await client.getManifest({ ...repo, digest: descriptor.digest }, call);
      children.push(await build(client, repo, child.bytes, child.mediaType, child.digest, call));
    }
    return { kind: 'index', mediaType: parsed.mediaType, bytes, digest, children };
  }
  const manifest = parsed.manifest as { config: Descriptor; layers: readonly Descriptor[] };
  const blob = (descriptor: Descriptor): BlobSource => ({
    descriptor,
    open: (signal?: AbortSignal): Promise<Readable> =>
      client.getBlob(repo, descriptor.digest, { size: descriptor.size, ...(signal ? { signal } : {}) }),
  });
  return {
    kind: 'image',
    mediaType: parsed.mediaType,
    bytes,
    digest,
    config: blob(manifest.config),
    layers: manifest.layers.map(blob),
  };
}
