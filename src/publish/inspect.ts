/**
 * What `inspect` shows about an image in a registry: digest, media type, platforms, size,
 * layers, creation date and labels, plus the details Buildkite Packages shows on an image's
 * page (MD5/SHA1/SHA256/SHA512 checksums of the manifest, total files, package size).
 */
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { fetchArtifact, type RegistryClient } from '../client/index.js';
import { isContainerPackageError } from '../errors.js';
import { OciFormatError } from '../oci/errors.js';
import type { ImageArtifact } from '../oci/image.js';
import { layerCompression } from '../oci/media-types.js';
import type { Reference } from '../reference/index.js';
import { artifactPlatforms, artifactSize } from './describe.js';
import { loadTarStream } from '../sources/tar-stream.js';
import { zlib } from '../sources/zlib.js';

/** One platform's image. */
export interface ImageDetails {
  readonly platform?: string;
  readonly digest: string;
  readonly mediaType: string;
  readonly created?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly layers: readonly { readonly digest: string; readonly size: number; readonly mediaType: string }[];
  /** Entries (files, directories, links) across the layers; only with `files: true`. */
  readonly files?: number;
}

/** Everything `inspect` reports. */
export interface InspectResult {
  readonly reference: string;
  readonly digest: string;
  readonly mediaType: string;
  /** Manifest, configs and layers. */
  readonly size: number;
  readonly platforms?: readonly string[];
  readonly checksums: {
    readonly md5: string;
    readonly sha1: string;
    readonly sha256: string;
    readonly sha512: string;
  };
  readonly images: readonly ImageDetails[];
  /** Sum of `files` over the images, when counted. */
  readonly totalFiles?: number;
}

/** Options of {@link inspectImage}. */
export interface InspectOptions {
  /** Count the files in every layer (downloads every layer). Default false. */
  readonly files?: boolean;
  readonly signal?: AbortSignal;
}

/** Inspects `ref` in its registry. */
export async function inspectImage(
  client: RegistryClient,
  ref: Reference,
  options: InspectOptions = {},
): Promise<InspectResult> {
  const call = options.signal ? { signal: options.signal } : {};
  const artifact = await fetchArtifact(client, ref, call);
  const images: ImageDetails[] = [];
  const platforms = artifactPlatforms(artifact);
  const leaves: { image: ImageArtifact; platform?: string }[] =
    artifact.kind === 'image'
      ? [{ image: artifact }]
      : artifact.children
          .filter((c): c is ImageArtifact => c.kind === 'image')
          .map((image, i) => ({ image, ...(platforms?.[i] && { platform: platforms[i] }) }));
  for (const { image, platform } of leaves) {
    images.push(await details(image, platform, options));
  }
  const checksum = (algorithm: string): string => createHash(algorithm).update(artifact.bytes).digest('hex');
  const totalFiles = options.files ? images.reduce((n, i) => n + (i.files ?? 0), 0) : undefined;
  return {
    reference: `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}`,
    digest: artifact.digest,
    mediaType: artifact.mediaType,
    size: artifactSize(artifact),
    ...(platforms && { platforms }),
    checksums: {
      md5: checksum('md5'),
      sha1: checksum('sha1'),
      sha256: checksum('sha256'),
      sha512: checksum('sha512'),
    },
    images,
    ...(totalFiles !== undefined && { totalFiles }),
  };
}

async function details(
  image: ImageArtifact,
  platform: string | undefined,
  options: InspectOptions,
): Promise<ImageDetails> {
  const config = await readJson(image);
  const labels = (config?.config as { Labels?: Record<string, string> } | undefined)?.Labels ?? {};
  const created = typeof config?.created === 'string' ? config.created : undefined;
  let files: number | undefined;
  if (options.files) {
    files = 0;
    for (const layer of image.layers) files += await countFiles(layer, options.signal);
  }
  return {
    ...(platform && { platform }),
    digest: image.digest,
    mediaType: image.mediaType,
    ...(created && { created }),
    labels,
    layers: image.layers.map((l) => ({
      digest: l.descriptor.digest,
      size: l.descriptor.size,
      mediaType: l.descriptor.mediaType,
    })),
    ...(files !== undefined && { files }),
  };
}

async function readJson(image: ImageArtifact): Promise<Record<string, unknown> | undefined> {
  if (image.config.descriptor.size > 8 * 1024 * 1024) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of await image.config.open()) chunks.push(chunk as Buffer);
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // an artifact's config need not be JSON
  }
}

/** Entries in one layer tar, decompressed as its media type says. */
async function countFiles(layer: ImageArtifact['layers'][number], signal?: AbortSignal): Promise<number> {
  const compression = layerCompression(layer.descriptor.mediaType);
  // The tar parser loads only where a tar is read (a layout push does without it).
  const { extract } = await loadTarStream();
  const unpack = extract();
  let count = 0;
  unpack.on('entry', (_header, stream, next) => {
    count++;
    stream.on('end', next);
    stream.resume();
  });
  const stages = [
    await layer.open(signal),
    ...(compression === 'gzip'
      ? [zlib().createGunzip()]
      : compression === 'zstd'
        ? [zlib().createZstdDecompress()]
        : []),
    unpack,
  ];
  try {
    await pipeline(stages as unknown as [NodeJS.ReadableStream, Writable]);
  } catch (error) {
    // The registry's errors and a cancel are already what they are; the tar parser's and the
    // decompressor's ("Unexpected end of data", "incorrect header check") say nothing of which
    // layer or what to do.
    if (isContainerPackageError(error) || signal?.aborted) throw error;
    throw new OciFormatError(
      'OCI_INVALID_LAYER',
      `cannot count the files of layer ${layer.descriptor.digest} (${layer.descriptor.mediaType}): it is not a complete ${compression === 'gzip' ? 'gzip-compressed ' : compression === 'zstd' ? 'zstd-compressed ' : ''}tar archive (${error instanceof Error ? error.message : String(error)})`,
      {
        hint: 'the layer is damaged or its media type is wrong: inspect the image without --files, and rebuild or push it again',
        cause: error,
      },
    );
  }
  return count;
}
