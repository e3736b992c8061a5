/**
 * The registry client: one object holding the options, one transport stack per registry, and the
 * record of which repositories hold which blobs (for cross-repository mounts).
 */
import type { Readable } from 'node:stream';
import type { Artifact, BlobSource } from '../oci/image.js';
import { OciFormatError } from '../oci/errors.js';
import type { DigestAlgorithm } from '../oci/index.js';
import { isDigestAlgorithm, parseReference, type Reference } from '../reference/index.js';
import { getBlob } from './blobs/get-blob.js';
import { type BlobOutcome, type PushBlobOptions, pushBlobTo } from './blobs/push-blob.js';
import { type StepContext, checkExistingBlob } from './blobs/steps.js';
import { type UploadStreamOptions, type UploadedBlob, uploadStream } from './blobs/stream-blob.js';
import { type Referrers, listReferrers, listTags } from './listing.js';
import { checkLogin, checkPush } from './login-check.js';
import {
  type FetchedManifest,
  type ManifestHead,
  deleteManifest,
  getManifest,
  headManifest,
  putManifest,
} from './manifests.js';
import { type ClientOptions, type ResolvedClientOptions, resolveClientOptions } from './options.js';
import { type PushOptions, type PushResult, type PushTarget, pushArtifact } from './push.js';
import { type RepositoryName, pullScope, toRepositoryName } from './repository.js';
import { RegistrySession } from './session.js';
import { closeDispatchers } from './transport/dispatchers.js';
import type { PingResult } from './transport/ping.js';

/** Options every operation takes. */
export interface CallOptions {
  /** Aborts the operation; it then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** A repository given as `registry/repository` or as a parsed name. */
export type RepositoryInput = string | RepositoryName;

/** A manifest reference: `registry/repository:tag`, `…@digest`, or a parsed `Reference`. */
export type ReferenceInput = string | Reference;

/** Talks the OCI distribution API to any number of registries. Call `close()` when done. */
export class RegistryClient {
  readonly options: ResolvedClientOptions;
  readonly #sessions = new Map<string, RegistrySession>();
  /** registry → digest → repositories known to hold the blob. */
  readonly #holders = new Map<string, Map<string, Set<string>>>();

  /** @throws ClientError `CLIENT_INVALID_OPTION` (see `resolveClientOptions`). */
  constructor(options: ClientOptions = {}) {
    this.options = resolveClientOptions(options);
  }

  /** `GET /v2/` of `registry` (`host[:port]`): whether and how it wants authentication. Cached. */
  ping(registry: string, options: CallOptions = {}): Promise<PingResult> {
    return this.#session(registry).auth.ping(options.signal);
  }

  /**
   * Checks the credentials as `docker login` does (`GET /v2/`, with a bearer token of no scope
   * when the registry uses the token flow).
   *
   * @throws RegistryError `CLIENT_UNAUTHORIZED` / `CLIENT_DENIED` with the registry's reason.
   */
  checkLogin(registry: string, options: CallOptions = {}): Promise<void> {
    return checkLogin(this.#session(registry), options.signal);
  }

  /**
   * Proves that a push to `repo` would be accepted: opens an upload session and cancels it.
   *
   * @throws RegistryError `CLIENT_UNAUTHORIZED` / `CLIENT_DENIED` with the registry's reason.
   */
  checkPush(repo: RepositoryInput, options: CallOptions = {}): Promise<void> {
    return checkPush(this.#ctx(repo, options));
  }

  /** True when the repository has the blob (`HEAD`). */
  async blobExists(repo: RepositoryInput, digest: string, options: CallOptions = {}): Promise<boolean> {
    const ctx = this.#ctx(repo, options);
    return checkExistingBlob(ctx, digest, [pullScope(ctx.repo)]);
  }

  /**
   * Pushes one blob: skipped when present, mounted from `mountFrom` or from a repository of the
   * same registry this client pushed it to (or `blobLocations` knows of), else uploaded (see
   * `blobs/push-blob.ts`).
   */
  async pushBlob(
    repo: RepositoryInput,
    blob: BlobSource,
    options: PushBlobOptions & CallOptions = {},
  ): Promise<BlobOutcome> {
    const ctx = this.#ctx(repo, options);
    const { digest } = blob.descriptor;
    // Locations from earlier runs only within the target's namespace (`acme/images/` of
    // `acme/images/app`): a Buildkite Packages registry, an organization on GHCR. Elsewhere the
    // credentials rarely reach, and each refused mount would cost a token request.
    const namespace = namespaceOf(ctx.repo.repository);
    const earlier = (this.options.blobLocations?.holding(ctx.repo.registry, digest) ?? []).filter(
      (repository) => namespaceOf(repository) === namespace,
    );
    const known = [
      ...new Set([...(this.#holders.get(ctx.repo.registry)?.get(digest) ?? []), ...earlier]),
    ].map((repository) => ({ registry: ctx.repo.registry, repository }));
    const mountFrom = [...(options.mountFrom ?? []), ...known];
    const outcome = await pushBlobTo(ctx, blob, { ...options, mountFrom });
    this.#remember(ctx.repo, digest);
    return outcome;
  }

  /**
   * Uploads a stream whose digest and length are not known yet (a layer being compressed) in one
   * streamed `PATCH`, and commits it under the digest computed on the way; resolves that digest
   * and the size (see `blobs/stream-blob.ts`). Nothing is retried, since the stream is consumed as
   * it goes: on failure the upload is cancelled and the error thrown, and the caller pushes the
   * blob again from a source that can be re-read. A later `pushBlob` of the digest to another
   * repository of the same registry mounts it from this one.
   */
  async uploadStream(
    repo: RepositoryInput,
    stream: Readable,
    options: UploadStreamOptions & CallOptions = {},
  ): Promise<UploadedBlob> {
    const ctx = this.#ctx(repo, options);
    const uploaded = await uploadStream(ctx, stream, options);
    this.#remember(ctx.repo, uploaded.digest);
    return uploaded;
  }

  /** The blob as a stream verified against `digest` (and `size` when given). */
  getBlob(
    repo: RepositoryInput,
    digest: string,
    options: CallOptions & { size?: number } = {},
  ): Promise<Readable> {
    return getBlob(this.#ctx(repo, options), digest, options.size);
  }

  /** Puts manifest bytes under a tag or digest; resolves the manifest's digest. */
  putManifest(
    repo: RepositoryInput,
    reference: string,
    bytes: Uint8Array,
    mediaType: string,
    options: CallOptions & { algorithm?: DigestAlgorithm } = {},
  ): Promise<string> {
    return putManifest(this.#ctx(repo, options), reference, bytes, mediaType, options.algorithm);
  }

  /** Fetches a manifest (by digest when the reference has one, else by tag, default `latest`). */
  getManifest(
    ref: ReferenceInput,
    options: CallOptions & { accept?: readonly string[] } = {},
  ): Promise<FetchedManifest> {
    const { repo, reference } = splitReference(ref);
    return getManifest(this.#ctx(repo, options), reference, options.accept);
  }

  /** Digest, media type and size of a manifest, or `undefined` when there is none. */
  headManifest(ref: ReferenceInput, options: CallOptions = {}): Promise<ManifestHead | undefined> {
    const { repo, reference } = splitReference(ref);
    return headManifest(this.#ctx(repo, options), reference);
  }

  /** Deletes a manifest (most registries want a digest reference). */
  deleteManifest(ref: ReferenceInput, options: CallOptions = {}): Promise<void> {
    const { repo, reference } = splitReference(ref);
    return deleteManifest(this.#ctx(repo, options), reference);
  }

  /** Every tag of the repository, following `Link` pages. */
  listTags(repo: RepositoryInput, options: CallOptions & { pageSize?: number } = {}): Promise<string[]> {
    return listTags(
      this.#ctx(repo, options),
      options.pageSize === undefined ? {} : { pageSize: options.pageSize },
    );
  }

  /** Manifests that refer to `digest` (`supported: false` when the registry has no referrers API). */
  referrers(
    repo: RepositoryInput,
    digest: string,
    options: CallOptions & { artifactType?: string } = {},
  ): Promise<Referrers> {
    return listReferrers(this.#ctx(repo, options), digest, options.artifactType);
  }

  /** Pushes an image or index with its blobs to every target (see `push.ts`). */
  push(artifact: Artifact, targets: readonly PushTarget[], options: PushOptions = {}): Promise<PushResult> {
    return pushArtifact(
      {
        concurrency: this.options.concurrency,
        pushBlob: (repo, blob, opts) => this.pushBlob(repo, blob, opts),
        putManifest: (repo, reference, bytes, mediaType, opts) =>
          this.putManifest(repo, reference, bytes, mediaType, opts),
      },
      artifact,
      targets,
      options,
    );
  }

  /** Closes the connections of the default dispatchers (one passed in options is left open). */
  async close(): Promise<void> {
    await closeDispatchers(this.options.dispatchers);
  }

  #session(registry: string): RegistrySession {
    let session = this.#sessions.get(registry);
    if (session === undefined) {
      session = new RegistrySession(registry, this.options);
      this.#sessions.set(registry, session);
    }
    return session;
  }

  #ctx(repo: RepositoryInput, options: CallOptions): StepContext {
    const name = toRepositoryName(repo);
    return {
      session: this.#session(name.registry),
      repo: name,
      ...(options.signal ? { signal: options.signal } : {}),
    };
  }

  #remember(repo: RepositoryName, digest: string): void {
    let byDigest = this.#holders.get(repo.registry);
    if (byDigest === undefined) this.#holders.set(repo.registry, (byDigest = new Map()));
    let holders = byDigest.get(digest);
    if (holders === undefined) byDigest.set(digest, (holders = new Set()));
    holders.add(repo.repository);
    this.options.blobLocations?.remember(repo.registry, digest, repo.repository);
  }
}

/** A repository path without its last component: `acme/images/` of `acme/images/app`, `` of `app`. */
function namespaceOf(repository: string): string {
  return repository.slice(0, repository.lastIndexOf('/') + 1);
}

/**
 * Splits a reference into repository and tag-or-digest (digest preferred; default tag `latest`).
 *
 * @throws OciFormatError `OCI_UNSUPPORTED_ALGORITHM` for a digest this client cannot verify
 *   (`sha384`: a valid reference, but its content could not be checked)
 */
export function splitReference(ref: ReferenceInput): { repo: RepositoryName; reference: string } {
  const parsed = typeof ref === 'string' ? parseReference(ref, { defaultTag: true }) : ref;
  const reference = parsed.digest ?? parsed.tag ?? 'latest';
  const algorithm = parsed.digest?.slice(0, parsed.digest.indexOf(':'));
  if (algorithm !== undefined && !isDigestAlgorithm(algorithm)) {
    throw new OciFormatError(
      'OCI_UNSUPPORTED_ALGORITHM',
      `${algorithm} digests cannot be verified by this client (it verifies sha256 and sha512): ${parsed.digest}`,
      { hint: 'refer to the image by tag, or by its sha256 digest (`container-package inspect` shows it)' },
    );
  }
  return { repo: { registry: parsed.registry, repository: parsed.repository }, reference };
}
