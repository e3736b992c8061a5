import type { Descriptor } from './descriptor.js';
import { OciFormatError } from './errors.js';
import { isImageManifestMediaType, isIndexMediaType } from './media-types.js';

/** An image manifest (OCI image manifest or Docker schema2 manifest). */
export interface ImageManifest {
  readonly schemaVersion: 2;
  readonly mediaType?: string;
  readonly artifactType?: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
  readonly subject?: Descriptor;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** An image index (OCI index or Docker manifest list). */
export interface ImageIndex {
  readonly schemaVersion: 2;
  readonly mediaType?: string;
  readonly artifactType?: string;
  readonly manifests: readonly Descriptor[];
  readonly subject?: Descriptor;
  readonly annotations?: Readonly<Record<string, string>>;
}

export type Manifest = ImageManifest | ImageIndex;

/** A parsed manifest with the media type it was served or stored with. */
export interface ParsedManifest {
  readonly mediaType: string;
  readonly manifest: Manifest;
  readonly kind: 'image' | 'index';
}

export function isIndex(manifest: Manifest): manifest is ImageIndex {
  return Array.isArray((manifest as ImageIndex).manifests);
}

/**
 * Parses manifest bytes. The media type is the `mediaType` field when present, else the given
 * `contentType` (what the registry or layout said), else inferred from the shape. Throws
 * OciFormatError (`OCI_INVALID_MANIFEST`) on anything that is not a schema 2 manifest or index.
 */
export function parseManifest(bytes: Uint8Array | string, contentType?: string): ParsedManifest {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new OciFormatError('OCI_INVALID_MANIFEST', 'manifest is not valid JSON', { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OciFormatError('OCI_INVALID_MANIFEST', 'manifest is not a JSON object');
  }
  const object = value as Record<string, unknown>;
  if (object.schemaVersion !== 2) {
    throw new OciFormatError(
      'OCI_INVALID_MANIFEST',
      `unsupported manifest schemaVersion ${JSON.stringify(object.schemaVersion)}: only schema 2 (OCI, Docker v2) is supported`,
    );
  }
  const declared = typeof object.mediaType === 'string' ? object.mediaType : undefined;
  const isList = Array.isArray(object.manifests);
  const mediaType =
    declared ??
    (contentType && (isIndexMediaType(contentType) || isImageManifestMediaType(contentType))
      ? contentType
      : isList
        ? 'application/vnd.oci.image.index.v1+json'
        : 'application/vnd.oci.image.manifest.v1+json');
  if (isList) {
    return { mediaType, manifest: object as unknown as ImageIndex, kind: 'index' };
  }
  if (typeof object.config !== 'object' || object.config === null || !Array.isArray(object.layers)) {
    throw new OciFormatError(
      'OCI_INVALID_MANIFEST',
      'an image manifest needs a "config" descriptor and a "layers" array',
    );
  }
  return { mediaType, manifest: object as unknown as ImageManifest, kind: 'image' };
}
