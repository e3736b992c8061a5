import { createReadStream } from 'node:fs';
import { posix } from 'node:path';
import type { Header } from 'tar-stream';
import { SourceError, SourceNotFoundError } from '../errors.js';
import { loadTarStream } from '../tar-stream.js';

/** Size of a tar header block; an entry's data starts right after its (last) header block. */
const BLOCK = 512;

/** One entry of a tar file, located so its data can be read in place. */
export interface TarEntry {
  /** Normalised path: no leading `./` or `/`, no trailing `/`, `.` and `..` resolved. */
  readonly name: string;
  readonly type: Header['type'];
  /** Data bytes (0 for links and directories). */
  readonly size: number;
  /** Byte offset of the data in the tar file. */
  readonly offset: number;
  /** Target of a symlink or hard link, as stored. */
  readonly linkname: string | undefined;
}

/**
 * Reads a tar file once, from start to end, and records where each entry's data lies, so that
 * later reads open the file at that offset instead of extracting anything.
 *
 * tar-stream (a streaming tar parser, kept up to date and used widely) parses the headers,
 * including PAX extended headers and GNU long names, which put extra blocks before an entry's
 * own header; its `offset` is the position of that own header, so the data is at `offset + 512`:
 * tar stores an entry's data contiguously after its header. Data bytes are skipped, not kept.
 *
 * When a name appears more than once, the first entry wins (as in skopeo's `findTarComponent`).
 *
 * @param display how messages name the archive (the user's file when `file` is a decompressed copy)
 * @throws SourceError `SRC_NOT_FOUND` (no file), `SRC_INVALID_ARCHIVE` (not a tar, or truncated)
 */
export async function indexTar(
  file: string,
  signal?: AbortSignal,
  display: string = file,
): Promise<Map<string, TarEntry>> {
  signal?.throwIfAborted();
  const entries = new Map<string, TarEntry>();
  const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
  // The tar parser loads only where a tar is read (a layout push does without it).
  const { extract } = await loadTarStream();
  const parser = extract();
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const entry of parser) {
      signal?.throwIfAborted();
      const { header } = entry;
      const name = normalizeTarPath(header.name);
      if (!entries.has(name)) {
        entries.set(name, {
          name,
          type: header.type,
          size: header.type === 'file' || header.type === 'contiguous-file' ? header.size : 0,
          offset: entry.offset + BLOCK,
          linkname: header.linkname ?? undefined,
        });
      }
      entry.resume();
    }
  } catch (error) {
    input.destroy();
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new SourceNotFoundError(display, 'archive', undefined, error);
    if (signal?.aborted === true) throw error;
    throw new SourceError(
      'SRC_INVALID_ARCHIVE',
      `cannot read ${display} as a tar archive: ${(error as Error).message}`,
      {
        path: display,
        hint: 'The file is not a tar archive, or it is truncated; export the image again.',
        cause: error,
      },
    );
  }
  return entries;
}

/** `./blobs//sha256/x/` → `blobs/sha256/x`; `/a/../b` → `b`. A path that climbs out stays `../...`. */
export function normalizeTarPath(name: string): string {
  const cleaned = posix.normalize(`${name}`.replace(/^\/+/, '')).replace(/\/+$/, '');
  return cleaned === '.' ? '' : cleaned.replace(/^\.\//, '');
}
