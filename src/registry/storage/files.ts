import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs';
import { mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isMissing } from './errors.js';

/**
 * Small file-system helpers of the file-system storage driver. Every write that must never be seen half
 * done goes to a temp file in the store's own `tmp/` directory (same file system), is fsynced,
 * and is renamed over its target: a crash at any moment leaves either the old file or the new one.
 */

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** fsync the file before the rename and the directory after it (default true). */
  fsync?: boolean;
}

/** Writes `data` to `target` through a temp file in `tmpDir` and an atomic rename. */
export async function writeFileAtomic(
  tmpDir: string,
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const sync = options.fsync ?? true;
  const temp = join(tmpDir, `${randomUUID()}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await renameInto(temp, target, sync);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Renames `source` to `target`, creating the target's directory when needed, then (when `sync`)
 * fsyncs that directory so the rename itself survives a power cut.
 */
export async function renameInto(source: string, target: string, sync = true): Promise<void> {
  try {
    await rename(source, target);
  } catch (error) {
    if (!isMissing(error)) throw error;
    await mkdir(dirname(target), { recursive: true });
    await rename(source, target);
  }
  if (sync) await fsyncDirectory(dirname(target));
}

/** fsyncs a directory; file systems that refuse (EISDIR/EINVAL on some platforms) are ignored. */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && !isMissing(error)) throw error;
  } finally {
    await handle?.close();
  }
}

/** fsyncs a regular file. */
export async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Reads a file, or returns undefined when it (or a parent directory) does not exist. Uses the
 * callback `fs.readFile`, which for the small link and tag files read on every manifest request
 * is about twice as fast as `fs.promises.readFile`.
 */
export function readIfExists(path: string): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    readFile(path, (error, data) => {
      if (error === null) resolve(data);
      else if (isMissing(error)) resolve(undefined);
      else reject(error);
    });
  });
}

/** The size of a regular file, or undefined when there is none. */
export async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Deletes a file; returns false when there was none. */
export async function unlinkIfExists(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** Creates an empty file (and its directory) unless one exists. Used for link files. */
export async function touch(path: string): Promise<void> {
  try {
    await (await open(path, 'a')).close();
  } catch (error) {
    if (!isMissing(error)) throw error;
    await mkdir(dirname(path), { recursive: true });
    await (await open(path, 'a')).close();
  }
}
