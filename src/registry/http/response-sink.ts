import type { ServerResponse } from 'node:http';
import type { ChunkSink } from '../storage/range-reader.js';

/**
 * A {@link ChunkSink} that writes each chunk to `res` and releases it when the socket has taken
 * it (the write callback), so the store can read the next chunk into the same buffer. When the
 * client goes away first, every pending chunk is released with `ERR_STREAM_PREMATURE_CLOSE`
 * (a client-gone error: not logged as a server failure).
 */
export function responseSink(res: ServerResponse): ChunkSink {
  const pending = new Set<(error: Error) => void>();
  let gone: Error | undefined;
  res.once('close', () => {
    if (res.writableFinished) return;
    gone = Object.assign(new Error('the client closed the connection during the response'), {
      code: 'ERR_STREAM_PREMATURE_CLOSE',
    });
    for (const fail of pending) fail(gone);
    pending.clear();
  });
  return (chunk) =>
    new Promise<void>((resolve, reject) => {
      if (gone !== undefined) {
        reject(gone);
        return;
      }
      pending.add(reject);
      res.write(chunk, (error) => {
        pending.delete(reject);
        if (error) reject(error);
        else resolve();
      });
    });
}
