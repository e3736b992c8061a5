import type { RequestContext } from './context.js';
import { paginate } from './pagination.js';
import { sendJson } from './reply.js';

/** `GET /v2/_catalog[?n=&last=]`: every repository name, in byte order. */
export async function handleCatalog(ctx: RequestContext): Promise<void> {
  const page = paginate(await ctx.store.listRepositories(), ctx.query, '/v2/_catalog');
  sendJson(
    ctx.res,
    ctx.method,
    200,
    { repositories: page.items },
    page.link === undefined ? {} : { Link: page.link },
  );
}
