import { YOUNG_GC_EVERY_BYTES, collectYoungGeneration } from '../ops/young-gc.js';
import { close, open, write } from 'node:fs';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { POOLED_BUFFER_SIZE, returnBuffer, takeBuffer } from './buffer-pool.js';

const openAsync = promisify(open);
const closeAsync = promisify(close);
const writeAsync = promisify(write);

/** Size of the buffers a body is gathered into before each file write. */
export const APPEND_BUFFER = POOLED_BUFFER_SIZE;

/**
 * Appends everything `body` yields to the file at `path`, starting at byte `position`, and
 * resolves with the number of bytes written. A socket yields the body in reads of up to 64 KiB;
 * they are copied into two 1 MiB buffers that take turns (one is filled while the other is being
 * written), so the file sees one write per MiB instead of one per read, and `onBytes` (the
 * upload's hash) runs once per MiB. When both buffers are busy, `body` is paused until a write
 * completes: memory stays at 2 MiB per upload whatever the client's speed.
 *
 * With `follow`, each piece the body yields is written before the next is read, for readers
 * that follow the file while it grows (a mirror fill serving its first client).
 *
 * On any failure (the body's, a write's, `onBytes`'s) the body is destroyed, the writes in flight
 * are awaited and the error is thrown: the caller cuts the file back to `position`.
 */
export async function appendBody(
  body: Readable,
  path: string,
  position: number,
  onBytes: (bytes: Buffer) => void,
  options: { follow?: boolean } = {},
): Promise<number> {
  const fd = await openAsync(path, 'r+');
  let filling = takeBuffer();
  let other = takeBuffer();
  let failed = false;
  let written: Promise<void> = Promise.resolve();
  let at = position;
  let used = 0;
  /** Hashes the gathered bytes, waits for the other buffer's write, and starts this one's. */
  const flush = async (): Promise<void> => {
    const bytes = filling.subarray(0, used);
    onBytes(bytes);
    await written;
    written = writeFully(fd, bytes, at);
    // Seen when awaited at the next flush or the end, never reported as unhandled meanwhile.
    written.catch(() => undefined);
    at += used;
    used = 0;
    [filling, other] = [other, filling];
  };
  let sinceGc = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      sinceGc += chunk.length;
      if (sinceGc >= YOUNG_GC_EVERY_BYTES) {
        sinceGc = 0;
        collectYoungGeneration();
      }
      let offset = 0;
      while (offset < chunk.length) {
        const n = chunk.copy(filling, used, offset);
        used += n;
        offset += n;
        if (used === filling.length) await flush();
      }
      if (options.follow && used > 0) await flush();
    }
    if (used > 0) await flush();
    await written;
    return at - position;
  } catch (error) {
    failed = true;
    body.destroy();
    await written.catch(() => undefined);
    throw error;
  } finally {
    await closeAsync(fd);
    if (!failed) {
      returnBuffer(filling);
      returnBuffer(other);
    }
  }
}

async function writeFully(fd: number, bytes: Buffer, position: number): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await writeAsync(fd, bytes, offset, bytes.length - offset, position + offset);
    offset += bytesWritten;
  }
}
