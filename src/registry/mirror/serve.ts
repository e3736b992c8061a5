import { pipeline } from 'node:stream/promises';
import type { RequestContext } from '../http/context.js';
import { handleBlob } from '../http/blobs.js';
import { header } from '../http/headers.js';
import { handleManifest } from '../http/manifests.js';
import { isSafeTag, parseDigestParam } from '../names.js';
import { blobFill } from './blob-cache.js';
import { STALE_WARNING, upstreamFailure } from './errors.js';
import { followFill } from './follow.js';
import { ensureManifest } from './manifest-cache.js';
import type { ResolvedMirror } from './options.js';
import type { MirrorRuntime } from './runtime.js';
import { upstreamRepository } from './upstream.js';

/**
 * `GET`/`HEAD /v2/<mirror name>/manifests/<reference>`: pulled through (see `ensureManifest`),
 * then answered from the store like any manifest, with a `Warning` header when a cached tag is
 * served stale. Manifests of a type the registry does not store are passed on as fetched.
 */
export async function serveMirroredManifest(
  ctx: RequestContext,
  rt: MirrorRuntime,
  mirror: ResolvedMirror,
  name: string,
  reference: string,
): Promise<void> {
  if (reference.includes(':')) parseDigestParam(reference);
  else if (!isSafeTag(reference)) return handleManifest(ctx, name, reference);
  const outcome = await ensureManifest(rt, mirror, name, reference);
  const result = outcome.stale ? 'stale' : outcome.fetched === true ? 'miss' : 'hit';
  ctx.options.metrics.recordMirror(mirror.prefix, 'manifest', result);
  if (outcome.passthrough !== undefined) {
    const { bytes, mediaType, digest } = outcome.passthrough;
    ctx.res.statusCode = 200;
    ctx.res.setHeader('Docker-Content-Digest', digest);
    ctx.res.setHeader('Content-Type', mediaType);
    ctx.res.setHeader('Content-Length', bytes.byteLength);
    ctx.res.end(ctx.method === 'HEAD' ? undefined : bytes);
    return;
  }
  if (outcome.stale) ctx.res.setHeader('Warning', STALE_WARNING);
  return handleManifest(ctx, name, reference);
}

/**
 * `GET`/`HEAD /v2/<mirror name>/blobs/<digest>`: from the store when present; else fetched once
 * (see `blobFill`). A plain GET is streamed while the blob arrives (with `Content-Length` when a
 * manifest told its size, else chunked); HEAD and range requests wait for the blob to be stored.
 */
export async function serveMirroredBlob(
  ctx: RequestContext,
  rt: MirrorRuntime,
  mirror: ResolvedMirror,
  name: string,
  rawDigest: string,
): Promise<void> {
  const digest = parseDigestParam(rawDigest).value;
  if ((await ctx.store.statBlob(name, digest)) !== undefined) {
    ctx.options.metrics.recordMirror(mirror.prefix, 'blob', 'hit');
    return handleBlob(ctx, name, digest);
  }
  ctx.options.metrics.recordMirror(mirror.prefix, 'blob', 'miss');
  const fill = blobFill(rt, mirror, name, digest);
  const where = {
    upstream: mirror.upstream.origin,
    repository: upstreamRepository(mirror.upstream, mirror.prefix, name),
    reference: digest,
  };
  const linkHere = async (): Promise<void> => {
    if ((await ctx.store.statBlob(name, digest)) === undefined) {
      await ctx.store.mountBlob(name, digest, fill.repository);
    }
  };
  try {
    await fill.started;
    const streamable = ctx.method === 'GET' && header(ctx.req.headers, 'range') === undefined;
    if (!streamable || fill.dataPath === undefined || fill.state !== 'running') {
      await fill.done;
      await linkHere();
      return handleBlob(ctx, name, digest);
    }
  } catch (error) {
    throw upstreamFailure(error, 'blob', where);
  }
  if (fill.repository !== name) fill.done.then(linkHere).catch(() => undefined);
  const { res } = ctx;
  res.statusCode = 200;
  res.setHeader('Docker-Content-Digest', digest);
  res.setHeader('ETag', `"${digest}"`);
  res.setHeader('Content-Type', 'application/octet-stream');
  if (fill.size !== undefined) res.setHeader('Content-Length', fill.size);
  const fallback = async () => {
    const blob = await ctx.store.getBlob(fill.repository, digest);
    if (blob === undefined) throw new Error(`blob ${digest} vanished from ${fill.repository} after its fill`);
    return blob.open();
  };
  try {
    await pipeline(followFill(fill, fallback), res);
  } catch (error) {
    if (fill.isFailed()) throw upstreamFailure(error, 'blob', where);
    throw error;
  }
}
