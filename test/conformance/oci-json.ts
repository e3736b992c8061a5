/**
 * OCI image-spec documents serialised the way Go's `encoding/json` serialises the image-spec
 * structs: fields in struct order, `omitempty` fields left out when empty, map keys sorted,
 * byte slices as base64. The suite digests these bytes, so only their shape matters, not a
 * byte-for-byte match with a Go run (every run is random anyway).
 */
import { randomBytes } from 'node:crypto';

/** The media types the suite uses. */
export const MT = {
  exampleConf1: 'application/vnd.example.oci.conformance.v1',
  exampleConf2: 'application/vnd.example.oci.conformance.v2',
  octetStream: 'application/octet-stream',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociImage: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerPrefix: 'application/vnd.oci.image.layer.v1.',
  ociLayerGz: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerNd: 'application/vnd.oci.image.layer.nondistributable.v1.tar',
  ociLayerNdGz: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  ociEmptyJson: 'application/vnd.oci.empty.v1+json',
} as const;

/** `image.Platform` (only the fields the suite sets). */
export interface Platform {
  architecture: string;
  os: string;
}

/** `image.Descriptor`. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  urls?: string[];
  annotations?: Record<string, string>;
  data?: Uint8Array;
  platform?: Platform;
  artifactType?: string;
}

type Json = Record<string, unknown>;

/** Go 1.24 `crypto/rand.Text()`: 26 random characters of the base32 alphabet. */
export function randText(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(26)].map((b) => alphabet[b % 32]).join('');
}

function sortedMap(map: Record<string, string> | undefined): Record<string, string> | undefined {
  if (map === undefined || Object.keys(map).length === 0) return undefined;
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Drops undefined fields (`omitempty`), keeping the order of the others. */
function compact(fields: Json): Json {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** A descriptor as JSON. */
export function descriptorJson(d: Descriptor): Json {
  return compact({
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    urls: d.urls !== undefined && d.urls.length > 0 ? d.urls : undefined,
    annotations: sortedMap(d.annotations),
    data: d.data !== undefined && d.data.length > 0 ? Buffer.from(d.data).toString('base64') : undefined,
    platform:
      d.platform === undefined ? undefined : { architecture: d.platform.architecture, os: d.platform.os },
    artifactType: d.artifactType === '' ? undefined : d.artifactType,
  });
}

/** `image.Manifest` as JSON. */
export function manifestJson(m: {
  mediaType: string;
  artifactType: string;
  config: Descriptor;
  layers: Descriptor[];
  subject: Descriptor | undefined;
  annotations: Record<string, string> | undefined;
}): Json {
  return compact({
    schemaVersion: 2,
    mediaType: m.mediaType,
    artifactType: m.artifactType === '' ? undefined : m.artifactType,
    config: descriptorJson(m.config),
    layers: m.layers.map(descriptorJson),
    subject: m.subject === undefined ? undefined : descriptorJson(m.subject),
    annotations: sortedMap(m.annotations),
  });
}

/** `image.Index` as JSON. */
export function indexJson(m: {
  mediaType: string;
  artifactType: string;
  manifests: Descriptor[];
  subject: Descriptor | undefined;
  annotations: Record<string, string> | undefined;
}): Json {
  return compact({
    schemaVersion: 2,
    mediaType: m.mediaType,
    artifactType: m.artifactType === '' ? undefined : m.artifactType,
    manifests: m.manifests.map(descriptorJson),
    subject: m.subject === undefined ? undefined : descriptorJson(m.subject),
    annotations: sortedMap(m.annotations),
  });
}

/** `image.Image` with an author, a platform and the rootfs diff IDs (an empty `config` object stays). */
export function imageConfigJson(author: string, platform: Platform, diffIds: string[]): Json {
  return {
    author,
    architecture: platform.architecture,
    os: platform.os,
    config: {},
    rootfs: { type: 'layers', diff_ids: diffIds },
  };
}

/**
 * The bytes of `value`; with `extraField`, one more random field `org.<random>` at the end, as
 * the suite's `genAddJSONFields` does to test that registries keep unknown fields.
 */
export function marshal(value: Json, extraField = false): Buffer {
  const body = extraField ? { ...value, [`org.${randText()}`]: randText() } : value;
  return Buffer.from(JSON.stringify(body));
}
