/**
 * A deterministic tar writer's pieces: USTAR headers with fixed owner (0:0, no names), fixed
 * mtime (0) and modes, PAX records for names over 100 bytes, base-256 sizes over 8 GiB. The
 * same entries give the same bytes, everywhere.
 */

const BLOCK = 512;

/** The two zero blocks that end a tar. */
export const TAR_END: Buffer = Buffer.alloc(2 * BLOCK);

/** Bytes that pad `size` bytes of content to a whole block. */
export function paddingOf(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** A zero buffer padding `size` bytes of content to a whole block. */
export function padding(size: number): Buffer {
  return Buffer.alloc(paddingOf(size));
}

/** The header blocks of a file (`type` `file`) or directory entry: one block, or three with a PAX name. */
export function tarHeader(name: string, size: number, type: 'file' | 'directory' = 'file'): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length <= 100) return ustar(name, size, type === 'file' ? '0' : '5');
  const record = paxRecord('path', name);
  const pax = Buffer.concat([ustar('PaxHeader', record.length, 'x'), record, padding(record.length)]);
  return Buffer.concat([
    pax,
    ustar(nameBytes.subarray(0, 100).toString('latin1'), size, type === 'file' ? '0' : '5', true),
  ]);
}

/** How many bytes {@link tarHeader} gives for `name`. */
export function tarHeaderLength(name: string): number {
  if (Buffer.byteLength(name, 'utf8') <= 100) return BLOCK;
  const record = paxRecord('path', name);
  return BLOCK + record.length + paddingOf(record.length) + BLOCK;
}

/** One PAX record: `"<len> key=value\n"`, where len counts itself. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bodyLength = Buffer.byteLength(body, 'utf8');
  let length = bodyLength + 1;
  while (String(length).length + bodyLength !== length) length++;
  return Buffer.from(`${length}${body}`, 'utf8');
}

function ustar(name: string, size: number, typeflag: string, latin1Name = false): Buffer {
  const header = Buffer.alloc(BLOCK);
  header.write(name, 0, 100, latin1Name ? 'latin1' : 'utf8');
  header.write(typeflag === '5' ? '0000755\0' : '0000644\0', 100, 'ascii');
  header.write('0000000\0', 108, 'ascii');
  header.write('0000000\0', 116, 'ascii');
  writeSize(header, size);
  header.write('00000000000\0', 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write(typeflag, 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

function writeSize(header: Buffer, size: number): void {
  if (size < 0o77777777777) {
    header.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
    return;
  }
  // GNU base-256: high bit of the first byte set, big-endian value in the rest.
  let value = BigInt(size);
  for (let i = 135; i > 124; i--) {
    header[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  header[124] = 0x80;
}
