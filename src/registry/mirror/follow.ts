import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { isMissing } from '../storage/errors.js';
import type { BlobFill } from './fill.js';

/** Bytes read per step from the growing file. */
const READ_SIZE = 256 * 1024;
/** Longest wait for news of the fill before looking at the file again. */
const POLL_MS = 25;

/**
 * The blob a fill is fetching, as a stream that follows the fill's data file while it grows:
 * a client gets the bytes as they arrive from the upstream, without waiting for the whole layer.
 * The last byte read is always held back until the fill is verified and committed, so when the
 * digest turns out wrong the stream errors before the client has a complete body (with a
 * `Content-Length`, the response then ends short and the client sees the failure). When the fill
 * has no data file (another store, or the file was committed before it could be opened),
 * `fallback` streams the committed blob once the fill is done.
 */
export function followFill(fill: BlobFill, fallback: () => Promise<Readable>): Readable {
  return Readable.from(follow(fill, fallback), { objectMode: false });
}

async function* follow(fill: BlobFill, fallback: () => Promise<Readable>): AsyncGenerator<Buffer> {
  await fill.started;
  let handle: FileHandle | undefined;
  if (fill.dataPath !== undefined && fill.state === 'running') {
    try {
      handle = await open(fill.dataPath, 'r');
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  if (handle === undefined) {
    await fill.done;
    yield* (await fallback()) as AsyncIterable<Buffer>;
    return;
  }
  try {
    let position = 0;
    let held: Buffer | undefined;
    for (;;) {
      const state = fill.state;
      if (state === 'failed') throw fill.error;
      const buffer = Buffer.allocUnsafe(READ_SIZE);
      const { bytesRead } = await handle.read(buffer, 0, READ_SIZE, position);
      if (bytesRead > 0) {
        position += bytesRead;
        if (held !== undefined) yield held;
        held = buffer.subarray(bytesRead - 1, bytesRead);
        if (bytesRead > 1) yield buffer.subarray(0, bytesRead - 1);
        continue;
      }
      if (state === 'done') {
        if (held !== undefined) yield held;
        return;
      }
      await fill.waitForProgress(POLL_MS);
    }
  } finally {
    await handle.close();
  }
}
