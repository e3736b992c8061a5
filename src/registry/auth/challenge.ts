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
 * `pull,push`, since a push also reads.
 */
export function bearerChallenge(
  req: IncomingMessage,
  origin: ChallengeOrigin,
  repository?: string,
  actions: readonly Action[] = [],
): string {
  const base = baseUrlFor(req, origin);
  const service = new URL(base).host;
  let header = `Bearer realm="${base}/token",service="${service}"`;
  if (repository !== undefined && repository !== '' && actions.length > 0) {
    const wanted = actions.includes('push') && !actions.includes('pull') ? ['pull', ...actions] : actions;
    header += `,scope="repository:${repository}:${wanted.join(',')}"`;
  }
  return header;
}
