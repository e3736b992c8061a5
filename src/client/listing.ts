/** Paged listings: tags (`/tags/list`) and referrers (`/referrers/<digest>`), following `Link`. */
import type { Descriptor } from '../oci/descriptor.js';
import { MediaType } from '../oci/media-types.js';
import type { StepContext } from './blobs/steps.js';
import { clientError } from './errors.js';
import { readCapped } from './transport/check.js';
import { nextLink, sameOrigin } from './transport/location.js';
import { apiPath, pullScope } from './repository.js';
import { header, type HttpResponse } from './transport/types.js';

/** Most pages followed before giving up (a registry looping its `Link`). */
export const MAX_PAGES = 10_000;

/** Largest page read. */
const PAGE_LIMIT = 16 * 1024 * 1024;

/** Options of {@link listTags}. */
export interface ListTagsOptions {
  /** `n=` per page. Default: the registry's choice. */
  readonly pageSize?: number;
}

/** Every tag of the repository, in the registry's order (lexical per the spec), across pages. */
export async function listTags(ctx: StepContext, options: ListTagsOptions = {}): Promise<string[]> {
  const first = ctx.session.url(apiPath(ctx.repo, 'tags', 'list'));
  if (options.pageSize !== undefined) first.searchParams.set('n', String(options.pageSize));
  const tags: string[] = [];
  await eachPage(ctx, first, {}, [200], (page) => {
    const list = (page as { tags?: unknown } | null)?.tags;
    if (Array.isArray(list)) tags.push(...list.filter((t): t is string => typeof t === 'string'));
  });
  return tags;
}

/** What the referrers API answered. */
export interface Referrers {
  /** False when the registry has no referrers API (it answered 404). */
  readonly supported: boolean;
  readonly manifests: Descriptor[];
  /** `OCI-Filters-Applied` values, e.g. `['artifactType']`. */
  readonly filtersApplied: string[];
}

/** `GET /v2/<repo>/referrers/<digest>[?artifactType=…]`, all pages. */
export async function listReferrers(
  ctx: StepContext,
  digest: string,
  artifactType?: string,
): Promise<Referrers> {
  const first = ctx.session.url(apiPath(ctx.repo, 'referrers', digest));
  if (artifactType !== undefined) first.searchParams.set('artifactType', artifactType);
  const manifests: Descriptor[] = [];
  const filters = new Set<string>();
  const supported = await eachPage(
    ctx,
    first,
    { accept: MediaType.ociIndex },
    [200, 404],
    (page, response) => {
      const list = (page as { manifests?: unknown } | null)?.manifests;
      if (Array.isArray(list)) manifests.push(...(list as Descriptor[]));
      for (const f of (header(response, 'oci-filters-applied') ?? '').split(','))
        if (f.trim()) filters.add(f.trim());
    },
  );
  return { supported, manifests, filtersApplied: [...filters] };
}

/** Calls `onPage` with each parsed JSON page; resolves false when the first page was a 404. */
async function eachPage(
  ctx: StepContext,
  first: URL,
  headers: Record<string, string>,
  expected: readonly number[],
  onPage: (page: unknown, response: HttpResponse) => void,
): Promise<boolean> {
  let url: URL | undefined = first;
  for (let pages = 0; url !== undefined; pages++) {
    if (pages >= MAX_PAGES) {
      throw clientError('CLIENT_TOO_MANY_PAGES', `stopped after ${MAX_PAGES} pages of ${first.pathname}`);
    }
    const response = await ctx.session.send(
      {
        method: 'GET',
        url,
        headers,
        scopes: [pullScope(ctx.repo)],
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      },
      expected,
      { repository: ctx.repo.repository },
    );
    if (response.status === 404) {
      await response.body.dump().catch(() => undefined);
      return false;
    }
    const text = await readCapped(response.body, PAGE_LIMIT);
    let page: unknown;
    try {
      page = JSON.parse(text);
    } catch {
      throw clientError('CLIENT_BAD_RESPONSE', `${first.pathname} answered something that is not JSON`);
    }
    onPage(page, response);
    const next = nextLink(header(response, 'link'));
    url = next === undefined ? undefined : sameOrigin(next, url, ctx.session.origin, 'Link');
  }
  return true;
}
