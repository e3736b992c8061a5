import { apiError } from '../errors.js';
import { isSafeRepository, isSafeUploadId, parseDigestParam } from '../names.js';
import type { ChunkInput } from '../storage/store.js';
import { contentLength, limitedBody } from './body.js';
import type { RequestContext } from './context.js';
import { blobLocation, header, parseContentRange, uploadHeaders } from './headers.js';
import { sendEmpty } from './reply.js';
import { fromStoreError } from './store-errors.js';

/**
 * `POST /v2/<name>/blobs/uploads/`: starts a session (202), or with `?digest=` stores the body as
 * the whole blob (201), or with `?mount=<digest>[&from=<repo>]` mounts an existing blob (201) and
 * falls back to a new session (202) when it cannot.
 */
export async function handleStartUpload(ctx: RequestContext, name: string): Promise<void> {
  const { store, query } = ctx;
  const mount = query.get('mount');
  if (mount !== null) {
    const digest = parseDigestParam(mount).value;
    if (await tryMount(ctx, name, digest, query.get('from'))) {
      ctx.req.resume();
      sendEmpty(ctx.res, 201, { Location: blobLocation(name, digest), 'Docker-Content-Digest': digest });
      return;
    }
  } else if (query.get('digest') !== null) {
    const digest = parseDigestParam(query.get('digest')!).value;
    const session = await store.createUpload(name);
    try {
      const body = limitedBody(ctx.req, ctx.options.maxRequestBytes);
      await store.commitUpload(name, session.id, digest, { body, length: contentLength(ctx.req) });
    } catch (error) {
      await store.cancelUpload(name, session.id).catch(() => false);
      throw fromStoreError(error);
    }
    sendEmpty(ctx.res, 201, { Location: blobLocation(name, digest), 'Docker-Content-Digest': digest });
    return;
  }
  ctx.req.resume();
  const session = await store.createUpload(name);
  sendEmpty(ctx.res, 202, { ...uploadHeaders(session), 'Content-Length': '0' });
}

/** Mounts `digest` into `name` when allowed and possible; true on success. */
async function tryMount(
  ctx: RequestContext,
  name: string,
  digest: string,
  from: string | null,
): Promise<boolean> {
  if (from === null) {
    if (!ctx.options.automaticCrossMount) return false;
    return (await ctx.store.mountBlob(name, digest, undefined)) !== undefined;
  }
  if (!isSafeRepository(from)) return false;
  const verdict = await ctx.options.authorizer.authorize(ctx.req, { repository: from, actions: ['pull'] });
  if (!verdict.ok) return false;
  return (await ctx.store.mountBlob(name, digest, from)) !== undefined;
}

/**
 * `/v2/<name>/blobs/uploads/<id>`: `GET` reports progress (204 + `Range`), `PATCH` appends a chunk
 * (in order when it has a `Content-Range`; 416 otherwise), `PUT ?digest=` appends an optional last
 * chunk and commits (201), `DELETE` cancels (204).
 */
export async function handleUpload(ctx: RequestContext, name: string, id: string): Promise<void> {
  const { store, res } = ctx;
  if (!isSafeUploadId(id)) throw apiError('BLOB_UPLOAD_UNKNOWN', { detail: { id: id.slice(0, 100) } });
  const session = { repository: name, id };
  try {
    switch (ctx.method) {
      case 'GET': {
        const state = await store.getUpload(name, id);
        if (state === undefined) throw apiError('BLOB_UPLOAD_UNKNOWN', { detail: { id } });
        sendEmpty(res, 204, uploadHeaders(state));
        return;
      }
      case 'DELETE': {
        if (!(await store.cancelUpload(name, id))) throw apiError('BLOB_UPLOAD_UNKNOWN', { detail: { id } });
        sendEmpty(res, 204);
        return;
      }
      case 'PATCH': {
        const state = await store.appendUpload(name, id, chunkOf(ctx));
        sendEmpty(res, 202, uploadHeaders(state));
        return;
      }
      default: {
        const raw = ctx.query.get('digest');
        if (raw === null) {
          ctx.req.resume();
          throw apiError('DIGEST_INVALID', {
            message:
              'the digest query parameter is required to finish an upload (PUT <location>?digest=<digest>)',
          });
        }
        const digest = parseDigestParam(raw).value;
        await store.commitUpload(name, id, digest, chunkOf(ctx));
        sendEmpty(res, 201, { Location: blobLocation(name, digest), 'Docker-Content-Digest': digest });
      }
    }
  } catch (error) {
    throw fromStoreError(error, session);
  }
}

/** The request body as a chunk, with the range the client announced. */
function chunkOf(ctx: RequestContext): ChunkInput {
  const rangeHeader = header(ctx.req.headers, 'content-range');
  const body = limitedBody(ctx.req, ctx.options.maxRequestBytes);
  if (rangeHeader === undefined) return { body, length: contentLength(ctx.req) };
  const range = parseContentRange(rangeHeader);
  if (range === undefined) {
    ctx.req.resume();
    throw apiError('BLOB_UPLOAD_INVALID', {
      message: `malformed Content-Range ${JSON.stringify(rangeHeader.slice(0, 100))}: expected "<start>-<end>"`,
    });
  }
  return { body, start: range.start, length: range.end - range.start + 1 };
}
