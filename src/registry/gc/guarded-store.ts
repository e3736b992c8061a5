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
} from '../storage/store.js';
import type { GcCoordinator } from './coordinator.js';

/** Told the size of every blob or manifest written through a {@link GuardedStore}. */
export type WriteObserver = (bytes: number) => void;

/**
 * A {@link Store} that tells the {@link GcCoordinator} about every use of content, so online
 * garbage collection and the retention cap can run while it serves. Every operation naming a
 * digest (blob and manifest-by-digest reads, uploads, mounts, manifest puts) protects it first:
 * the digest counts as used from then on (so a collection will not claim it), and a deletion of
 * it already in progress is waited for (so the operation sees it gone, never half-deleted). A
 * `HEAD` that found a blob thus guarantees it stays for the grace period, long enough for the
 * client's manifest put. Manifests read by tag are touched once resolved. Everything else passes
 * through. The HTTP layer and the mirror use this wrapper; the collector works on the store beneath.
 */
export class GuardedStore implements Store {
  readonly inner: Store;
  readonly #gc: GcCoordinator;
  readonly #onWrite: WriteObserver;
  readonly usage?: () => Promise<{ readonly blobs: number; readonly bytes: number }>;
  readonly checkWritable?: () => Promise<void>;

  constructor(inner: Store, gc: GcCoordinator, onWrite: WriteObserver = () => undefined) {
    this.inner = inner;
    this.#gc = gc;
    this.#onWrite = onWrite;
    if (inner.usage !== undefined) this.usage = () => inner.usage!();
    if (inner.checkWritable !== undefined) this.checkWritable = () => inner.checkWritable!();
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async statBlob(repository: string, digest: string): Promise<BlobInfo | undefined> {
    await this.#gc.protect([digest]);
    return this.inner.statBlob(repository, digest);
  }

  async getBlob(repository: string, digest: string): Promise<BlobReader | undefined> {
    await this.#gc.protect([digest]);
    return this.inner.getBlob(repository, digest);
  }

  deleteBlob(repository: string, digest: string): Promise<boolean> {
    return this.inner.deleteBlob(repository, digest);
  }

  async mountBlob(
    repository: string,
    digest: string,
    from: string | undefined,
  ): Promise<BlobInfo | undefined> {
    await this.#gc.protect([digest]);
    return this.inner.mountBlob(repository, digest, from);
  }

  createUpload(repository: string): Promise<UploadState> {
    return this.inner.createUpload(repository);
  }

  getUpload(repository: string, id: string): Promise<UploadState | undefined> {
    return this.inner.getUpload(repository, id);
  }

  appendUpload(repository: string, id: string, chunk: ChunkInput): Promise<UploadState> {
    return this.inner.appendUpload(repository, id, chunk);
  }

  async commitUpload(repository: string, id: string, digest: string, chunk?: ChunkInput): Promise<BlobInfo> {
    await this.#gc.protect([digest]);
    const info = await this.inner.commitUpload(repository, id, digest, chunk);
    this.#onWrite(info.size);
    return info;
  }

  cancelUpload(repository: string, id: string): Promise<boolean> {
    return this.inner.cancelUpload(repository, id);
  }

  purgeExpiredUploads(maxAgeMs: number, now?: Date): Promise<PurgeReport> {
    return this.inner.purgeExpiredUploads(maxAgeMs, now);
  }

  async statManifest(repository: string, reference: string): Promise<ManifestInfo | undefined> {
    if (reference.includes(':')) await this.#gc.protect([reference]);
    return this.#touched(await this.inner.statManifest(repository, reference));
  }

  async getManifest(repository: string, reference: string): Promise<StoredManifest | undefined> {
    if (reference.includes(':')) await this.#gc.protect([reference]);
    return this.#touched(await this.inner.getManifest(repository, reference));
  }

  async putManifest(repository: string, manifest: ManifestWrite): Promise<void> {
    await this.#gc.protect([manifest.digest]);
    await this.inner.putManifest(repository, manifest);
    this.#onWrite(manifest.bytes.length);
  }

  deleteManifest(repository: string, digest: string): Promise<boolean> {
    return this.inner.deleteManifest(repository, digest);
  }

  deleteTag(repository: string, tag: string): Promise<boolean> {
    return this.inner.deleteTag(repository, tag);
  }

  listTags(repository: string): Promise<string[] | undefined> {
    return this.inner.listTags(repository);
  }

  listReferrers(repository: string, subject: string): Promise<ReferrerDescriptor[]> {
    return this.inner.listReferrers(repository, subject);
  }

  listRepositories(): Promise<string[]> {
    return this.inner.listRepositories();
  }

  fsck(): Promise<FsckReport> {
    return this.inner.fsck();
  }

  #touched<T extends { readonly digest: string } | undefined>(found: T): T {
    if (found !== undefined) this.#gc.touch(found.digest);
    return found;
  }
}
