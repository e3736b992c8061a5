import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isSafeUploadId } from '../names.js';
import { Blobs } from './blobs.js';
import { isMissing } from './errors.js';
import { exists } from './files.js';
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
import { measureBlobs, probeWritable } from './usage.js';

/** Options of {@link DiskStore}. */
export interface DiskStoreOptions {
  /** Directory holding the store; created when missing. */
  root: string;
  /** fsync files and directories before renames that commit data (default true). */
  fsync?: boolean;
  /** Bytes of manifests kept in memory (default 32 MiB). */
  manifestCacheBytes?: number;
}

/** Temp files older than this are left over from a crash. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * The file-system {@link Store}. See `layout.ts` for the directory layout. Safe for one process:
 * concurrent requests are fine (every commit is an atomic rename), two processes sharing a root
 * are not supported.
 */
export class DiskStore implements Store {
  readonly root: string;
  readonly #layout: Layout;
  readonly #blobs: Blobs;
  readonly #uploads: Uploads;
  readonly #manifests: Manifests;

  constructor(options: DiskStoreOptions) {
    this.root = options.root;
    const fsync = options.fsync ?? true;
    this.#layout = new Layout(options.root);
    this.#blobs = new Blobs(this.#layout, fsync);
    this.#uploads = new Uploads(this.#layout, this.#blobs);
    this.#manifests = new Manifests(this.#layout, this.#blobs, {
      fsync,
      cacheBytes: options.manifestCacheBytes ?? 32 * 1024 * 1024,
    });
  }

  async init(): Promise<void> {
    for (const dir of [this.#layout.blobsDir, this.#layout.repositoriesDir, this.#layout.tmpDir]) {
      await mkdir(dir, { recursive: true });
    }
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
    for (const repository of await listRepositories(this.#layout.repositoriesDir)) {
      let ids: string[];
      try {
        ids = (await readdir(this.#layout.uploadsDir(repository))).filter(isSafeUploadId);
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
      uploads += await this.#uploads.purge(repository, ids, cutoff);
    }
    return { uploads, tempFiles: await this.#purgeTemp(now.getTime() - Math.min(maxAgeMs, STALE_TEMP_MS)) };
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
    if (!(await exists(this.#layout.repository(repository)))) return undefined;
    return this.#manifests.tags(repository);
  }

  listReferrers(repository: string, subject: string): Promise<ReferrerDescriptor[]> {
    return this.#manifests.referrers(repository, subject);
  }

  listRepositories(): Promise<string[]> {
    return listRepositories(this.#layout.repositoriesDir);
  }

  fsck(): Promise<FsckReport> {
    return fsck(this.#layout);
  }

  /** Counts and sizes the files under `blobs/` (one stat each; cache the answer). */
  usage(): Promise<{ blobs: number; bytes: number }> {
    return measureBlobs(this.#layout);
  }

  /** Writes and removes a probe file in `tmp/`. */
  checkWritable(): Promise<void> {
    return probeWritable(this.#layout);
  }

  async #purgeTemp(cutoff: number): Promise<number> {
    let removed = 0;
    let names: string[];
    try {
      names = await readdir(this.#layout.tmpDir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    for (const name of names) {
      const path = join(this.#layout.tmpDir, name);
      try {
        if ((await stat(path)).mtimeMs >= cutoff) continue;
        await rm(path, { force: true, recursive: true });
        removed += 1;
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return removed;
  }
}
