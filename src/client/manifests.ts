/**
 * Manifest requests: put (by tag or digest), get, head and delete. Bytes are pushed and returned
 * exactly as given; digests are computed here and checked against what the registry answers.
 */
import { type DigestAlgorithm, digestBytes, isDigest, parseDigest } from '../oci/index.js';
import { manifestAcceptTypes } from '../oci/media-types.js';
import type { StepContext } from './blobs/steps.js';
import { ContentMismatchError, clientError } from './errors.js';
import { apiPath, deleteScope, pullScope, pushScope } from './repository.js';
import { discard, header, type HttpResponse } from './transport/types.js';

/** Largest manifest read back (registries accept at least 4 MiB; this leaves room). */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/** A manifest as the registry served it. */
export interface FetchedManifest {
  /** The exact bytes (their digest is the manifest's digest). */
  readonly bytes: Uint8Array;
  /** `Content-Type` of the answer (or the document's `mediaType` when the header is missing). */
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
}

/** What `HEAD` tells about a manifest. */
export interface ManifestHead {
  readonly digest: string;
  readonly mediaType: string;
  readonly size: number;
}

function opts(ctx: StepContext, scope: string) {
  return { scopes: [scope], ...(ctx.signal ? { signal: ctx.signal } : {}) };
}

/**
 * `PUT /v2/<repo>/manifests/<reference>` (a tag or a digest). The digest is computed with the
 * reference's algorithm when it is a digest (and must match it), else with `tagAlgorithm`
 * (default sha256).
 *
 * @returns the manifest's digest
 * @throws ContentMismatchError when the reference digest or the registry's `Docker-Content-Digest`
 *   differs from the bytes' digest.
 */
export async function putManifest(
  ctx: StepContext,
  reference: string,
  bytes: Uint8Array,
  mediaType: string,
  tagAlgorithm: DigestAlgorithm = 'sha256',
): Promise<string> {
  const algorithm = isDigest(reference) ? parseDigest(reference).algorithm : tagAlgorithm;
  const digest = digestBytes(bytes, algorithm);
  if (isDigest(reference) && reference !== digest) {
    throw new ContentMismatchError(`manifest bytes hash to ${digest}, not ${reference}`, reference, digest);
  }
  const response = await ctx.session.send(
    {
      method: 'PUT',
      url: ctx.session.url(apiPath(ctx.repo, 'manifests', reference)),
      headers: { 'content-type': mediaType, 'content-length': String(bytes.byteLength) },
      body: bytes,
      ...opts(ctx, pushScope(ctx.repo)),
    },
    [201, 200, 202],
    { repository: ctx.repo.repository },
  );
  await discard(response);
  checkAnswerDigest(response, digest);
  return digest;
}

/**
 * `GET /v2/<repo>/manifests/<reference>` with every manifest media type accepted (or `accept`).
 *
 * @throws RegistryError `CLIENT_NOT_FOUND` when there is no such manifest;
 *   ContentMismatchError when the bytes do not hash to the requested digest (or to the
 *   registry's `Docker-Content-Digest`); ClientError `CLIENT_MANIFEST_TOO_LARGE` past 8 MiB.
 */
export async function getManifest(
  ctx: StepContext,
  reference: string,
  accept: readonly string[] = manifestAcceptTypes,
): Promise<FetchedManifest> {
  const response = await ctx.session.send(
    {
      method: 'GET',
      url: ctx.session.url(apiPath(ctx.repo, 'manifests', reference)),
      headers: { accept: accept.join(', ') },
      ...opts(ctx, pullScope(ctx.repo)),
    },
    [200],
    { repository: ctx.repo.repository },
  );
  const bytes = await readLimited(response, MAX_MANIFEST_BYTES);
  const algorithm = isDigest(reference) ? parseDigest(reference).algorithm : 'sha256';
  const digest = digestBytes(bytes, algorithm);
  if (isDigest(reference) && reference !== digest) {
    throw new ContentMismatchError(
      `the registry served manifest bytes hashing to ${digest} for ${reference}`,
      reference,
      digest,
    );
  }
  checkAnswerDigest(response, digest);
  return {
    bytes,
    mediaType: contentType(response) ?? declaredMediaType(bytes),
    digest,
    size: bytes.byteLength,
  };
}

/**
 * `HEAD /v2/<repo>/manifests/<reference>`: the digest, media type and size, or `undefined` when
 * the registry has no such manifest. Falls back to a `GET` when the registry omits
 * `Docker-Content-Digest` (the digest is then computed).
 */
export async function headManifest(
  ctx: StepContext,
  reference: string,
  accept: readonly string[] = manifestAcceptTypes,
): Promise<ManifestHead | undefined> {
  const response = await ctx.session.send(
    {
      method: 'HEAD',
      url: ctx.session.url(apiPath(ctx.repo, 'manifests', reference)),
      headers: { accept: accept.join(', ') },
      ...opts(ctx, pullScope(ctx.repo)),
    },
    [200, 404],
    { repository: ctx.repo.repository },
  );
  await discard(response);
  if (response.status === 404) return undefined;
  const digest = header(response, 'docker-content-digest');
  const size = Number(header(response, 'content-length'));
  const mediaType = contentType(response);
  if (digest === undefined || !isDigest(digest) || mediaType === undefined || !Number.isInteger(size)) {
    const fetched = await getManifest(ctx, reference, accept);
    return { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.size };
  }
  return { digest, mediaType, size };
}

/** `DELETE /v2/<repo>/manifests/<reference>` (registries usually require a digest). */
export async function deleteManifest(ctx: StepContext, reference: string): Promise<void> {
  const response = await ctx.session.send(
    {
      method: 'DELETE',
      url: ctx.session.url(apiPath(ctx.repo, 'manifests', reference)),
      ...opts(ctx, deleteScope(ctx.repo)),
    },
    [202, 200, 204],
    { repository: ctx.repo.repository },
  );
  await discard(response);
}

function checkAnswerDigest(response: HttpResponse, digest: string): void {
  const answered = header(response, 'docker-content-digest');
  if (answered === undefined || !isDigest(answered)) return;
  if (parseDigest(answered).algorithm !== parseDigest(digest).algorithm) return;
  if (answered !== digest) {
    throw new ContentMismatchError(
      `the registry answered a different digest for the manifest: sent ${digest}, the registry answered ${answered}`,
      digest,
      answered,
      'the manifest was rewritten between here and the registry (a proxy, or a registry that converts manifests); ' +
        'the image itself is unchanged: pull it by tag and compare with `container-package inspect`',
    );
  }
}

function contentType(response: HttpResponse): string | undefined {
  const value = header(response, 'content-type')?.split(';')[0]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function declaredMediaType(bytes: Uint8Array): string {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as { mediaType?: unknown };
    if (typeof value.mediaType === 'string') return value.mediaType;
  } catch {
    // Not JSON: fall through to the generic type.
  }
  return 'application/octet-stream';
}

async function readLimited(response: HttpResponse, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) {
      response.body.destroy();
      throw clientError('CLIENT_MANIFEST_TOO_LARGE', `the manifest is larger than ${limit} bytes`, {
        hint: 'this is not an image manifest; check the reference',
      });
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
