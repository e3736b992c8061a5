import { apiError } from '../errors.js';
import { parseDigestParam } from '../names.js';
import type { RequestContext } from './context.js';
import { header, parseRange } from './headers.js';
import { sendEmpty } from './reply.js';
import { responseSink } from './response-sink.js';

/** `GET`/`HEAD`/`DELETE /v2/<name>/blobs/<digest>`. GET honours a single `Range`. */
export async function handleBlob(ctx: RequestContext, name: string, rawDigest: string): Promise<void> {
  const digest = parseDigestParam(rawDigest).value;
  if (ctx.method === 'DELETE') {
    if (!(await ctx.store.deleteBlob(name, digest))) throw apiError('BLOB_UNKNOWN', { detail: { digest } });
    sendEmpty(ctx.res, 202, { 'Docker-Content-Digest': digest });
    return;
  }
  const blob = await ctx.store.getBlob(name, digest);
  if (blob === undefined) throw apiError('BLOB_UNKNOWN', { detail: { digest } });
  const range = parseRange(header(ctx.req.headers, 'range'), blob.size);
  if (range === 'unsatisfiable') {
    throw apiError('RANGE_INVALID', {
      message: `requested range not satisfiable: the blob has ${blob.size} bytes`,
      detail: { size: blob.size },
      headers: { 'Content-Range': `bytes */${blob.size}` },
    });
  }
  const { res } = ctx;
  if (ctx.method === 'GET' && blob.redirect !== undefined) {
    // The store serves the bytes itself (a presigned S3 URL): the client follows, Range and all.
    sendEmpty(res, 307, { Location: blob.redirect, 'Docker-Content-Digest': digest });
    return;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? blob.size - 1;
  const length = blob.size === 0 ? 0 : end - start + 1;
  res.statusCode = range === undefined ? 200 : 206;
  if (range !== undefined) res.setHeader('Content-Range', `bytes ${start}-${end}/${blob.size}`);
  res.setHeader('Docker-Content-Digest', digest);
  res.setHeader('ETag', `"${digest}"`);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', 'max-age=31536000');
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Length', length);
  if (ctx.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  // Reused buffers, released by the socket's write callbacks: no allocation per chunk.
  await blob.read(start, end, responseSink(res));
  res.end();
}
