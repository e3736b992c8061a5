import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { DigestStream, digestBytes } from '../../oci/index.js';
import type { ImageArtifact } from '../../oci/image.js';
import { MediaType } from '../../oci/media-types.js';
import { BlobIntegrityError, SourceError } from '../errors.js';
import { bytesBlob } from '../file-blob.js';
import { type LoadedImage, loadedImage } from '../loaded-image.js';
import { detectFileCompression } from '../sniff.js';
import { formatSource, type ArchiveSelector } from '../spec.js';
import {
  DOCKER_LAYER_UNCOMPRESSED,
  chooseItem,
  invalidArchive,
  parseDiffIds,
  parseManifestJson,
  schema2Manifest,
} from './docker-manifest.js';
import { openArchive, type ArchiveOptions } from './open-archive.js';
import type { TarFile } from './tar-file.js';
import { normalizeTarPath } from './tar-index.js';
import { zlib } from '../zlib.js';

/** Largest `manifest.json` or image config read. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;

/** Options of {@link fromDockerArchive}. */
export interface DockerArchiveOptions extends ArchiveOptions {
  /** Which image to read. Default `{ by: 'only' }`: the single item of manifest.json. */
  select?: ArchiveSelector;
  /**
   * Media type of the (uncompressed) layers in the manifest. `'skopeo'` (default) writes
   * `application/vnd.docker.image.rootfs.diff.tar.gzip`, as skopeo does, so the manifest is
   * byte-identical to skopeo's; `'uncompressed'` writes the accurate
   * `application/vnd.docker.image.rootfs.diff.tar`. Only matters when the layers are pushed
   * uncompressed: compressing them (`compressArtifact`) sets the right type either way.
   */
  layerMediaType?: 'skopeo' | 'uncompressed';
}

/** How one distinct layer is stored in the archive. */
interface LayerInfo {
  readonly path: string;
  readonly size: number;
  readonly decompress: 'gzip' | 'zstd' | undefined;
}

/**
 * Reads an image from a docker archive (`docker-archive:FILE[:REF|:@N]`): `docker save`,
 * `podman save --format docker-archive` or `skopeo copy ... docker-archive:FILE` output,
 * possibly gzip- or zstd-compressed as a whole.
 *
 * Builds the manifest exactly as skopeo's docker-archive source does (containers/image
 * `docker/internal/tarfile/src.go`), so `artifact.bytes` equal `skopeo inspect --raw
 * docker-archive:FILE` and, pushed with uncompressed layers, what `skopeo copy
 * --preserve-digests docker-archive:FILE docker://...` pushes: Docker schema2, the config blob as
 * stored, each layer described by its diff ID (the digest of the uncompressed tar) and
 * uncompressed size, labelled `…rootfs.diff.tar.gzip` (see `layerMediaType`). Layer tars stored
 * compressed in the archive are decompressed when read, as skopeo does, so every layer is an
 * uncompressed tar: compress them with `compressArtifact` before pushing.
 *
 * Only `manifest.json` is used (the OCI `index.json` newer docker also writes is read with `fromOciArchive`).
 *
 * @throws SourceError `SRC_NOT_FOUND`, `SRC_INVALID_ARCHIVE`, `SRC_NO_MATCH`, `SRC_AMBIGUOUS`,
 *   `SRC_DIGEST_MISMATCH` (a compressed layer whose content is not its diff ID), `SRC_UNSUPPORTED`
 */
export async function fromDockerArchive(
  file: string,
  options: DockerArchiveOptions = {},
): Promise<LoadedImage> {
  const select = options.select ?? { by: 'only' };
  const archive = await openArchive(file, options);
  try {
    const artifact = await readDockerArchive(archive.tar, select, options);
    return loadedImage(artifact, formatSource({ kind: 'docker-archive', path: file, select }), () =>
      archive.dispose(),
    );
  } catch (error) {
    await archive.dispose();
    throw error;
  }
}

async function readDockerArchive(
  tar: TarFile,
  select: ArchiveSelector,
  options: DockerArchiveOptions,
): Promise<ImageArtifact> {
  if (!tar.has('manifest.json')) {
    if (tar.has('index.json')) {
      throw invalidArchive(
        tar.display,
        'there is no manifest.json: it holds an OCI layout, not `docker save` output; read it with oci-archive:',
        undefined,
        `push it as oci-archive:${tar.display}`,
      );
    }
    throw invalidArchive(
      tar.display,
      'there is no manifest.json (docker save from Docker 1.10 or later writes one)',
    );
  }
  const where = tar.where('manifest.json');
  const item = chooseItem(
    parseManifestJson(await tar.read('manifest.json', MAX_JSON_BYTES), where),
    select,
    where,
  );
  const configBytes = await tar.read(item.Config, MAX_JSON_BYTES);
  const diffIds = parseDiffIds(configBytes, tar.where(item.Config));
  if (diffIds.length !== item.Layers.length) {
    throw invalidArchive(
      where,
      `${item.Layers.length} layers are listed but the config has ${diffIds.length} diff IDs`,
    );
  }
  const known = new Map<string, LayerInfo>();
  const paths = new Set<string>();
  for (const [i, diffId] of diffIds.entries()) {
    options.signal?.throwIfAborted();
    if (known.has(diffId)) continue; // the same layer twice (docker save links the copies)
    const path = normalizeTarPath(item.Layers[i]!);
    if (paths.has(path)) throw invalidArchive(where, `layer ${path} is listed for two different diff IDs`);
    paths.add(path);
    known.set(diffId, await layerInfo(tar, path, diffId, options.signal));
  }
  const config = { digest: digestBytes(configBytes), size: configBytes.length };
  const layerMediaType =
    options.layerMediaType === 'uncompressed' ? DOCKER_LAYER_UNCOMPRESSED : MediaType.dockerLayerGzip;
  const described = diffIds.map((digest) => ({ digest, size: known.get(digest)!.size }));
  const bytes = schema2Manifest(config, described, layerMediaType);
  return {
    kind: 'image',
    mediaType: MediaType.dockerManifest,
    bytes,
    digest: digestBytes(bytes),
    config: bytesBlob({ mediaType: MediaType.dockerConfig, ...config }, configBytes),
    layers: described.map((layer) => {
      const info = known.get(layer.digest)!;
      return tar.blob({ mediaType: layerMediaType, ...layer }, info.path, info.decompress);
    }),
  };
}

/**
 * Where a layer is and its uncompressed size. A compressed layer tar is decompressed once now to
 * learn its size (skopeo does the same) and checked against its diff ID on the way.
 */
async function layerInfo(
  tar: TarFile,
  path: string,
  diffId: string,
  signal?: AbortSignal,
): Promise<LayerInfo> {
  const range = tar.range(path);
  const compression = range.length === 0 ? 'none' : await detectFileCompression(range.file, range.start);
  if (compression === 'none') return { path, size: range.length!, decompress: undefined };
  if (compression !== 'gzip' && compression !== 'zstd') {
    throw new SourceError(
      'SRC_UNSUPPORTED',
      `${tar.where(path)} is a ${compression}-compressed layer, which is not supported`,
      {
        path: tar.display,
        hint: 'Store the layers uncompressed or gzip-compressed (as `docker save` does).',
      },
    );
  }
  const end = range.start! + range.length! - 1;
  const hasher = new DigestStream(diffId.startsWith('sha512:') ? 'sha512' : 'sha256');
  const decompressor = compression === 'gzip' ? zlib().createGunzip() : zlib().createZstdDecompress();
  try {
    await pipeline(
      createReadStream(range.file, { start: range.start, end }),
      decompressor,
      hasher,
      async (source) => {
        for await (const chunk of source) void chunk;
      },
      { signal },
    );
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw invalidArchive(tar.where(path), `cannot decompress the layer: ${(error as Error).message}`, error);
  }
  if (hasher.digest !== diffId)
    throw new BlobIntegrityError('SRC_DIGEST_MISMATCH', tar.where(path), diffId, hasher.digest);
  return { path, size: hasher.size, decompress: compression };
}
