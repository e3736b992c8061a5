import { apiError } from '../errors.js';
import { viewerOf } from '../packages/viewer.js';
import type { RequestContext } from './context.js';
import { handleDownload } from './download.js';
import { sendBytes, sendJson } from './reply.js';
import type { ServiceRoute } from './service-routes.js';

/** Whether the server is shutting down, for `/healthz`. */
export interface ServerState {
  closing: boolean;
}

/** Answers a {@link ServiceRoute}. Authorization of the packages API happens here, like a pull. */
export async function handleService(
  ctx: RequestContext,
  route: ServiceRoute,
  state: ServerState,
): Promise<void> {
  switch (route.kind) {
    case 'token':
      return handleToken(ctx);
    case 'healthz':
      return handleHealth(ctx, state);
    case 'metrics':
      return sendBytes(
        ctx.res,
        ctx.method,
        200,
        Buffer.from(await ctx.options.metricsText()),
        'text/plain; version=0.0.4; charset=utf-8',
      );
    case 'packages':
      return listPackages(ctx, groupOf(route.registry));
    case 'package':
      return showPackage(ctx, groupOf(route.registry), route.image);
    case 'download':
      return handleDownload(ctx, groupOf(route.registry), route.image);
  }
}

/**
 * The registry (or open-mode group) of a packages route: `-` (never a name component) stands for
 * the group of one-component names such as `alpine`.
 */
function groupOf(registry: string): string {
  return registry === '-' ? '' : registry;
}

async function handleToken(ctx: RequestContext): Promise<void> {
  const { authorizer } = ctx.options;
  if (authorizer.issueToken === undefined) {
    throw apiError('UNSUPPORTED', {
      status: 404,
      message: 'this registry does not use token authentication: no credentials are needed',
    });
  }
  const answer = await authorizer.issueToken(ctx.req, ctx.query);
  sendJson(ctx.res, ctx.method, answer.status, answer.body, { ...answer.headers });
}

async function handleHealth(ctx: RequestContext, state: ServerState): Promise<void> {
  if (state.closing) {
    sendJson(ctx.res, ctx.method, 503, { status: 'stopping' });
    return;
  }
  try {
    await ctx.store.checkWritable?.();
  } catch (error) {
    ctx.options.onError(error, { method: ctx.method, url: '/healthz' });
    sendJson(ctx.res, ctx.method, 503, { status: 'unavailable', reason: 'the storage is not writable' });
    return;
  }
  sendJson(ctx.res, ctx.method, 200, { status: 'ok' });
}

async function listPackages(ctx: RequestContext, registry: string): Promise<void> {
  const listing = await ctx.options.packages.listImages(viewerOf(ctx.req), registry);
  const packages = listing.packages.map(({ tags, ...rest }) => ({ ...rest, tags: tags.length }));
  sendJson(ctx.res, ctx.method, 200, { registry, visibility: listing.visibility, packages });
}

async function showPackage(ctx: RequestContext, registry: string, image: string): Promise<void> {
  const { packages } = ctx.options;
  const summary = await packages.summary(viewerOf(ctx.req), registry, image);
  sendJson(ctx.res, ctx.method, 200, { registry, visibility: packages.visibilityOf(registry), ...summary });
}
