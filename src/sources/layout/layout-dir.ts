import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Descriptor } from '../../oci/descriptor.js';
import type { BlobSource } from '../../oci/image.js';
import { BlobIntegrityError, SourceError, SourceNotFoundError } from '../errors.js';
import { fileBlob } from '../file-blob.js';
import { blobName } from './blob-name.js';
import type { BlobStore } from './blob-store.js';

const LAYOUT_HINT = 'An OCI image layout directory holds oci-layout, index.json and blobs/; check the path.';

/**
 * An OCI image layout directory: the one object that touches its files (go-containerregistry's
 * `layout.Path`). Blob paths come from parsed digests only (see `blobName`).
 */
export class LayoutDir implements BlobStore {
  /** The directory, as given. */
  readonly root: string;

  private constructor(root: string) {
    this.root = root;
  }

  get location(): string {
    return this.root;
  }

  /**
   * Checks that `root` is a directory.
   *
   * @throws SourceNotFoundError `SRC_NOT_FOUND` when it is missing or not a directory
   */
  static async open(root: string): Promise<LayoutDir> {
    const info = await statOrUndefined(root);
    if (info === undefined) throw new SourceNotFoundError(root, 'OCI layout directory', LAYOUT_HINT);
    if (!info.isDirectory())
      throw new SourceNotFoundError(root, 'OCI layout directory (it is a file)', LAYOUT_HINT);
    return new LayoutDir(root);
  }

  /** The absolute or relative path of a blob, from a digest that is parsed first. */
  blobPath(digest: string, where = 'a descriptor'): string {
    return join(this.root, blobName(digest, where));
  }

  async readFile(name: string, maxBytes: number): Promise<Uint8Array> {
    const path = join(this.root, name);
    const info = await statOrUndefined(path);
    if (info === undefined || !info.isFile())
      throw new SourceNotFoundError(path, `${name} of the OCI layout`, LAYOUT_HINT);
    if (info.size > maxBytes) {
      throw new SourceError(
        'SRC_UNSUPPORTED',
        `${path} is ${info.size} bytes; at most ${maxBytes} bytes are accepted`,
        { path },
      );
    }
    return readFile(path);
  }

  async check(descriptor: Descriptor): Promise<void> {
    const path = this.blobPath(descriptor.digest);
    const info = await statOrUndefined(path);
    if (info === undefined || !info.isFile()) {
      throw new SourceNotFoundError(
        path,
        `blob ${descriptor.digest}`,
        'The layout is incomplete: copy the image into it again.',
      );
    }
    if (info.size !== descriptor.size) {
      throw new BlobIntegrityError(
        'SRC_SIZE_MISMATCH',
        path,
        `${descriptor.size} bytes`,
        `${info.size} bytes`,
      );
    }
  }

  blob(descriptor: Descriptor): BlobSource {
    return fileBlob(descriptor, { file: this.blobPath(descriptor.digest) });
  }
}

async function statOrUndefined(path: string): Promise<Awaited<ReturnType<typeof stat>> | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
