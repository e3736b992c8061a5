/**
 * The auth layer for one registry: pings `/v2/` once to learn the scheme of its challenge, then
 * adds `Authorization` to every request sent to the registry's origin (never to another host, so
 * redirects to storage carry no credentials). On a 401 it follows the new challenge (a bearer
 * scope that was missing, an expired token, a registry that allows an anonymous `/v2/` but not
 * the repository) and resends once when the body can be replayed.
 */
import { isExpiring, type CredentialProvider, type Credentials } from '../credentials/types.js';
import { basicAuthorization } from './basic.js';
import { BearerTokens } from './bearer.js';
import { type Challenge, findChallenge, parseChallenges } from './challenge.js';
import { type PingResult, ping } from './ping.js';
import { checkRealm } from './token.js';
import {
  discard,
  headerValues,
  isReplayable,
  type HttpRequest,
  type HttpResponse,
  type Transport,
} from './types.js';

/** Settings of {@link RegistryAuth}. */
export interface RegistryAuthOptions {
  readonly registry: string;
  /** `https://host[:port]` (or http) of the registry's API. */
  readonly origin: URL;
  /** The layers below auth: retry, user agent, HTTP. Token requests go through it too. */
  readonly transport: Transport;
  readonly credentials: CredentialProvider;
  /** `client_id` of OAuth2 token requests. */
  readonly clientId: string;
}

/** Authentication state of one registry; {@link RegistryAuth.transport} is the wrapped transport. */
export class RegistryAuth {
  readonly #options: RegistryAuthOptions;
  #ping: Promise<PingResult> | undefined;
  #credentials: Promise<Credentials | undefined> | undefined;
  #current: Credentials | undefined;
  #bearer: BearerTokens | undefined;
  #basic = false;

  constructor(options: RegistryAuthOptions) {
    this.#options = options;
  }

  /** The answer of `GET /v2/`, fetched once (a failed ping is tried again on the next call). */
  ping(signal?: AbortSignal): Promise<PingResult> {
    if (this.#ping === undefined) {
      const { transport, registry, origin } = this.#options;
      const pending = ping(transport, registry, origin, signal).then(async (result) => {
        await this.#adopt(result.challenges);
        return result;
      });
      this.#ping = pending;
      pending.catch(() => {
        if (this.#ping === pending) this.#ping = undefined;
      });
    }
    return this.#ping;
  }

  /** The registry's transport: the inner one plus authentication. */
  readonly transport: Transport = async (request) => {
    if (request.url.origin !== this.#options.origin.origin) return this.#options.transport(request);
    await this.ping(request.signal);
    const first = await this.#send(request);
    if (first.status !== 401 || !isReplayable(request.body)) return first;
    const challenges = parseChallenges(headerValues(first, 'www-authenticate'));
    const scope = findChallenge(challenges, 'bearer')?.params.scope;
    const hadAuth = this.#bearer !== undefined || this.#basic;
    if (!(await this.#adopt(challenges, hadAuth ? request.scopes : undefined))) return first;
    await discard(first);
    return this.#send(
      scope === undefined ? request : { ...request, scopes: mergeScopes(scope, request.scopes) },
    );
  };

  async #send(request: HttpRequest): Promise<HttpResponse> {
    const authorization = await this.#authorization(request);
    if (authorization === undefined) return this.#options.transport(request);
    return this.#options.transport({ ...request, headers: { ...request.headers, authorization } });
  }

  async #authorization(request: HttpRequest): Promise<string | undefined> {
    if (this.#bearer) return this.#bearer.authorization(request.scopes ?? [], request.signal);
    if (this.#basic) return basicAuthorization(await this.#creds());
    return undefined;
  }

  /**
   * Takes up the auth scheme of `challenges`. Returns true when a resend may now succeed: a
   * bearer challenge (the token for `refused` scopes is dropped), or a first Basic challenge with
   * credentials to answer it.
   */
  async #adopt(challenges: readonly Challenge[], refused?: readonly string[]): Promise<boolean> {
    const bearer = findChallenge(challenges, 'bearer');
    if (bearer) {
      const challenge = {
        realm: checkRealm(bearer.params.realm, this.#options.origin),
        service: bearer.params.service,
      };
      if (this.#bearer === undefined) {
        this.#bearer = new BearerTokens(challenge, {
          transport: this.#options.transport,
          registry: this.#options.registry,
          credentials: () => this.#creds(),
          clientId: this.#options.clientId,
        });
      } else {
        this.#bearer.updateChallenge(challenge);
      }
      if (refused !== undefined) this.#bearer.invalidate(refused);
      return true;
    }
    if (findChallenge(challenges, 'basic') && !this.#basic) {
      this.#basic = true;
      return basicAuthorization(await this.#creds()) !== undefined;
    }
    return false;
  }

  /**
   * The provider's credentials, asked for once, and again when they expire within a minute (an
   * OIDC token used as a password is minted afresh rather than sent stale). Concurrent callers
   * share one lookup.
   */
  #creds(): Promise<Credentials | undefined> {
    if (this.#credentials === undefined || isExpiring(this.#current)) {
      const pending = this.#options.credentials(this.#options.registry);
      this.#credentials = pending;
      this.#current = undefined; // callers arriving while it runs share this lookup
      pending.then(
        (credentials) => {
          if (this.#credentials === pending) this.#current = credentials;
        },
        () => {
          if (this.#credentials === pending) this.#credentials = undefined;
        },
      );
    }
    return this.#credentials;
  }
}

/** The challenge's scopes (space-separated) first, then the request's, each once. */
export function mergeScopes(challengeScope: string, scopes: readonly string[] = []): string[] {
  return [...new Set([...challengeScope.split(' ').filter(Boolean), ...scopes])];
}
