import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { SourceError, SourceNotFoundError } from '../errors.js';
import { detectFileCompression } from '../sniff.js';
import { TempDir } from '../temp-dir.js';
import { TarFile } from './tar-file.js';
import { indexTar } from './tar-index.js';
import { zlib } from '../zlib.js';

/** Options of {@link openArchive}. */
export interface ArchiveOptions {
  /**
   * Where a compressed archive is decompressed to (a private directory is made inside). Default
   * `os.tmpdir()`. It needs room for the whole uncompressed archive.
   */
  tmpDir?: string;
  /** Stops reading when aborted; checked before anything is read. */
  signal?: AbortSignal;
}

/** An indexed archive, and the temporary copy to remove when done (if one was made). */
export interface OpenedArchive {
  readonly tar: TarFile;
  dispose(): Promise<void>;
}

/**
 * Opens a tar archive for reading entries in place. A gzip- or zstd-compressed archive
 * (`docker save | gzip`) cannot be read at random offsets, so it is first decompressed to a
 * temporary file (as skopeo does for docker archives); `dispose()` removes that copy. bzip2 and
 * xz archives are refused.
 *
 * @throws SourceError `SRC_NOT_FOUND`, `SRC_INVALID_ARCHIVE`, `SRC_UNSUPPORTED` (bzip2, xz)
 */
export async function openArchive(file: string, options: ArchiveOptions = {}): Promise<OpenedArchive> {
  const { signal } = options;
  signal?.throwIfAborted();
  await checkFile(file);
  const compression = await detectFileCompression(file);
  if (compression === 'bzip2' || compression === 'xz') {
    throw new SourceError('SRC_UNSUPPORTED', `${file} is ${compression}-compressed, which is not supported`, {
      path: file,
      hint: `Decompress it first (e.g. \`${compression === 'xz' ? 'xz' : 'bzip2'} -d ${file}\`), or compress it with gzip or zstd.`,
    });
  }
  if (compression === 'none') {
    return { tar: new TarFile(file, await indexTar(file, signal)), dispose: () => Promise.resolve() };
  }
  const temp = await TempDir.create('archive', options.tmpDir);
  try {
    const copy = temp.file('archive.tar');
    const decompressor = compression === 'gzip' ? zlib().createGunzip() : zlib().createZstdDecompress();
    await pipeline(createReadStream(file), decompressor, createWriteStream(copy), { signal });
    const entries = await indexTar(copy, signal, file);
    return { tar: new TarFile(copy, entries, file, () => temp.guard()), dispose: () => temp.dispose() };
  } catch (error) {
    await temp.dispose();
    if (
      (error as NodeJS.ErrnoException).code?.startsWith('Z_') === true ||
      (error as NodeJS.ErrnoException).code?.startsWith('ZSTD_') === true
    ) {
      throw new SourceError('SRC_INVALID_ARCHIVE', `cannot decompress ${file}: ${(error as Error).message}`, {
        path: file,
        hint: 'The archive is truncated or corrupted; export the image again.',
        cause: error,
      });
    }
    throw error;
  }
}

async function checkFile(file: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'ENOTDIR'
    ) {
      throw new SourceNotFoundError(file, 'archive', 'Check the path of the archive.', error);
    }
    throw error;
  }
  if (!info.isFile())
    throw new SourceNotFoundError(file, 'archive (it is not a file)', 'Check the path of the archive.');
}
