import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Descriptor } from '../../oci/descriptor.js';
import type { BlobSource } from '../../oci/image.js';
import { SourceError, SourceNotFoundError } from '../errors.js';
import { fileBlob, type FileRange } from '../file-blob.js';
import { normalizeTarPath, type TarEntry } from './tar-index.js';

/** Symlinks followed in a row before giving up (docker save uses one level). */
const MAX_LINK_HOPS = 8;

/**
 * An indexed, uncompressed tar file whose entries are read in place, by byte range: the one
 * object that reads an archive's bytes. `display` names the archive in messages (the user's
 * file, even when `path` is a decompressed temporary copy of it).
 */
export class TarFile {
  /** The tar file read. */
  readonly path: string;
  /** The archive as the user named it. */
  readonly display: string;
  readonly #entries: ReadonlyMap<string, TarEntry>;
  readonly #guard: (() => void) | undefined;

  constructor(
    path: string,
    entries: ReadonlyMap<string, TarEntry>,
    display: string = path,
    guard?: () => void,
  ) {
    this.path = path;
    this.display = display;
    this.#entries = entries;
    this.#guard = guard;
  }

  /** `archive.tar:name`, how messages name an entry. */
  where(name: string): string {
    return `${this.display}:${name}`;
  }

  /** True when `name` (normalised) is an entry, of any type. */
  has(name: string): boolean {
    return this.#entries.has(normalizeTarPath(name));
  }

  /**
   * The regular-file entry `name` stands for, following symbolic links (relative to the link's
   * directory) and hard links (relative to the archive root), as `docker save` writes them.
   *
   * @throws SourceError `SRC_NOT_FOUND` (no such entry, or a link to nothing), `SRC_INVALID_ARCHIVE` (not a file)
   */
  entry(name: string): TarEntry {
    let current = normalizeTarPath(name);
    for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
      const entry = this.#entries.get(current);
      if (entry === undefined || current.startsWith('../') || current === '..') {
        throw new SourceNotFoundError(
          this.where(name),
          'archive entry',
          'The archive is incomplete; export the image again.',
        );
      }
      if (entry.type === 'file' || entry.type === 'contiguous-file') return entry;
      if ((entry.type === 'symlink' || entry.type === 'link') && entry.linkname !== undefined) {
        const base = entry.type === 'symlink' ? posix.dirname(current) : '';
        current = normalizeTarPath(posix.join(base, entry.linkname));
        continue;
      }
      throw new SourceError('SRC_INVALID_ARCHIVE', `${this.where(name)} is a ${entry.type}, not a file`, {
        path: this.display,
      });
    }
    throw new SourceError(
      'SRC_INVALID_ARCHIVE',
      `${this.where(name)}: more than ${MAX_LINK_HOPS} links in a row`,
      { path: this.display },
    );
  }

  /** Where the data of `name` lies in the tar file. */
  range(name: string): FileRange {
    const entry = this.entry(name);
    return { file: this.path, start: entry.offset, length: entry.size };
  }

  /**
   * Reads a small entry (a JSON file) into memory.
   *
   * @throws SourceError `SRC_NOT_FOUND`, `SRC_UNSUPPORTED` (larger than `maxBytes`)
   */
  async read(name: string, maxBytes: number): Promise<Buffer> {
    this.#guard?.();
    const entry = this.entry(name);
    if (entry.size > maxBytes) {
      throw new SourceError(
        'SRC_UNSUPPORTED',
        `${this.where(name)} is ${entry.size} bytes; at most ${maxBytes} bytes are accepted`,
        {
          path: this.display,
        },
      );
    }
    const handle = await open(this.path, 'r');
    try {
      const buffer = Buffer.alloc(entry.size);
      const { bytesRead } = await handle.read(buffer, 0, entry.size, entry.offset);
      if (bytesRead !== entry.size)
        throw new SourceError('SRC_INVALID_ARCHIVE', `${this.where(name)} is truncated`, {
          path: this.display,
        });
      return buffer;
    } finally {
      await handle.close();
    }
  }

  /**
   * A verifying opener of entry `name`, resolved and read on `open()` (so a blob never read, such
   * as a non-distributable layer, need not be in the archive).
   *
   * @param decompress decompress the entry before verifying it against `descriptor`
   */
  blob(descriptor: Descriptor, name: string, decompress?: 'gzip' | 'zstd'): BlobSource {
    const options = { where: this.where(name), guard: this.#guard, decompress };
    return fileBlob(descriptor, () => this.range(name), options);
  }
}
