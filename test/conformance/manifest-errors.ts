/**
 * Manifest error conditions (`TestManifestErrors` in `run.go`): GET of a missing manifest by
 * digest and by tag (404), and a manifest pushed under the malformed digest
 * `sha256:baddigeststring` (400) then pulled by it (404 or 400).
 */
import { randomBytes } from 'node:crypto';
import { manifestGetReq, manifestPut } from './api-manifests.js';
import { expectStatus, saveOutput, withFlag } from './api-options.js';
import { Kind, join, mark } from './errors.js';
import { testDelete } from './management.js';
import { randText } from './oci-json.js';
import { testPushBlobAny } from './push.js';
import { Status, type Results } from './results.js';
import type { Runner } from './runner.js';
import { Api } from './state.js';
import { TestData, digestOf, genWithLayerCount } from './test-data.js';
import { genManifestFull } from './test-data-manifests.js';

const BAD_DIGEST = 'sha256:baddigeststring';

/** A step checking one manifest API; `tdName` may be '' (no data set). */
function manifestStep(
  r: Runner,
  parent: Results,
  name: string,
  api: Api,
  tdName: string,
  check: (res: Results) => Promise<Error | undefined>,
) {
  return r.childRun(name, parent, async (res) => {
    const required = r.apiRequire(api);
    if (required !== undefined) {
      if (tdName !== '') r.state.setData(tdName, Status.Skip);
      r.testSkip(res, required, tdName, api);
      return mark(Kind.Skip, required);
    }
    const err = await check(res);
    if (err !== undefined) {
      r.testFail(res, err, tdName, api);
      return mark(Kind.Fail, err);
    }
    r.testPass(res, tdName, api);
    return undefined;
  });
}

/** Runs the missing-manifest and invalid-digest checks against `repo`. */
export async function testManifestErrors(
  r: Runner,
  parent: Results,
  repo: string,
): Promise<Error | undefined> {
  const missing = await r.childRun('missing-manifest', parent, async (res) =>
    join([
      await manifestStep(r, res, 'by-digest', Api.ManifestGetDigest, '', (res) => {
        const dig = digestOf(randomBytes(1024));
        return manifestGetReq(r.api, r.registry, repo, dig, expectStatus(404), saveOutput(res));
      }),
      await manifestStep(r, res, 'by-tag', Api.ManifestGetTag, '', (res) => {
        const tag = `missing-${randText().toLowerCase().slice(0, 20)}`;
        return manifestGetReq(r.api, r.registry, repo, tag, expectStatus(404), saveOutput(res));
      }),
    ]),
  );
  const invalid = await r.childRun('invalid-digest-format', parent, async (res) => {
    const errs: (Error | undefined)[] = [];
    const tdName = 'invalid-manifest-digest';
    const td = new TestData('Invalid Manifest Digest');
    r.state.data.set(tdName, td);
    const manDig = genManifestFull(td, genWithLayerCount(1));
    for (const dig of td.blobs.keys()) errs.push(await testPushBlobAny(r, res, tdName, repo, dig));
    errs.push(
      await manifestStep(r, res, 'manifest-put', Api.ManifestPutDigest, tdName, (res) =>
        manifestPut(
          r.api,
          r.registry,
          repo,
          BAD_DIGEST,
          manDig,
          td,
          r.config.apis.referrer,
          [],
          withFlag('ExpectBadDigest'),
          saveOutput(res),
        ),
      ),
    );
    errs.push(
      await manifestStep(r, res, 'manifest-get', Api.ManifestGetDigest, tdName, (res) =>
        manifestGetReq(r.api, r.registry, repo, BAD_DIGEST, expectStatus(404, 400), saveOutput(res)),
      ),
    );
    errs.push(await testDelete(r, res, tdName, repo));
    return join(errs);
  });
  return join([missing, invalid]);
}
