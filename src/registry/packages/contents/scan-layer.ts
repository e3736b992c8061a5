import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import { extract, type Header } from 'tar-stream';
import { apiError } from '../../errors.js';
import type { EntryType } from '../types.js';
import { normalizeEntryPath, type LayerEntry } from './file-tree.js';

/** How a layer blob is compressed, from its first bytes (the media type may lie or be generic). */
export function sniffCompression(head: Uint8Array): 'gzip' | 'zstd' | 'none' {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

const TYPES: Readonly<Record<string, EntryType>> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'directory',
  symlink: 'symlink',
  link: 'hardlink',
  'character-device': 'char',
  'block-device': 'block',
  fifo: 'fifo',
};

/**
 * The entries of one layer tar, streamed: file bodies are skipped, never buffered. `compression`
 * comes from {@link sniffCompression}. Long names (PAX, GNU) are resolved by tar-stream. More
 * than `maxEntries` entries, or more than `maxPathBytes` of entry paths together (a few long
 * names can hold gigabytes once decompressed), fails with 413 `UNSUPPORTED`.
 */
export async function scanLayer(
  source: Readable,
  compression: 'gzip' | 'zstd' | 'none',
  maxEntries = Number.POSITIVE_INFINITY,
  maxPathBytes = Number.POSITIVE_INFINITY,
): Promise<LayerEntry[]> {
  const entries: LayerEntry[] = [];
  let pathBytes = 0;
  const unpack = extract();
  unpack.on('entry', (header: Header, stream, next) => {
    const entry = toEntry(header);
    if (entry !== undefined) {
      entries.push(entry);
      pathBytes += entry.path.length + (entry.link?.length ?? 0);
    }
    if (pathBytes > maxPathBytes) {
      unpack.destroy(
        apiError('UNSUPPORTED', {
          status: 413,
          message: `the image's file names are too long to list (over ${maxPathBytes} bytes together)`,
        }),
      );
      return;
    }
    if (entries.length > maxEntries) {
      unpack.destroy(
        apiError('UNSUPPORTED', {
          status: 413,
          message: 'the image holds more files than this registry lists (1,000,000 tar entries)',
        }),
      );
      return;
    }
    stream.on('end', next);
    stream.resume();
  });
  const stages = [
    source,
    ...(compression === 'gzip' ? [createGunzip()] : compression === 'zstd' ? [createZstdDecompress()] : []),
    unpack,
  ];
  await pipeline(stages as unknown as [Readable, Writable]);
  return entries;
}

function toEntry(header: Header): LayerEntry | undefined {
  const type = TYPES[header.type ?? 'file'];
  const path = normalizeEntryPath(header.name);
  if (type === undefined || path === undefined) return undefined;
  const link = header.linkname ?? undefined;
  const linkPath = type === 'hardlink' && link !== undefined ? normalizeEntryPath(link) : link;
  return {
    path,
    type,
    size: type === 'file' ? (header.size ?? 0) : 0,
    mode: (header.mode ?? 0) & 0o7777,
    ...((type === 'symlink' || type === 'hardlink') && linkPath !== undefined
      ? { link: type === 'hardlink' ? `/${linkPath}` : linkPath }
      : {}),
  };
}
