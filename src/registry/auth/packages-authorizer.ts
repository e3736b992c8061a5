import type { IncomingMessage } from 'node:http';
import { noteRequest } from '../request-info.js';
import type { AccessRequest, AuthorizationResult, Authorizer, TokenEndpointResponse } from './authorizer.js';
import { BearerTokens, type BearerClaims } from './bearer.js';
import { bearerChallenge, type ChallengeOrigin } from './challenge.js';
import { readCredentials, USERNAME } from './credentials.js';
import { grantFor } from './grants.js';
import type { OidcVerifier } from './oidc/verify-jwt.js';
import { authenticate, describePrincipal, type Principal } from './principal.js';
import { RegistryDirectory, type RegistryDefinition } from './registries.js';
import { registryOfRepository } from './registry-name.js';
import { issueToken } from './token-endpoint.js';
import type { TokenStore } from './tokens/token-store.js';

/** Options of {@link PackagesAuthorizer}. */
export interface PackagesAuthorizerOptions {
  /** The registries served; repository names outside them do not exist. At least one. */
  readonly registries: readonly RegistryDefinition[];
  /** Registry and API tokens. Default none: only OIDC tokens and anonymous pulls of public registries. */
  readonly tokens?: TokenStore;
  /** OIDC token verification. Default none: JWTs are refused. */
  readonly oidc?: OidcVerifier;
  /** The URL clients use (`https://registry.example.com`); realm of the token flow. Default: from the Host header. */
  readonly publicUrl?: string;
  /** OIDC tokens must have audience `{audiencePrefix}/{org}/{registry}`. Default: `publicUrl`, else the listening URL. */
  readonly audiencePrefix?: string;
  /** Lifetime of the bearer tokens the token endpoint issues, in seconds. Default 300. */
  readonly tokenLifetimeSeconds?: number;
  /** Issuer of bearer tokens. Default: one with a random per-process key. */
  readonly bearer?: BearerTokens;
  /** Clock in milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Authentication and authorization as Buildkite Packages does them: user `buildkite`, the token as
 * password (Basic on every request, or the Docker token flow through `GET /token`), scopes
 * `read_packages`/`write_packages`/`delete_packages` per registry, OIDC tokens judged by each
 * registry's policy, anonymous pulls of public registries. Repository names must be
 * `{org}/{registry}/{image}` under a configured registry.
 */
export class PackagesAuthorizer implements Authorizer {
  readonly directory: RegistryDirectory;
  readonly #options: PackagesAuthorizerOptions;
  readonly #bearer: BearerTokens;
  readonly #origin: { publicUrl: string | undefined; fallbackUrl: string };
  #audiencePrefix: string | undefined;

  constructor(options: PackagesAuthorizerOptions) {
    this.#options = options;
    this.directory = new RegistryDirectory(options.registries);
    this.#bearer = options.bearer ?? new BearerTokens(undefined, options.now);
    this.#origin = { publicUrl: trimSlash(options.publicUrl), fallbackUrl: 'http://127.0.0.1' };
    this.#audiencePrefix = trimSlash(options.audiencePrefix ?? options.publicUrl);
  }

  /** The OIDC audience prefix in force (undefined until known). */
  get audiencePrefix(): string | undefined {
    return this.#audiencePrefix;
  }

  get #challengeOrigin(): ChallengeOrigin {
    return this.#origin;
  }

  visibility(registry: string): 'private' | 'public' | undefined {
    return this.directory.get(registry)?.visibility;
  }

  registries(): readonly { readonly name: string; readonly visibility: 'private' | 'public' }[] {
    return this.directory.all.map((r) => ({ name: r.name, visibility: r.visibility }));
  }

  listening(baseUrl: string): void {
    this.#origin.fallbackUrl = trimSlash(baseUrl)!;
    this.#audiencePrefix ??= this.#origin.fallbackUrl;
  }

  async authorize(req: IncomingMessage, access: AccessRequest): Promise<AuthorizationResult> {
    const name = access.repository;
    let registry: RegistryDefinition | undefined;
    let unknownRegistry: string | undefined;
    if (name !== '') {
      if (access.target === 'registry') {
        registry = this.directory.get(name);
        if (registry === undefined) unknownRegistry = name;
      } else {
        const placed = this.directory.place(name);
        if (placed.kind === 'too-short') {
          return { ok: false, status: 400, code: 'NAME_INVALID', message: shapeMessage(name) };
        }
        if (placed.kind === 'unknown-registry') unknownRegistry = placed.registry;
        else registry = placed.registry;
      }
    }
    const credentials = readCredentials(req);
    if (credentials.kind === 'bearer' && BearerTokens.owns(credentials.token)) {
      return this.#authorizeBearer(req, credentials.token, access, registry, unknownRegistry);
    }
    const auth = await authenticate(credentials, this.#options);
    if (!auth.ok) return this.#unauthorized(req, access, auth.reason);
    const { principal } = auth;
    noteRequest(req, { principal: describePrincipal(principal) });
    const anonymous = principal.kind === 'anonymous';
    if (name === '') return anonymous ? this.#unauthorized(req, access, loginMessage()) : { ok: true };
    if (registry === undefined) {
      return anonymous ? this.#unauthorized(req, access, loginMessage()) : this.#unknown(unknownRegistry!);
    }
    const grant = grantFor(principal, registry, access.actions, this.#prefix());
    if (grant.actions.length === access.actions.length) return { ok: true };
    return anonymous
      ? this.#unauthorized(req, access, grant.reason)
      : { ok: false, status: 403, message: grant.reason };
  }

  issueToken(req: IncomingMessage, query: URLSearchParams): Promise<TokenEndpointResponse> {
    return issueToken(req, query, {
      authenticators: this.#options,
      bearer: this.#bearer,
      directory: this.directory,
      audiencePrefix: this.#prefix(),
      lifetimeSeconds: this.#options.tokenLifetimeSeconds ?? 300,
      now: this.#options.now ?? Date.now,
      challenge: bearerChallenge(req, this.#challengeOrigin),
    });
  }

  async visibleRepositories(req: IncomingMessage, repositories: readonly string[]): Promise<string[]> {
    const credentials = readCredentials(req);
    let canPull: (name: string, registry: RegistryDefinition) => boolean;
    if (credentials.kind === 'bearer' && BearerTokens.owns(credentials.token)) {
      const checked = this.#bearer.check(credentials.token);
      const access = checked.ok ? checked.claims.access : {};
      canPull = (name, registry) => registry.visibility === 'public' || (access[name] ?? []).includes('pull');
    } else {
      const auth = await authenticate(credentials, this.#options);
      const principal: Principal = auth.ok ? auth.principal : { kind: 'anonymous' };
      canPull = (_name, registry) =>
        grantFor(principal, registry, ['pull'], this.#prefix()).actions.length === 1;
    }
    return repositories.filter((name) => {
      const placed = this.directory.place(name);
      return placed.kind === 'registry' && canPull(name, placed.registry);
    });
  }

  async #authorizeBearer(
    req: IncomingMessage,
    token: string,
    access: AccessRequest,
    registry: RegistryDefinition | undefined,
    unknownRegistry: string | undefined,
  ): Promise<AuthorizationResult> {
    const checked = this.#bearer.check(token);
    if (!checked.ok) return this.#unauthorized(req, access, checked.reason);
    const { claims } = checked;
    const { subject } = claims;
    if (subject.kind === 'token' && !(await this.#options.tokens?.has(subject.id))) {
      return this.#unauthorized(req, access, `token ${subject.id} was revoked`);
    }
    noteRequest(req, { principal: describeSubject(claims) });
    const anonymous = subject.kind === 'anonymous';
    const name = access.repository;
    if (name === '') return anonymous ? this.#unauthorized(req, access, loginMessage()) : { ok: true };
    if (registry === undefined) {
      return anonymous ? this.#unauthorized(req, access, loginMessage()) : this.#unknown(unknownRegistry!);
    }
    if (access.target === 'registry') {
      const any = Object.entries(claims.access).some(
        ([repo, actions]) => registryOfRepository(repo) === name && actions.includes('pull'),
      );
      if (registry.visibility === 'public' || any) return { ok: true };
      return this.#unauthorized(
        req,
        access,
        `the bearer token grants nothing in ${name}: log in with Basic credentials`,
      );
    }
    const held = claims.access[name];
    const missing = access.actions.filter((a) => !(held ?? []).includes(a));
    if (missing.length === 0) {
      // A mount's source the token was never asked for: challenge, so the client's next token
      // covers the mount instead of falling back to an upload. Asked and refused: go on without.
      const also = access.optional;
      if (also === undefined || anonymous || also.repository in claims.access) return { ok: true };
      return this.#unauthorized(
        req,
        access,
        `the bearer token does not cover ${also.actions.join(',')} on ${also.repository}, the mount's source`,
      );
    }
    const denied = claims.denied[name];
    // Not asked for when the token was issued: challenge, so the client fetches a token for it.
    if (denied === undefined || anonymous) {
      return this.#unauthorized(
        req,
        access,
        denied ?? `the bearer token does not cover ${missing.join(',')} on ${name}`,
      );
    }
    return { ok: false, status: 403, message: denied };
  }

  #unauthorized(
    req: IncomingMessage,
    access: AccessRequest,
    message: string | undefined,
  ): AuthorizationResult {
    const repository = access.target === 'registry' ? undefined : access.repository;
    return {
      ok: false,
      status: 401,
      challenge: bearerChallenge(req, this.#challengeOrigin, repository, access.actions, access.optional),
      message: message ?? loginMessage(),
    };
  }

  #unknown(registry: string): AuthorizationResult {
    const names = this.directory.all.map((r) => r.name).join(', ');
    return {
      ok: false,
      status: 404,
      code: 'NAME_UNKNOWN',
      message: `${registry} is not a registry here; repository names look like ORG/REGISTRY/IMAGE with ORG/REGISTRY one of: ${names}`,
    };
  }

  #prefix(): string {
    return this.#audiencePrefix ?? this.#origin.fallbackUrl;
  }
}

function describeSubject(claims: BearerClaims): string {
  const { subject } = claims;
  if (subject.kind === 'anonymous') return 'anonymous (bearer)';
  if (subject.kind === 'token') return `token ${subject.id} (bearer)`;
  return `OIDC token of ${subject.issuer} for ${subject.subject} (bearer)`;
}

function loginMessage(): string {
  return `authentication required: log in with username "${USERNAME}" and a registry token, an API token or an OIDC token as the password`;
}

function shapeMessage(name: string): string {
  return `invalid repository name ${JSON.stringify(name.slice(0, 200))}: names here look like ORG/REGISTRY/IMAGE (for example acme/images/web), as on Buildkite Packages`;
}

function trimSlash(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, '');
}
