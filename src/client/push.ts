/**
 * Pushing an artifact to one or more repositories: every blob once per repository (in parallel,
 * up to the concurrency limit; mounted from a repository pushed earlier on the same registry),
 * then child manifests by digest (an index's children before the index), then the top manifest
 * under each tag. Model: go-containerregistry `remote.WriteIndex` / `remote.Write`.
 */
import { isForeign } from '../oci/descriptor.js';
import { type Artifact, type BlobSource, blobsOf } from '../oci/image.js';
import { type DigestAlgorithm, parseDigest } from '../oci/index.js';
import { parseTag } from '../reference/index.js';
import type { PushBlobOptions, BlobOutcome } from './blobs/push-blob.js';
import { mapLimit } from '../map-limit.js';
import { clientError } from './errors.js';
import { type ProgressObserver, report } from './progress.js';
import { type RepositoryName, formatRepository, toRepositoryName } from './repository.js';

/** Where to push: a repository and the tags to put the top manifest under. */
export interface PushTarget {
  readonly repository: string | RepositoryName;
  /** Tags for the top manifest. Empty: the artifact is pushed by digest only. */
  readonly tags: readonly string[];
}

/** Options of `push`. */
export interface PushOptions {
  readonly onProgress?: ProgressObserver;
  readonly signal?: AbortSignal;
}

/** What was pushed. */
export interface PushResult {
  /** Digest of the top manifest. */
  readonly digest: string;
  readonly mediaType: string;
  /** Size of the top manifest in bytes. */
  readonly size: number;
  /** `registry/repository:tag@digest` per tag (or `registry/repository@digest` without tags). */
  readonly references: string[];
}

/** The client operations `pushArtifact` is built from (the `RegistryClient` provides them). */
export interface PushOperations {
  readonly concurrency: number;
  pushBlob(
    repo: RepositoryName,
    blob: BlobSource,
    options: PushBlobOptions & { signal?: AbortSignal },
  ): Promise<BlobOutcome>;
  putManifest(
    repo: RepositoryName,
    reference: string,
    bytes: Uint8Array,
    mediaType: string,
    options: { signal?: AbortSignal; algorithm?: DigestAlgorithm },
  ): Promise<string>;
}

/**
 * Pushes `artifact` to each target in turn.
 *
 * @throws ClientError `CLIENT_INVALID_TARGET` for no targets; InvalidReferenceError
 *   `REF_INVALID_TAG` for a bad tag (checked before anything is sent); whatever the blob and
 *   manifest pushes throw.
 */
export async function pushArtifact(
  ops: PushOperations,
  artifact: Artifact,
  targets: readonly PushTarget[],
  options: PushOptions = {},
): Promise<PushResult> {
  if (targets.length === 0) {
    throw clientError('CLIENT_INVALID_TARGET', 'nothing to push to: no target repository given', {
      hint: 'give at least one repository (and tags) to push to',
    });
  }
  const resolved = targets.map((t) => ({
    repo: toRepositoryName(t.repository),
    tags: t.tags.map((tag) => parseTag(tag)),
  }));
  const blobs = blobsOf(artifact).filter((b) => !isForeign(b.descriptor));
  const references: string[] = [];
  for (const { repo, tags } of resolved) {
    options.signal?.throwIfAborted();
    await mapLimit(
      blobs,
      ops.concurrency,
      (blob, signal) =>
        ops.pushBlob(repo, blob, {
          signal,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        }),
      options.signal,
    );
    await pushChildren(ops, repo, artifact, options);
    const name = formatRepository(repo);
    for (const tag of tags.length === 0 ? [undefined] : tags) {
      await putOne(ops, repo, artifact, tag, options);
      references.push(tag === undefined ? `${name}@${artifact.digest}` : `${name}:${tag}@${artifact.digest}`);
    }
  }
  return {
    digest: artifact.digest,
    mediaType: artifact.mediaType,
    size: artifact.bytes.byteLength,
    references,
  };
}

/** Puts every manifest below `artifact` by digest, deepest first. */
async function pushChildren(
  ops: PushOperations,
  repo: RepositoryName,
  artifact: Artifact,
  options: PushOptions,
): Promise<void> {
  if (artifact.kind !== 'index') return;
  for (const child of artifact.children) {
    await pushChildren(ops, repo, child, options);
    await putOne(ops, repo, child, undefined, options);
  }
}

async function putOne(
  ops: PushOperations,
  repo: RepositoryName,
  artifact: Artifact,
  tag: string | undefined,
  options: PushOptions,
): Promise<void> {
  const digest = await ops.putManifest(repo, tag ?? artifact.digest, artifact.bytes, artifact.mediaType, {
    algorithm: parseDigest(artifact.digest).algorithm,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (digest !== artifact.digest) {
    throw clientError(
      'CLIENT_DIGEST_MISMATCH',
      `manifest bytes hash to ${digest}, but the artifact says ${artifact.digest}`,
      {
        hint: 'the artifact was built with a wrong digest: rebuild it',
      },
    );
  }
  const size = artifact.bytes.byteLength;
  report(options.onProgress, {
    type: 'manifest-done',
    repository: formatRepository(repo),
    digest,
    bytes: size,
    total: size,
    ...(tag === undefined ? {} : { tag }),
  });
}
