import type { IncomingMessage } from 'node:http';
import type { Authorizer } from '../auth/authorizer.js';
import { USERNAME } from '../auth/credentials.js';
import { refusal } from '../http/refusal.js';

/** Whose eyes the pages look with: the credentials of a request, or of a session's token. */
export interface Viewer {
  readonly request: IncomingMessage;
}

/** The request's own credentials (its `Authorization` header, or none). */
export function viewerOf(request: IncomingMessage): Viewer {
  return { request };
}

/**
 * The request, authenticated with a registry or API token (a sign-in session) as Basic
 * `buildkite:token`. The token stays in memory: never in a URL or a log.
 */
export function viewerWithToken(request: IncomingMessage, token: string): Viewer {
  const authorization = `Basic ${Buffer.from(`${USERNAME}:${token}`).toString('base64')}`;
  const headers = { ...request.headers, authorization };
  const proxy = new Proxy(request, {
    get: (target, key) => (key === 'headers' ? headers : (Reflect.get(target, key, target) as unknown)),
  });
  return { request: proxy };
}

/** Throws the refusal (401/403/404 as a RegistryApiError) unless `viewer` may pull `name`. */
export async function requirePull(
  authorizer: Authorizer,
  viewer: Viewer,
  name: string,
  target: 'registry' | 'repository',
): Promise<void> {
  const verdict = await authorizer.authorize(viewer.request, { repository: name, actions: ['pull'], target });
  if (!verdict.ok) throw refusal(verdict);
}

/** Whether `viewer` may pull `name`. */
export async function canPull(
  authorizer: Authorizer,
  viewer: Viewer,
  name: string,
  target: 'registry' | 'repository',
): Promise<boolean> {
  const verdict = await authorizer.authorize(viewer.request, { repository: name, actions: ['pull'], target });
  return verdict.ok;
}
