import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Action } from './authorizer.js';

/** Who a bearer token was issued to. */
export type BearerSubject =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'token'; readonly id: string }
  | { readonly kind: 'oidc'; readonly issuer: string; readonly subject: string };

/** What a bearer token grants: actions per repository, and why requested actions were left out. */
export interface BearerClaims {
  readonly subject: BearerSubject;
  /** Seconds since the epoch. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly access: Readonly<Record<string, readonly Action[]>>;
  /** Repository → the reason it got fewer actions than asked for (shown in a later 401/403). */
  readonly denied: Readonly<Record<string, string>>;
}

const PREFIX = 'cprb1.';

/**
 * Issues and checks the registry's own short-lived bearer tokens (the Docker token flow):
 * `cprb1.<base64url JSON claims>.<base64url HMAC-SHA256>`, signed with a key drawn at random when
 * the process starts (so a restart logs every client out; they log in again on the next 401), or
 * with the shared key of `token-signing-key-file`, so every replica accepts every replica's tokens.
 */
export class BearerTokens {
  readonly #key: Buffer;
  readonly #now: () => number;

  /** @param key HMAC key; default 32 random bytes. @param now clock in ms; default `Date.now`. */
  constructor(key: Buffer = randomBytes(32), now: () => number = Date.now) {
    this.#key = key;
    this.#now = now;
  }

  /** True when `token` has this issuer's prefix (it may still be invalid). */
  static owns(token: string): boolean {
    return token.startsWith(PREFIX);
  }

  /** Signs `claims` into a token string. */
  issue(claims: BearerClaims): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${PREFIX}${payload}.${this.#sign(payload)}`;
  }

  /** The claims of a valid, unexpired token; otherwise a reason. */
  check(token: string): { ok: true; claims: BearerClaims } | { ok: false; reason: string } {
    const rest = token.slice(PREFIX.length);
    const dot = rest.indexOf('.');
    if (!token.startsWith(PREFIX) || dot === -1)
      return { ok: false, reason: 'the bearer token is malformed' };
    const payload = rest.slice(0, dot);
    const given = Buffer.from(rest.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.#sign(payload), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return {
        ok: false,
        reason:
          'the bearer token was not issued by this registry (it may have restarted, or its replicas do not share token-signing-key-file): log in again',
      };
    }
    let claims: BearerClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as BearerClaims;
    } catch {
      return { ok: false, reason: 'the bearer token is malformed' };
    }
    if (this.#now() / 1000 >= claims.expiresAt)
      return { ok: false, reason: 'the bearer token expired: log in again' };
    return { ok: true, claims };
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#key).update(PREFIX).update(payload).digest('base64url');
  }
}
