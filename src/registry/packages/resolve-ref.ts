import { parseDigestParam } from '../names.js';
import { isSafeTag } from '../names.js';
import { apiError } from '../errors.js';
import type { ManifestInfo, Store } from '../storage/store.js';
import type { PackageSummary } from './summary.js';
import type { ImageRef } from './types.js';

/** A tag or digest found: the manifest and the tag (null when asked by digest). */
export interface ResolvedRef {
  readonly tag: string | null;
  readonly info: ManifestInfo;
}

/**
 * The manifest `ref` names in `repository`: by digest, by tag, or (neither) the newest tag, the
 * one pushed last (ties and unknown dates: `latest` first, then the last in byte order).
 * 400 for a malformed tag or digest, 404 `MANIFEST_UNKNOWN` when there is no such manifest.
 */
export async function resolveRef(
  store: Store,
  repository: string,
  summary: PackageSummary,
  ref: ImageRef,
): Promise<ResolvedRef> {
  if (ref.digest !== undefined && ref.digest !== '') {
    const digest = parseDigestParam(ref.digest).value;
    const info = await store.statManifest(repository, digest);
    if (info === undefined) throw unknown(repository, digest);
    return { tag: null, info };
  }
  const tag = ref.tag !== undefined && ref.tag !== '' ? ref.tag : newestTag(summary);
  if (tag === undefined || !isSafeTag(tag)) {
    throw apiError('TAG_INVALID', { message: `invalid tag ${JSON.stringify((tag ?? '').slice(0, 200))}` });
  }
  const info = await store.statManifest(repository, tag);
  if (info === undefined) throw unknown(repository, tag);
  return { tag, info };
}

/** The tag pushed last (see {@link resolveRef}), or undefined when there is none. */
export function newestTag(summary: PackageSummary): string | undefined {
  const rank = (t: PackageSummary['tags'][number]): string => t.pushed_at ?? '';
  let best: PackageSummary['tags'][number] | undefined;
  for (const t of summary.tags) {
    if (best === undefined || rank(t) > rank(best) || (rank(t) === rank(best) && best.tag !== 'latest'))
      best = t;
  }
  return best?.tag;
}

function unknown(repository: string, reference: string): Error {
  return apiError('MANIFEST_UNKNOWN', {
    message: `no tag or digest ${reference.slice(0, 200)} in ${repository}`,
    detail: { name: repository, reference },
  });
}
