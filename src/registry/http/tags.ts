import { apiError } from '../errors.js';
import type { RequestContext } from './context.js';
import { paginate } from './pagination.js';
import { sendJson } from './reply.js';

/** `GET /v2/<name>/tags/list[?n=&last=]`: tags in byte order; 404 `NAME_UNKNOWN` for an unknown repository. */
export async function handleTags(ctx: RequestContext, name: string): Promise<void> {
  const tags = await ctx.store.listTags(name);
  if (tags === undefined) {
    throw apiError('NAME_UNKNOWN', {
      message: `repository ${name} is not known to this registry`,
      detail: { name },
    });
  }
  const page = paginate(tags, ctx.query, `/v2/${name}/tags/list`);
  sendJson(
    ctx.res,
    ctx.method,
    200,
    { name, tags: page.items },
    page.link === undefined ? {} : { Link: page.link },
  );
}
