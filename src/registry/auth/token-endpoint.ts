import type { IncomingMessage } from 'node:http';
import { noteRequest } from '../request-info.js';
import type { Action, TokenEndpointResponse } from './authorizer.js';
import { BearerTokens, type BearerSubject } from './bearer.js';
import { readCredentials } from './credentials.js';
import { grantFor } from './grants.js';
import { authenticate, describePrincipal, type Authenticators, type Principal } from './principal.js';
import type { RegistryDirectory } from './registries.js';
import { parseTokenScopes } from './token-scope.js';

/** What the token endpoint needs from the authorizer. */
export interface TokenEndpointContext {
  readonly authenticators: Authenticators;
  readonly bearer: BearerTokens;
  readonly directory: RegistryDirectory;
  readonly audiencePrefix: string;
  readonly lifetimeSeconds: number;
  readonly now: () => number;
  /** `WWW-Authenticate` of a 401 (the registry-level Bearer challenge). */
  readonly challenge: string;
}

/**
 * `GET /token?service=…&scope=repository:NAME:pull,push…`, the Docker token flow. Basic credentials
 * (user `buildkite`, the token as password) or none (anonymous). Bad credentials are a 401 whose
 * message says why; otherwise the answer is a bearer token for the requested actions the
 * credentials allow (fewer than asked is not an error: the API says why when the client uses it).
 */
export async function issueToken(
  req: IncomingMessage,
  query: URLSearchParams,
  ctx: TokenEndpointContext,
): Promise<TokenEndpointResponse> {
  const credentials = readCredentials(req);
  if (credentials.kind === 'bearer' && BearerTokens.owns(credentials.token)) {
    return unauthorized(
      ctx,
      'send the token as a Basic password (user "buildkite"), not a bearer token of this registry',
    );
  }
  const auth = await authenticate(credentials, ctx.authenticators);
  if (!auth.ok) return unauthorized(ctx, auth.reason);
  const { principal } = auth;
  noteRequest(req, { principal: describePrincipal(principal) });
  const access: Record<string, Action[]> = {};
  const denied: Record<string, string> = {};
  for (const scope of parseTokenScopes(query.getAll('scope'))) {
    const placed = ctx.directory.place(scope.repository);
    if (placed.kind !== 'registry') {
      access[scope.repository] = [];
      denied[scope.repository] =
        placed.kind === 'too-short'
          ? `invalid repository name ${scope.repository}: names here look like ORG/REGISTRY/IMAGE`
          : `${placed.registry} is not a registry here`;
      continue;
    }
    const grant = grantFor(principal, placed.registry, scope.actions, ctx.audiencePrefix);
    access[scope.repository] = [...grant.actions];
    if (grant.reason !== undefined) denied[scope.repository] = grant.reason;
  }
  const issuedAt = Math.floor(ctx.now() / 1000);
  const token = ctx.bearer.issue({
    subject: subjectOf(principal),
    issuedAt,
    expiresAt: issuedAt + ctx.lifetimeSeconds,
    access,
    denied,
  });
  return {
    status: 200,
    body: {
      token,
      access_token: token,
      expires_in: ctx.lifetimeSeconds,
      issued_at: new Date(issuedAt * 1000).toISOString(),
    },
    headers: { 'Cache-Control': 'no-store' },
  };
}

function subjectOf(principal: Principal): BearerSubject {
  switch (principal.kind) {
    case 'anonymous':
      return { kind: 'anonymous' };
    case 'token':
      return { kind: 'token', id: principal.record.id };
    case 'oidc': {
      const sub = principal.token.claims.sub;
      return {
        kind: 'oidc',
        issuer: principal.token.issuer,
        subject: typeof sub === 'string' ? sub.slice(0, 300) : '',
      };
    }
  }
}

function unauthorized(ctx: TokenEndpointContext, message: string): TokenEndpointResponse {
  return {
    status: 401,
    body: { errors: [{ code: 'UNAUTHORIZED', message }], details: message },
    headers: { 'WWW-Authenticate': ctx.challenge },
  };
}
