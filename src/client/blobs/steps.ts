/**
 * The single requests a blob upload is made of, one function each: exists? → start (or mount) →
 * send bytes → commit; plus asking where an interrupted upload stands and cancelling one.
 * Model: go-containerregistry `remote/write.go` (`checkExistingBlob`, `initiateUpload`,
 * `streamBlob`, `commitBlob`).
 */
import { ContentMismatchError } from '../errors.js';
import { type RepositoryName, apiPath, pullScope, pushScope } from '../repository.js';
import type { RegistrySession } from '../session.js';
import { nextLocation } from '../transport/location.js';
import { type HttpResponse, discard, header } from '../transport/types.js';

/** Context every step needs. */
export interface StepContext {
  readonly session: RegistrySession;
  readonly repo: RepositoryName;
  readonly signal?: AbortSignal;
}

function base(ctx: StepContext, scopes: readonly string[] = [pushScope(ctx.repo)]) {
  return { scopes, ...(ctx.signal ? { signal: ctx.signal } : {}) };
}

/** Redirects a registry may answer a blob `HEAD` with (to its storage): the blob exists. */
const REDIRECTS = [301, 302, 303, 307, 308];

/** `HEAD /v2/<repo>/blobs/<digest>`: true on 200 (or a redirect to storage), false on 404. */
export async function checkExistingBlob(
  ctx: StepContext,
  digest: string,
  scopes?: readonly string[],
): Promise<boolean> {
  const response = await ctx.session.send(
    { method: 'HEAD', url: ctx.session.url(apiPath(ctx.repo, 'blobs', digest)), ...base(ctx, scopes) },
    [200, 404, ...REDIRECTS],
    { repository: ctx.repo.repository },
  );
  await discard(response);
  return response.status !== 404;
}

/** The outcome of {@link initiateUpload}. */
export type Initiated = { readonly mounted: true } | { readonly mounted: false; readonly location: URL };

/**
 * `POST /v2/<repo>/blobs/uploads/`, with `?mount=<digest>&from=<repo>` when `mount` is given:
 * 201 means the registry mounted the blob (done), 202 starts an ordinary upload at `Location`.
 */
export async function initiateUpload(
  ctx: StepContext,
  mount?: { readonly digest: string; readonly from: RepositoryName },
): Promise<Initiated> {
  const url = ctx.session.url(apiPath(ctx.repo, 'blobs', 'uploads') + '/');
  const scopes = [pushScope(ctx.repo)];
  if (mount) {
    url.searchParams.set('mount', mount.digest);
    url.searchParams.set('from', mount.from.repository);
    scopes.push(pullScope(mount.from));
  }
  ctx.signal?.throwIfAborted();
  // Not cut off by the operation's signal: a POST the registry answered after the client hung up
  // would leave a session whose URL nobody knows, so nobody could cancel it. It has its own
  // timeout instead, and a session it opens after an abort is cancelled at once.
  const response = await ctx.session.send(
    {
      method: 'POST',
      url,
      headers: { 'content-length': '0' },
      scopes,
      signal: AbortSignal.timeout(INITIATE_TIMEOUT_MS),
    },
    mount ? [201, 202] : [202],
    { repository: ctx.repo.repository },
  );
  if (response.status === 201) {
    await discard(response);
    return { mounted: true };
  }
  const location = nextLocation(response, ctx.session.origin);
  await discard(response);
  if (ctx.signal?.aborted) {
    await cancelUpload(ctx, location);
    ctx.signal.throwIfAborted();
  }
  return { mounted: false, location };
}

/** The longest a `POST` that opens an upload may take (it is not cut off by an abort). */
const INITIATE_TIMEOUT_MS = 60_000;

/** Where an upload stands: the next offset to send and the URL to send it to. */
export interface UploadStatus {
  readonly offset: number;
  readonly location: URL;
}

/** `GET <upload URL>`: 204 with `Range: 0-<last byte>` (the OCI spec's status request). */
export async function uploadStatus(ctx: StepContext, location: URL): Promise<UploadStatus> {
  const response = await ctx.session.send({ method: 'GET', url: location, ...base(ctx) }, [204, 200], {
    repository: ctx.repo.repository,
  });
  await discard(response);
  const next =
    header(response, 'location') === undefined ? location : nextLocation(response, ctx.session.origin);
  return { offset: parseRangeEnd(header(response, 'range')), location: next };
}

/**
 * The offset after `Range: 0-<end>` (`bytes=` prefix allowed). `0-0` counts as nothing stored:
 * registries send it both for empty uploads and for one byte, and resending a byte is harmless
 * where skipping one is not. A missing or unreadable header is 0.
 */
export function parseRangeEnd(range: string | undefined): number {
  const match = /^(?:bytes=)?0-(-?\d+)$/.exec(range?.trim() ?? '');
  if (!match) return 0;
  const end = Number(match[1]);
  return end <= 0 ? 0 : end + 1;
}

/** The longest a cancel may take (it is sent after an abort too, so it must not hold one up). */
const CANCEL_TIMEOUT_MS = 5_000;

/**
 * `DELETE <upload URL>`, best effort: frees the registry's half-written upload. Sent with its own
 * short timeout instead of the operation's signal, so an aborted push cancels its uploads too.
 */
export async function cancelUpload(ctx: StepContext, location: URL): Promise<void> {
  try {
    const response = await ctx.session.transport({
      method: 'DELETE',
      url: location,
      scopes: [pushScope(ctx.repo)],
      signal: AbortSignal.timeout(CANCEL_TIMEOUT_MS),
      retry: false,
    });
    await discard(response);
  } catch {
    // Cancelling is a courtesy; the registry expires abandoned uploads anyway.
  }
}

/** The upload URL with `digest=<digest>` added to its query (keeping `_state` and the rest). */
export function withDigest(location: URL, digest: string): URL {
  const url = new URL(location);
  url.searchParams.set('digest', digest);
  return url;
}

/**
 * `PUT <upload URL>?digest=<digest>` with no body: ends a chunked upload. Expects 201.
 *
 * @throws ContentMismatchError when the registry reports another `Docker-Content-Digest`.
 */
export async function commitUpload(ctx: StepContext, location: URL, digest: string): Promise<void> {
  const response = await ctx.session.send(
    { method: 'PUT', url: withDigest(location, digest), headers: { 'content-length': '0' }, ...base(ctx) },
    [201],
    { repository: ctx.repo.repository },
  );
  await discard(response);
  checkDigestHeader(response, digest);
}

/** Throws when a `Docker-Content-Digest` answer names another digest than we sent. */
export function checkDigestHeader(response: Pick<HttpResponse, 'headers'>, digest: string): void {
  const answered = header(response, 'docker-content-digest');
  if (answered !== undefined && answered !== '' && answered !== digest) {
    throw new ContentMismatchError(
      `the registry stored ${answered} where ${digest} was sent`,
      digest,
      answered,
      'the registry changed the content on the way: check proxies between this host and the registry',
    );
  }
}
