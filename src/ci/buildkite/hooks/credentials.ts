/**
 * Turns a planned login into credentials at the moment they are needed: a fresh OIDC token from
 * `buildkite-agent oidc request-token`, a token from an environment variable, or a Buildkite
 * secret. Every token is handed to the agent's redactor before anything could print it.
 */
import type { LoginCredentials } from '../../../client/index.js';
import { ContainerPackageError } from '../../../errors.js';
import { resolveTarget, type RegistryTarget } from '../../../publish/targets.js';
import type { PlannedRegistry } from '../publish-plan.js';
import type { HookContext } from './context.js';

/** The publish target of a planned registry (with its OIDC audience). */
export function publishTarget(planned: PlannedRegistry): RegistryTarget {
  const audience = planned.auth.method === 'oidc' ? planned.auth.audience : undefined;
  return resolveTarget(planned.target.prefix, audience ? { audience } : {});
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
      return { username: 'buildkite', password: token };
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
      return { username: auth.username ?? 'buildkite', password: token };
    }
    default:
      return undefined;
  }
}
