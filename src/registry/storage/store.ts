import type { Readable } from 'node:stream';
import type { StorageDriver } from './driver/driver.js';
import type { ChunkSink } from './range-reader.js';

/**
 * What the registry's HTTP layer needs from storage. `DriverStore` implements it on a storage
 * driver (`DiskStore` on the file system, or S3); a memory store would implement the same interface.
 *
 * Repository names, tags, digests and upload ids reaching a Store have been validated by the HTTP
 * layer; implementations check them again before they become paths. Digests are `sha256:<64 hex>`
 * or `sha512:<128 hex>`. A repository sees only the blobs pushed or mounted into it.
 */
export interface Store {
  /** Creates the store's directories. Call once before anything else. */
  init(): Promise<void>;

  /** Size of a blob readable in `repository`, or undefined. */
  statBlob(repository: string, digest: string): Promise<BlobInfo | undefined>;
  /** A blob readable in `repository`, with a way to stream it, or undefined. */
  getBlob(repository: string, digest: string): Promise<BlobReader | undefined>;
  /** Unlinks a blob from `repository` (its content stays for other repositories); false when absent. */
  deleteBlob(repository: string, digest: string): Promise<boolean>;
  /**
   * Makes a blob readable in `repository` without uploading it: from repository `from` when given
   * (only if readable there), else from anywhere in the store. Undefined when there is nothing to mount.
   */
  mountBlob(repository: string, digest: string, from: string | undefined): Promise<BlobInfo | undefined>;

  /** Starts an upload session. */
  createUpload(repository: string): Promise<UploadState>;
  /** The state of a session, or undefined when it does not exist. */
  getUpload(repository: string, id: string): Promise<UploadState | undefined>;
  /** Appends `chunk` to a session; see {@link ChunkInput} for range checks. Throws StoreError. */
  appendUpload(repository: string, id: string, chunk: ChunkInput): Promise<UploadState>;
  /**
   * Appends the optional last chunk, checks that the whole upload hashes to `digest`, and commits it
   * as a blob linked into `repository`. On a digest mismatch the session is discarded. Throws StoreError.
   */
  commitUpload(repository: string, id: string, digest: string, chunk?: ChunkInput): Promise<BlobInfo>;
  /** Discards a session; false when it did not exist. */
  cancelUpload(repository: string, id: string): Promise<boolean>;
  /** Discards sessions started more than `maxAgeMs` before `now`, and stale temp files. */
  purgeExpiredUploads(maxAgeMs: number, now?: Date): Promise<PurgeReport>;

  /** Media type, digest and size of a manifest by tag or digest, or undefined. */
  statManifest(repository: string, reference: string): Promise<ManifestInfo | undefined>;
  /** A manifest's exact bytes with its media type and digest, or undefined. */
  getManifest(repository: string, reference: string): Promise<StoredManifest | undefined>;
  /** Stores a manifest (already validated) and points `tags` at it. */
  putManifest(repository: string, manifest: ManifestWrite): Promise<void>;
  /** Deletes a manifest by digest, with the tags pointing at it and its referrers entry; false when absent. */
  deleteManifest(repository: string, digest: string): Promise<boolean>;
  /** Deletes one tag (the manifest stays); false when absent. */
  deleteTag(repository: string, tag: string): Promise<boolean>;
  /** Tags of a repository in byte order, or undefined when the repository does not exist. */
  listTags(repository: string): Promise<string[] | undefined>;
  /** Descriptors of the manifests in `repository` whose `subject` is `subject`. */
  listReferrers(repository: string, subject: string): Promise<ReferrerDescriptor[]>;
  /** Every repository name, in byte order. */
  listRepositories(): Promise<string[]>;

  /** Checks every blob's digest and every link; see {@link FsckReport}. */
  fsck(): Promise<FsckReport>;

  /** Optional capability: how many content files the store holds and their total size (for `/metrics`). */
  usage?(): Promise<{ readonly blobs: number; readonly bytes: number }>;
  /** Optional capability: throws unless the store can be written to now (for `/healthz`). */
  checkWritable?(): Promise<void>;
  /**
   * Optional: the storage driver under the store (see `driver/driver.ts`), for what works on the
   * store's files directly: garbage collection, retention, access times, package statistics.
   */
  readonly driver?: StorageDriver;
}

/** A blob's digest and size. */
export interface BlobInfo {
  readonly digest: string;
  readonly size: number;
}

/** A blob that can be streamed. */
export interface BlobReader extends BlobInfo {
  /** A URL the client may fetch the blob from instead (a presigned GET), when the driver gives one. */
  readonly redirect?: string;
  /** Streams bytes `start` to `end` (both inclusive; defaults: the whole blob). */
  open(start?: number, end?: number): Readable;
  /**
   * Hands bytes `start` to `end` (both inclusive) to `sink` in chunks whose buffers are reused
   * once the sink's promise resolves: serving without a new buffer per chunk.
   */
  read(start: number, end: number, sink: ChunkSink): Promise<void>;
}

/** An upload session. */
export interface UploadState {
  readonly id: string;
  readonly repository: string;
  /** Bytes received so far. */
  readonly size: number;
  readonly startedAt: Date;
}

/** A chunk of an upload. */
export interface ChunkInput {
  readonly body: Readable;
  /** Where the client says the chunk starts (`Content-Range`); must equal the session size. */
  readonly start?: number;
  /** How many bytes the client says the chunk holds; a different count discards the chunk. */
  readonly length?: number;
  /**
   * Readers follow the session's data file while it grows (a mirror fill): each piece of the body
   * is written as it arrives, instead of gathered into 1 MiB writes. Default false.
   */
  readonly follow?: boolean;
}

/** A manifest to store. `digest` must be the digest of `bytes` (any supported algorithm). */
export interface ManifestWrite {
  readonly bytes: Buffer;
  readonly digest: string;
  readonly mediaType: string;
  readonly tags: readonly string[];
  /** When the manifest has a `subject`: its digest, and the descriptor the referrers API lists. */
  readonly referrer?: { readonly subject: string; readonly descriptor: ReferrerDescriptor };
}

/** What the registry knows about a stored manifest. */
export interface ManifestInfo {
  readonly digest: string;
  readonly mediaType: string;
  readonly size: number;
}

/** A stored manifest with its exact bytes. */
export interface StoredManifest extends ManifestInfo {
  readonly bytes: Buffer;
}

/** One entry of a referrers response (an OCI descriptor). */
export interface ReferrerDescriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly artifactType?: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** What {@link Store.purgeExpiredUploads} removed. */
export interface PurgeReport {
  readonly uploads: number;
  readonly tempFiles: number;
}

/** One thing {@link Store.fsck} found wrong. */
export interface FsckProblem {
  readonly kind:
    | 'corrupt-blob'
    | 'misplaced-blob'
    | 'dangling-layer-link'
    | 'dangling-manifest'
    | 'dangling-tag'
    | 'invalid-tag'
    | 'dangling-referrer'
    | 'unreadable';
  /** Path relative to the store root. */
  readonly path: string;
  readonly message: string;
}

/** The result of {@link Store.fsck}. `ok` is true when `problems` is empty. */
export interface FsckReport {
  readonly ok: boolean;
  readonly blobs: number;
  readonly blobBytes: number;
  readonly repositories: number;
  readonly links: number;
  readonly manifests: number;
  readonly tags: number;
  readonly problems: readonly FsckProblem[];
}
