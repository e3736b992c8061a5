import type { Credentials } from './credentials.js';
import { USERNAME } from './credentials.js';
import { looksLikeJwt } from './oidc/jwt.js';
import type { OidcVerifier, VerifiedToken } from './oidc/verify-jwt.js';
import type { TokenStore } from './tokens/token-store.js';
import type { TokenRecord } from './tokens/tokens-file.js';

/** Who is making a request, once their credentials checked out. */
export type Principal =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'token'; readonly record: TokenRecord }
  | { readonly kind: 'oidc'; readonly token: VerifiedToken };

/** What authentication needs: where registry tokens and OIDC keys come from (either may be absent). */
export interface Authenticators {
  readonly tokens?: TokenStore | undefined;
  readonly oidc?: OidcVerifier | undefined;
}

/** The outcome of {@link authenticate}. `reason` never quotes the secret. */
export type AuthenticationResult =
  { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly reason: string };

const LOGIN_HINT = `log in with username "${USERNAME}" and a registry token, an API token or an OIDC token as the password`;

/**
 * Turns Basic credentials into a principal: the user name must be `buildkite`; the password is an
 * OIDC JWT (three base64url parts) or a registry/API token from the tokens file. No credentials is
 * the anonymous principal. Bearer credentials are handled by the caller (the registry's own tokens)
 * or passed here as `{kind: 'basic', username: 'buildkite', password: token}`.
 */
export async function authenticate(
  credentials: Credentials,
  sources: Authenticators,
): Promise<AuthenticationResult> {
  switch (credentials.kind) {
    case 'none':
      return { ok: true, principal: { kind: 'anonymous' } };
    case 'malformed':
      return { ok: false, reason: `${credentials.reason}: ${LOGIN_HINT}` };
    case 'bearer':
      return authenticatePassword(credentials.token, sources);
    case 'basic':
      if (credentials.username !== USERNAME) {
        return {
          ok: false,
          reason: `unknown user name ${JSON.stringify(credentials.username.slice(0, 100))}: the user name is always "${USERNAME}"; the password is the token`,
        };
      }
      return authenticatePassword(credentials.password, sources);
  }
}

async function authenticatePassword(
  password: string,
  sources: Authenticators,
): Promise<AuthenticationResult> {
  if (password === '') return { ok: false, reason: `empty password: ${LOGIN_HINT}` };
  if (looksLikeJwt(password)) {
    if (sources.oidc === undefined) {
      return {
        ok: false,
        reason: 'OIDC tokens are not accepted here: no OIDC issuers are configured (oidc.issuers)',
      };
    }
    const result = await sources.oidc.verify(password);
    return result.ok ? { ok: true, principal: { kind: 'oidc', token: result.token } } : result;
  }
  const record = sources.tokens === undefined ? undefined : await sources.tokens.find(password);
  if (record === undefined) {
    return {
      ok: false,
      reason: 'the token is not known to this registry (revoked, mistyped, or made for another registry)',
    };
  }
  return { ok: true, principal: { kind: 'token', record } };
}

/** A short description of a principal for logs and messages: never a secret. */
export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'token':
      return `token ${principal.record.id}`;
    case 'oidc': {
      const sub = principal.token.claims.sub;
      return `OIDC token of ${principal.token.issuer}${typeof sub === 'string' ? ` for ${sub.slice(0, 200)}` : ''}`;
    }
  }
}
