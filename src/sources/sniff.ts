import { open } from 'node:fs/promises';
import type { BlobSource } from '../oci/image.js';

/**
 * What the first bytes of a stream say about its compression, as containers/image's
 * `compression.DetectCompression` reads them: gzip `1f 8b 08`, zstd `28 b5 2f fd`, bzip2 `BZh`,
 * xz `fd 37 7a 58 5a 00`; anything else is `none` (a plain tar, or unknown bytes).
 */
export type DetectedCompression = 'gzip' | 'zstd' | 'bzip2' | 'xz' | 'none';

const MAGIC: ReadonlyArray<readonly [DetectedCompression, readonly number[]]> = [
  ['gzip', [0x1f, 0x8b, 0x08]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
];

/** Bytes {@link detectCompression} needs to see to decide. */
export const SNIFF_BYTES = 6;

/** The compression the leading bytes of some content show. Fewer bytes than a magic number never match it. */
export function detectCompression(head: Uint8Array): DetectedCompression {
  for (const [name, magic] of MAGIC) {
    if (head.length >= magic.length && magic.every((byte, i) => head[i] === byte)) return name;
  }
  return 'none';
}

/** Reads up to {@link SNIFF_BYTES} bytes of `file` at `offset` and detects their compression. */
export async function detectFileCompression(file: string, offset = 0): Promise<DetectedCompression> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, offset);
    return detectCompression(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * Opens `blob`, reads its first bytes and stops reading (the rest is never hashed, so no
 * verification error can follow); returns the compression the bytes show, whatever the media type says.
 */
export async function detectBlobCompression(
  blob: BlobSource,
  signal?: AbortSignal,
): Promise<DetectedCompression> {
  const stream = await blob.open(signal);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= SNIFF_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  return detectCompression(Buffer.concat(chunks, length));
}
