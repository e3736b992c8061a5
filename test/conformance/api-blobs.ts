/**
 * The blob requests of the suite (`api.go`): every upload flavour (POST+PUT, single POST, chunked
 * PATCH in and out of order, streamed PATCH), cross-repository mount, upload cancel, GET, HEAD
 * and DELETE, each with the statuses and headers the spec requires.
 */
import type { ApiClient } from './api-client.js';
import {
  expectBody,
  expectHeader,
  expectStatus,
  flagsOf,
  returnHeader,
  returnResponse,
  returnStatus,
  setQueryParam,
  withAnd,
  withBody,
  withContentLength,
  withHeaderAdd,
  withMethod,
  withUrl,
  type ApiOpt,
  type ApiResponse,
} from './api-options.js';
import { Kind, join, tagged, wrap } from './errors.js';
import { MT } from './oci-json.js';
import { digestOf, type TestData } from './test-data.js';

/** Smallest chunk the suite sends (`chunkMin`). */
export const CHUNK_MIN = 1024;

/** Digest of the empty blob. */
export const EMPTY_DIGEST = digestOf(Buffer.alloc(0));

const blobUrl = (registry: string, repo: string, dig: string) =>
  new URL(`${registry}/v2/${repo}/blobs/${dig}`);
const uploadsUrl = (registry: string, repo: string) => new URL(`${registry}/v2/${repo}/blobs/uploads/`);

function bodyOf(td: TestData, dig: string, fn: string): Buffer | Error {
  const body = td.blobs.get(dig);
  return body ?? tagged(`${fn} missing expected digest to send: ${dig}`, Kind.Error);
}

/** `VerifyDigest`: a Docker-Content-Digest header, when present (or required), must equal `dig`. */
export function verifyDigest(
  resp: ApiResponse | undefined,
  dig: string,
  opts: readonly ApiOpt[],
): Error | undefined {
  const header = resp?.headers.get('Docker-Content-Digest') ?? '';
  if (header === '' && flagsOf(opts).RequireDigestHeader) {
    return new Error('registry did not return a Docker-Content-Digest header');
  }
  if (header !== '' && dig !== '' && header !== dig) {
    return new Error(`Docker-Content-Digest header value expected "${dig}", received "${header}"`);
  }
  return undefined;
}

/** DELETE a blob: 202, or 404; 405 means the registry does not support deletes. */
export async function blobDelete(
  api: ApiClient,
  registry: string,
  repo: string,
  dig: string,
  ...opts: ApiOpt[]
) {
  let status = 0;
  const err = await api.do(
    withMethod('DELETE'),
    withUrl(blobUrl(registry, repo, dig)),
    expectStatus(202, 404, 405),
    returnStatus((s) => (status = s)),
    withAnd(opts),
  );
  if (err !== undefined) return wrap('blob delete failed', err);
  if (status === 405) return tagged(`registry returned status ${status}`, Kind.Unsupported);
  return undefined;
}

/** GET a blob, with only the checks in `opts`. */
export async function blobGetReq(
  api: ApiClient,
  registry: string,
  repo: string,
  dig: string,
  ...opts: ApiOpt[]
) {
  const err = await api.do(withMethod('GET'), withUrl(blobUrl(registry, repo, dig)), withAnd(opts));
  return err === undefined ? undefined : wrap('blob get failed', err);
}

/** GET a blob that must exist: 200, and the exact bytes and length when the data set knows them. */
export async function blobGetExistsFull(
  api: ApiClient,
  registry: string,
  repo: string,
  dig: string,
  td: TestData,
  ...opts: ApiOpt[]
) {
  let resp: ApiResponse | undefined;
  const all = [...opts, expectStatus(200), returnResponse((r) => (resp = r))];
  const val = td.blobs.get(dig);
  if (val !== undefined && (val.length > 0 || dig === EMPTY_DIGEST)) {
    all.push(expectBody(val), expectHeader('Content-Length', String(val.length)));
  }
  return join([await blobGetReq(api, registry, repo, dig, ...all), verifyDigest(resp, dig, all)]);
}

/** HEAD a blob, with only the checks in `opts`. */
export async function blobHeadReq(
  api: ApiClient,
  registry: string,
  repo: string,
  dig: string,
  ...opts: ApiOpt[]
) {
  const err = await api.do(withMethod('HEAD'), withUrl(blobUrl(registry, repo, dig)), withAnd(opts));
  return err === undefined ? undefined : wrap('blob head failed', err);
}

/** HEAD a blob that must exist: 200, no body, and the length when the data set knows it. */
export async function blobHeadExists(
  api: ApiClient,
  registry: string,
  repo: string,
  dig: string,
  td: TestData,
  ...opts: ApiOpt[]
) {
  let resp: ApiResponse | undefined;
  const all = [...opts, expectStatus(200), expectBody(Buffer.alloc(0)), returnResponse((r) => (resp = r))];
  const val = td.blobs.get(dig);
  if (val !== undefined && (val.length > 0 || dig === EMPTY_DIGEST)) {
    all.push(expectHeader('Content-Length', String(val.length)));
  }
  return join([await blobHeadReq(api, registry, repo, dig, ...all), verifyDigest(resp, dig, all)]);
}

/**
 * Cross-repository mount `POST ?mount=<dig>[&from=<source>]`: 201 mounts; 202 starts an upload,
 * which is finished with a PUT and reported as unsupported.
 */
export async function blobMount(
  api: ApiClient,
  registry: string,
  repo: string,
  source: string,
  dig: string,
  td: TestData,
  ...opts: ApiOpt[]
) {
  const body = bodyOf(td, dig, 'BlobPostPut');
  if (body instanceof Error) return body;
  let u = uploadsUrl(registry, repo);
  setQueryParam(u, 'mount', dig);
  if (source !== '') setQueryParam(u, 'from', source);
  const errs: Error[] = [];
  let loc = '';
  let status = 0;
  let resp: ApiResponse | undefined;
  let err = await api.do(
    withMethod('POST'),
    withUrl(u),
    expectStatus(201, 202),
    returnHeader('Location', (v) => (loc = v)),
    returnStatus((s) => (status = s)),
    returnResponse((r) => (resp = r)),
    withAnd(opts),
  );
  if (err !== undefined) return wrap('blob post failed', err);
  if (loc === '') return new Error('blob post did not return a location');
  if (status === 202) {
    u = new URL(loc, u);
    setQueryParam(u, 'digest', dig);
    err = await api.do(
      withMethod('PUT'),
      withUrl(u),
      withContentLength(body.length),
      withHeaderAdd('Content-Type', MT.octetStream),
      withBody(body),
      expectStatus(201),
      returnHeader('Location', (v) => (loc = v)),
      returnResponse((r) => (resp = r)),
      withAnd(opts),
    );
    if (err !== undefined) return wrap('blob put failed', err);
    errs.push(tagged(`registry returned status ${status}, fell back to blob POST+PUT`, Kind.Unsupported));
  } else if (status !== 201) {
    return new Error(`blob mount returned status ${status}`);
  }
  const digestErr = verifyDigest(resp, dig, opts);
  if (digestErr !== undefined) return digestErr;
  const locErr = await blobVerifyLocation(api, u, loc, body, ...opts);
  if (locErr !== undefined) return locErr;
  return join(errs);
}

/** Upload cancel: POST, then DELETE the session, which must answer 204. */
export async function blobPostCancel(api: ApiClient, registry: string, repo: string, ...opts: ApiOpt[]) {
  let u = uploadsUrl(registry, repo);
  let loc = '';
  let err = await api.do(
    withMethod('POST'),
    withUrl(u),
    expectStatus(202),
    returnHeader('Location', (v) => (loc = v)),
    withAnd(opts),
  );
  if (err !== undefined) return wrap('blob post failed', err);
  if (loc === '') return new Error('blob post did not return a location');
  u = new URL(loc, u);
  err = await api.do(
    withMethod('DELETE'),
    withUrl(u),
    withContentLength(0),
    expectStatus(204),
    withAnd(opts),
  );
  return err === undefined ? undefined : wrap('blob cancel failed', err);
}

/**
 * Single-request upload `POST ?digest=` with the body: 201. A 202 (an ordinary session) is
 * finished with a PUT and reported as unsupported. With the `ExpectBadDigest` flag the body does
 * not match the digest and the registry must answer 400.
 */
export async function blobPostOnly(
  api: ApiClient,
  registry: string,
  repo: string,
  dig: string,
  td: TestData,
  ...opts: ApiOpt[]
) {
  const bad = flagsOf(opts).ExpectBadDigest === true;
  const body = bodyOf(td, dig, 'BlobPostOnly');
  if (body instanceof Error) return body;
  let u = uploadsUrl(registry, repo);
  setQueryParam(u, 'digest', dig);
  let loc = '';
  let status = 0;
  let resp: ApiResponse | undefined;
  const postOpts = bad
    ? [expectStatus(400, 202), ...opts]
    : [expectStatus(201, 202), expectHeader('Location', ''), ...opts];
  let err = await api.do(
    withMethod('POST'),
    withUrl(u),
    withContentLength(body.length),
    withHeaderAdd('Content-Type', MT.octetStream),
    withBody(body),
    returnStatus((s) => (status = s)),
    returnHeader('Location', (v) => (loc = v)),
    returnResponse((r) => (resp = r)),
    withAnd(postOpts),
  );
  if (err !== undefined) return wrap('blob post failed', err);
  if (status === 202) {
    const putOpts = bad
      ? [expectStatus(400), ...opts]
      : [expectStatus(201), returnHeader('Location', (v) => (loc = v)), ...opts];
    u = new URL(loc, u);
    setQueryParam(u, 'digest', dig);
    err = await api.do(
      withMethod('PUT'),
      withUrl(u),
      withContentLength(body.length),
      withHeaderAdd('Content-Type', MT.octetStream),
      withBody(body),
      returnHeader('Location', (v) => (loc = v)),
      returnResponse((r) => (resp = r)),
      withAnd(putOpts),
    );
    if (err !== undefined) return wrap('blob post failed', err);
    return tagged('registry does not support content in the POST, fallback to PUT', Kind.Unsupported);
  }
  if (bad) return undefined;
  return verifyDigest(resp, dig, opts) ?? (await blobVerifyLocation(api, u, loc, body, ...opts));
}

/** Monolithic upload: POST for a session (202 + Location), then PUT `?digest=` with the body: 201. */
export async function blobPostPut(
  api: ApiClient,
  registry: string,
  repo: string,
  dig: string,
  td: TestData,
  ...opts: ApiOpt[]
) {
  const bad = flagsOf(opts).ExpectBadDigest === true;
  const body = bodyOf(td, dig, 'BlobPostPut');
  if (body instanceof Error) return body;
  let u = uploadsUrl(registry, repo);
  let loc = '';
  let resp: ApiResponse | undefined;
  let err = await api.do(
    withMethod('POST'),
    withUrl(u),
    expectStatus(202),
    returnHeader('Location', (v) => (loc = v)),
    withAnd(opts),
  );
  if (err !== undefined) return wrap('blob post failed', err);
  if (loc === '') return new Error('blob post did not return a location');
  u = new URL(loc, u);
  setQueryParam(u, 'digest', dig);
  const putOpts = bad
    ? [expectStatus(400), ...opts]
    : [
        expectStatus(201),
        returnHeader('Location', (v) => (loc = v)),
        returnResponse((r) => (resp = r)),
        ...opts,
      ];
  err = await api.do(
    withMethod('PUT'),
    withUrl(u),
    withContentLength(body.length),
    withHeaderAdd('Content-Type', MT.octetStream),
    withBody(body),
    withAnd(putOpts),
  );
  if (err !== undefined) return wrap('blob put failed', err);
  if (bad) return undefined;
  return verifyDigest(resp, dig, opts) ?? (await blobVerifyLocation(api, u, loc, body, ...opts));
}

/** `BlobVerifyLocation`: the Location returned on commit must serve the blob (200, same bytes). */
export async function blobVerifyLocation(
  api: ApiClient,
  base: URL,
  loc: string,
  body: Buffer,
  ...opts: ApiOpt[]
) {
  if (loc === '') return new Error('location header missing');
  let u: URL;
  try {
    u = new URL(loc, base);
  } catch (error) {
    return new Error(`could not parse location header "${loc}": ${(error as Error).message}`);
  }
  const err = await api.do(withMethod('GET'), withUrl(u), expectBody(body), expectStatus(200), withAnd(opts));
  return err === undefined ? undefined : wrap('failed to verify returned location', err);
}
