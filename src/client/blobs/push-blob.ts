/**
 * Pushing one blob to one repository: skip it when the registry has it, mount it from another
 * repository of the same registry when one is known to hold it, else upload it (one `PUT` up to
 * the monolithic threshold, `PATCH` chunks above). A temporary failure starts over from the
 * existence check, within one retry budget.
 */
import type { BlobSource } from '../../oci/image.js';
import { parseDigest } from '../../oci/index.js';
import { type ProgressObserver, report } from '../progress.js';
import { type RepositoryName, formatRepository } from '../repository.js';
import { Attempts } from './attempts.js';
import { type StepContext, cancelUpload, checkExistingBlob, initiateUpload } from './steps.js';
import { uploadChunked, uploadMonolithic } from './upload.js';

/** How a blob got into the repository. */
export type BlobOutcome = 'existing' | 'mounted' | 'uploaded';

/** Options of {@link pushBlobTo}. */
export interface PushBlobOptions {
  /** Repositories on the same registry that hold the blob; the first is tried as a mount source. */
  readonly mountFrom?: readonly RepositoryName[];
  readonly onProgress?: ProgressObserver;
}

/**
 * Pushes `blob` (see the module comment).
 *
 * @throws ContentMismatchError `CLIENT_DIGEST_MISMATCH` when the source does not match its
 *   descriptor (the upload is cancelled; nothing is committed); RegistryError for a refusal;
 *   RetriesExhaustedError `CLIENT_RETRIES_EXHAUSTED` when temporary failures outlast the budget.
 */
export async function pushBlobTo(
  ctx: StepContext,
  blob: BlobSource,
  options: PushBlobOptions = {},
): Promise<BlobOutcome> {
  const { digest, size } = blob.descriptor;
  parseDigest(digest);
  const { session, repo, signal } = ctx;
  const repository = formatRepository(repo);
  const event = (type: Parameters<ProgressObserver>[0]['type'], bytes: number, from?: string): void =>
    report(options.onProgress, { type, repository, digest, bytes, total: size, ...(from ? { from } : {}) });
  const source = options.mountFrom?.find(
    (r) => r.registry === repo.registry && r.repository !== repo.repository,
  );
  const attempts = new Attempts(`pushing blob ${digest} to ${repository}`, session.options, signal);
  for (;;) {
    let location: URL | undefined;
    try {
      if (await checkExistingBlob(ctx, digest)) {
        event('blob-skipped', size);
        return 'existing';
      }
      const started = await initiateWithFallback(ctx, digest, source);
      if (started.mounted) {
        event('blob-mounted', size, source && formatRepository(source));
        return 'mounted';
      }
      location = started.location;
      event('blob-start', 0);
      const upload = {
        ...ctx,
        chunkSize: session.options.chunkSize,
        onBytes: (bytes: number) => event('blob-progress', bytes),
      };
      if (size <= session.options.monolithicThreshold) {
        await uploadMonolithic(upload, blob, location);
      } else {
        await uploadChunked(upload, blob, location, attempts);
      }
      event('blob-done', size);
      return 'uploaded';
    } catch (error) {
      if (location !== undefined) await cancelUpload(ctx, location);
      await attempts.failed(error);
    }
  }
}

/** A mount that the registry refuses outright falls back to a plain upload (go-containerregistry#1404). */
async function initiateWithFallback(ctx: StepContext, digest: string, from: RepositoryName | undefined) {
  if (from === undefined) return initiateUpload(ctx);
  try {
    return await initiateUpload(ctx, { digest, from });
  } catch (error) {
    if ((error as { isTemporary?: () => boolean }).isTemporary?.() === true) throw error;
    return initiateUpload(ctx);
  }
}
