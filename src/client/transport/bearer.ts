/**
 * Bearer tokens for one registry: fetched per set of scopes, cached until 80% of their lifetime,
 * shared by concurrent requests, and dropped when the registry answers 401 (expired, or a scope
 * is missing: the new challenge's scope is then added).
 */
import type { Credentials } from '../credentials/types.js';
import { type BearerToken, fetchToken } from './token.js';
import type { Transport } from './types.js';

/** A bearer challenge's parameters, with the realm checked. */
export interface BearerChallenge {
  readonly realm: URL;
  readonly service: string | undefined;
}

/** Settings of {@link BearerTokens}. */
export interface BearerTokensOptions {
  /** Sends token requests (it should retry; it must not add registry auth). */
  readonly transport: Transport;
  readonly registry: string;
  /** The credentials for token requests, asked for at each request (they may have been renewed). */
  readonly credentials: () => Promise<Credentials | undefined>;
  readonly clientId: string;
  /** Clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/** The cache key of a scope set: sorted, de-duplicated, space-separated. */
export function scopeKey(scopes: readonly string[]): string {
  return [...new Set(scopes)].sort().join(' ');
}

/** Token cache and fetcher for one registry's bearer challenge. */
export class BearerTokens {
  readonly #options: BearerTokensOptions;
  #challenge: BearerChallenge;
  readonly #tokens = new Map<string, Promise<BearerToken>>();

  constructor(challenge: BearerChallenge, options: BearerTokensOptions) {
    this.#challenge = challenge;
    this.#options = options;
  }

  /** Replaces the realm and service (a later challenge named another token server). */
  updateChallenge(challenge: BearerChallenge): void {
    if (
      challenge.realm.href !== this.#challenge.realm.href ||
      challenge.service !== this.#challenge.service
    ) {
      this.#challenge = challenge;
      this.#tokens.clear();
    }
  }

  /**
   * `Bearer <token>` for `scopes`, from the cache when still fresh. The credentials are asked
   * for only when a token must be fetched (they may have been renewed since the last one).
   */
  async authorization(scopes: readonly string[], signal?: AbortSignal): Promise<string> {
    const key = scopeKey(scopes);
    const now = (this.#options.now ?? Date.now)();
    let pending = this.#tokens.get(key);
    if (pending !== undefined) {
      const token = await pending.catch(() => undefined);
      if (token !== undefined && token.refreshAt > now) return `Bearer ${token.token}`;
      if (this.#tokens.get(key) === pending) this.#tokens.delete(key);
      pending = this.#tokens.get(key);
    }
    if (pending === undefined) {
      const credentials = await this.#options.credentials();
      if (credentials?.registryToken) return `Bearer ${credentials.registryToken}`;
      // Another caller may have started a fetch for these scopes while we waited.
      pending = this.#tokens.get(key);
      if (pending === undefined) {
        const started = this.#fetch(key, credentials, signal);
        this.#tokens.set(key, started);
        started.catch(() => {
          if (this.#tokens.get(key) === started) this.#tokens.delete(key);
        });
        pending = started;
      }
    }
    return `Bearer ${(await pending).token}`;
  }

  /** Forgets the token for `scopes` (after the registry refused it). */
  invalidate(scopes: readonly string[]): void {
    this.#tokens.delete(scopeKey(scopes));
  }

  #fetch(
    key: string,
    credentials: Credentials | undefined,
    signal: AbortSignal | undefined,
  ): Promise<BearerToken> {
    return fetchToken(this.#options.transport, {
      realm: this.#challenge.realm,
      service: this.#challenge.service,
      scopes: key === '' ? [] : key.split(' '),
      credentials,
      registry: this.#options.registry,
      clientId: this.#options.clientId,
      ...(signal ? { signal } : {}),
    });
  }
}
