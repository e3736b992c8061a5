import { checkDigest } from '../reference/digest.js';
import { isForeign, type Descriptor } from '../oci/descriptor.js';
import { MediaType } from '../oci/media-types.js';
import { apiError } from './errors.js';

/** The manifest media types the registry stores. */
export const STORABLE_MANIFEST_TYPES: readonly string[] = [
  MediaType.ociManifest,
  MediaType.ociIndex,
  MediaType.dockerManifest,
  MediaType.dockerManifestList,
];

/** Content types that say nothing about the manifest's kind (left to the body to decide). */
const GENERIC_TYPES = new Set(['', 'application/json', 'application/octet-stream', 'text/plain']);

/** What the registry needs to know about a manifest it is asked to store. */
export interface CheckedManifest {
  /** The media type it will be served with. */
  readonly mediaType: string;
  readonly kind: 'image' | 'index';
  /**
   * Blobs that must be in the repository: the config and every distributable layer, each digest
   * once (a manifest may list one layer thousands of times; each is checked once).
   */
  readonly blobs: readonly Descriptor[];
  /** Manifests that must be in the repository: the children of an index, each digest once. */
  readonly manifests: readonly Descriptor[];
  readonly subject?: Descriptor;
  /** `artifactType`, or for an image manifest without one, its config's media type. */
  readonly artifactType?: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * Parses and checks manifest bytes before they are stored. Accepts OCI image manifests and
 * indexes and Docker schema2 manifests and manifest lists, with any config media type (artifacts,
 * BuildKit cache) and unknown extra fields. The media type comes from the body's `mediaType`, else
 * the request's `Content-Type`, else the shape (`manifests` → index, `config` → image manifest).
 *
 * @throws RegistryApiError `MANIFEST_INVALID` naming the field at fault
 */
export function checkManifest(bytes: Uint8Array, contentType: string | undefined): CheckedManifest {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw invalid('the manifest is not valid JSON');
  }
  if (!isObject(value)) throw invalid('the manifest is not a JSON object');
  const mediaType = chooseMediaType(value, contentType);
  if (value.schemaVersion !== 2) {
    throw invalid(
      `schemaVersion is ${JSON.stringify(value.schemaVersion)}; only schema 2 manifests are stored`,
    );
  }
  const subject = value.subject === undefined ? undefined : descriptor(value.subject, 'subject');
  const annotations = stringMap(value.annotations);
  const declaredType = typeof value.artifactType === 'string' ? value.artifactType : undefined;
  if (mediaType === MediaType.ociIndex || mediaType === MediaType.dockerManifestList) {
    const manifests = list(value.manifests, 'manifests').map((entry, i) =>
      descriptor(entry, `manifests[${i}]`),
    );
    return {
      mediaType,
      kind: 'index',
      blobs: [],
      manifests: uniqueByDigest(manifests),
      subject,
      artifactType: declaredType,
      annotations,
    };
  }
  const config = descriptor(value.config, 'config');
  const layers = list(value.layers, 'layers').map((entry, i) => descriptor(entry, `layers[${i}]`));
  return {
    mediaType,
    kind: 'image',
    blobs: uniqueByDigest([config, ...layers.filter((layer) => !isForeign(layer))]),
    manifests: [],
    subject,
    artifactType: declaredType ?? config.mediaType,
    annotations,
  };
}

/** The first descriptor of each digest, in order. */
function uniqueByDigest(descriptors: readonly Descriptor[]): Descriptor[] {
  const seen = new Set<string>();
  return descriptors.filter((d) => !seen.has(d.digest) && seen.add(d.digest) !== undefined);
}

function chooseMediaType(value: Record<string, unknown>, contentType: string | undefined): string {
  const header = (contentType ?? '').split(';')[0]!.trim();
  const fromHeader = GENERIC_TYPES.has(header.toLowerCase()) ? undefined : header;
  const fromBody = typeof value.mediaType === 'string' ? value.mediaType : undefined;
  if (value.mediaType !== undefined && fromBody === undefined) throw invalid('"mediaType" must be a string');
  if (fromBody !== undefined && fromHeader !== undefined && fromBody !== fromHeader) {
    throw invalid(
      `the request's Content-Type ${JSON.stringify(fromHeader)} differs from the manifest's mediaType ${JSON.stringify(fromBody)}`,
    );
  }
  const inferred = Array.isArray(value.manifests) ? MediaType.ociIndex : MediaType.ociManifest;
  const mediaType = fromBody ?? fromHeader ?? inferred;
  if (!STORABLE_MANIFEST_TYPES.includes(mediaType)) {
    throw invalid(
      `unsupported manifest media type ${JSON.stringify(mediaType)}; this registry stores ${STORABLE_MANIFEST_TYPES.join(', ')}`,
    );
  }
  return mediaType;
}

function descriptor(value: unknown, field: string): Descriptor {
  if (!isObject(value)) throw invalid(`"${field}" must be a descriptor object`, field);
  if (typeof value.mediaType !== 'string' || value.mediaType === '') {
    throw invalid(`"${field}.mediaType" must be a non-empty string`, field);
  }
  const digest = typeof value.digest === 'string' ? checkDigest(value.digest) : undefined;
  if (digest === undefined || !digest.ok) {
    const reason = digest === undefined ? 'it is missing' : digest.reason;
    throw invalid(`"${field}.digest" is not a valid digest: ${reason}`, field);
  }
  if (typeof value.size !== 'number' || !Number.isSafeInteger(value.size) || value.size < 0) {
    throw invalid(`"${field}.size" must be a non-negative integer`, field);
  }
  if (
    value.urls !== undefined &&
    !(Array.isArray(value.urls) && value.urls.every((u) => typeof u === 'string'))
  ) {
    throw invalid(`"${field}.urls" must be an array of strings`, field);
  }
  return value as unknown as Descriptor;
}

/** An array field; a missing or `null` one is read as empty (CNCF distribution accepts those too). */
function list(value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(`"${field}" must be an array`, field);
  return value;
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string, field?: string) {
  return apiError('MANIFEST_INVALID', {
    message: `invalid manifest: ${message}`,
    detail: field === undefined ? undefined : { field },
  });
}
