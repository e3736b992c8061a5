import type { RequestContext } from './context.js';
import { paginate } from './pagination.js';
import { sendJson } from './reply.js';

/**
 * `GET /v2/_catalog[?n=&last=]`: every repository name the caller may pull from (all of them
 * unless the authorizer filters), in byte order.
 */
export async function handleCatalog(ctx: RequestContext): Promise<void> {
  const { authorizer } = ctx.options;
  let names = await ctx.store.listRepositories();
  if (authorizer.visibleRepositories !== undefined)
    names = await authorizer.visibleRepositories(ctx.req, names);
  const page = paginate(names, ctx.query, '/v2/_catalog');
  sendJson(
    ctx.res,
    ctx.method,
    200,
    { repositories: page.items },
    page.link === undefined ? {} : { Link: page.link },
  );
}
