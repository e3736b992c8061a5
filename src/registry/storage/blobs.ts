import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Layout } from './layout.js';
import { READ_CHUNK } from './hashing.js';
import { fileSize, fsyncFile, renameInto, touch, unlinkIfExists, writeFileAtomic } from './files.js';
import { readRange, type ChunkSink } from './range-reader.js';
import type { BlobInfo, BlobReader } from './store.js';

/**
 * Content-addressed blob files and the per-repository links that make a blob readable in a
 * repository. Content is shared: deleting a blob from a repository removes only its link.
 */
export class Blobs {
  readonly #layout: Layout;
  readonly #fsync: boolean;

  constructor(layout: Layout, fsync: boolean) {
    this.#layout = layout;
    this.#fsync = fsync;
  }

  /** Size of the blob content with `digest`, whether or not any repository links it. */
  async contentSize(digest: string): Promise<number | undefined> {
    return fileSize(this.#layout.blob(digest));
  }

  /** Size of a blob linked into `repository`; undefined when unlinked or its content is gone. */
  async stat(repository: string, digest: string): Promise<BlobInfo | undefined> {
    if ((await fileSize(this.#layout.layerLink(repository, digest))) === undefined) return undefined;
    const size = await this.contentSize(digest);
    return size === undefined ? undefined : { digest, size };
  }

  /** A linked blob with functions that stream it (1 MiB reads). */
  async get(repository: string, digest: string): Promise<BlobReader | undefined> {
    const info = await this.stat(repository, digest);
    if (info === undefined) return undefined;
    const path = this.#layout.blob(digest);
    return {
      ...info,
      open: (start?: number, end?: number) =>
        createReadStream(path, { start, end, highWaterMark: READ_CHUNK }),
      read: (start: number, end: number, sink: ChunkSink) => readRange(path, start, end, sink),
    };
  }

  /** Removes the link from `repository`; false when there was none. */
  async delete(repository: string, digest: string): Promise<boolean> {
    return unlinkIfExists(this.#layout.layerLink(repository, digest));
  }

  /** Links a blob into `repository` (idempotent). */
  async link(repository: string, digest: string): Promise<void> {
    await touch(this.#layout.layerLink(repository, digest));
  }

  /** Links a blob from `from` (or, when `from` is undefined, from any content) into `repository`. */
  async mount(repository: string, digest: string, from: string | undefined): Promise<BlobInfo | undefined> {
    const source =
      from === undefined
        ? await this.contentSize(digest).then((size) => (size === undefined ? undefined : { digest, size }))
        : await this.stat(from, digest);
    if (source === undefined) return undefined;
    await this.link(repository, digest);
    return source;
  }

  /**
   * Moves a verified upload file into place as the content of `digest` and links it into
   * `repository`. When the content already exists (an identical upload won), the file is dropped.
   */
  async commitFile(repository: string, digest: string, source: string): Promise<void> {
    const target = this.#layout.blob(digest);
    if ((await fileSize(target)) === undefined) {
      if (this.#fsync) await fsyncFile(source);
      await renameInto(source, target, this.#fsync);
    } else {
      await rm(source, { force: true });
    }
    await this.link(repository, digest);
  }

  /** Stores in-memory content (a manifest) under `digest`, unless it is already there. */
  async writeContent(digest: string, bytes: Uint8Array): Promise<void> {
    const target = this.#layout.blob(digest);
    if ((await fileSize(target)) !== undefined) return;
    await writeFileAtomic(this.#layout.tmpDir, target, bytes, { fsync: this.#fsync });
  }

  /** Path of the content file of `digest` (manifests are read from it into memory). */
  path(digest: string): string {
    return this.#layout.blob(digest);
  }
}
