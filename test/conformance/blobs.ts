/**
 * The blob API workflow, run once per digest algorithm (`TestBlobAPIs` in `run.go`): a GET of a
 * missing blob; each upload flavour (post only, post+put, chunked single/multi, with the last chunk
 * on the PUT, out of order, streamed, mount from a repository, anonymous mount, mount of a
 * missing blob, upload cancel), each followed by HEAD, GET and DELETE; range requests; the empty
 * blob and `{}`; and every upload flavour with a body that does not match its digest (400).
 */
import { CHUNK_MIN, blobGetReq } from './api-blobs.js';
import {
  expectBody,
  expectHeader,
  expectStatus,
  returnHeader,
  returnStatus,
  saveOutput,
  withAnd,
  withFlag,
  withHeaderAdd,
  withOr,
  type ApiOpt,
} from './api-options.js';
import { Kind, join, mark, tagged } from './errors.js';
import { testDeleteBlob } from './management.js';
import { testHeadBlob, testPullBlob } from './pull.js';
import {
  testPushBlobAny,
  testPushBlobMount,
  testPushBlobMountAnonymous,
  testPushBlobMountMissing,
  testPushBlobPatchChunked,
  testPushBlobPatchStream,
  testPushBlobPostCancel,
  testPushBlobPostOnly,
  testPushBlobPostPut,
} from './push.js';
import { Status, type Results } from './results.js';
import type { Runner } from './runner.js';
import { Api } from './state.js';
import { rangeTests } from './blob-ranges.js';
import { TestData, digestOf, genBlob, genWithAlgo, genWithBlobSize, type Algorithm } from './test-data.js';

const PUSH_TESTS = [
  'post only',
  'post+put',
  'chunked single',
  'stream',
  'mount',
  'mount anonymous',
  'mount missing',
  'post cancel',
];
const CHUNKED_TESTS = [
  'chunked multi',
  'chunked multi and put chunk',
  'chunked out-of-order',
  'chunked out-of-order and put chunk',
];
const BAD_DIGEST_TESTS = [
  'bad digest post only',
  'bad digest post+put',
  'bad digest chunked',
  'bad digest chunked and put chunk',
  'bad digest stream',
];

/** Runs the blob workflow for `algo` as the step `<algo> blobs`, with data set `tdName`. */
export function testBlobApis(
  r: Runner,
  parent: Results,
  tdName: string,
  tdDesc: string,
  algo: Algorithm,
  repo: string,
  repo2: string,
): Promise<Error | undefined> {
  return r.childRun(`${algo} blobs`, parent, async (res) => {
    const required = r.apiRequire(Api.BlobPush);
    if (required !== undefined) {
      r.testSkip(res, required, tdName, Api.BlobPush);
      return mark(Kind.Skip, required);
    }
    const errs: (Error | undefined)[] = [];
    const td = new TestData(tdDesc);
    r.state.data.set(tdName, td);
    r.state.dataStatus.set(tdName, Status.Unknown);
    const digests = new Map<string, string>();
    r.testedWith(algo);
    for (const name of PUSH_TESTS)
      digests.set(name, genBlob(td, genWithBlobSize(512), genWithAlgo(algo)).digest);
    const dig = (name: string) => digests.get(name)!;
    errs.push(
      await r.childRun('get-missing', res, async (res) => {
        const err = r.apiRequire(Api.BlobGetFull);
        if (err !== undefined) {
          r.testSkip(res, err, tdName, Api.BlobGetFull);
          return mark(Kind.Skip, err);
        }
        const getErr = await blobGetReq(
          r.api,
          r.registry,
          repo,
          dig('post cancel'),
          expectStatus(404),
          saveOutput(res),
        );
        if (getErr !== undefined) {
          r.testFail(res, getErr, tdName, Api.BlobGetFull);
          return mark(Kind.Fail, getErr);
        }
        r.testPass(res, tdName, Api.BlobGetFull);
        return undefined;
      }),
    );
    let minChunkSize = CHUNK_MIN;
    let minHeader = '';
    const bigBlob = () => genBlob(td, genWithBlobSize(minChunkSize * 3 - 5), genWithAlgo(algo)).digest;
    for (const testName of [...PUSH_TESTS, ...CHUNKED_TESTS]) {
      errs.push(
        await r.childRun(testName, res, async (res) => {
          const stepErrs: (Error | undefined)[] = [];
          let d = digests.get(testName) ?? '';
          let api: Api = Api.TagList;
          let err: Error | undefined;
          const ooo = withFlag('OutOfOrderChunks');
          const putLast = withFlag('PutLastChunk');
          switch (testName) {
            case 'post only':
              api = Api.BlobPostOnly;
              err = await testPushBlobPostOnly(r, res, tdName, repo, d);
              break;
            case 'post+put':
              api = Api.BlobPostPut;
              err = await testPushBlobPostPut(r, res, tdName, repo, d);
              break;
            case 'chunked single':
              api = Api.BlobPatchChunked;
              err = await testPushBlobPatchChunked(
                r,
                res,
                tdName,
                repo,
                d,
                returnHeader('OCI-Chunk-Min-Length', (v) => (minHeader = v)),
              );
              if (minHeader !== '' && /^[+-]?\d+$/.test(minHeader) && Number(minHeader) > minChunkSize) {
                minChunkSize = Number(minHeader);
              }
              break;
            case 'chunked multi':
            case 'chunked multi and put chunk':
            case 'chunked out-of-order':
            case 'chunked out-of-order and put chunk': {
              api = Api.BlobPatchChunked;
              d = bigBlob();
              digests.set(testName, d);
              const flags: ApiOpt[] = [];
              if (testName.endsWith('put chunk')) flags.push(putLast);
              if (testName.startsWith('chunked out-of-order')) flags.push(ooo);
              err = await testPushBlobPatchChunked(r, res, tdName, repo, d, ...flags);
              break;
            }
            case 'stream':
              api = Api.BlobPatchStream;
              err = await testPushBlobPatchStream(r, res, tdName, repo, d);
              break;
            case 'post cancel':
              api = Api.BlobPostPut;
              err = await testPushBlobPostCancel(r, res, tdName, repo, d);
              break;
            case 'mount':
              api = Api.BlobMountSource;
              stepErrs.push(await testPushBlobAny(r, res, tdName, repo2, d));
              err = await testPushBlobMount(r, res, tdName, repo, repo2, d);
              break;
            case 'mount anonymous':
              api = Api.BlobMountAnonymous;
              stepErrs.push(await testPushBlobAny(r, res, tdName, repo2, d));
              err = await testPushBlobMountAnonymous(r, res, tdName, repo, d);
              break;
            case 'mount missing':
              err = await testPushBlobMountMissing(r, res, tdName, repo, repo2, d);
              break;
            default:
              return new Error(`unknown api test ${testName}`);
          }
          stepErrs.push(err);
          r.blobApisTested.add(api);
          r.testedWith(algo).add(api);
          if (err === undefined && testName !== 'post cancel') {
            stepErrs.push(await testHeadBlob(r, res, tdName, repo, d));
            stepErrs.push(await testPullBlob(r, res, tdName, repo, d));
          }
          stepErrs.push(await testDeleteBlob(r, res, tdName, repo, d));
          if (testName === 'mount' || testName === 'mount anonymous') {
            stepErrs.push(await testDeleteBlob(r, res, tdName, repo2, d));
          }
          return join(stepErrs);
        }),
      );
    }
    errs.push(await testRanges(r, res, td, tdName, algo, repo));
    // well known blob contents
    const known = new Map<string, Buffer>();
    if (r.config.data.emptyBlob) known.set('empty', Buffer.alloc(0));
    known.set('emptyJSON', Buffer.from('{}'));
    for (const [name, value] of known) {
      const d = digestOf(value, algo);
      digests.set(name, d);
      td.blobs.set(d, value);
    }
    for (const name of known.keys()) {
      // Like the suite, these steps append to (and return) the workflow's error list.
      errs.push(
        await r.childRun(name, res, async (res) => {
          const d = digests.get(name)!;
          errs.push(await testPushBlobAny(r, res, tdName, repo, d));
          errs.push(await testHeadBlob(r, res, tdName, repo, d));
          errs.push(await testPullBlob(r, res, tdName, repo, d));
          errs.push(await testDeleteBlob(r, res, tdName, repo, d));
          return join(errs);
        }),
      );
    }
    // every upload flavour with a body that does not match the digest
    for (const name of BAD_DIGEST_TESTS) {
      const d = genBlob(td, genWithBlobSize(minChunkSize * 3 - 5), genWithAlgo(algo)).digest;
      td.blobs.set(d, Buffer.concat([td.blobs.get(d)!, Buffer.from('oh no')]));
      digests.set(name, d);
    }
    const bad = withFlag('ExpectBadDigest');
    for (const testName of BAD_DIGEST_TESTS) {
      errs.push(
        await r.childRun(testName, res, async (res) => {
          const d = digests.get(testName)!;
          switch (testName) {
            case 'bad digest post only':
              return testPushBlobPostOnly(r, res, tdName, repo, d, bad);
            case 'bad digest post+put':
              return testPushBlobPostPut(r, res, tdName, repo, d, bad);
            case 'bad digest chunked':
            case 'bad digest chunked and put chunk':
              return testPushBlobPatchChunked(r, res, tdName, repo, d, bad);
            case 'bad digest stream':
              return testPushBlobPatchStream(r, res, tdName, repo, d, bad);
            default:
              return new Error(`unknown api test ${testName}`);
          }
        }),
      );
    }
    return join(errs);
  });
}

/** Range requests on a 2048-byte blob: four satisfiable ranges (206) and two unsatisfiable ones (416). */
function testRanges(
  r: Runner,
  parent: Results,
  td: TestData,
  tdName: string,
  algo: Algorithm,
  repo: string,
): Promise<Error | undefined> {
  return r.childRun('range requests', parent, async (res) => {
    const required = r.apiRequire(Api.BlobGetRange, Api.BlobPush);
    if (required !== undefined) {
      r.testSkip(res, required, tdName, Api.BlobGetRange);
      return mark(Kind.Skip, required);
    }
    const blobLen = 2048;
    const { digest: d, bytes } = genBlob(td, genWithBlobSize(blobLen), genWithAlgo(algo));
    const pushErr = await testPushBlobAny(r, res, tdName, repo, d);
    if (pushErr !== undefined) {
      r.testSkip(res, pushErr, tdName, Api.BlobGetRange);
      return pushErr;
    }
    const errs: (Error | undefined)[] = [];
    for (const rt of rangeTests(bytes)) {
      errs.push(
        await r.childRun(rt.name, res, async (res) => {
          let status = 0;
          const opts: ApiOpt[] = [
            saveOutput(res),
            withAnd([withHeaderAdd('Range', rt.range)]),
            withOr(rt.expect, [
              // a registry may ignore Range and send the whole blob: detected below
              expectStatus(200),
              expectHeader('Content-Length', String(blobLen)),
              expectBody(bytes),
              returnStatus((s) => (status = s)),
            ]),
          ];
          const err = await blobGetReq(r.api, r.registry, repo, d, ...opts);
          if (err !== undefined) {
            r.testFail(res, err, tdName, Api.BlobGetRange);
            return mark(Kind.Fail, err);
          }
          if (status === 200) {
            const unsupported = tagged('range request unsupported, full blob returned', Kind.Unsupported);
            r.testFail(res, unsupported, tdName, Api.BlobGetRange);
            return mark(Kind.Fail, unsupported);
          }
          r.testPass(res, tdName, Api.BlobGetRange);
          return undefined;
        }),
      );
    }
    errs.push(await testDeleteBlob(r, res, tdName, repo, d));
    return join(errs);
  });
}
