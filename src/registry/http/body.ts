import type { IncomingMessage } from 'node:http';
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
