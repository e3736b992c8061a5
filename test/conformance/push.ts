/**
 * Blob push checks (`TestPush*` in `run.go`): one step per upload flavour, plus
 * `testPushBlobAny`, which pushes a blob with whichever flavour has been exercised least and
 * falls back to the others until one works. Manifest pushes are in `push-manifests.ts`.
 */
import { blobMount, blobPostCancel, blobPostOnly, blobPostPut } from './api-blobs.js';
import { blobPatchChunked, blobPatchStream } from './api-blob-chunks.js';
import { saveOutput, withFlag, type ApiOpt } from './api-options.js';
import type { ApiClient } from './api-client.js';
import { Kind, is, join, mark, silently } from './errors.js';
import { Status, type Results } from './results.js';
import type { Runner } from './runner.js';
import { Api } from './state.js';
import { algorithmOf, type TestData } from './test-data.js';
import { testPushManifestDigest, testPushManifestTag } from './push-manifests.js';

/** The blob push APIs `testPushBlobAny` may use, in order of preference. */
const BLOB_APIS: readonly Api[] = [
  Api.BlobPostPut,
  Api.BlobPostOnly,
  Api.BlobPatchStream,
  Api.BlobPatchChunked,
];

/** Pushes blob `dig` with one upload flavour after another until one succeeds. */
export async function testPushBlobAny(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  dig: string,
  ...opts: ApiOpt[]
): Promise<Error | undefined> {
  const required = r.apiRequire(Api.BlobPush);
  if (required !== undefined) return mark(Kind.Skip, required);
  const byAlgo = r.testedWith(algorithmOf(dig));
  const order: Api[] = [];
  const add = (api: Api) => {
    if (!order.includes(api)) order.push(api);
  };
  for (const api of BLOB_APIS) if (!r.blobApisTested.has(api)) add(api);
  for (const api of BLOB_APIS) if (!byAlgo.has(api)) add(api);
  for (const api of BLOB_APIS) if (r.state.apiStatus.get(api) === Status.Pass) add(api);
  for (const api of BLOB_APIS) add(api);
  const errs: Error[] = [];
  for (const api of order) {
    let err: Error | undefined;
    if (api === Api.BlobPostPut) err = await testPushBlobPostPut(r, parent, tdName, repo, dig, ...opts);
    else if (api === Api.BlobPostOnly)
      err = await testPushBlobPostOnly(r, parent, tdName, repo, dig, ...opts);
    else if (api === Api.BlobPatchStream)
      err = await testPushBlobPatchStream(r, parent, tdName, repo, dig, ...opts);
    else err = await testPushBlobPatchChunked(r, parent, tdName, repo, dig, ...opts);
    r.blobApisTested.add(api);
    byAlgo.add(api);
    if (err === undefined) return undefined;
    errs.push(err);
  }
  return join(errs);
}

type BlobCall = (
  api: ApiClient,
  registry: string,
  repo: string,
  dig: string,
  td: TestData,
  ...opts: ApiOpt[]
) => Promise<Error | undefined>;

/** One blob step: skip when `api` is disabled, else run `call` and record pass (with `passApis`) or fail. */
function blobStep(
  name: string,
  api: Api,
  call: BlobCall,
  passApis: Api[],
): (
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  dig: string,
  ...opts: ApiOpt[]
) => Promise<Error | undefined> {
  return (r, parent, tdName, repo, dig, ...opts) =>
    r.childRun(name, parent, async (res) => {
      const required = r.apiRequire(api);
      if (required !== undefined) {
        r.testSkip(res, required, tdName, api);
        return mark(Kind.Skip, required);
      }
      const all = [...opts, saveOutput(res)];
      if (r.config.apis.blobs.digestHeader) all.push(withFlag('RequireDigestHeader'));
      const err = await call(r.api, r.registry, repo, dig, r.state.td(tdName), ...all);
      if (err !== undefined) {
        r.testFail(res, err, tdName, api);
        return mark(Kind.Fail, err);
      }
      r.testPass(res, tdName, ...passApis);
      return undefined;
    });
}

/** `POST` + `PUT ?digest=`. */
export const testPushBlobPostPut = blobStep('blob-post-put', Api.BlobPostPut, blobPostPut, [
  Api.BlobPostPut,
  Api.BlobPush,
]);

/** Single `POST ?digest=` with the body. */
export const testPushBlobPostOnly = blobStep('blob-post-only', Api.BlobPostOnly, blobPostOnly, [
  Api.BlobPostOnly,
  Api.BlobPush,
]);

/** Chunked `PATCH` uploads. */
export const testPushBlobPatchChunked = blobStep(
  'blob-patch-chunked',
  Api.BlobPatchChunked,
  blobPatchChunked,
  [Api.BlobPatchChunked, Api.BlobPush],
);

/** Streamed `PATCH` upload. */
export const testPushBlobPatchStream = blobStep('blob-patch-stream', Api.BlobPatchStream, blobPatchStream, [
  Api.BlobPatchStream,
  Api.BlobPush,
]);

/** Mount of `dig` from `repo2` into `repo` (must answer 201). */
export function testPushBlobMount(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  repo2: string,
  dig: string,
) {
  return mountStep(r, parent, 'blob-mount', Api.BlobMountSource, tdName, repo, repo2, dig);
}

/** Mount of `dig` into `repo` without `from` (must answer 201). */
export function testPushBlobMountAnonymous(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  dig: string,
) {
  return mountStep(r, parent, 'blob-mount-anonymous', Api.BlobMountAnonymous, tdName, repo, '', dig);
}

function mountStep(
  r: Runner,
  parent: Results,
  name: string,
  api: Api,
  tdName: string,
  repo: string,
  source: string,
  dig: string,
) {
  return r.childRun(name, parent, async (res) => {
    const required = r.apiRequire(api);
    if (required !== undefined) {
      r.testSkip(res, required, tdName, api);
      return mark(Kind.Skip, required);
    }
    const err = await blobMount(r.api, r.registry, repo, source, dig, r.state.td(tdName), saveOutput(res));
    if (err !== undefined) {
      r.testFail(res, err, tdName, api);
      return mark(Kind.Fail, err);
    }
    r.testPass(res, tdName, api);
    return undefined;
  });
}

/** Mount from `repo2`, which does not have the blob: must not answer 201 (a 202 session is right). */
export function testPushBlobMountMissing(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  repo2: string,
  dig: string,
) {
  return r.childRun('blob-mount', parent, async (res) => {
    const required = r.apiRequire(Api.BlobMountSource);
    if (required !== undefined) {
      r.testSkip(res, required, tdName, Api.BlobMountSource);
      return mark(Kind.Skip, required);
    }
    let err = await blobMount(r.api, r.registry, repo, repo2, dig, r.state.td(tdName), saveOutput(res));
    if (!is(err, Kind.Unsupported)) {
      err ??= new Error('blob mount of missing blob incorrectly succeeded');
      r.testFail(res, err, tdName, Api.BlobMountSource);
      return mark(Kind.Fail, err);
    }
    r.testPass(res, tdName, Api.BlobMountSource);
    return undefined;
  });
}

/** POST a session, then DELETE it (204). */
export function testPushBlobPostCancel(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  _dig: string,
) {
  return r.childRun('blob-post-cancel', parent, async (res) => {
    const required = r.apiRequire(Api.BlobPush, Api.BlobCancel);
    if (required !== undefined) {
      r.testSkip(res, required, tdName, Api.BlobPush, Api.BlobCancel);
      return mark(Kind.Skip, required);
    }
    const err = await blobPostCancel(r.api, r.registry, repo, saveOutput(res));
    if (err !== undefined) {
      r.testFail(res, err, tdName, Api.BlobPush, Api.BlobCancel);
      return mark(Kind.Fail, err);
    }
    r.testPass(res, tdName, Api.BlobPush, Api.BlobCancel);
    return undefined;
  });
}

/** Pushes every blob, then every manifest by digest, then every tag of data set `tdName`. */
export function testPush(r: Runner, parent: Results, tdName: string, repo: string) {
  return r.childRun('push', parent, async (res) => {
    const td = r.state.td(tdName);
    const errs: Error[] = [];
    for (const dig of td.blobs.keys()) {
      const err = await testPushBlobAny(r, res, tdName, repo, dig, ...(td.pushOpts.get(dig) ?? []));
      if (err !== undefined) errs.push(silently(`failed to push blob ${dig}`, err));
    }
    for (const [i, dig] of td.manOrder.entries()) {
      const err = await testPushManifestDigest(r, res, tdName, repo, dig, ...(td.pushOpts.get(dig) ?? []));
      if (err !== undefined) errs.push(silently(`failed to push manifest ${i}, digest ${dig}`, err));
    }
    for (const [tag, dig] of td.tags) {
      const err = await testPushManifestTag(r, res, tdName, repo, tag, dig, ...(td.pushOpts.get(dig) ?? []));
      if (err !== undefined) errs.push(silently(`failed to push manifest tag ${tag}`, err));
    }
    return join(errs);
  });
}
