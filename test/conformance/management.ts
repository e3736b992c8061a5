/**
 * Delete checks (`TestDelete*` in `run.go`): every pushed tag, then every manifest in
 * reverse push order (an index before its children), then every blob of a data set; after each delete a HEAD must
 * answer 404 at once (the "atomic" checks). A registry that refuses deletes (400/405) is
 * reported as not supporting them, which the suite counts as skipped.
 */
import { blobDelete, blobHeadReq } from './api-blobs.js';
import { manifestDelete, manifestHeadReq } from './api-manifests.js';
import { expectStatus, saveOutput } from './api-options.js';
import { Kind, join, mark, silently } from './errors.js';
import { Status, type Results } from './results.js';
import type { Runner } from './runner.js';
import { Api } from './state.js';

/** Deletes every tag, manifest (newest first) and blob of data set `tdName`. */
export function testDelete(r: Runner, parent: Results, tdName: string, repo: string) {
  return r.childRun('delete', parent, async (res) => {
    const td = r.state.td(tdName);
    const errs: Error[] = [];
    for (const [tag, dig] of td.tags) {
      const err = await testDeleteTag(r, res, tdName, repo, tag, dig);
      if (err !== undefined) errs.push(silently(`failed to delete manifest tag ${tag}`, err));
    }
    for (const [i, dig] of [...td.manOrder].reverse().entries()) {
      const err = await testDeleteManifest(r, res, tdName, repo, dig);
      if (err !== undefined) errs.push(silently(`failed to delete manifest ${i}, digest ${dig}`, err));
    }
    for (const dig of td.blobs.keys()) {
      const err = await testDeleteBlob(r, res, tdName, repo, dig);
      if (err !== undefined) errs.push(silently(`failed to delete blob ${dig}`, err));
    }
    return join(errs);
  });
}

/** What one delete step removes and how it is checked afterwards. */
interface DeleteStep {
  name: string;
  api: Api;
  atomicApi: Api;
  /** Mark the data set skipped when deletes are disabled (tags and manifests). */
  markData: boolean;
  remove: (res: Results) => Promise<Error | undefined>;
  /** HEAD that must now answer 404. */
  gone: (res: Results) => Promise<Error | undefined>;
}

function deleteStep(
  r: Runner,
  parent: Results,
  tdName: string,
  step: DeleteStep,
): Promise<Error | undefined> {
  return r.childRun(step.name, parent, async (res) => {
    const required = r.apiRequire(step.api);
    if (required !== undefined) {
      if (step.markData) r.state.setData(tdName, Status.Skip);
      r.testSkip(res, required, tdName, step.api, step.atomicApi);
      return mark(Kind.Skip, required);
    }
    const err = await step.remove(res);
    if (err !== undefined) {
      r.testFail(res, err, tdName, step.api);
      r.testSkip(res, err, tdName, step.atomicApi);
      return mark(Kind.Fail, err);
    }
    r.testPass(res, tdName, step.api);
    const atomic = r.apiRequire(step.atomicApi);
    if (atomic !== undefined) {
      r.testSkip(res, atomic, tdName, step.atomicApi);
      return mark(Kind.Skip, atomic);
    }
    const goneErr = await step.gone(res);
    if (goneErr !== undefined) {
      r.testFail(res, goneErr, tdName, step.atomicApi);
      return mark(Kind.Fail, goneErr);
    }
    r.testPass(res, tdName, step.atomicApi);
    return undefined;
  });
}

/** DELETE `tag` (only when this run pushed it), then HEAD it: 404. */
export async function testDeleteTag(
  r: Runner,
  parent: Results,
  tdName: string,
  repo: string,
  tag: string,
  _dig: string,
): Promise<Error | undefined> {
  if (!r.state.td(tdName).tagPushed.has(tag)) return undefined;
  return deleteStep(r, parent, tdName, {
    name: 'tag-delete',
    api: Api.TagDelete,
    atomicApi: Api.TagDeleteAtomic,
    markData: true,
    remove: (res) => manifestDelete(r.api, r.registry, repo, tag, saveOutput(res)),
    gone: (res) => manifestHeadReq(r.api, r.registry, repo, tag, saveOutput(res), expectStatus(404)),
  });
}

/** DELETE manifest `dig`, then HEAD it: 404. */
export function testDeleteManifest(r: Runner, parent: Results, tdName: string, repo: string, dig: string) {
  return deleteStep(r, parent, tdName, {
    name: 'manifest-delete',
    api: Api.ManifestDelete,
    atomicApi: Api.ManifestDeleteAtomic,
    markData: true,
    remove: (res) => manifestDelete(r.api, r.registry, repo, dig, saveOutput(res)),
    gone: (res) => manifestHeadReq(r.api, r.registry, repo, dig, saveOutput(res), expectStatus(404)),
  });
}

/** DELETE blob `dig`, then HEAD it: 404. */
export function testDeleteBlob(r: Runner, parent: Results, tdName: string, repo: string, dig: string) {
  return deleteStep(r, parent, tdName, {
    name: 'blob-delete',
    api: Api.BlobDelete,
    atomicApi: Api.BlobDeleteAtomic,
    markData: false,
    remove: (res) => blobDelete(r.api, r.registry, repo, dig, saveOutput(res)),
    gone: (res) => blobHeadReq(r.api, r.registry, repo, dig, saveOutput(res), expectStatus(404)),
  });
}
