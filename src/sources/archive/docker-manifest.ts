import { isDigest } from '../../oci/index.js';
import { MediaType } from '../../oci/media-types.js';
import { formatReference, parseReference } from '../../reference/index.js';
import { ImageSelectionError, SourceError } from '../errors.js';
import type { ArchiveSelector } from '../spec.js';

/**
 * The pure parts of reading a docker archive: its `manifest.json`, the image config's diff IDs,
 * and the Docker schema2 manifest skopeo generates for it (containers/image
 * `docker/internal/tarfile/src.go`, `GetManifest`).
 */

/** One item of `manifest.json` (what `docker save` writes per image). */
export interface DockerArchiveItem {
  /** Path of the config JSON inside the archive. */
  readonly Config: string;
  /** Tags the image was saved under (`docker.io/library/app:1.0` or familiar `app:1.0`); may be null. */
  readonly RepoTags: readonly string[] | null;
  /** Paths of the layer tars inside the archive, base layer first. */
  readonly Layers: readonly string[];
}

/** The media type of an uncompressed layer in a Docker schema2 manifest (distribution's `MediaTypeUncompressedLayer`). */
export const DOCKER_LAYER_UNCOMPRESSED = 'application/vnd.docker.image.rootfs.diff.tar';

/**
 * Parses `manifest.json`: an array of `{Config, RepoTags, Layers}`.
 *
 * @throws SourceError `SRC_INVALID_ARCHIVE`
 */
export function parseManifestJson(bytes: Uint8Array, where: string): DockerArchiveItem[] {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw invalidArchive(where, 'it is not valid JSON', error);
  }
  if (!Array.isArray(value)) throw invalidArchive(where, 'it is not a JSON array');
  return value.map((item: unknown, i) => {
    const it = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
    if (
      typeof it.Config !== 'string' ||
      !strings(it.Layers) ||
      !(it.RepoTags == null || strings(it.RepoTags))
    ) {
      throw invalidArchive(
        where,
        `item @${i} is not {"Config": string, "RepoTags": [string], "Layers": [string]}`,
      );
    }
    return {
      Config: it.Config,
      RepoTags: (it.RepoTags as string[] | null | undefined) ?? null,
      Layers: it.Layers,
    };
  });
}

/**
 * Chooses the item a selector asks for, as skopeo's `ChooseManifestItem` does: by tag (each of
 * the item's `RepoTags`, normalised, equal to the requested reference), by position, or the only one.
 *
 * @throws ImageSelectionError `SRC_NO_MATCH` / `SRC_AMBIGUOUS` listing each item's tags;
 *   SourceError `SRC_INVALID_ARCHIVE` for a malformed tag in the archive
 */
export function chooseItem(
  items: readonly DockerArchiveItem[],
  selector: ArchiveSelector,
  where: string,
): DockerArchiveItem {
  const available = describeItems(items);
  const hint = 'Choose one by tag (docker-archive:FILE:REF) or position (docker-archive:FILE:@INDEX).';
  switch (selector.by) {
    case 'only':
      if (items.length === 1) return items[0]!;
      if (items.length === 0)
        throw new ImageSelectionError('SRC_NO_MATCH', `${where} lists no image`, available, where, hint);
      throw new ImageSelectionError(
        'SRC_AMBIGUOUS',
        `${where} lists ${items.length} images and none was chosen`,
        available,
        where,
        hint,
      );
    case 'index': {
      const item = items[selector.index];
      if (item !== undefined) return item;
      const message = `no image @${selector.index} in ${where}: it lists ${items.length}`;
      throw new ImageSelectionError('SRC_NO_MATCH', message, available, where, hint);
    }
    case 'reference': {
      for (const [i, item] of items.entries()) {
        for (const tag of item.RepoTags ?? []) {
          if (normalizeTag(tag, where, i) === selector.reference) return item;
        }
      }
      throw new ImageSelectionError(
        'SRC_NO_MATCH',
        `no image tagged ${selector.reference} in ${where}`,
        available,
        where,
        hint,
      );
    }
  }
}

function normalizeTag(tag: string, where: string, i: number): string {
  try {
    return formatReference(parseReference(tag, { defaultTag: true }));
  } catch (error) {
    throw invalidArchive(where, `item @${i} has an invalid tag ${JSON.stringify(tag)}`, error);
  }
}

/** One line per item: `@0 docker.io/library/app:1.0, app:latest` (or `(untagged)`). */
export function describeItems(items: readonly DockerArchiveItem[]): string[] {
  return items.map((item, i) => `@${i} ${(item.RepoTags ?? []).join(', ') || '(untagged)'}`);
}

/**
 * The layer diff IDs (`rootfs.diff_ids`) of an image config.
 *
 * @throws SourceError `SRC_INVALID_ARCHIVE` when the config has no valid `rootfs.diff_ids`
 */
export function parseDiffIds(config: Uint8Array, where: string): string[] {
  let value: { rootfs?: { diff_ids?: unknown } } | null;
  try {
    value = JSON.parse(new TextDecoder().decode(config)) as typeof value;
  } catch (error) {
    throw invalidArchive(where, 'the image config is not valid JSON', error);
  }
  const ids = value?.rootfs?.diff_ids;
  if (!Array.isArray(ids)) throw invalidArchive(where, 'the image config has no rootfs.diff_ids');
  for (const id of ids) {
    if (!isDigest(id))
      throw invalidArchive(where, `the image config lists an invalid diff ID ${JSON.stringify(id)}`);
  }
  return ids as string[];
}

/** What {@link schema2Manifest} needs of a blob. */
export interface SizedDigest {
  readonly digest: string;
  readonly size: number;
}

/**
 * The manifest skopeo generates for an image in a docker archive, byte for byte: Docker schema2,
 * the config as `application/vnd.docker.container.image.v1+json`, one layer per diff ID (repeats
 * included) whose digest is the diff ID and size the uncompressed size, serialised as Go's
 * `json.Marshal` does (no spaces; keys in struct order: mediaType, size, digest).
 *
 * @param layerMediaType skopeo writes `application/vnd.docker.image.rootfs.diff.tar.gzip` for these
 *   uncompressed layers (its `DockerV2Schema2LayerMediaType`); pass {@link DOCKER_LAYER_UNCOMPRESSED} for the accurate type
 */
export function schema2Manifest(
  config: SizedDigest,
  layers: readonly SizedDigest[],
  layerMediaType: string,
): Uint8Array {
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.dockerManifest,
    config: { mediaType: MediaType.dockerConfig, size: config.size, digest: config.digest },
    layers: layers.map((layer) => ({ mediaType: layerMediaType, size: layer.size, digest: layer.digest })),
  };
  return new TextEncoder().encode(JSON.stringify(manifest));
}

/** A `SRC_INVALID_ARCHIVE` error about `where`. */
export function invalidArchive(
  where: string,
  reason: string,
  cause?: unknown,
  hint = 'Export the image again with `docker save` (or `skopeo copy ... docker-archive:FILE`).',
): SourceError {
  return new SourceError('SRC_INVALID_ARCHIVE', `invalid docker archive: ${where}: ${reason}`, {
    path: where,
    hint,
    cause,
  });
}
