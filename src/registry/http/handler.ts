import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessRequest } from '../auth/authorizer.js';
import { apiError, isRegistryApiError, writeError } from '../errors.js';
import { isSafeRepository, parseRepositoryParam } from '../names.js';
import type { ResolvedRegistryOptions } from '../options.js';
import { noteRequest } from '../request-info.js';
import { handleBlob } from './blobs.js';
import { handleCatalog } from './catalog.js';
import { drainRequest } from './drain.js';
import type { RequestContext } from './context.js';
import { API_VERSION, API_VERSION_HEADER } from './headers.js';
import { handleManifest } from './manifests.js';
import { handleReferrers } from './referrers.js';
import { refusal } from './refusal.js';
import { sendJson } from './reply.js';
import { ROUTE_METHODS, matchRoute, splitTarget, type Route } from './router.js';
import { SERVICE_METHODS, matchServiceRoute } from './service-routes.js';
import { handleService, type ServerState } from './service.js';
import { handleTags } from './tags.js';
import { createUiState, handleUi, isUiPath, type UiState } from '../ui/handler.js';
import { handleStartUpload, handleUpload } from './uploads.js';

/** Error codes of a client that went away mid-request: not the server's failure, not logged. */
const CLIENT_GONE = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

/**
 * The registry's request listener for `http.createServer`. Every response carries
 * `Docker-Distribution-API-Version: registry/2.0`. Order per request: route (404/405), repository
 * name (400 `NAME_INVALID`), authorizer (401/403, or 400/404 for names outside every registry),
 * handler (a mirror's, for pulls of a mirror repository: see `mirror/mirrors.ts`). Requests use
 * the guarded store, which reports every use of content to online GC. Besides `/v2/` it serves
 * `/token`, `/healthz`, `/metrics` and `/api/v1/registries/…`.
 * Errors become the OCI error JSON; unexpected ones are reported to `options.onError` and
 * answered with a bodiless-cause 500.
 */
export function createRequestHandler(
  options: ResolvedRegistryOptions,
  state: ServerState = { closing: false },
): (req: IncomingMessage, res: ServerResponse) => void {
  const ui = createUiState();
  return (req, res) => {
    void handle(req, res, options, state, ui);
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: ResolvedRegistryOptions,
  state: ServerState,
  ui: UiState,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  res.setHeader(API_VERSION_HEADER, API_VERSION);
  try {
    const { path, query } = splitTarget(req.url ?? '/');
    const { requestStore, mirrors } = options.caching;
    const ctx: RequestContext = { req, res, method, query, options, store: requestStore };
    // The web pages (src/registry/ui): `/ui/…`, and `/` for browsers.
    if (isUiPath(path) && (await handleUi(ctx, path, ui))) return;
    const service = path.startsWith('/v2') ? undefined : matchServiceRoute(path);
    if (service !== undefined) {
      noteRequest(req, { route: service.kind });
      checkMethod(method, SERVICE_METHODS[service.kind]);
      await handleService(ctx, service, state);
      return;
    }
    const route = matchRoute(path);
    if (route === undefined) {
      noteRequest(req, { route: 'unmatched' });
      throw apiError('UNSUPPORTED', {
        status: 404,
        message: `no registry API endpoint at ${path.slice(0, 200)}${path === '/' ? '; the web pages are at /ui/' : ''}`,
      });
    }
    noteRequest(req, { route: route.kind });
    checkMethod(method, ROUTE_METHODS[route.kind]);
    const raw = 'name' in route ? parseRepositoryParam(route.name) : '';
    // Mirrors: containerd's `?ns=` and Docker Hub's `library/` give one local name per image.
    const name = raw === '' || mirrors === undefined ? raw : mirrors.localName(raw, query.get('ns'));
    if (name !== '') noteRequest(req, { repository: name });
    const verdict = await options.authorizer.authorize(req, accessFor(route, method, name, query));
    if (!verdict.ok) throw refusal(verdict);
    if (mirrors !== undefined && name !== '' && (await mirrors.handle(ctx, route, name))) return;
    await dispatch(ctx, route, name);
  } catch (error) {
    const gone = isClientGone(error);
    noteRequest(req, {
      reason: isRegistryApiError(error) ? error.apiCode : gone ? 'CLIENT_GONE' : 'UNKNOWN',
    });
    if (!isRegistryApiError(error) && !gone) {
      options.onError(error, { method, url: (req.url ?? '').split('?')[0] ?? '' });
    }
    writeError(res, error, method);
    drainRequest(req);
  }
}

function checkMethod(method: string, allowed: readonly string[]): void {
  if (!allowed.includes(method)) {
    throw apiError('UNSUPPORTED', {
      message: `method ${method} is not allowed here; use ${allowed.join(', ')}`,
      headers: { Allow: allowed.join(', ') },
    });
  }
}

async function dispatch(ctx: RequestContext, route: Route, name: string): Promise<void> {
  switch (route.kind) {
    case 'base':
      return sendJson(ctx.res, ctx.method, 200, {});
    case 'catalog':
      return handleCatalog(ctx);
    case 'blob':
      return handleBlob(ctx, name, route.digest);
    case 'uploads':
      return handleStartUpload(ctx, name);
    case 'upload':
      return handleUpload(ctx, name, route.id);
    case 'manifest':
      return handleManifest(ctx, name, route.reference);
    case 'tags':
      return handleTags(ctx, name);
    case 'referrers':
      return handleReferrers(ctx, name, route.digest);
  }
}

/**
 * The access a request needs: reads `pull`, uploads and manifest PUT `push`, DELETE `delete`. A
 * mount (`POST …/blobs/uploads/?mount=D&from=R`) may also use `pull` on `R`.
 */
export function accessFor(
  route: Route,
  method: string,
  name: string,
  query?: URLSearchParams,
): AccessRequest {
  if (route.kind === 'base') return { repository: '', actions: [] };
  if (route.kind === 'catalog') return { repository: '', actions: ['pull'] };
  if (route.kind === 'uploads') {
    const from = query?.get('mount') == null ? null : (query.get('from') ?? null);
    if (from !== null && isSafeRepository(from) && from !== name) {
      return { repository: name, actions: ['push'], optional: { repository: from, actions: ['pull'] } };
    }
    return { repository: name, actions: ['push'] };
  }
  if (route.kind === 'upload') return { repository: name, actions: ['push'] };
  if (method === 'DELETE') return { repository: name, actions: ['delete'] };
  if (method === 'PUT') return { repository: name, actions: ['push'] };
  return { repository: name, actions: ['pull'] };
}

function isClientGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    (code !== undefined && CLIENT_GONE.has(code)) || (error instanceof Error && error.message === 'aborted')
  );
}
