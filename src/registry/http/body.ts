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
 * declared or turns out to be larger fails with 413 `SIZE_INVALID` without reading the rest (the
 * handler drains it after the answer, bounded: see `drain.ts`).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = contentLength(req);
  if (declared !== undefined && declared > limit) return Promise.reject(tooLarge(declared, limit));
  // Not `for await`: leaving that loop early destroys the request, and with it the connection
  // the answer has to go out on.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: unknown, body?: Buffer): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', finish);
      req.off('close', onClose);
      if (body === undefined) reject(error);
      else resolve(body);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(tooLarge(size, limit));
      } else chunks.push(chunk);
    };
    const onEnd = (): void => finish(undefined, Buffer.concat(chunks, size));
    const onClose = (): void => {
      if (!req.complete) finish(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', finish);
    req.once('close', onClose);
  });
}

function tooLarge(size: number, limit: number) {
  return apiError('SIZE_INVALID', {
    status: 413,
    message: `manifest is larger than this registry accepts (${limit} bytes)`,
    detail: { size, limit },
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
  });
}
