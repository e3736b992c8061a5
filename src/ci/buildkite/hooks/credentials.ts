/**
 * Turns a planned login into credentials at the moment they are needed: a fresh OIDC token from
 * `buildkite-agent oidc request-token`, a token from an environment variable, or a Buildkite
 * secret. Every token is handed to the agent's redactor before anything could print it.
 */
import { jwtClaims } from '../../../jwt-claims.js';
import type { LoginCredentials } from '../../../client/index.js';
import { ContainerPackageError } from '../../../errors.js';
import { resolveTarget, type RegistryTarget } from '../../../publish/targets.js';
import type { OidcTokenFacts } from '../../../render/index.js';
import { BUILDKITE_USERNAME } from '../../../reference/index.js';
import type { PlannedRegistry } from '../publish-plan.js';
import type { HookContext } from './context.js';

const minted = new WeakMap<HookContext, Map<string, OidcTokenFacts>>();

function remember(context: HookContext, prefix: string, facts: OidcTokenFacts): void {
  let byPrefix = minted.get(context);
  if (byPrefix === undefined) minted.set(context, (byPrefix = new Map()));
  byPrefix.set(prefix, facts);
}

/**
 * The claims of the OIDC token last minted in this hook for the registry at `prefix` (never the
 * token): what a failure report compares with the registry's policy.
 */
export function mintedOidcToken(context: HookContext, prefix: string): OidcTokenFacts | undefined {
  return minted.get(context)?.get(prefix);
}

/** The publish target of a planned registry (with its OIDC audience). */
export function publishTarget(planned: PlannedRegistry): RegistryTarget {
  const audience = planned.auth.method === 'oidc' ? planned.auth.audience : undefined;
  const { target } = planned;
  // The configured `username:` is the one the annotation's login hint shows.
  const username = planned.auth.method === 'token' ? planned.auth.username : undefined;
  // Built from the plan, not parsed again: a registry on another Packages host stays a Packages registry.
  if (target.kind === 'buildkite') {
    return {
      ...(username !== undefined && { username }),
      prefix: target.prefix,
      host: target.host,
      kind: 'buildkite',
      organization: target.organization,
      registry: target.registry,
      ...(audience !== undefined && { audience }),
    };
  }
  const resolved = resolveTarget(target.prefix, audience ? { audience } : {});
  // An OIDC login is always as `buildkite` (a Packages-compatible registry on its own host):
  // the hint shows that, not a `USERNAME` placeholder.
  const user = username ?? (planned.auth.method === 'oidc' ? BUILDKITE_USERNAME : undefined);
  return user === undefined ? resolved : { ...resolved, username: user };
}

/** Credentials for `planned`, or undefined for `docker-config` and `none` (the docker config decides). */
export async function credentialsFor(
  context: HookContext,
  planned: PlannedRegistry,
): Promise<LoginCredentials | undefined> {
  const auth = planned.auth;
  switch (auth.method) {
    case 'oidc': {
      const token = await context.agent.requestOidcToken({
        audience: auth.audience,
        lifetimeSeconds: auth.lifetimeSeconds,
      });
      await context.agent.redact(token);
      remember(context, planned.target.prefix, { claims: jwtClaims(token) ?? {}, audience: auth.audience });
      return { username: BUILDKITE_USERNAME, password: token };
    }
    case 'token': {
      const token =
        auth.source.kind === 'env'
          ? context.env[auth.source.name]
          : await context.agent.secretGet(auth.source.name);
      if (!token) {
        throw new ContainerPackageError(
          'CI_TOKEN_MISSING',
          auth.source.kind === 'env'
            ? `the token variable ${auth.source.name} for ${planned.target.prefix} is not set or empty`
            : `the Buildkite secret ${auth.source.name} for ${planned.target.prefix} is empty`,
          { hint: 'set it in the pipeline (env, or a Buildkite secret) or change token-env / secret' },
        );
      }
      await context.agent.redact(token);
      return { username: auth.username ?? BUILDKITE_USERNAME, password: token };
    }
    default:
      return undefined;
  }
}
