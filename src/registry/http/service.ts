import { apiError } from '../errors.js';
import { isSafeRepository } from '../names.js';
import { summarizePackage } from '../packages/summary.js';
import type { RequestContext } from './context.js';
import { refusal } from './refusal.js';
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
        Buffer.from(await ctx.options.metrics.render()),
        'text/plain; version=0.0.4; charset=utf-8',
      );
    case 'packages':
      return listPackages(ctx, route.registry);
    case 'package':
      return showPackage(ctx, route.registry, route.image);
  }
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

async function authorizePull(
  ctx: RequestContext,
  repository: string,
  target: 'registry' | 'repository',
): Promise<void> {
  const verdict = await ctx.options.authorizer.authorize(ctx.req, { repository, actions: ['pull'], target });
  if (!verdict.ok) throw refusal(verdict);
}

function checkRegistry(registry: string): void {
  if (registry.split('/').length !== 2 || !isSafeRepository(registry)) {
    throw apiError('NAME_INVALID', {
      message: `invalid registry ${JSON.stringify(registry.slice(0, 200))}: expected ORG/REGISTRY`,
    });
  }
}

async function listPackages(ctx: RequestContext, registry: string): Promise<void> {
  checkRegistry(registry);
  await authorizePull(ctx, registry, 'registry');
  const prefix = `${registry}/`;
  const names = (await ctx.store.listRepositories()).filter((name) => name.startsWith(prefix));
  const packages = [];
  for (const name of names) {
    const summary = await summarizePackage(ctx.store, ctx.options.stats, registry, name);
    if (summary === undefined) continue;
    const { tags, ...rest } = summary;
    packages.push({ ...rest, tags: tags.length });
  }
  sendJson(ctx.res, ctx.method, 200, { registry, visibility: visibilityOf(ctx, registry), packages });
}

async function showPackage(ctx: RequestContext, registry: string, image: string): Promise<void> {
  checkRegistry(registry);
  const repository = `${registry}/${image}`;
  if (!isSafeRepository(repository)) {
    throw apiError('NAME_INVALID', { message: `invalid image name ${JSON.stringify(image.slice(0, 200))}` });
  }
  await authorizePull(ctx, repository, 'repository');
  const summary = await summarizePackage(ctx.store, ctx.options.stats, registry, repository);
  if (summary === undefined) {
    throw apiError('NAME_UNKNOWN', {
      message: `no image ${image} in ${registry}`,
      detail: { name: repository },
    });
  }
  sendJson(ctx.res, ctx.method, 200, { registry, visibility: visibilityOf(ctx, registry), ...summary });
}

function visibilityOf(ctx: RequestContext, registry: string): string {
  return ctx.options.authorizer.visibility?.(registry) ?? 'public';
}
