/**
 * Manifest push checks (`TestPushManifestDigest`, `TestPushManifestTag` in `run.go`). A push
 * of a manifest with a subject also checks the "manifest put with subject" API (the
 * `OCI-Subject` header); a push with the `TagParam` flag adds `?tag=` parameters and expects
 * them back in `OCI-Tag`.
 */
import { detectSubject, manifestPut } from './api-manifests.js';
import {
  flagsOf,
  returnResponse,
  saveOutput,
  withFlag,
  withUrlParam,
  type ApiOpt,
  type ApiResponse,
} from './api-options.js';
import { Kind, join, mark, tagged } from './errors.js';
import { Status, type Results } from './results.js';
import type { Runner } from './runner.js';
import { Api } from './state.js';

function digestHeaderFlag(r: Runner): ApiOpt[] {
  return r.config.apis.manifests.digestHeader ? [withFlag('RequireDigestHeader')] : [];
}

/** PUT manifest `dig` by digest. */
export function testPushManifestDigest(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  dig: string,
  ...opts: ApiOpt[]
) {
  return r.childRun('manifest-by-digest', parent, async (res) => {
    const td = r.state.td(tdName);
    const apis: Api[] = [Api.ManifestPutDigest];
    let resp: ApiResponse | undefined;
    const putOpts: ApiOpt[] = [returnResponse((x) => (resp = x))];
    if (detectSubject(td.manifests.get(dig) ?? Buffer.alloc(0)) !== undefined)
      apis.push(Api.ManifestPutSubject);
    const expectTags: string[] = [];
    if (flagsOf(opts).TagParam) {
      apis.push(Api.ManifestPutTagParam);
      for (const [tag, d] of td.tags) {
        if (d !== dig) continue;
        putOpts.push(withUrlParam('tag', tag));
        expectTags.push(tag);
      }
    }
    for (const api of apis) {
      const required = r.apiRequire(api);
      if (required !== undefined) {
        r.state.setData(tdName, Status.Skip);
        r.testSkip(res, required, tdName, api);
        return mark(Kind.Skip, required);
      }
    }
    const all = [...opts, saveOutput(res), ...digestHeaderFlag(r)];
    const err = await manifestPut(
      r.api,
      r.registry,
      repo,
      dig,
      dig,
      td,
      r.config.apis.referrer,
      putOpts,
      ...all,
    );
    if (err !== undefined) {
      r.testFail(res, err, tdName, ...apis);
      return mark(Kind.Fail, err);
    }
    if (expectTags.length > 0) {
      const returned = (resp?.headers.values('OCI-Tag') ?? []).flatMap((v) =>
        v.split(',').map((s) => s.trim()),
      );
      const errs: Error[] = [];
      for (const tag of expectTags) {
        if (returned.includes(tag)) td.tagPushed.add(tag);
        else errs.push(tagged(`header missing OCI-Tag: ${tag}`, Kind.Unsupported));
      }
      const missing = join(errs);
      if (missing !== undefined) {
        r.testFail(res, missing, tdName, Api.ManifestPutTagParam);
        return mark(Kind.Fail, missing);
      }
    }
    r.testPass(res, tdName, ...apis);
    return undefined;
  });
}

/** PUT manifest `dig` under `tag` (skipped when a tag parameter already pushed it). */
export async function testPushManifestTag(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  tag: string,
  dig: string,
  ...opts: ApiOpt[]
): Promise<Error | undefined> {
  const td = r.state.td(tdName);
  if (td.tagPushed.has(tag)) return undefined;
  const apis: Api[] = [];
  if (detectSubject(td.manifests.get(dig) ?? Buffer.alloc(0)) !== undefined)
    apis.push(Api.ManifestPutSubject);
  return r.childRun('manifest-by-tag', parent, async (res) => {
    const required = r.apiRequire(Api.ManifestPutTag);
    if (required !== undefined) {
      r.state.setData(tdName, Status.Skip);
      r.testSkip(res, required, tdName, Api.ManifestPutTag);
      return mark(Kind.Skip, required);
    }
    apis.push(Api.ManifestPutTag);
    const all = [...opts, saveOutput(res), ...digestHeaderFlag(r)];
    const err = await manifestPut(r.api, r.registry, repo, tag, dig, td, r.config.apis.referrer, [], ...all);
    if (err !== undefined) {
      r.testFail(res, err, tdName, ...apis);
      return mark(Kind.Fail, err);
    }
    td.tagPushed.add(tag);
    r.testPass(res, tdName, ...apis);
    return undefined;
  });
}
