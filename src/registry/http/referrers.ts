import { MediaType } from '../../oci/media-types.js';
import { parseDigestParam } from '../names.js';
import type { RequestContext } from './context.js';
import { sendJson } from './reply.js';

/**
 * `GET /v2/<name>/referrers/<digest>[?artifactType=]`: an OCI index listing the manifests whose
 * `subject` is `<digest>` (empty when none, also for an unknown repository). With `artifactType`
 * only matching entries are listed and `OCI-Filters-Applied: artifactType` says so.
 */
export async function handleReferrers(ctx: RequestContext, name: string, rawDigest: string): Promise<void> {
  const subject = parseDigestParam(rawDigest).value;
  const artifactType = ctx.query.get('artifactType');
  let manifests = await ctx.store.listReferrers(name, subject);
  const headers: Record<string, string> = {};
  if (artifactType !== null && artifactType !== '') {
    manifests = manifests.filter((entry) => entry.artifactType === artifactType);
    headers['OCI-Filters-Applied'] = 'artifactType';
  }
  const index = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  sendJson(ctx.res, ctx.method, 200, index, headers, MediaType.ociIndex);
}
