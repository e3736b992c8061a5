import { verify as verifySignature } from 'node:crypto';
import type { Jwk, KeySource } from './jwks.js';
import { decodeJwt, type DecodedJwt } from './jwt.js';

/** An issuer whose tokens are accepted, with where its keys come from. */
export interface TrustedIssuer {
  /** Exact `iss` value, e.g. `https://agent.buildkite.com`. */
  readonly issuer: string;
  readonly keys: KeySource;
}

/** Options of {@link OidcVerifier}. */
export interface OidcVerifierOptions {
  readonly issuers: readonly TrustedIssuer[];
  /** Longest accepted `exp - iat`, in seconds. Default 300, Buildkite Packages' limit. */
  readonly maxLifetimeSeconds?: number;
  /** Clock difference tolerated on `exp`, `nbf` and `iat`, in seconds. Default 30. */
  readonly clockSkewSeconds?: number;
  /** The current time in milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

/** A token whose signature, issuer and times checked out. The audience is checked per registry. */
export interface VerifiedToken {
  readonly issuer: string;
  readonly claims: Readonly<Record<string, unknown>>;
  /** `exp` in seconds since the epoch. */
  readonly expiresAt: number;
}

/** The outcome of {@link OidcVerifier.verify}: a token, or why it was refused (never quoting it). */
export type VerifyResult =
  { readonly ok: true; readonly token: VerifiedToken } | { readonly ok: false; readonly reason: string };

const ALGORITHMS: Readonly<Record<string, { kty: string; crv?: string }>> = {
  RS256: { kty: 'RSA' },
  ES256: { kty: 'EC', crv: 'P-256' },
};

/**
 * Verifies OIDC JWTs: RS256 or ES256 signatures against the issuer's JWKS (refetched once when a
 * token names an unknown key id), a trusted `iss`, `exp` and `iat` present, `exp - iat` at most
 * the maximum lifetime, not expired and not before `nbf` (both with the clock skew allowed).
 */
export class OidcVerifier {
  readonly #issuers: ReadonlyMap<string, KeySource>;
  readonly #maxLifetime: number;
  readonly #skew: number;
  readonly #now: () => number;

  constructor(options: OidcVerifierOptions) {
    this.#issuers = new Map(options.issuers.map((i) => [i.issuer, i.keys]));
    this.#maxLifetime = options.maxLifetimeSeconds ?? 300;
    this.#skew = options.clockSkewSeconds ?? 30;
    this.#now = options.now ?? Date.now;
  }

  /** The trusted issuers, for messages. */
  get issuers(): string[] {
    return [...this.#issuers.keys()];
  }

  async verify(token: string): Promise<VerifyResult> {
    const jwt = decodeJwt(token);
    if ('error' in jwt) return fail(jwt.error);
    const { claims, header } = jwt;
    const algorithm = ALGORITHMS[header.alg];
    if (algorithm === undefined) {
      return fail(
        `OIDC token algorithm ${JSON.stringify(header.alg.slice(0, 20))} is not accepted: use RS256 or ES256`,
      );
    }
    const issuer = claims.iss;
    if (typeof issuer !== 'string') return fail('OIDC token has no "iss" claim');
    const source = this.#issuers.get(issuer);
    if (source === undefined) {
      const trusted = this.issuers.map((i) => JSON.stringify(i)).join(', ') || 'none';
      return fail(
        `OIDC token issuer ${JSON.stringify(issuer.slice(0, 200))} is not trusted here (trusted: ${trusted})`,
      );
    }
    const times = this.#checkTimes(claims);
    if (times !== undefined) return fail(times);
    let key: Jwk | undefined;
    try {
      key = pick(await source.keys(), header, algorithm);
      if (key === undefined) key = pick(await source.keys(true), header, algorithm);
    } catch (error) {
      return fail(`the keys of OIDC issuer ${issuer} cannot be loaded: ${(error as Error).message}`);
    }
    if (key === undefined) {
      const which = header.kid === undefined ? 'a' : `key id ${JSON.stringify(header.kid.slice(0, 100))}, a`;
      return fail(
        `OIDC token names ${which} ${header.alg} key that issuer ${issuer} does not publish (${source.origin})`,
      );
    }
    if (!checkSignature(jwt, key))
      return fail(`OIDC token signature does not verify with the keys of issuer ${issuer}`);
    return { ok: true, token: { issuer, claims, expiresAt: claims.exp as number } };
  }

  #checkTimes(claims: Readonly<Record<string, unknown>>): string | undefined {
    const { exp, iat, nbf } = claims;
    if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'OIDC token has no numeric "exp" claim';
    if (typeof iat !== 'number' || !Number.isFinite(iat)) return 'OIDC token has no numeric "iat" claim';
    const now = this.#now() / 1000;
    if (exp - iat > this.#maxLifetime) {
      return `OIDC token lifetime ${Math.round(exp - iat)}s exceeds ${this.#maxLifetime}s: request it with --lifetime ${this.#maxLifetime} (or less)`;
    }
    if (now > exp + this.#skew) {
      return `OIDC token expired at ${isoTime(exp)} (${Math.round(now - exp)}s ago): request a fresh one right before logging in`;
    }
    if (iat > now + this.#skew)
      return `OIDC token is issued in the future (${isoTime(iat)}): check the clocks`;
    if (nbf !== undefined) {
      if (typeof nbf !== 'number') return 'OIDC token "nbf" claim is not a number';
      if (nbf > now + this.#skew) return `OIDC token is not valid before ${isoTime(nbf)}`;
    }
    return undefined;
  }
}

function pick(
  keys: readonly Jwk[],
  header: DecodedJwt['header'],
  algorithm: { kty: string; crv?: string },
): Jwk | undefined {
  const usable = keys.filter(
    (k) =>
      k.kty === algorithm.kty &&
      (algorithm.crv === undefined || k.crv === algorithm.crv) &&
      (k.alg === undefined || k.alg === header.alg),
  );
  if (header.kid !== undefined) return usable.find((k) => k.kid === header.kid);
  return usable.length === 1 ? usable[0] : undefined;
}

function checkSignature(jwt: DecodedJwt, key: Jwk): boolean {
  const data = Buffer.from(jwt.signedPart, 'ascii');
  try {
    if (jwt.header.alg === 'ES256') {
      if (jwt.signature.length !== 64) return false;
      return verifySignature('sha256', data, { key: key.key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
    }
    return verifySignature('sha256', data, key.key, jwt.signature);
  } catch {
    return false;
  }
}

function isoTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}

function fail(reason: string): VerifyResult {
  return { ok: false, reason };
}
