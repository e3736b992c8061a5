import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { apiError } from '../errors.js';
import { header } from './headers.js';

/** The request's `Content-Length` as a number, or undefined when absent or malformed. */
export function contentLength(req: IncomingMessage): number | undefined {
  const value = header(req.headers, 'content-length');
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value);
}

/**
 * Reads a whole request body of at most `limit` bytes into memory (manifests only). A body that is
 * declared or turns out to be larger fails with 413 `SIZE_INVALID` without reading the rest, and
 * the connection is closed after the answer.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = contentLength(req);
  if (declared !== undefined && declared > limit) throw tooLarge(declared, limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > limit) throw tooLarge(size, limit);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(size: number, limit: number) {
  return apiError('SIZE_INVALID', {
    status: 413,
    message: `manifest is larger than this registry accepts (${limit} bytes)`,
    detail: { size, limit },
    headers: { Connection: 'close' },
  });
}

/**
 * The request body, refused with 413 `SIZE_INVALID` when it is declared or turns out to be larger
 * than `limit` bytes (0: no limit, the body is returned as is). The check runs as bytes flow, so
 * nothing over the limit is ever written.
 */
export function limitedBody(req: IncomingMessage, limit: number): Readable {
  if (limit <= 0) return req;
  const declared = contentLength(req);
  if (declared !== undefined && declared > limit) throw requestTooLarge(declared, limit);
  let seen = 0;
  const counter = new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(requestTooLarge(seen, limit));
      else done(null, chunk);
    },
  });
  req.on('error', (error) => counter.destroy(error));
  // The store may attach its pipeline a moment later; until then an error must not go unheard
  // (the pipeline still sees it: it checks whether a stream already failed).
  counter.on('error', () => undefined);
  return req.pipe(counter);
}

function requestTooLarge(size: number, limit: number) {
  return apiError('SIZE_INVALID', {
    status: 413,
    message: `request body is larger than this registry accepts (${limit} bytes per request); raise limits.max-request-bytes or send smaller chunks`,
    detail: { size, limit },
    headers: { Connection: 'close' },
  });
}
