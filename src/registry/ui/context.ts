import { requestInfo, noteRequest } from '../request-info.js';
import type { RequestContext } from '../http/context.js';
import { viewerOf, viewerWithToken, type Viewer } from '../packages/index.js';
import type { PageViewer } from './layout.js';
import { readCookie, SESSION_COOKIE, type Sessions } from './sessions.js';
import { clientHost } from './snippets.js';

/** What the pages keep between requests. */
export interface UiState {
  readonly sessions: Sessions;
}

/** One request to the pages: the registry's request context, whose eyes, and where clients connect. */
export interface UiContext extends RequestContext {
  readonly viewer: Viewer;
  readonly page: PageViewer;
  /** The session id from the cookie (live or not). */
  readonly sessionId: string | undefined;
  /** The host for snippets (`registry.example.com`, `127.0.0.1:5000`). */
  readonly host: string;
  readonly state: UiState;
}

/**
 * The viewer of a request: its session's token when the cookie names a live session, else the
 * request's own credentials. Sign-in exists when the authorizer authenticates (it has a token
 * endpoint); an open registry has none.
 */
export function uiContext(ctx: RequestContext, state: UiState): UiContext {
  const sessionId = readCookie(ctx.req.headers.cookie, SESSION_COOKIE);
  const token = state.sessions.token(sessionId);
  const viewer = token === undefined ? viewerOf(ctx.req) : viewerWithToken(ctx.req, token);
  return {
    ...ctx,
    viewer,
    sessionId,
    state,
    page: { canSignIn: ctx.options.authorizer.issueToken !== undefined, signedIn: token !== undefined },
    host: clientHost(ctx.options.publicUrl, ctx.req.headers.host),
  };
}

/** Copies what the authorizer learnt about the viewer (its principal) onto the real request's log line. */
export function noteViewer(ui: UiContext): void {
  if (ui.viewer.request !== ui.req) noteRequest(ui.req, requestInfo(ui.viewer.request));
}
