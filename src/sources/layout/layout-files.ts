import type { Descriptor } from '../../oci/descriptor.js';
import { parseManifest, type ImageIndex } from '../../oci/manifest.js';
import { SourceError } from '../errors.js';
import { blobName } from './blob-name.js';

/**
 * The two top-level files of an OCI image layout (image-spec `image-layout.md`), checked before any
 * blob is touched: `oci-layout` must say `imageLayoutVersion` 1.x, and `index.json` must be an
 * image index whose entries are well-formed descriptors.
 */

/** Largest `oci-layout` file read. */
export const MAX_LAYOUT_FILE_BYTES = 64 * 1024;
/** Largest `index.json` read. */
export const MAX_INDEX_BYTES = 8 * 1024 * 1024;

/** The annotation naming an entry of index.json (skopeo's `oci:DIR:NAME`). */
export const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name';
/** The annotation containerd and `docker save` put on index.json entries: the full image name. */
export const CONTAINERD_NAME_ANNOTATION = 'io.containerd.image.name';

/**
 * Checks the `oci-layout` file: a JSON object whose `imageLayoutVersion` is `1.x.y`.
 *
 * @throws SourceError `SRC_INVALID_LAYOUT`
 */
export function checkLayoutVersion(bytes: Uint8Array, where: string): void {
  const value = parseJson(bytes, where) as { imageLayoutVersion?: unknown };
  const version = value.imageLayoutVersion;
  if (typeof version !== 'string' || !/^1\.\d+\.\d+/.test(version)) {
    throw invalidLayout(
      where,
      `imageLayoutVersion is ${JSON.stringify(version)}; only version 1.x of the OCI image layout is supported`,
    );
  }
}

/**
 * Parses `index.json` into an image index and checks each entry's descriptor.
 *
 * @throws SourceError `SRC_INVALID_LAYOUT` (not an index), `SRC_INVALID_NAME` (an entry with a bad digest)
 */
export function parseIndexJson(bytes: Uint8Array, where: string): ImageIndex {
  parseJson(bytes, where);
  let parsed;
  try {
    parsed = parseManifest(bytes);
  } catch (error) {
    throw invalidLayout(where, (error as Error).message, error);
  }
  if (parsed.kind !== 'index')
    throw invalidLayout(where, 'it is not an image index (it has no "manifests" array)');
  const index = parsed.manifest as ImageIndex;
  index.manifests.forEach((entry, i) => checkDescriptor(entry, `${where} manifests[${i}]`));
  return index;
}

/**
 * Checks the shape of a descriptor read from the input: a string media type, a valid digest, a
 * non-negative integer size.
 *
 * @throws SourceError `SRC_INVALID_LAYOUT` or `SRC_INVALID_NAME` (bad digest)
 */
export function checkDescriptor(value: unknown, where: string): Descriptor {
  if (typeof value !== 'object' || value === null)
    throw invalidLayout(where, 'a descriptor must be a JSON object');
  const d = value as Record<string, unknown>;
  if (typeof d.mediaType !== 'string' || d.mediaType === '')
    throw invalidLayout(where, 'the descriptor has no "mediaType"');
  if (typeof d.digest !== 'string') throw invalidLayout(where, 'the descriptor has no "digest"');
  blobName(d.digest, where);
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
    throw invalidLayout(
      where,
      `the descriptor's size ${JSON.stringify(d.size)} is not a non-negative integer`,
    );
  }
  return value as Descriptor;
}

/** Parses JSON that must be an object. @throws SourceError `SRC_INVALID_LAYOUT` */
export function parseJson(bytes: Uint8Array, where: string): object {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw invalidLayout(where, 'it is not valid JSON', error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidLayout(where, 'it is not a JSON object');
  return value;
}

/** A `SRC_INVALID_LAYOUT` error about `where`. */
export function invalidLayout(where: string, reason: string, cause?: unknown): SourceError {
  return new SourceError('SRC_INVALID_LAYOUT', `invalid OCI layout: ${where}: ${reason}`, {
    path: where,
    hint: 'Write the layout again (e.g. `skopeo copy ... oci:DIR:TAG`), or check that the path is an OCI image layout.',
    cause,
  });
}
