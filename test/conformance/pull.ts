/**
 * Pull checks (`TestHead*`, `TestPull*` in `run.go`): HEAD and GET of every manifest by tag and
 * by digest and of every blob of a data set, each compared with what was pushed (status, body,
 * Content-Type, Content-Length, Docker-Content-Digest). The `SkipPullTest` flag skips content
 * the registry must have refused.
 */
import { blobGetExistsFull, blobHeadExists } from './api-blobs.js';
import { manifestGetExists, manifestHeadExists } from './api-manifests.js';
import { flagsOf, saveOutput, withFlag, type ApiOpt } from './api-options.js';
import { Kind, join, mark, silently } from './errors.js';
import { Status, type Results } from './results.js';
import type { Runner } from './runner.js';
import { Api } from './state.js';

/** HEAD every tag, manifest and blob of `tdName`. */
export function testHead(r: Runner, parent: Results, tdName: string, repo: string) {
  return r.childRun('head', parent, async (res) => {
    const td = r.state.td(tdName);
    const errs: Error[] = [];
    for (const [tag, dig] of td.tags) {
      const err = await testHeadManifestTag(r, res, tdName, repo, tag, dig, ...(td.pullOpts.get(dig) ?? []));
      if (err !== undefined)
        errs.push(silently(`failed to send head request for manifest by tag ${tag}`, err));
    }
    for (const [i, dig] of td.manOrder.entries()) {
      const err = await testHeadManifestDigest(r, res, tdName, repo, dig, ...(td.pullOpts.get(dig) ?? []));
      if (err !== undefined) {
        errs.push(silently(`failed to send head request for manifest ${i}, digest ${dig}`, err));
      }
    }
    for (const dig of td.blobs.keys()) {
      const err = await testHeadBlob(r, res, tdName, repo, dig, ...(td.pullOpts.get(dig) ?? []));
      if (err !== undefined) errs.push(silently(`failed to send head request for blob ${dig}`, err));
    }
    return join(errs);
  });
}

/** GET every tag, manifest and blob of `tdName`. */
export function testPull(r: Runner, parent: Results, tdName: string, repo: string) {
  return r.childRun('pull', parent, async (res) => {
    const td = r.state.td(tdName);
    const errs: Error[] = [];
    for (const [tag, dig] of td.tags) {
      const err = await testPullManifestTag(r, res, tdName, repo, tag, dig, ...(td.pullOpts.get(dig) ?? []));
      if (err !== undefined) errs.push(silently(`failed to pull manifest by tag ${tag}`, err));
    }
    for (const [i, dig] of td.manOrder.entries()) {
      const err = await testPullManifestDigest(r, res, tdName, repo, dig, ...(td.pullOpts.get(dig) ?? []));
      if (err !== undefined) errs.push(silently(`failed to pull manifest ${i}, digest ${dig}`, err));
    }
    for (const dig of td.blobs.keys()) {
      const err = await testPullBlob(r, res, tdName, repo, dig, ...(td.pullOpts.get(dig) ?? []));
      if (err !== undefined) errs.push(silently(`failed to pull blob ${dig}`, err));
    }
    return join(errs);
  });
}

type Check = (res: Results, all: ApiOpt[]) => Promise<Error | undefined>;

/** What a pull step checks and how it reports. */
interface PullStep {
  name: string;
  api: Api;
  tdName: string;
  /** The caller's options: `SkipPullTest` skips the step; GET steps send them on. */
  opts: ApiOpt[];
  /** HEAD steps, like the suite's, send only their own options. */
  head: boolean;
  /** Require Docker-Content-Digest (`apis.blobs|manifests.digestHeader`). */
  digestHeader: boolean;
  /** Mark the data set skipped when `api` is disabled (manifest steps). */
  markData: boolean;
}

function pullStep(r: Runner, parent: Results, step: PullStep, check: Check): Promise<Error | undefined> {
  const { name, api, tdName, opts } = step;
  if (flagsOf(opts).SkipPullTest) return Promise.resolve(undefined);
  return r.childRun(name, parent, async (res) => {
    const required = r.apiRequire(api);
    if (required !== undefined) {
      if (step.markData) r.state.setData(tdName, Status.Skip);
      r.testSkip(res, required, tdName, api);
      return mark(Kind.Skip, required);
    }
    const all = [...(step.head ? [] : opts), saveOutput(res)];
    if (step.digestHeader) all.push(withFlag('RequireDigestHeader'));
    const err = await check(res, all);
    if (err !== undefined) {
      r.testFail(res, err, tdName, api);
      return mark(Kind.Fail, err);
    }
    r.testPass(res, tdName, api);
    return undefined;
  });
}

/** HEAD blob `dig`: 200, no body, its length. */
export function testHeadBlob(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  dig: string,
  ...opts: ApiOpt[]
) {
  const header = r.config.apis.blobs.digestHeader;
  return pullStep(
    r,
    parent,
    { name: 'blob-head', api: Api.BlobHead, tdName, opts, head: true, digestHeader: header, markData: false },
    (_res, all) => blobHeadExists(r.api, r.registry, repo, dig, r.state.td(tdName), ...all),
  );
}

/** GET blob `dig`: 200, the exact bytes and length. */
export function testPullBlob(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  dig: string,
  ...opts: ApiOpt[]
) {
  const header = r.config.apis.blobs.digestHeader;
  return pullStep(
    r,
    parent,
    {
      name: 'blob-get',
      api: Api.BlobGetFull,
      tdName,
      opts,
      head: false,
      digestHeader: header,
      markData: false,
    },
    (_res, all) => blobGetExistsFull(r.api, r.registry, repo, dig, r.state.td(tdName), ...all),
  );
}

/** HEAD manifest `dig` by digest. */
export function testHeadManifestDigest(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  dig: string,
  ...opts: ApiOpt[]
) {
  const header = r.config.apis.manifests.digestHeader;
  return pullStep(
    r,
    parent,
    {
      name: 'manifest-head-by-digest',
      api: Api.ManifestHeadDigest,
      tdName,
      opts,
      head: true,
      digestHeader: header,
      markData: true,
    },
    (_res, all) => manifestHeadExists(r.api, r.registry, repo, dig, dig, r.state.td(tdName), ...all),
  );
}

/** HEAD manifest `dig` by `tag`. */
export function testHeadManifestTag(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  tag: string,
  dig: string,
  ...opts: ApiOpt[]
) {
  const header = r.config.apis.manifests.digestHeader;
  return pullStep(
    r,
    parent,
    {
      name: 'manifest-head-by-tag',
      api: Api.ManifestHeadTag,
      tdName,
      opts,
      head: true,
      digestHeader: header,
      markData: true,
    },
    (_res, all) => manifestHeadExists(r.api, r.registry, repo, tag, dig, r.state.td(tdName), ...all),
  );
}

/** GET manifest `dig` by digest: the exact bytes, media type and length. */
export function testPullManifestDigest(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  dig: string,
  ...opts: ApiOpt[]
) {
  const header = r.config.apis.manifests.digestHeader;
  return pullStep(
    r,
    parent,
    {
      name: 'manifest-by-digest',
      api: Api.ManifestGetDigest,
      tdName,
      opts,
      head: false,
      digestHeader: header,
      markData: true,
    },
    (_res, all) => manifestGetExists(r.api, r.registry, repo, dig, dig, r.state.td(tdName), ...all),
  );
}

/** GET manifest `dig` by `tag`. */
export function testPullManifestTag(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  tag: string,
  dig: string,
  ...opts: ApiOpt[]
) {
  const header = r.config.apis.manifests.digestHeader;
  return pullStep(
    r,
    parent,
    {
      name: 'manifest-by-tag',
      api: Api.ManifestGetTag,
      tdName,
      opts,
      head: false,
      digestHeader: header,
      markData: true,
    },
    (_res, all) => manifestGetExists(r.api, r.registry, repo, tag, dig, r.state.td(tdName), ...all),
  );
}
