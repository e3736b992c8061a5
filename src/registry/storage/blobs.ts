import type { StorageDriver } from './driver/driver.js';
import type { Layout } from './layout.js';
import type { ChunkSink } from './range-reader.js';
import type { BlobInfo, BlobReader } from './store.js';

/**
 * Content-addressed blob files and the per-repository links that make a blob readable in a
 * repository. Content is shared: deleting a blob from a repository removes only its link.
 */
export class Blobs {
  readonly #layout: Layout;
  readonly #driver: StorageDriver;

  constructor(layout: Layout, driver: StorageDriver) {
    this.#layout = layout;
    this.#driver = driver;
  }

  /** Size of the blob content with `digest`, whether or not any repository links it. */
  async contentSize(digest: string): Promise<number | undefined> {
    return (await this.#driver.stat(this.#layout.blob(digest)))?.size;
  }

  /** Size of a blob linked into `repository`; undefined when unlinked or its content is gone. */
  async stat(repository: string, digest: string): Promise<BlobInfo | undefined> {
    if ((await this.#driver.stat(this.#layout.layerLink(repository, digest))) === undefined) return undefined;
    const size = await this.contentSize(digest);
    return size === undefined ? undefined : { digest, size };
  }

  /** A linked blob with functions that stream it (1 MiB reads), and a redirect URL when the driver gives one. */
  async get(repository: string, digest: string): Promise<BlobReader | undefined> {
    const info = await this.stat(repository, digest);
    if (info === undefined) return undefined;
    const key = this.#layout.blob(digest);
    const driver = this.#driver;
    const redirect = driver.redirectURL === undefined ? undefined : await driver.redirectURL(key);
    return {
      ...info,
      ...(redirect === undefined ? {} : { redirect }),
      open: (start?: number, end?: number) => driver.open(key, start, end),
      read: (start: number, end: number, sink: ChunkSink) => driver.readRange(key, start, end, sink),
    };
  }

  /** Removes the link from `repository`; false when there was none. */
  async delete(repository: string, digest: string): Promise<boolean> {
    return this.#driver.delete(this.#layout.layerLink(repository, digest));
  }

  /** Links a blob into `repository` (idempotent). */
  async link(repository: string, digest: string): Promise<void> {
    await this.#driver.putMarker(this.#layout.layerLink(repository, digest));
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
   * Moves a verified resumable upload file into place as the content of `digest` and links it
   * into `repository`: the content is complete before the link makes it visible. When the content
   * already exists (an identical upload won), the upload is dropped.
   */
  async commitUpload(repository: string, digest: string, source: string): Promise<void> {
    const target = this.#layout.blob(digest);
    if ((await this.#driver.stat(target)) === undefined) {
      await this.#driver.commitResumable(source, target);
    } else {
      await this.#driver.deleteResumable(source);
    }
    await this.link(repository, digest);
  }

  /** Stores in-memory content (a manifest) under `digest`, unless it is already there. */
  async writeContent(digest: string, bytes: Uint8Array): Promise<void> {
    const target = this.#layout.blob(digest);
    if ((await this.#driver.stat(target)) !== undefined) return;
    await this.#driver.putContent(target, bytes);
  }

  /** The content of `digest` read whole (manifests), or undefined. */
  readContent(digest: string): Promise<Buffer | undefined> {
    return this.#driver.getContent(this.#layout.blob(digest));
  }
}
