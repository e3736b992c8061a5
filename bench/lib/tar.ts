/**
 * The bytes around one regular file in a POSIX ustar archive, written by hand: a 512-byte header
 * before the data, then padding to a 512-byte boundary and the two zero blocks that end the
 * archive. Enough for a benchmark layer (one file of random bytes); not a general tar writer.
 */
import { BenchError } from './errors.js';

/** The tar block size. */
export const BLOCK = 512;
/** Largest file a ustar header's 11 octal digits can describe (8 GiB - 1). */
export const MAX_TAR_FILE = 8 * 1024 * 1024 * 1024 - 1;

/**
 * The ustar header of a regular file `name` (at most 100 bytes of ASCII) of `size` bytes, mode
 * 0644, owned by 0:0, with modification time `mtime` (seconds since the epoch; default 0 so that
 * equal content gives equal digests).
 *
 * @throws BenchError `BENCH_USAGE` when the name is too long or the size does not fit
 */
export function tarHeader(name: string, size: number, mtime = 0): Buffer {
  if (Buffer.byteLength(name) > 100) throw new BenchError('BENCH_USAGE', `tar entry name too long: ${name}`);
  if (size < 0 || size > MAX_TAR_FILE) {
    throw new BenchError('BENCH_USAGE', `a benchmark layer holds at most 8 GiB; asked for ${size} bytes`, {
      hint: 'use more layers (--layers) or a smaller --size',
    });
  }
  const header = Buffer.alloc(BLOCK);
  header.write(name, 0, 100, 'utf8');
  octal(header, 100, 8, 0o644);
  octal(header, 108, 8, 0);
  octal(header, 116, 8, 0);
  octal(header, 124, 12, size);
  octal(header, 136, 12, mtime);
  header.write('        ', 148, 8, 'latin1'); // checksum field counts as spaces
  header.write('0', 156, 1, 'latin1'); // regular file
  header.write('ustar\u000000', 257, 8, 'latin1');
  header.write('root', 265, 32, 'latin1');
  header.write('root', 297, 32, 'latin1');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1');
  return header;
}

/** The zero padding after `size` bytes of data plus the end-of-archive marker (two zero blocks). */
export function tarTrailer(size: number): Buffer {
  const pad = (BLOCK - (size % BLOCK)) % BLOCK;
  return Buffer.alloc(pad + 2 * BLOCK);
}

/** Size of the whole archive holding one file of `size` bytes. */
export function tarSize(size: number): number {
  return BLOCK + size + tarTrailer(size).length;
}

function octal(header: Buffer, offset: number, length: number, value: number): void {
  header.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, length, 'latin1');
}
