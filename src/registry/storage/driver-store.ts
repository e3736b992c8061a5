import { isSafeUploadId } from '../names.js';
import { Blobs } from './blobs.js';
import type { CacheCoherence } from './coherence.js';
import type { StorageDriver } from './driver/driver.js';
import { fsck } from './fsck.js';
import { Layout } from './layout.js';
import { Manifests } from './manifests.js';
import { listRepositories } from './repositories.js';
import type {
  BlobInfo,
  BlobReader,
  ChunkInput,
  FsckReport,
  ManifestInfo,
  ManifestWrite,
  PurgeReport,
  ReferrerDescriptor,
  Store,
  StoredManifest,
  UploadState,
} from './store.js';
import { Uploads } from './uploads.js';
import { measureBlobs } from './usage.js';

/** Options of {@link DriverStore}. */
export interface DriverStoreOptions {
  /** Bytes of manifests kept in memory (default 32 MiB). */
  readonly manifestCacheBytes?: number;
  /**
   * How long tags and manifest links are answered from memory before they are read from the
   * store again (0: never from memory). Default: until this process changes them, which is right
   * only when no other process writes to the store.
   */
  readonly cacheTtlMs?: number;
  /** Processes that serve this store together and keep each other's caches true. Default none. */
  readonly coherence?: CacheCoherence;
}

/** Temp files older than this are left over from a crash. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * The {@link Store} on a {@link StorageDriver}: the blob-linking layer (blobs, links, manifests,
 * tags, referrers, upload sessions; see `layout.ts` for the keys) over whatever the driver stores
 * them in. `DiskStore` is this on the file-system driver.
 */
export class DriverStore implements Store {
  readonly driver: StorageDriver;
  readonly #layout = new Layout();
  readonly #blobs: Blobs;
  readonly #uploads: Uploads;
  readonly #manifests: Manifests;

  constructor(driver: StorageDriver, options: DriverStoreOptions = {}) {
    this.driver = driver;
    this.#blobs = new Blobs(this.#layout, driver);
    this.#uploads = new Uploads(this.#layout, driver, this.#blobs);
    this.#manifests = new Manifests(this.#layout, driver, this.#blobs, {
      cacheBytes: options.manifestCacheBytes ?? 32 * 1024 * 1024,
      ...(options.cacheTtlMs === undefined ? {} : { cacheTtlMs: options.cacheTtlMs }),
      ...(options.coherence === undefined ? {} : { coherence: options.coherence }),
    });
  }

  init(): Promise<void> {
    return this.driver.init();
  }

  statBlob(repository: string, digest: string): Promise<BlobInfo | undefined> {
    return this.#blobs.stat(repository, digest);
  }

  getBlob(repository: string, digest: string): Promise<BlobReader | undefined> {
    return this.#blobs.get(repository, digest);
  }

  deleteBlob(repository: string, digest: string): Promise<boolean> {
    return this.#blobs.delete(repository, digest);
  }

  mountBlob(repository: string, digest: string, from: string | undefined): Promise<BlobInfo | undefined> {
    return this.#blobs.mount(repository, digest, from);
  }

  createUpload(repository: string): Promise<UploadState> {
    return this.#uploads.create(repository);
  }

  getUpload(repository: string, id: string): Promise<UploadState | undefined> {
    return this.#uploads.get(repository, id);
  }

  appendUpload(repository: string, id: string, chunk: ChunkInput): Promise<UploadState> {
    return this.#uploads.append(repository, id, chunk);
  }

  commitUpload(repository: string, id: string, digest: string, chunk?: ChunkInput): Promise<BlobInfo> {
    return this.#uploads.commit(repository, id, digest, chunk);
  }

  cancelUpload(repository: string, id: string): Promise<boolean> {
    return this.#uploads.cancel(repository, id);
  }

  async purgeExpiredUploads(maxAgeMs: number, now: Date = new Date()): Promise<PurgeReport> {
    const cutoff = now.getTime() - maxAgeMs;
    let uploads = 0;
    for (const repository of await listRepositories(this.driver, this.#layout.repositoriesDir)) {
      const ids = (await this.driver.list(this.#layout.uploadsDir(repository)))
        .filter((entry) => entry.directory && isSafeUploadId(entry.name))
        .map((entry) => entry.name);
      uploads += await this.#uploads.purge(repository, ids, cutoff);
    }
    const tempFiles = await this.driver.purgeStale(now.getTime() - Math.min(maxAgeMs, STALE_TEMP_MS));
    return { uploads, tempFiles };
  }

  statManifest(repository: string, reference: string): Promise<ManifestInfo | undefined> {
    return this.#manifests.stat(repository, reference);
  }

  getManifest(repository: string, reference: string): Promise<StoredManifest | undefined> {
    return this.#manifests.get(repository, reference);
  }

  putManifest(repository: string, manifest: ManifestWrite): Promise<void> {
    return this.#manifests.put(repository, manifest);
  }

  deleteManifest(repository: string, digest: string): Promise<boolean> {
    return this.#manifests.delete(repository, digest);
  }

  deleteTag(repository: string, tag: string): Promise<boolean> {
    return this.#manifests.deleteTag(repository, tag);
  }

  async listTags(repository: string): Promise<string[] | undefined> {
    if ((await this.driver.list(this.#layout.repository(repository))).length === 0) return undefined;
    return this.#manifests.tags(repository);
  }

  listReferrers(repository: string, subject: string): Promise<ReferrerDescriptor[]> {
    return this.#manifests.referrers(repository, subject);
  }

  listRepositories(): Promise<string[]> {
    return listRepositories(this.driver, this.#layout.repositoriesDir);
  }

  fsck(): Promise<FsckReport> {
    return fsck(this.driver, this.#layout);
  }

  /** Counts and sizes the files under `blobs/` (one stat each; cache the answer). */
  usage(): Promise<{ blobs: number; bytes: number }> {
    return measureBlobs(this.driver, this.#layout);
  }

  /** Writes and removes a probe file (see the driver). */
  checkWritable(): Promise<void> {
    return this.driver.checkWritable();
  }
}
