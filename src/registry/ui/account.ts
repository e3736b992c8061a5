import { apiError } from '../errors.js';
import { viewerWithToken } from '../packages/index.js';
import { noteRequest } from '../request-info.js';
import type { UiContext } from './context.js';
import { redirect, sendPage } from './headers.js';
import { layout } from './layout.js';
import { signInBody } from './pages/sign-in.js';
import { isSameOrigin, isSecure, readForm, safeNext } from './request.js';
import { sessionCookie } from './sessions.js';

/** Renders the sign-in page with `status` (200, or 401 after a refusal). */
export function showSignIn(
  ui: UiContext,
  status: number,
  next: string,
  problem?: string,
  registry?: string,
): void {
  const body = signInBody({ next, problem, registry });
  sendPage(ui.res, ui.method, status, layout({ title: 'Sign in', viewer: ui.page, here: next, body }));
}

/**
 * `POST /ui/-/sign-in`: checks the token the way `docker login` does (the registry must accept it
 * as the password of user `buildkite`), then starts a session and goes back to `next`. The token
 * arrives in the form body only; a failed attempt says why without quoting it.
 */
export async function signIn(ui: UiContext): Promise<void> {
  if (ui.method !== 'POST') {
    showSignIn(ui, 200, safeNext(ui.query.get('next')));
    return;
  }
  if (!isSameOrigin(ui.req))
    throw apiError('DENIED', { message: 'sign-in forms are accepted from these pages only' });
  const form = await readForm(ui.req);
  const next = safeNext(form?.get('next'));
  const token = form?.get('token')?.trim() ?? '';
  if (!ui.page.canSignIn) {
    redirect(ui.res, next);
    return;
  }
  if (token === '') {
    noteRequest(ui.req, { reason: 'UNAUTHORIZED' });
    showSignIn(ui, 401, next, 'Enter a registry token or an API access token.');
    return;
  }
  const viewer = viewerWithToken(ui.req, token);
  const verdict = await ui.options.authorizer.authorize(viewer.request, { repository: '', actions: [] });
  if (!verdict.ok) {
    noteRequest(ui.req, { reason: 'UNAUTHORIZED' });
    showSignIn(ui, 401, next, `Not signed in: ${verdict.message ?? 'the registry refused the token'}.`);
    return;
  }
  ui.state.sessions.delete(ui.sessionId);
  const id = ui.state.sessions.create(token);
  redirect(ui.res, next, { 'Set-Cookie': sessionCookie(id, isSecure(ui.req, ui.options.publicUrl)) });
}

/** `POST /ui/-/sign-out`: ends the session and clears the cookie. */
export function signOut(ui: UiContext): void {
  if (!isSameOrigin(ui.req))
    throw apiError('DENIED', { message: 'sign-out forms are accepted from these pages only' });
  ui.state.sessions.delete(ui.sessionId);
  redirect(ui.res, '/ui/', {
    'Set-Cookie': sessionCookie(undefined, isSecure(ui.req, ui.options.publicUrl)),
  });
}
