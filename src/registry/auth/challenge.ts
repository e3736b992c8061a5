import type { IncomingMessage } from 'node:http';
import { DOMAIN } from '../../reference/grammar.js';
import type { Action } from './authorizer.js';

/** Where the token endpoint is and what the service is called, as clients must be told. */
export interface ChallengeOrigin {
  /** `https://registry.example.com`: the configured public URL, if any. */
  readonly publicUrl: string | undefined;
  /** The URL the server listens on; used when neither a public URL nor a valid Host header exists. */
  readonly fallbackUrl: string;
}

/**
 * The base URL clients reach the registry at: the configured public URL, else `http://` and the
 * request's Host header (when it is a valid host[:port]), else the listening URL.
 */
export function baseUrlFor(req: IncomingMessage, origin: ChallengeOrigin): string {
  if (origin.publicUrl !== undefined) return origin.publicUrl;
  const host = req.headers.host;
  if (host !== undefined && DOMAIN.test(host)) return `http://${host}`;
  return origin.fallbackUrl;
}

/**
 * The `WWW-Authenticate` header of a 401: `Bearer realm="<base>/token",service="<host>"`, plus
 * `scope="repository:<name>:<actions>"` when a repository is involved. Pushing asks for
 * `pull,push`, since a push also reads. `also` adds scopes the request may use (a mount's
 * `repository:<from>:pull`), space-separated in the one `scope` parameter as distribution does.
 */
export function bearerChallenge(
  req: IncomingMessage,
  origin: ChallengeOrigin,
  repository?: string,
  actions: readonly Action[] = [],
  also?: { readonly repository: string; readonly actions: readonly Action[] },
): string {
  const base = baseUrlFor(req, origin);
  const service = new URL(base).host;
  let header = `Bearer realm="${base}/token",service="${service}"`;
  const scopes: string[] = [];
  if (repository !== undefined && repository !== '' && actions.length > 0) {
    const wanted = actions.includes('push') && !actions.includes('pull') ? ['pull', ...actions] : actions;
    scopes.push(`repository:${repository}:${wanted.join(',')}`);
  }
  if (scopes.length > 0 && also !== undefined && also.repository !== repository && also.actions.length > 0) {
    scopes.push(`repository:${also.repository}:${also.actions.join(',')}`);
  }
  if (scopes.length > 0) header += `,scope="${scopes.join(' ')}"`;
  return header;
}
