import { Readable } from 'node:stream';
import type { Descriptor } from '../descriptor.js';
import { OciFormatError } from '../errors.js';
import type { Artifact, BlobSource, ImageArtifact } from '../image.js';
import { parseManifest } from '../manifest.js';
import { isImageConfigMediaType } from '../media-types.js';
import type { ArchiveBlob, ArchiveFormat, ArchiveInput, OpenArchiveBlob } from './image-archive.js';

/** Names an archive gives its image. */
export interface ArchiveNames {
  /** `org.opencontainers.image.ref.name` (the tag). */
  readonly refName?: string;
  /** docker-archive `RepoTags` (`name:tag`). */
  readonly repoTags?: readonly string[];
}

/**
 * The archive input of an artifact read from a registry (or any source), and how to open its
 * blobs. oci-archive keeps an index whole; docker-archive takes one image of it: `platform`
 * (`linux/arm64`), by default the first that is not an attestation (`unknown/unknown`). The same
 * image and names give the same input as the registry's Download, so the same bytes. An artifact
 * (a manifest whose config is no image config, such as an SBOM) has no docker-archive, since
 * `docker load` cannot read it: `OCI_NOT_AN_IMAGE`.
 */
export function archiveOfArtifact(
  artifact: Artifact,
  format: ArchiveFormat,
  names: ArchiveNames = {},
  platform?: string,
): { input: ArchiveInput; open: OpenArchiveBlob } {
  const root =
    format === 'docker-archive' && artifact.kind === 'index' ? pickImage(artifact, platform) : artifact;
  if (format === 'docker-archive' && root.kind === 'image') refuseArtifact(root);
  const sources = new Map<string, BlobSource | Uint8Array>();
  const visit = (a: Artifact): void => {
    sources.set(a.digest, a.bytes);
    if (a.kind === 'index') a.children.forEach(visit);
    else for (const blob of [a.config, ...a.layers]) sources.set(blob.descriptor.digest, blob);
  };
  visit(root);
  const blobs: ArchiveBlob[] = [...sources].map(([digest, source]) => ({
    digest,
    size: source instanceof Uint8Array ? source.length : source.descriptor.size,
  }));
  const input: ArchiveInput = {
    format,
    root: { digest: root.digest, mediaType: root.mediaType, size: root.bytes.length },
    ...(names.refName === undefined ? {} : { refName: names.refName }),
    ...(format === 'docker-archive' && root.kind === 'image'
      ? {
          docker: {
            config: root.config.descriptor.digest,
            layers: root.layers.map((l) => l.descriptor.digest),
          },
        }
      : {}),
    repoTags: format === 'docker-archive' ? (names.repoTags ?? []) : [],
    blobs,
  };
  const open: OpenArchiveBlob = async (blob) => {
    const source = sources.get(blob.digest);
    if (source === undefined) throw new Error(`no blob ${blob.digest} in the image`);
    return source instanceof Uint8Array ? Readable.from([Buffer.from(source)]) : source.open();
  };
  return { input, open };
}

function pickImage(index: Extract<Artifact, { kind: 'index' }>, platform: string | undefined): ImageArtifact {
  const descriptors = (
    parseManifest(index.bytes, index.mediaType).manifest as { manifests: readonly Descriptor[] }
  ).manifests;
  const name = (d: Descriptor | undefined): string =>
    d?.platform === undefined
      ? 'unknown'
      : [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join('/');
  const images = index.children
    .map((child, i) => ({ child, name: name(descriptors[i]) }))
    .filter(
      (c): c is { child: ImageArtifact; name: string } =>
        c.child.kind === 'image' && c.name !== 'unknown/unknown',
    );
  const found =
    platform === undefined
      ? images[0]
      : (images.find((c) => c.name === platform) ?? images.find((c) => c.name.startsWith(`${platform}/`)));
  if (found === undefined) {
    throw new OciFormatError(
      'OCI_PLATFORM_NOT_FOUND',
      `no image for platform ${platform ?? '(any)'} in the index; platforms: ${images.map((c) => c.name).join(', ') || 'none'}`,
      { hint: 'pick one with --platform, or use --format oci-archive to keep every platform' },
    );
  }
  return found.child;
}

function refuseArtifact(image: ImageArtifact): void {
  const configType = image.config.descriptor.mediaType;
  if (isImageConfigMediaType(configType)) return;
  let type: string = configType;
  try {
    const { manifest } = parseManifest(image.bytes, image.mediaType);
    if ('artifactType' in manifest && typeof manifest.artifactType === 'string') type = manifest.artifactType;
  } catch {
    // The config media type names it well enough.
  }
  throw new OciFormatError(
    'OCI_NOT_AN_IMAGE',
    `${image.digest} is an artifact (${type}), not a container image: docker load cannot read a docker-archive of it`,
    { hint: 'use --format oci-archive (or --format oci) to keep it as it is stored' },
  );
}
