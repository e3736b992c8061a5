import type { Readable } from 'node:stream';
import { parseManifest, type Manifest } from '../../oci/index.js';
import { apiError } from '../errors.js';
import type { Store, StoredManifest } from '../storage/store.js';

/** A stored manifest and its parsed form (undefined when it is not a schema 2 manifest or index). */
export interface ReadManifest {
  readonly stored: StoredManifest;
  readonly manifest: Manifest | undefined;
}

/** The manifest `reference` (tag or digest) of `repository`; 404 `MANIFEST_UNKNOWN` when absent. */
export async function readManifest(
  store: Store,
  repository: string,
  reference: string,
): Promise<ReadManifest> {
  const stored = await store.getManifest(repository, reference);
  if (stored === undefined) {
    throw apiError('MANIFEST_UNKNOWN', {
      message: `no manifest ${reference.slice(0, 200)} in ${repository}`,
      detail: { name: repository, reference },
    });
  }
  let manifest: Manifest | undefined;
  try {
    manifest = parseManifest(stored.bytes, stored.mediaType).manifest;
  } catch {
    manifest = undefined;
  }
  return { stored, manifest };
}

/** Largest image config read for labels. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** The image config JSON of an image manifest, or undefined (missing, too big, not JSON). */
export async function readConfig(
  store: Store,
  repository: string,
  digest: string,
): Promise<Record<string, unknown> | undefined> {
  const blob = await store.getBlob(repository, digest);
  if (blob === undefined || blob.size > MAX_CONFIG_BYTES) return undefined;
  try {
    const value: unknown = JSON.parse((await readAll(blob.open())).toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Collects a (small) stream into one buffer. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
