/**
 * Content discovery checks (`TestPing`, `TestEmpty*`, `TestList`, `TestReferrers` in `run.go`):
 * `GET /v2/`, the tag list and referrers of an empty repository, the tag list of a data set with
 * the `last` parameter, and the referrers of each subject, unfiltered and filtered by
 * `artifactType` (with `OCI-Filters-Applied`).
 */
import { pingReq, referrersList, tagList } from './api-manifests.js';
import { returnHeader, saveOutput, withUrlParam } from './api-options.js';
import { Kind, join, mark, tagged } from './errors.js';
import { randText, type Descriptor } from './oci-json.js';
import { Status, type Results } from './results.js';
import type { Runner, Step } from './runner.js';
import { Api } from './state.js';
import { digestOf } from './test-data.js';

/** A step that checks one API with no data set: skipped when disabled, else pass or fail. */
function simpleStep(r: Runner, parent: Results, name: string, api: Api, check: Step) {
  return r.childRun(name, parent, async (res) => {
    const required = r.apiRequire(api);
    if (required !== undefined) {
      r.testSkip(res, required, '', api);
      return mark(Kind.Skip, required);
    }
    const err = await check(res);
    if (err !== undefined) {
      r.testFail(res, err, '', api);
      return mark(Kind.Fail, err);
    }
    r.testPass(res, '', api);
    return undefined;
  });
}

/** `GET /v2/` answers (any status; a 401 is followed by a login). */
export function testPing(r: Runner, parent: Results) {
  return simpleStep(r, parent, 'ping', Api.Ping, (res) => pingReq(r.api, r.registry, saveOutput(res)));
}

/** The tag list and the referrers of a random digest, before anything is pushed. */
export function testEmpty(r: Runner, parent: Results, repo: string) {
  return r.childRun('empty', parent, async (res) =>
    join([
      await simpleStep(
        r,
        res,
        'tag list',
        Api.TagList,
        async (res) => (await tagList(r.api, r.registry, repo, saveOutput(res))).err,
      ),
      await simpleStep(r, res, 'referrers', Api.Referrers, async (res) => {
        const subject = digestOf(Buffer.from(randText()));
        return (await referrersList(r.api, r.registry, repo, subject, saveOutput(res))).err;
      }),
    ]),
  );
}

/** The tag list holds every tag of `tdName`; with `last=<middle tag>` only the tags after it. */
export function testList(r: Runner, parent: Results, tdName: string, repo: string) {
  return r.childRun('tag-list', parent, async (res) => {
    const required = r.apiRequire(Api.TagList);
    if (required !== undefined) {
      r.testSkip(res, required, tdName, Api.TagList);
      return mark(Kind.Skip, required);
    }
    const list = await tagList(r.api, r.registry, repo, saveOutput(res));
    if (list.err !== undefined) {
      r.testFail(res, list.err, tdName, Api.TagList);
      return mark(Kind.Fail, list.err);
    }
    const errs: Error[] = [];
    for (const tag of r.state.td(tdName).tags.keys()) {
      if (!list.tags.includes(tag)) errs.push(tagged(`missing tag "${tag}" from listing`, Kind.Fail));
    }
    if (list.tags.length >= 2) {
      const sorted = [...list.tags].sort();
      const end = Math.floor(sorted.length / 2);
      const last = sorted[end - 1]!;
      const partial = await tagList(r.api, r.registry, repo, saveOutput(res), withUrlParam('last', last));
      if (partial.err !== undefined) {
        r.testFail(res, partial.err, tdName, Api.TagList);
        return mark(Kind.Fail, partial.err);
      }
      for (const tag of sorted.slice(0, end)) {
        if (partial.tags.includes(tag))
          errs.push(tagged(`tag "${tag}" returned when last set to "${last}"`, Kind.Fail));
      }
      for (const tag of sorted.slice(end)) {
        if (!partial.tags.includes(tag))
          errs.push(tagged(`tag "${tag}" missing when last set to "${last}"`, Kind.Fail));
      }
    }
    const err = join(errs);
    if (err !== undefined) {
      r.testFail(res, err, tdName, Api.TagList);
      return err;
    }
    r.testPass(res, tdName, Api.TagList);
    return undefined;
  });
}

function sameReferrer(got: Descriptor, goal: Descriptor): boolean {
  const annotations = goal.annotations ?? {};
  return (
    got.digest === goal.digest &&
    got.mediaType === goal.mediaType &&
    got.size === goal.size &&
    (got.artifactType ?? '') === (goal.artifactType ?? '') &&
    Object.entries(annotations).every(([k, v]) => got.annotations?.[k] === v)
  );
}

const show = (d: Descriptor) =>
  `{MediaType:${d.mediaType} Digest:${d.digest} Size:${d.size} ArtifactType:${d.artifactType ?? ''}}`;

/** Every subject of `tdName` lists its referrers, also when filtered by each artifact type. */
export async function testReferrers(r: Runner, parent: Results, tdName: string, repo: string) {
  const td = r.state.td(tdName);
  if (td.referrers.size === 0) return undefined;
  return r.childRun('referrers', parent, async (res) => {
    const errs: Error[] = [];
    for (const [subject, goals] of td.referrers) {
      const required = r.apiRequire(Api.Referrers);
      if (required !== undefined) {
        r.state.setData(tdName, Status.Skip);
        r.testSkip(res, required, tdName, Api.Referrers);
        return mark(Kind.Skip, required);
      }
      const all = await referrersList(r.api, r.registry, repo, subject, saveOutput(res));
      if (all.err !== undefined) errs.push(all.err);
      else {
        for (const goal of goals) {
          if (!(all.index.manifests ?? []).some((got) => sameReferrer(got, goal))) {
            errs.push(
              tagged(
                `entry missing from referrers list, subject ${subject}, referrer ${show(goal)}`,
                Kind.Fail,
              ),
            );
          }
        }
      }
      for (const artifactType of new Set(goals.map((g) => g.artifactType ?? ''))) {
        let filters = '';
        const filtered = await referrersList(
          r.api,
          r.registry,
          repo,
          subject,
          saveOutput(res),
          withUrlParam('artifactType', artifactType),
          returnHeader('OCI-Filters-Applied', (v) => (filters = v)),
        );
        if (filtered.err !== undefined) {
          errs.push(filtered.err);
          continue;
        }
        const applied = filters.split(',').some((f) => f.trim() === 'artifactType');
        if (!applied) {
          errs.push(
            tagged(
              'registry does not set the expected OCI-Filters-Applied header for the artifactType',
              Kind.Unsupported,
            ),
          );
        }
        const manifests = filtered.index.manifests ?? [];
        for (const goal of goals) {
          if (
            (!applied || goal.artifactType === artifactType) &&
            !manifests.some((got) => sameReferrer(got, goal))
          ) {
            errs.push(
              tagged(
                `entry missing from referrers list, subject ${subject}, referrer ${show(goal)}`,
                Kind.Fail,
              ),
            );
          }
        }
        if (applied) {
          for (const got of manifests) {
            if ((got.artifactType ?? '') !== artifactType) {
              errs.push(
                tagged(
                  `referrers filter for artifactType ${artifactType} included descriptor ${show(got)}`,
                  Kind.Error,
                ),
              );
            }
          }
        }
      }
    }
    const err = join(errs);
    if (err !== undefined) {
      r.testFail(res, err, tdName, Api.Referrers);
      return mark(Kind.Fail, err);
    }
    r.testPass(res, tdName, Api.Referrers);
    return undefined;
  });
}
