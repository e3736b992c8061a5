/**
 * Getting a bearer token from the token server a registry's challenge names (the docker token
 * flow): `GET <realm>?service=S&scope=A&scope=B` with Basic credentials (or anonymously), or, for
 * an identity (refresh) token, the OAuth2 `POST <realm>` form, falling back to GET when the server
 * has no OAuth2 endpoint. Model: go-containerregistry `transport/bearer.go`.
 */
import { isIP } from 'node:net';
import { clientError } from '../errors.js';
import type { Credentials } from '../credentials/types.js';
import { basicAuthorization } from './basic.js';
import { expectStatus, readCapped } from './check.js';
import { redactUrl } from './redact.js';
import { splitHostPort } from './scheme.js';
import type { HttpResponse, Transport } from './types.js';

/** A token and when to stop using it. */
export interface BearerToken {
  readonly token: string;
  /** Milliseconds since epoch after which a new token is fetched (before the server's expiry). */
  readonly refreshAt: number;
}

/** Where and how to ask for a token. */
export interface TokenRequest {
  /** The challenge's `realm`, already checked with {@link checkRealm}. */
  readonly realm: URL;
  readonly service: string | undefined;
  readonly scopes: readonly string[];
  readonly credentials: Credentials | undefined;
  /** The registry, for error hints. */
  readonly registry: string;
  readonly clientId: string;
  readonly signal?: AbortSignal;
}

/** Lifetime assumed when the server gives no `expires_in` (the docker token spec's default). */
export const DEFAULT_TOKEN_LIFETIME_S = 60;

/** Fetches a token (see the module comment). Tokens are refreshed at 80% of their lifetime. */
export async function fetchToken(transport: Transport, request: TokenRequest): Promise<BearerToken> {
  const started = Date.now();
  let response: HttpResponse | undefined;
  if (request.credentials?.identityToken) {
    response = await transport(oauthRequest(request));
    if (response.status === 404 || response.status === 405) {
      await response.body.dump().catch(() => undefined);
      response = undefined;
    }
  }
  response ??= await transport(getRequest(request));
  await expectStatus(response, [200], { registry: request.registry });
  const text = await readCapped(response.body, 1024 * 1024);
  return parseTokenResponse(text, started, request);
}

function getRequest(request: TokenRequest): Parameters<Transport>[0] {
  const url = new URL(request.realm);
  if (request.service) url.searchParams.set('service', request.service);
  for (const scope of request.scopes) url.searchParams.append('scope', scope);
  const authorization = basicAuthorization(request.credentials);
  return {
    method: 'GET',
    url,
    headers: authorization ? { authorization } : {},
    ...(request.signal ? { signal: request.signal } : {}),
  };
}

function oauthRequest(request: TokenRequest): Parameters<Transport>[0] {
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: request.credentials?.identityToken ?? '',
    client_id: request.clientId,
  });
  if (request.service) form.set('service', request.service);
  if (request.scopes.length > 0) form.set('scope', request.scopes.join(' '));
  return {
    method: 'POST',
    url: request.realm,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    ...(request.signal ? { signal: request.signal } : {}),
  };
}

/** Reads `{token | access_token, expires_in, issued_at}`; the refresh time is at 80% of the lifetime. */
export function parseTokenResponse(
  text: string,
  now: number,
  request: Pick<TokenRequest, 'realm'>,
): BearerToken {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    value = {};
  }
  const token = typeof value.token === 'string' && value.token !== '' ? value.token : value.access_token;
  if (typeof token !== 'string' || token === '') {
    throw clientError(
      'CLIENT_TOKEN_INVALID',
      `the token server ${redactUrl(request.realm)} answered without a token`,
      {
        hint: 'check the registry\'s token service; it must answer {"token": "..."} or {"access_token": "..."}',
      },
    );
  }
  const lifetime =
    typeof value.expires_in === 'number' && value.expires_in > 0
      ? value.expires_in
      : DEFAULT_TOKEN_LIFETIME_S;
  const issued = typeof value.issued_at === 'string' ? Date.parse(value.issued_at) : Number.NaN;
  // Trust issued_at only when it is close to our clock: a skewed server clock must not expire tokens at once.
  const start = Number.isNaN(issued) || Math.abs(issued - now) > 60_000 ? now : issued;
  return { token, refreshAt: start + lifetime * 800 };
}

/**
 * Checks a challenge's realm before credentials are sent there: an absolute http(s) URL; https
 * unless the registry itself is spoken to over http; and on the registry's host or in the same
 * domain (the last two labels; an IP address must be the registry's own). This stops a registry
 * from sending our credentials to an unrelated host.
 *
 * @throws ClientError `CLIENT_AUTH_REALM` saying which rule failed.
 */
export function checkRealm(realm: string | undefined, registryOrigin: URL): URL {
  const fail = (why: string): never => {
    throw clientError('CLIENT_AUTH_REALM', `refusing the token server ${JSON.stringify(realm)}: ${why}`, {
      hint: `the registry ${registryOrigin.host} named a token server this client will not send credentials to`,
    });
  };
  if (realm === undefined || realm === '') return fail('the Bearer challenge has no realm');
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    return fail('it is not an absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && registryOrigin.protocol === 'http:')) {
    return fail('a registry spoken to over https must use an https token server');
  }
  if (effectiveDomain(url.hostname) !== effectiveDomain(registryOrigin.hostname)) {
    return fail(`it is not in the domain of the registry ${registryOrigin.host}`);
  }
  return url;
}

function effectiveDomain(hostname: string): string {
  const host = splitHostPort(hostname.replace(/^\[|\]$/g, '')).host.replace(/\.$/, '');
  if (isIP(host) !== 0 || host.includes(':')) return host;
  return host.split('.').slice(-2).join('.');
}
