import { apiError, isRegistryApiError, type RegistryApiError } from '../errors.js';
import type { RequestContext } from '../http/context.js';
import { noteRequest } from '../request-info.js';
import { signIn, signOut, showSignIn } from './account.js';
import { ASSETS, findAsset } from './assets.js';
import { download, showPlace, showRegistries } from './browse.js';
import { message } from './components.js';
import { uiContext, type UiContext, type UiState } from './context.js';
import { redirect, sendPage, setPageHeaders } from './headers.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { matchUiRoute, UI_METHODS } from './routes.js';
import { sessionCookie, Sessions } from './sessions.js';
import { isSecure, wantsHtml } from './request.js';

export { isUiPath } from './routes.js';
export type { UiState } from './context.js';

/** Fresh state for the pages of one server (sessions live as long as the process). */
export function createUiState(): UiState {
  return { sessions: new Sessions() };
}

/**
 * Serves the web pages: `GET /` redirects browsers to `/ui/` (other clients get the registry's
 * JSON 404, as before), `/ui/...` are the pages. Errors become pages: a 401 the sign-in form, a
 * 403/404 a message; unexpected ones are reported to `onError` and shown without detail.
 * Returns false when the path is `/` and the client is not a browser, so the caller answers.
 */
export async function handleUi(ctx: RequestContext, path: string, state: UiState): Promise<boolean> {
  const route = matchUiRoute(path);
  if (path === '/' && !wantsHtml(ctx.req)) return false;
  noteRequest(ctx.req, { route: 'ui' });
  const ui = uiContext(ctx, state);
  try {
    if (route === undefined) throw notFound(path);
    if (!UI_METHODS[route.kind].includes(ctx.method)) {
      noteRequest(ctx.req, { reason: 'UNSUPPORTED' });
      ui.res.setHeader('Allow', UI_METHODS[route.kind].join(', '));
      showProblem(ui, 405, `${ctx.method} is not allowed here.`);
      return true;
    }
    switch (route.kind) {
      case 'root':
        redirect(ui.res, '/ui/');
        return true;
      case 'asset':
        return sendAsset(ui, route.file);
      case 'favicon':
        return sendAsset(ui, ASSETS.icon.file, 'public, max-age=86400');
      case 'sign-in':
        await signIn(ui);
        return true;
      case 'sign-out':
        signOut(ui);
        return true;
      case 'registries':
        await showRegistries(ui);
        return true;
      case 'browse':
        await showPlace(ui, route.rest);
        return true;
      case 'download':
        await download(ui, route.rest);
        return true;
    }
  } catch (error) {
    // The request log's reason for a page answered with an error (the pages never throw past here).
    noteRequest(ctx.req, { reason: isRegistryApiError(error) ? error.apiCode : 'UNKNOWN' });
    if (ui.res.headersSent) {
      ui.res.destroy();
      if (!isRegistryApiError(error)) ctx.options.onError(error, { method: ctx.method, url: path });
      return true;
    }
    if (isRegistryApiError(error)) showRefusal(ui, error);
    else {
      ctx.options.onError(error, { method: ctx.method, url: path });
      showProblem(ui, 500, 'Something went wrong on the registry. The error is in its log.');
    }
  }
  return true;
}

function notFound(path: string): RegistryApiError {
  return apiError('NAME_UNKNOWN', { status: 404, message: `There is no page at ${path.slice(0, 200)}.` });
}

function sendAsset(ui: UiContext, file: string, cache = 'public, max-age=31536000, immutable'): boolean {
  const asset = findAsset(file);
  if (asset === undefined) {
    noteRequest(ui.req, { reason: 'NAME_UNKNOWN' });
    showProblem(ui, 404, 'No such file.');
    return true;
  }
  ui.res.statusCode = 200;
  setPageHeaders(ui.res);
  ui.res.setHeader('Cache-Control', cache);
  ui.res.setHeader('Content-Type', asset.contentType);
  ui.res.setHeader('Content-Length', asset.body.length);
  ui.res.end(ui.method === 'HEAD' ? undefined : asset.body);
  return true;
}

function showRefusal(ui: UiContext, error: RegistryApiError): void {
  const here = (ui.req.url ?? '/ui/').split('#')[0]!;
  if (error.status === 401 && ui.page.canSignIn) {
    if (ui.page.signedIn) {
      ui.state.sessions.delete(ui.sessionId);
      ui.res.setHeader('Set-Cookie', sessionCookie(undefined, isSecure(ui.req, ui.options.publicUrl)));
    }
    const problem = ui.page.signedIn ? `Your session's token was refused: ${error.message}` : undefined;
    const registry = /^\/ui\/(?:-\/download\/)?([a-z0-9-]+\/[a-z0-9-]+)(?:[/?]|$)/.exec(here)?.[1];
    showSignIn(ui, 401, here.startsWith('/ui/') ? here : '/ui/', problem, registry);
    return;
  }
  showProblem(ui, error.status, error.message, error.status === 403 && ui.page.canSignIn);
}

function showProblem(ui: UiContext, status: number, text: string, offerSignIn = false): void {
  const here = (ui.req.url ?? '/ui/').split('#')[0]!;
  const title = status === 404 ? 'Not found' : status === 403 ? 'Not allowed' : `Error ${status}`;
  const body = html`<h1>${title}</h1>
    ${message('error', text)}
    <p>
      <a href="/ui/">Back to the registries</a
      >${offerSignIn ? html` · <a href="${`/ui/-/sign-in?next=${encodeURIComponent(here)}`}">Sign in with another token</a>` : ''}
    </p>`;
  sendPage(ui.res, ui.method, status, layout({ title, viewer: ui.page, here, body }));
}
