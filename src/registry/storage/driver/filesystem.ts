import { createReadStream } from 'node:fs';
import type { Dirent } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { appendBody } from '../append-file.js';
import { isMissing } from '../errors.js';
import {
  fileSize,
  fsyncFile,
  readIfExists,
  renameInto,
  touch,
  unlinkIfExists,
  writeFileAtomic,
} from '../files.js';
import { READ_CHUNK } from '../hashing.js';
import { readRange, type ChunkSink } from '../range-reader.js';
import { probeWritable } from '../usage.js';
import type { AppendOptions, DirEntry, FileInfo, PutOptions, StorageDriver, WalkEntry } from './driver.js';
import { checkKey } from './keys.js';

/** Options of {@link FilesystemDriver}. */
export interface FilesystemDriverOptions {
  /** Directory holding the store; created when missing. */
  readonly root: string;
  /** fsync files and directories before renames that commit data (default true). */
  readonly fsync?: boolean;
}

/** The directory, under the root, of temp files renamed into place when complete. */
const TMP = 'tmp';

/**
 * The file-system {@link StorageDriver}: a key is a path under `root`, with the layout the
 * registry has always had on disk (see `layout.ts`). Every write that must never be seen half
 * done goes to a temp file in `root/tmp/` (same file system), is fsynced, and is renamed over
 * its target. A resumable file is a plain file appended to in place.
 */
export class FilesystemDriver implements StorageDriver {
  readonly name = 'filesystem';
  readonly root: string;
  readonly #fsync: boolean;

  constructor(options: FilesystemDriverOptions) {
    this.root = options.root;
    this.#fsync = options.fsync ?? true;
  }

  get location(): string {
    return this.root;
  }

  /** The local path of `key`. */
  path(key: string): string {
    return join(this.root, checkKey(key));
  }

  localPath(key: string): string {
    return this.path(key);
  }

  async init(): Promise<void> {
    for (const dir of ['blobs', 'repositories', TMP]) await mkdir(this.path(dir), { recursive: true });
  }

  getContent(key: string): Promise<Buffer | undefined> {
    return readIfExists(this.path(key));
  }

  putContent(key: string, data: string | Uint8Array, options: PutOptions = {}): Promise<void> {
    return writeFileAtomic(this.path(TMP), this.path(key), data, { fsync: options.sync ?? this.#fsync });
  }

  /** Writes a temp file and hard-links it into place: `link` fails when the target exists. */
  async createExclusive(key: string, data: string | Uint8Array): Promise<boolean> {
    const temp = join(this.path(TMP), `${randomUUID()}.tmp`);
    await writeFile(temp, data);
    const target = this.path(key);
    try {
      await mkdir(dirname(target), { recursive: true });
      await link(temp, target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await rm(temp, { force: true });
    }
  }

  putMarker(key: string): Promise<void> {
    return touch(this.path(key));
  }

  async stat(key: string): Promise<FileInfo | undefined> {
    try {
      const info = await stat(this.path(key));
      return info.isFile() ? { size: info.size, modifiedMs: info.mtimeMs } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async list(key: string): Promise<DirEntry[]> {
    let entries: Dirent[];
    try {
      entries = await readdir(this.path(key), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    return entries
      .map((entry) => ({ name: entry.name, directory: entry.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Depth first, in name order; files vanishing during the walk are skipped. */
  async walk(key: string, visit: (entry: WalkEntry) => void | Promise<void>): Promise<void> {
    for (const entry of await this.list(key)) {
      const child = key === '' ? entry.name : `${key}/${entry.name}`;
      if (entry.directory) {
        await this.walk(child, visit);
        continue;
      }
      let info;
      try {
        info = await stat(this.path(child));
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
      if (info.isFile()) {
        await visit({ key: child, size: info.size, modifiedMs: info.mtimeMs, accessedMs: info.atimeMs });
      }
    }
  }

  delete(key: string): Promise<boolean> {
    return unlinkIfExists(this.path(key));
  }

  async deleteTree(key: string): Promise<void> {
    await rm(this.path(key), { recursive: true, force: true });
  }

  move(from: string, to: string): Promise<void> {
    return renameInto(this.path(from), this.path(to), this.#fsync);
  }

  open(key: string, start?: number, end?: number): Readable {
    return createReadStream(this.path(key), { start, end, highWaterMark: READ_CHUNK });
  }

  readRange(key: string, start: number, end: number, sink: ChunkSink): Promise<void> {
    return readRange(this.path(key), start, end, sink);
  }

  /** Sets the file's atime and keeps its mtime; a missing file is ignored. */
  async setAccessTime(key: string, atMs: number): Promise<void> {
    const path = this.path(key);
    try {
      const info = await stat(path);
      await utimes(path, atMs / 1000, info.mtime);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  async createResumable(key: string): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, '');
  }

  resumableSize(key: string): Promise<number | undefined> {
    return fileSize(this.path(key));
  }

  /** Gathered into 1 MiB writes (see `appendBody`); cut back to `position` on failure. */
  async append(
    key: string,
    position: number,
    body: Readable,
    onBytes: (bytes: Buffer) => void,
    options: AppendOptions = {},
  ): Promise<number> {
    const path = this.path(key);
    try {
      const count = await appendBody(body, path, position, onBytes, { follow: options.follow ?? false });
      options.check?.(count);
      return count;
    } catch (error) {
      await truncate(path, position).catch(() => undefined);
      throw error;
    }
  }

  openResumable(key: string): Readable {
    return this.open(key);
  }

  async commitResumable(key: string, target: string): Promise<void> {
    const source = this.path(key);
    if (this.#fsync) await fsyncFile(source);
    await renameInto(source, this.path(target), this.#fsync);
  }

  deleteResumable(key: string): Promise<boolean> {
    return unlinkIfExists(this.path(key));
  }

  /** Removes temp files under `tmp/` last modified before `cutoffMs`. */
  async purgeStale(cutoffMs: number): Promise<number> {
    let removed = 0;
    for (const entry of await this.list(TMP)) {
      const path = this.path(`${TMP}/${entry.name}`);
      try {
        if ((await stat(path)).mtimeMs >= cutoffMs) continue;
        await rm(path, { force: true, recursive: true });
        removed += 1;
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return removed;
  }

  /** Writes and removes a probe file in `tmp/`. */
  checkWritable(): Promise<void> {
    return probeWritable(this.path(TMP));
  }
}
