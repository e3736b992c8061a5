/**
 * Chunked and streamed blob uploads (`BlobPatchChunked`, `BlobPatchStream` in `api.go`).
 *
 * Chunked: POST (202, maybe `OCI-Chunk-Min-Length`), then PATCH chunks of about a third of the
 * blob (at least 1024 bytes) with `Content-Range: start-end`, each answered 202 with a new
 * Location, then PUT `?digest=` (201) — or, with `PutLastChunk`, the last chunk rides on the PUT.
 * With `OutOfOrderChunks`, before every chunk a chunk at the wrong offset is sent and must get
 * 416; the client recovers with `GET <upload URL>`, which must answer 204 with `Range: 0-<last>`.
 * Streamed: one PATCH with the whole body and no Content-Range or length (chunked encoding).
 */
import type { ApiClient } from './api-client.js';
import { CHUNK_MIN, blobVerifyLocation, verifyDigest } from './api-blobs.js';
import {
  expectHeader,
  expectStatus,
  flagsOf,
  returnHeader,
  returnResponse,
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
import { Kind, tagged, wrap } from './errors.js';
import { MT } from './oci-json.js';
import type { TestData } from './test-data.js';

function parse(loc: string, base: URL, what: string): URL | Error {
  try {
    return new URL(loc, base);
  } catch (error) {
    return new Error(`${what} could not parse location header: ${(error as Error).message}`);
  }
}

/** Chunked upload; see the module comment for the flags. */
export async function blobPatchChunked(
  api: ApiClient,
  registry: string,
  repo: string,
  dig: string,
  td: TestData,
  ...opts: ApiOpt[]
): Promise<Error | undefined> {
  const flags = flagsOf(opts);
  const body = td.blobs.get(dig);
  if (body === undefined)
    return tagged(`BlobPatchChunked missing expected digest to send: ${dig}`, Kind.Error);
  let u = new URL(`${registry}/v2/${repo}/blobs/uploads/`);
  let minStr = '';
  let loc = '';
  let resp: ApiResponse | undefined;
  let err = await api.do(
    withMethod('POST'),
    withUrl(u),
    withContentLength(0),
    expectStatus(202),
    returnHeader('OCI-Chunk-Min-Length', (v) => (minStr = v)),
    returnHeader('Location', (v) => (loc = v)),
    withAnd(opts),
  );
  if (err !== undefined) return wrap('blob post failed', err);
  let chunkSize = Math.floor(body.length / 3) + 1;
  if (minStr !== '') {
    const min = Number(minStr);
    if (!/^[+-]?\d+$/.test(minStr)) {
      return new Error(`parsing OCI-Chunk-Min-Length size "${minStr}" failed: invalid syntax`);
    }
    if (min > chunkSize) chunkSize = min;
  }
  chunkSize = Math.min(Math.max(chunkSize, CHUNK_MIN), body.length);
  let lastByte = -1;
  while (lastByte < body.length - 1) {
    if (flags.OutOfOrderChunks) {
      if (loc === '') return new Error('blob request did not return a location');
      const parsed = parse(loc, u, 'blob request');
      if (parsed instanceof Error) return parsed;
      u = parsed;
      let badStart = lastByte + 1 + chunkSize;
      if (badStart >= body.length) badStart = 0;
      const badLast = Math.min(badStart + chunkSize - 1, body.length - 1);
      let method = 'PATCH';
      if (flags.PutLastChunk && badLast === body.length - 1) {
        method = 'PUT';
        setQueryParam(u, 'digest', dig);
      }
      err = await api.do(
        withMethod(method),
        withUrl(u),
        withContentLength(badLast - badStart + 1),
        withHeaderAdd('Content-Type', MT.octetStream),
        withHeaderAdd('Content-Range', `${badStart}-${badLast}`),
        withBody(body.subarray(badStart, badLast + 1)),
        expectStatus(416),
        returnHeader('Location', (v) => (loc = v)),
        withAnd(opts),
      );
      if (err !== undefined) return wrap('blob out of order chunk', err);
      let range = '';
      err = await api.do(
        withMethod('GET'),
        withUrl(u),
        expectStatus(204),
        returnHeader('Location', (v) => (loc = v)),
        returnHeader('Range', (v) => (range = v)),
        withAnd(opts),
      );
      if (err !== undefined) return wrap('blob chunked upload get request', err);
      if (!range.startsWith('0-'))
        return new Error(`content-range header is missing the 0- prefix: "${range}"`);
      const rest = range.slice(2);
      if (!/^[+-]?\d+$/.test(rest)) return new Error(`content-range header could not be parsed: "${rest}"`);
      if (lastByte >= 0 && Number(rest) !== lastByte) {
        return new Error(`content-range unexpected, received "${rest}", expected "0-${lastByte}"`);
      }
    }
    if (loc === '') return new Error('blob request did not return a location');
    const parsed = parse(loc, u, 'blob request');
    if (parsed instanceof Error) return parsed;
    u = parsed;
    const start = lastByte + 1;
    lastByte = Math.min(start + chunkSize - 1, body.length - 1);
    let chunkOpts: ApiOpt[];
    if (flags.PutLastChunk && lastByte === body.length - 1) {
      setQueryParam(u, 'digest', dig);
      chunkOpts = [withMethod('PUT'), ...opts];
      if (flags.ExpectBadDigest) chunkOpts.push(expectStatus(400));
      else {
        chunkOpts.push(
          expectStatus(201),
          returnHeader('Location', (v) => (loc = v)),
          returnResponse((r) => (resp = r)),
        );
      }
    } else {
      chunkOpts = [
        withMethod('PATCH'),
        expectStatus(202),
        returnHeader('Location', (v) => (loc = v)),
        ...opts,
      ];
    }
    err = await api.do(
      withUrl(u),
      withContentLength(lastByte - start + 1),
      withHeaderAdd('Content-Type', MT.octetStream),
      withHeaderAdd('Content-Range', `${start}-${lastByte}`),
      withBody(body.subarray(start, lastByte + 1)),
      withAnd(chunkOpts),
    );
    if (err !== undefined) return wrap('blob patch failed', err);
  }
  if (!flags.PutLastChunk) {
    if (loc === '') return new Error('blob patch did not return a location');
    const parsed = parse(loc, u, 'blob patch');
    if (parsed instanceof Error) return parsed;
    u = parsed;
    setQueryParam(u, 'digest', dig);
    const putOpts = flags.ExpectBadDigest
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
      withContentLength(0),
      withHeaderAdd('Content-Type', MT.octetStream),
      withAnd(putOpts),
    );
    if (err !== undefined) return wrap('blob put failed', err);
  }
  if (flags.ExpectBadDigest) return undefined;
  return verifyDigest(resp, dig, opts) ?? (await blobVerifyLocation(api, u, loc, body, ...opts));
}

/** Streamed upload: POST (202), one PATCH with the whole body (202), PUT `?digest=` (201). */
export async function blobPatchStream(
  api: ApiClient,
  registry: string,
  repo: string,
  dig: string,
  td: TestData,
  ...opts: ApiOpt[]
): Promise<Error | undefined> {
  const bad = flagsOf(opts).ExpectBadDigest === true;
  const body = td.blobs.get(dig);
  if (body === undefined)
    return tagged(`BlobPatchStream missing expected digest to send: ${dig}`, Kind.Error);
  let u = new URL(`${registry}/v2/${repo}/blobs/uploads/`);
  let loc = '';
  let resp: ApiResponse | undefined;
  let err = await api.do(
    withMethod('POST'),
    withUrl(u),
    withContentLength(0),
    expectStatus(202),
    returnHeader('Location', (v) => (loc = v)),
    withAnd(opts),
  );
  if (err !== undefined) return wrap('blob post failed', err);
  if (loc === '') return new Error('blob post did not return a location');
  let parsed = parse(loc, u, 'blob post');
  if (parsed instanceof Error) return parsed;
  u = parsed;
  err = await api.do(
    withMethod('PATCH'),
    withUrl(u),
    withHeaderAdd('Content-Type', MT.octetStream),
    withBody(body),
    expectStatus(202),
    returnHeader('Location', (v) => (loc = v)),
    withAnd(opts),
  );
  if (err !== undefined) return wrap('blob patch failed', err);
  if (loc === '') return new Error('blob patch did not return a location');
  parsed = parse(loc, u, 'blob patch');
  if (parsed instanceof Error) return parsed;
  u = parsed;
  setQueryParam(u, 'digest', dig);
  const putOpts = bad
    ? [expectStatus(400), ...opts]
    : [expectStatus(201), expectHeader('Location', ''), ...opts];
  err = await api.do(
    withMethod('PUT'),
    withUrl(u),
    withContentLength(0),
    withHeaderAdd('Content-Type', MT.octetStream),
    returnHeader('Location', (v) => (loc = v)),
    returnResponse((r) => (resp = r)),
    withAnd(putOpts),
  );
  if (err !== undefined) return wrap('blob put failed', err);
  if (bad) return undefined;
  return verifyDigest(resp, dig, opts) ?? (await blobVerifyLocation(api, u, loc, body, ...opts));
}
