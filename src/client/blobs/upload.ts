/**
 * Sending a blob's bytes to an upload session: in one `PUT` for small blobs, or in `PATCH` chunks
 * with `Content-Range` for large ones, resuming an interrupted chunk from the offset the registry
 * reports. Bytes are streamed from `BlobSource.open()` (never held whole), checked against the
 * descriptor as they go, and the final piece is only sent once the digest matches.
 */
import { Readable } from 'node:stream';
import type { BlobSource } from '../../oci/image.js';
import { ContentMismatchError } from '../errors.js';
import { nextLocation } from '../transport/location.js';
import { discard, type BodyOpener } from '../transport/types.js';
import type { Attempts } from './attempts.js';
import { BlobCursor, BlobHasher, openSource } from './cursor.js';
import { type StepContext, checkDigestHeader, commitUpload, uploadStatus, withDigest } from './steps.js';
import { pushScope } from '../repository.js';

/** What sending bytes needs beyond a {@link StepContext}. */
export interface UploadContext extends StepContext {
  /** Bytes per `PATCH`. */
  readonly chunkSize: number;
  /** Told the number of bytes sent so far (the offset of the next byte). */
  readonly onBytes?: (bytes: number) => void;
}

/**
 * `PUT <location>?digest=…` with the whole blob as the body. Not retried here: a body the
 * registry half-received spoils the session, so the caller starts a new upload instead.
 */
export async function uploadMonolithic(ctx: UploadContext, blob: BlobSource, location: URL): Promise<void> {
  const { digest, size } = blob.descriptor;
  const body: BodyOpener = async (signal) => {
    const cursor = new BlobCursor(await openSource(blob, signal), new BlobHasher(blob.descriptor), signal);
    return Readable.from(closing(cursor, cursor.take(size, ctx.onBytes)), { objectMode: false });
  };
  const response = await ctx.session.send(
    {
      method: 'PUT',
      url: withDigest(location, digest),
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
      body,
      retry: false,
      scopes: [pushScope(ctx.repo)],
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    },
    [201],
    { repository: ctx.repo.repository },
  );
  await discard(response);
  checkDigestHeader(response, digest);
}

/**
 * `PATCH` chunks of `chunkSize` bytes, then the committing `PUT`. When a chunk fails with a
 * temporary error (or 416), asks the registry where the upload stands (`GET <location>`),
 * re-opens the source, skips to that offset and goes on; each resume spends one of `attempts`.
 * Errors that a resume cannot fix (the status request fails too) go to the caller, which starts
 * a new upload.
 */
export async function uploadChunked(
  ctx: UploadContext,
  blob: BlobSource,
  start: URL,
  attempts: Attempts,
): Promise<void> {
  const { digest, size } = blob.descriptor;
  const hasher = new BlobHasher(blob.descriptor);
  let location = start;
  let cursor = new BlobCursor(await openSource(blob, ctx.signal), hasher, ctx.signal);
  try {
    while (cursor.position < size) {
      const offset = cursor.position;
      const count = Math.min(ctx.chunkSize, size - offset);
      try {
        location = await patchChunk(ctx, location, offset, count, cursor);
      } catch (error) {
        await attempts.failed(error);
        const status = await uploadStatus(ctx, location);
        if (status.offset > hasher.hashed || status.offset > size) {
          throw new ContentMismatchError(
            `the registry reports ${status.offset} bytes of ${digest} stored, more than the ${hasher.hashed} sent`,
            `${hasher.hashed} bytes`,
            `${status.offset} bytes`,
            'the upload session is inconsistent: retry the push',
          );
        }
        location = status.location;
        cursor.close();
        cursor = new BlobCursor(await openSource(blob, ctx.signal), hasher, ctx.signal);
        await cursor.skip(status.offset);
        ctx.onBytes?.(status.offset);
      }
    }
    if (size === 0) await cursor.skip(0);
  } finally {
    cursor.close();
  }
  await commitUpload(ctx, location, digest);
}

async function patchChunk(
  ctx: UploadContext,
  location: URL,
  offset: number,
  count: number,
  cursor: BlobCursor,
): Promise<URL> {
  const response = await ctx.session.send(
    {
      method: 'PATCH',
      url: location,
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(count),
        'content-range': `${offset}-${offset + count - 1}`,
      },
      body: Readable.from(cursor.take(count, ctx.onBytes), { objectMode: false }),
      scopes: [pushScope(ctx.repo)],
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    },
    [202, 204],
    { repository: ctx.repo.repository },
  );
  await discard(response);
  return nextLocation(response, ctx.session.origin);
}

async function* closing(cursor: BlobCursor, pieces: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* pieces;
  } finally {
    cursor.close();
  }
}
