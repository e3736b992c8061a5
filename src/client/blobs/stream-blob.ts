/**
 * Uploading a stream whose digest and length are not known in advance (a layer compressed on
 * the way): `POST` starts an upload, one `PATCH` carries the whole stream (chunked transfer
 * encoding, no `Content-Range`: the OCI spec's streamed upload) while it is hashed, and
 * `PUT <location>?digest=` commits it under the digest computed on the way; the registry checks
 * that digest against what it stored. The stream is consumed as it is sent, so the `PATCH` is
 * never retried: on any failure the upload session is cancelled and the error goes to the
 * caller, which can push the blob again from a source that can be re-read.
 * Model: containers/image `docker/docker_image_dest.go` `PutBlobWithOptions`.
 */
import { type Readable, type TransformCallback, pipeline } from 'node:stream';
import { type DigestAlgorithm, DigestStream } from '../../oci/index.js';
import { clientError } from '../errors.js';
import { type ProgressObserver, report } from '../progress.js';
import { formatRepository, pushScope } from '../repository.js';
import { nextLocation } from '../transport/location.js';
import { discard } from '../transport/types.js';
import { type StepContext, cancelUpload, commitUpload, initiateUpload } from './steps.js';

/** Options of {@link uploadStream}. */
export interface UploadStreamOptions {
  /** Digest algorithm of the uploaded blob. Default `sha256`. */
  readonly algorithm?: DigestAlgorithm;
  /**
   * Progress events while the bytes go up (`blob-start`, `blob-progress` about every MiB,
   * `blob-done`). The blob's digest is not known until the end, so they carry this string in
   * `digest` instead (e.g. the digest of the uncompressed layer). Default: no events.
   */
  readonly onProgress?: ProgressObserver;
  /** The `digest` of the progress events. Default `''`. */
  readonly progressId?: string;
  /** The `total` of the progress events until the real size is known. Default 0. */
  readonly expectedSize?: number;
}

/** What {@link uploadStream} stored. */
export interface UploadedBlob {
  readonly digest: string;
  readonly size: number;
}

/** Bytes between two `blob-progress` events. */
const PROGRESS_STEP = 1024 * 1024;

/**
 * Uploads `stream` to the repository (see the module comment) and resolves its digest and size.
 * `stream` is destroyed when the upload fails.
 *
 * @throws RegistryError or NetworkError for a failed request, as sent (no retry of the `PATCH`);
 *   ContentMismatchError `CLIENT_DIGEST_MISMATCH` when the registry stored another digest;
 *   ClientError `CLIENT_UPLOAD_INCOMPLETE` when the registry answered before the stream ended;
 *   the stream's own error when reading it fails; the signal's reason when aborted.
 */
export async function uploadStream(
  ctx: StepContext,
  stream: Readable,
  options: UploadStreamOptions = {},
): Promise<UploadedBlob> {
  const repository = formatRepository(ctx.repo);
  const id = options.progressId ?? '';
  const event = (type: 'blob-start' | 'blob-progress' | 'blob-done', bytes: number, total: number): void =>
    report(options.onProgress, { type, repository, digest: id, bytes, total });
  let location: URL | undefined;
  try {
    ctx.signal?.throwIfAborted();
    const started = await initiateUpload(ctx);
    if (started.mounted) throw new Error('internal: a plain upload was answered as a mount');
    location = started.location;
    const expected = options.expectedSize ?? 0;
    event('blob-start', 0, expected);
    let reported = 0;
    const hasher = new ProgressDigestStream(options.algorithm ?? 'sha256', (bytes) => {
      if (bytes - reported < PROGRESS_STEP) return;
      reported = bytes;
      event('blob-progress', bytes, Math.max(expected, bytes));
    });
    // pipeline destroys both sides when either fails; the error reaches the request through the hasher.
    pipeline(stream, hasher, () => undefined);
    const response = await ctx.session.send(
      {
        method: 'PATCH',
        url: location,
        headers: { 'content-type': 'application/octet-stream' },
        body: hasher,
        retry: false,
        scopes: [pushScope(ctx.repo)],
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      },
      [202, 204],
      { repository: ctx.repo.repository },
    );
    await discard(response);
    location = nextLocation(response, ctx.session.origin);
    if (!hasher.readableEnded) {
      throw clientError(
        'CLIENT_UPLOAD_INCOMPLETE',
        `${repository}: the registry answered the streamed upload before it received all of it`,
        { hint: 'the registry or a proxy in front of it cut the upload short: retry the push' },
      );
    }
    const uploaded = { digest: hasher.digest, size: hasher.size };
    await commitUpload(ctx, location, uploaded.digest);
    event('blob-done', uploaded.size, uploaded.size);
    return uploaded;
  } catch (error) {
    stream.destroy();
    if (location !== undefined) await cancelUpload(ctx, location);
    throw error;
  }
}

/** A {@link DigestStream} that tells `onBytes` the running byte count. */
class ProgressDigestStream extends DigestStream {
  readonly #onBytes: (bytes: number) => void;

  constructor(algorithm: DigestAlgorithm, onBytes: (bytes: number) => void) {
    super(algorithm);
    this.#onBytes = onBytes;
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    super._transform(chunk, encoding, callback);
    this.#onBytes(this.size);
  }
}
