/**
 * Manifest, tag, referrers and ping requests of the suite (`api.go`).
 */
import type { ApiClient } from './api-client.js';
import { verifyDigest } from './api-blobs.js';
import {
  expectBody,
  expectHeader,
  expectStatus,
  flagsOf,
  returnHeader,
  returnJsonBody,
  returnResponse,
  returnStatus,
  withAnd,
  withBody,
  withHeaderAdd,
  withMethod,
  withOr,
  withUrl,
  type ApiOpt,
  type ApiResponse,
} from './api-options.js';
import { Kind, join, tagged, wrap } from './errors.js';
import { MT, type Descriptor } from './oci-json.js';
import type { TestData } from './test-data.js';

const manifestUrl = (registry: string, repo: string, ref: string) =>
  new URL(`${registry}/v2/${repo}/manifests/${ref}`);

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The `mediaType` field of a manifest (an OCI image manifest when it has none). */
export function detectMediaType(body: Buffer): string {
  const mediaType = parseJson(body)?.mediaType;
  return typeof mediaType === 'string' ? mediaType : MT.ociImage;
}

/** The `subject` descriptor of a manifest, if any. */
export function detectSubject(body: Buffer): Descriptor | undefined {
  const subject = parseJson(body)?.subject;
  return typeof subject === 'object' && subject !== null ? (subject as Descriptor) : undefined;
}

/** DELETE a manifest by tag or digest: 202, or 404; 400 and 405 mean deletes are unsupported. */
export async function manifestDelete(
  api: ApiClient,
  registry: string,
  repo: string,
  ref: string,
  ...opts: ApiOpt[]
) {
  let status = 0;
  const err = await api.do(
    withMethod('DELETE'),
    withUrl(manifestUrl(registry, repo, ref)),
    expectStatus(202, 404, 400, 405),
    returnStatus((s) => (status = s)),
    withAnd(opts),
  );
  if (err !== undefined) return wrap('manifest delete failed', err);
  if (status === 400 || status === 405) return tagged(`registry returned status ${status}`, Kind.Unsupported);
  return undefined;
}

const ACCEPT = [withHeaderAdd('Accept', MT.ociIndex), withHeaderAdd('Accept', MT.ociImage)];

/** GET a manifest accepting OCI indexes and images, with only the checks in `opts`. */
export async function manifestGetReq(
  api: ApiClient,
  registry: string,
  repo: string,
  ref: string,
  ...opts: ApiOpt[]
) {
  const err = await api.do(
    withMethod('GET'),
    withUrl(manifestUrl(registry, repo, ref)),
    ...ACCEPT,
    withAnd(opts),
  );
  return err === undefined ? undefined : wrap('manifest get failed', err);
}

/** HEAD a manifest accepting OCI indexes and images, with only the checks in `opts`. */
export async function manifestHeadReq(
  api: ApiClient,
  registry: string,
  repo: string,
  ref: string,
  ...opts: ApiOpt[]
) {
  const err = await api.do(
    withMethod('HEAD'),
    withUrl(manifestUrl(registry, repo, ref)),
    ...ACCEPT,
    withAnd(opts),
  );
  return err === undefined ? undefined : wrap('manifest head failed', err);
}

/** GET a manifest that must exist: 200 and, when known, the exact bytes, media type and length. */
export async function manifestGetExists(
  api: ApiClient,
  registry: string,
  repo: string,
  ref: string,
  dig: string,
  td: TestData,
  ...opts: ApiOpt[]
) {
  let resp: ApiResponse | undefined;
  const all = [...opts, expectStatus(200)];
  const val = td.manifests.get(dig);
  if (val !== undefined && val.length > 0) {
    all.push(
      expectBody(val),
      expectHeader('Content-Type', detectMediaType(val)),
      expectHeader('Content-Length', String(val.length)),
      returnResponse((r) => (resp = r)),
    );
  }
  return join([await manifestGetReq(api, registry, repo, ref, ...all), verifyDigest(resp, dig, all)]);
}

/** HEAD a manifest that must exist: 200, no body and, when known, its media type and length. */
export async function manifestHeadExists(
  api: ApiClient,
  registry: string,
  repo: string,
  ref: string,
  dig: string,
  td: TestData,
  ...opts: ApiOpt[]
) {
  let resp: ApiResponse | undefined;
  const all = [...opts, expectStatus(200), expectBody(Buffer.alloc(0))];
  const val = td.manifests.get(dig);
  if (val !== undefined && val.length > 0) {
    all.push(
      expectHeader('Content-Type', detectMediaType(val)),
      expectHeader('Content-Length', String(val.length)),
      returnResponse((r) => (resp = r)),
    );
  }
  return join([await manifestHeadReq(api, registry, repo, ref, ...all), verifyDigest(resp, dig, all)]);
}

/**
 * PUT a manifest under `ref` (tag or digest) with its own media type: 201 with a Location that
 * serves the same bytes, a matching Docker-Content-Digest if any, and, when referrers are tested
 * and the manifest has a subject, `OCI-Subject: <subject digest>`. With `ExpectBadDigest`, 400.
 */
export async function manifestPut(
  api: ApiClient,
  registry: string,
  repo: string,
  ref: string,
  dig: string,
  td: TestData,
  referrersEnabled: boolean,
  putOpts: readonly ApiOpt[],
  ...opts: ApiOpt[]
) {
  const flags = flagsOf(opts);
  const body = td.manifests.get(dig);
  if (body === undefined) return tagged(`ManifestPut missing expected digest to send: ${dig}`, Kind.Error);
  let u = manifestUrl(registry, repo, ref);
  const mediaType = detectMediaType(body);
  let resp: ApiResponse | undefined;
  let loc = '';
  const all: ApiOpt[] = flags.ExpectBadDigest
    ? [expectStatus(400), ...putOpts, ...opts]
    : [expectStatus(201), returnHeader('Location', (v) => (loc = v)), ...putOpts, ...opts];
  const subject = referrersEnabled ? detectSubject(body) : undefined;
  if (subject !== undefined) all.push(expectHeader('OCI-Subject', String(subject.digest)));
  const errs: Error[] = [];
  const err = await api.do(
    withMethod('PUT'),
    withUrl(u),
    withBody(body),
    withHeaderAdd('Content-Type', mediaType),
    returnResponse((r) => (resp = r)),
    withAnd(all),
  );
  if (err !== undefined) errs.push(wrap('manifest put failed', err));
  if (flags.ExpectBadDigest) return join(errs);
  const header = resp?.headers.get('Docker-Content-Digest') ?? '';
  // The suite checks a flag named RequestDigestHeader here, which no caller sets.
  if (header === '' && flags.RequestDigestHeader)
    errs.push(new Error('registry did not return a Docker-Content-Digest header'));
  if (header !== '' && header !== dig) {
    errs.push(new Error(`Docker-Content-Digest header value expected "${dig}", received "${header}"`));
  }
  if (loc === '') {
    errs.push(new Error('blob put did not return a location'));
  } else {
    try {
      u = new URL(loc, u);
      const getErr = await api.do(
        withMethod('GET'),
        withUrl(u),
        ...ACCEPT,
        expectStatus(200),
        expectHeader('Content-Type', mediaType),
        expectHeader('Content-Length', String(body.length)),
        expectBody(body),
        withAnd(opts),
      );
      if (getErr !== undefined) errs.push(wrap('failed to verify returned location', getErr));
    } catch (error) {
      errs.push(new Error(`could not parse location header "${loc}": ${(error as Error).message}`));
    }
  }
  return join(errs);
}

/** `GET /v2/`, with only the checks in `opts`. */
export async function pingReq(api: ApiClient, registry: string, ...opts: ApiOpt[]) {
  const err = await api.do(withMethod('GET'), withUrl(new URL(`${registry}/v2/`)), withAnd(opts));
  return err === undefined ? undefined : wrap('registry ping failed', err);
}

/** An OCI index as the referrers API returns it. */
export interface ReferrersIndex {
  schemaVersion?: number;
  mediaType?: string;
  manifests?: Descriptor[];
}

/** `GET /v2/<repo>/referrers/<dig>`: 200, an OCI index (media type and schemaVersion 2). */
export async function referrersList(
  api: ApiClient,
  registry: string,
  repo: string,
  dig: string,
  ...opts: ApiOpt[]
) {
  let index: ReferrersIndex = {};
  let err = await api.do(
    withUrl(new URL(`${registry}/v2/${repo}/referrers/${dig}`)),
    expectHeader('Content-Type', MT.ociIndex),
    expectStatus(200),
    returnJsonBody((v) => (index = (v ?? {}) as ReferrersIndex)),
    withAnd(opts),
  );
  if (err === undefined && (index.mediaType !== MT.ociIndex || index.schemaVersion !== 2)) {
    err = tagged('referrers response is not a valid OCI index (media type and schema version)', Kind.Fail);
  }
  return { index, err };
}

/** `GET /v2/<repo>/tags/list`: 200 with a JSON tag list, or 404 for an unknown repository. */
export async function tagList(api: ApiClient, registry: string, repo: string, ...opts: ApiOpt[]) {
  let list: { name?: string; tags?: string[] | null } = {};
  const err = await api.do(
    withUrl(new URL(`${registry}/v2/${repo}/tags/list`)),
    withOr(
      [expectStatus(200), returnJsonBody((v) => (list = (v ?? {}) as typeof list))],
      [expectStatus(404)],
    ),
    withAnd(opts),
  );
  return { tags: list.tags ?? [], err };
}
