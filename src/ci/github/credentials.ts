/**
 * Turns a planned login into credentials at the moment a push needs them: a fresh OIDC token
 * from GitHub (`core.getIDToken`) for the registry's audience, or the `token` input. Every token
 * is masked with `core.setSecret` before anything could print it.
 */
import * as core from '@actions/core';
import { jwtClaims, type LoginCredentials } from '../../client/index.js';
import type { RegistryTarget } from '../../publish/index.js';
import type { OidcTokenFacts } from '../../render/index.js';
import { ActionError } from './errors.js';
import type { ActionRegistry } from './plan-registries.js';

/** The two calls into the Actions toolkit; tests may pass their own. Default `@actions/core`'s. */
export interface CredentialSeams {
  readonly getIDToken: (audience: string) => Promise<string>;
  readonly setSecret: (secret: string) => void;
  /** Where `ACTIONS_ID_TOKEN_REQUEST_URL` is read. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

const toolkit: CredentialSeams = { getIDToken: core.getIDToken, setSecret: core.setSecret };

/**
 * The `credentials` callback of `publish`: for each target, what its planned login calls for.
 * OIDC tokens are minted on every call (right before each push), never reused. Targets that are
 * not planned (the local registry) and `docker-config`/`none` logins get `undefined`: the step's
 * docker config decides.
 *
 * @param token the `token` input (already masked when read)
 * @param onMinted told the claims of each OIDC token minted (never the token), for a failure report
 */
export function credentialsProvider(
  registries: readonly ActionRegistry[],
  token: string,
  seams: CredentialSeams = toolkit,
  onMinted?: (prefix: string, token: OidcTokenFacts) => void,
): (target: RegistryTarget) => Promise<LoginCredentials | undefined> {
  const byPrefix = new Map(registries.map((r) => [r.target.prefix, r]));
  return async (target) => {
    const planned = byPrefix.get(target.prefix);
    if (planned === undefined) return undefined;
    const auth = planned.auth;
    switch (auth.method) {
      case 'oidc': {
        const idToken = await mintIdToken(auth.audience, seams);
        onMinted?.(target.prefix, { claims: jwtClaims(idToken) ?? {}, audience: auth.audience });
        return { username: auth.username, password: idToken };
      }
      case 'token':
        return { username: auth.username, password: token };
      default:
        return undefined;
    }
  };
}

/**
 * True when the job may mint OIDC tokens: the runner sets `ACTIONS_ID_TOKEN_REQUEST_URL` only
 * for jobs with `permissions: id-token: write`.
 */
export function oidcAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '') !== '' && (env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '') !== '';
}

async function mintIdToken(audience: string, seams: CredentialSeams): Promise<string> {
  if (!oidcAvailable(seams.env)) {
    throw new ActionError(
      'CI_OIDC_UNAVAILABLE',
      `cannot mint an OIDC token for ${audience}: this job may not request one (ACTIONS_ID_TOKEN_REQUEST_URL is not set)`,
      {
        hint: 'Add `permissions: id-token: write` to the job (or the workflow). Pull requests from forks never get one: use `push: false` there.',
      },
    );
  }
  let idToken: string;
  try {
    idToken = await seams.getIDToken(audience);
  } catch (error) {
    const detail = String((error as Error).message ?? error)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join(' ');
    throw new ActionError('CI_OIDC_FAILED', `GitHub did not issue an OIDC token for ${audience}: ${detail}`, {
      cause: error,
      hint: 'Check that the job has `permissions: id-token: write`, then re-run it.',
    });
  }
  seams.setSecret(idToken);
  return idToken;
}
