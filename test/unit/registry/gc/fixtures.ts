/** A disk store filled through its own API, with content files aged on demand, for the GC tests. */
import { createHash } from 'node:crypto';
import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DiskStore } from '../../../../src/registry/storage/disk.js';
import { Layout } from '../../../../src/registry/storage/layout.js';
import { newTempDir } from '../../../support/temp-dir.js';

export const sha = (bytes: Uint8Array | string) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A fresh store and helpers writing into it. */
export async function newStore() {
  const root = newTempDir('gc-store');
  const store = new DiskStore({ root, fsync: false });
  await store.init();
  const keys = new Layout();
  /** Local paths of the store's files (the file-system driver's keys under `root`). */
  const layout = {
    blob: (digest: string) => join(root, keys.blob(digest)),
    uploadData: (repository: string, id: string) => join(root, keys.uploadData(repository, id)),
  };
  const blob = async (repository: string, content: string | Buffer): Promise<string> => {
    const bytes = Buffer.from(content);
    const session = await store.createUpload(repository);
    await store.commitUpload(repository, session.id, sha(bytes), { body: Readable.from([bytes]) });
    return sha(bytes);
  };
  const manifest = async (repository: string, value: unknown, tags: string[] = []): Promise<string> => {
    const bytes = Buffer.from(JSON.stringify(value));
    const mediaType =
      (value as { manifests?: unknown }).manifests === undefined
        ? 'application/vnd.oci.image.manifest.v1+json'
        : 'application/vnd.oci.image.index.v1+json';
    await store.putManifest(repository, { bytes, digest: sha(bytes), mediaType, tags });
    return sha(bytes);
  };
  /** An image manifest over `blobs` (config first), stored with `tags`. */
  const image = async (repository: string, blobs: string[], tags: string[] = []): Promise<string> =>
    manifest(
      repository,
      {
        schemaVersion: 2,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: blobs[0], size: 1 },
        layers: blobs.slice(1).map((digest) => ({ mediaType: 'application/octet-stream', digest, size: 1 })),
      },
      tags,
    );
  /** Sets a content file's mtime and atime to `seconds` ago. */
  const age = async (digest: string, seconds: number): Promise<void> => {
    const at = Date.now() / 1000 - seconds;
    await utimes(layout.blob(digest), at, at);
  };
  return { root, store, layout, blob, manifest, image, age };
}
