import type { Readable } from 'node:stream';
import type { ChunkSink } from '../range-reader.js';

/**
 * Where a store keeps its files: the file system, an S3 bucket. The blob-linking layer above it
 * (`blobs.ts`, `manifests.ts`, `uploads.ts`, `referrers.ts`, GC, fsck) knows the repository,
 * blob, link and tag layout (`layout.ts`); a driver knows only keys and bytes, in the spirit of
 * CNCF distribution's `storagedriver`.
 *
 * Keys are relative, `/`-separated paths (`blobs/sha256/ab/ab…`), never starting with `/`, never
 * holding `.`, `..` or empty segments; drivers check that again before a key becomes a path or an
 * object name. A "directory" is any key prefix that has files under it.
 */
export interface StorageDriver {
  /** `filesystem` or `s3`. */
  readonly name: string;
  /** Where the files are, for messages: a directory, or `s3://bucket/prefix`. */
  readonly location: string;

  /** Prepares the store (directories, a reachable bucket). Call once before anything else. */
  init(): Promise<void>;

  /** The whole content of a file, or undefined when there is none. */
  getContent(key: string): Promise<Buffer | undefined>;
  /** Replaces a file's content atomically: a reader sees the old content or the new, never a mix. */
  putContent(key: string, data: string | Uint8Array, options?: PutOptions): Promise<void>;
  /**
   * Creates a file only when there is none, atomically: of several writers racing, exactly one
   * gets true (a lease). False when the file exists.
   */
  createExclusive(key: string, data: string | Uint8Array): Promise<boolean>;
  /** Creates an empty marker file unless one exists (link files); never changes an existing one. */
  putMarker(key: string): Promise<void>;

  /** Size and write time of a file, or undefined when there is none (a directory is not a file). */
  stat(key: string): Promise<FileInfo | undefined>;
  /** The entries directly under directory `key`, sorted by name; empty when there is none. */
  list(key: string): Promise<DirEntry[]>;
  /** Every file under directory `key`, at any depth, with its size and times. */
  walk(key: string, visit: (entry: WalkEntry) => void | Promise<void>): Promise<void>;

  /** Deletes one file; false when there was none. */
  delete(key: string): Promise<boolean>;
  /** Deletes a directory with everything under it (no error when absent). */
  deleteTree(key: string): Promise<void>;
  /** Moves a file over `to` (replacing it), atomically as far as readers of `to` can tell. */
  move(from: string, to: string): Promise<void>;

  /** Streams bytes `start` to `end` (both inclusive; defaults: the whole file). */
  open(key: string, start?: number, end?: number): Readable;
  /** Hands bytes `start` to `end` (inclusive) to `sink` in chunks reused once the sink resolves. */
  readRange(key: string, start: number, end: number, sink: ChunkSink): Promise<void>;

  /**
   * Records when the content at `key` was last used (GC and the retention cap read it back in
   * `walk`); a missing file is ignored. The time may be rounded to the second (or be the time of
   * the call, on S3).
   */
  setAccessTime(key: string, atMs: number): Promise<void>;

  /** Starts an empty resumable file at `key` (an upload's data). */
  createResumable(key: string): Promise<void>;
  /** Bytes a resumable file holds, or undefined when there is none. */
  resumableSize(key: string): Promise<number | undefined>;
  /**
   * Appends `body` to the resumable file at `key`, which holds `position` bytes; resolves with the
   * number of bytes appended. `onBytes` sees every byte, in order, before it is stored. On any
   * failure the file is left holding its first `position` bytes, and the error is thrown.
   */
  append(
    key: string,
    position: number,
    body: Readable,
    onBytes: (bytes: Buffer) => void,
    options?: AppendOptions,
  ): Promise<number>;
  /** Streams the whole of a resumable file (to hash it when no hash of it is in memory). */
  openResumable(key: string): Readable;
  /** Makes a resumable file the (complete, immutable) file `target`, replacing any there. */
  commitResumable(key: string, target: string): Promise<void>;
  /** Discards a resumable file; false when there was none. */
  deleteResumable(key: string): Promise<boolean>;

  /** Removes what crashed writes left behind (temp files, multipart uploads) older than `cutoffMs`. */
  purgeStale(cutoffMs: number): Promise<number>;
  /** Throws unless the store can be written to now (for `/healthz`). */
  checkWritable(): Promise<void>;

  /** Optional: a URL a client may fetch the file from directly (a presigned GET), or undefined. */
  redirectURL?(key: string): Promise<string | undefined>;
  /** Optional (file system only): the local path of a resumable file, for readers following it as it grows. */
  localPath?(key: string): string;
}

/** Options of {@link StorageDriver.putContent}. */
export interface PutOptions {
  /** Make the write durable before returning (fsync on the file system). Default: the driver's setting. */
  readonly sync?: boolean;
}

/** Options of {@link StorageDriver.append}. */
export interface AppendOptions {
  /** Store each piece of the body as it arrives (readers follow the file), not gathered into large writes. */
  readonly follow?: boolean;
  /**
   * Called with the number of bytes appended once the body has ended, before the append counts:
   * when it throws, the file is cut back to `position` as on any other failure.
   */
  readonly check?: (count: number) => void;
}

/** What {@link StorageDriver.stat} knows about a file. */
export interface FileInfo {
  readonly size: number;
  /** When the content was written. */
  readonly modifiedMs: number;
}

/** One entry of {@link StorageDriver.list}. */
export interface DirEntry {
  readonly name: string;
  readonly directory: boolean;
}

/** One file found by {@link StorageDriver.walk}. */
export interface WalkEntry extends FileInfo {
  /** The file's full key. */
  readonly key: string;
  /** When it was last used, as set by {@link StorageDriver.setAccessTime}; else when it was written. */
  readonly accessedMs: number;
}
