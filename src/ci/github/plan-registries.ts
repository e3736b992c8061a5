/**
 * Turns the `registry`, `auth`, `token`, `username`, `audience` and `organization` inputs into
 * registries with their logins: applies the login defaults (OIDC for Buildkite Packages, the
 * runner's docker config elsewhere, a token when `token` is given) and refuses combinations that
 * would send a credential where it does not belong. Pure.
 */
import { resolveTarget, type RegistryTarget } from '../../publish/index.js';
import { BUILDKITE_PACKAGES_HOST, BUILDKITE_USERNAME } from '../../reference/index.js';
import { conflictingInputs, invalidInput, missingInput } from './errors.js';
import type { ActionInputs } from './inputs.js';
import { parseChoice, parseList } from './input-syntax.js';

/** Values of the `auth` input. */
export const AUTH_METHODS = ['oidc', 'token', 'docker-config', 'none'] as const;

/** A value of the `auth` input. */
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** User name of token and OIDC logins to Buildkite Packages (and the default for OIDC elsewhere). */
export { BUILDKITE_USERNAME };

/** How to log in to one registry. Holds no secret: the token stays in the inputs. */
export type ActionAuth =
  /** Mint an OIDC token for `audience` with `core.getIDToken` right before each push. */
  | { readonly method: 'oidc'; readonly audience: string; readonly username: string }
  /** The `token` input as the password of `username`. */
  | { readonly method: 'token'; readonly username: string }
  /** Whatever the runner's docker config holds for the host (an earlier docker/login-action). */
  | { readonly method: 'docker-config' }
  /** Anonymous. */
  | { readonly method: 'none' };

/** One registry to push to, and how to log in. */
export interface ActionRegistry {
  /** The registry as written in `registry`. */
  readonly input: string;
  /** Where images go; `audience` is set for OIDC logins. */
  readonly target: RegistryTarget;
  readonly auth: ActionAuth;
}

/**
 * The registries of `registry` (one per line or comma-separated), in order, with their logins.
 *
 * @throws {ActionError} `CI_INPUT_INVALID` (an unparsable registry, an unknown `auth`),
 *   `CI_INPUT_MISSING` (`auth: token` without `token`, OIDC outside Buildkite Packages without
 *   `audience`, a token login outside Buildkite Packages without `username`), `CI_INPUT_CONFLICT`
 *   (see docs/github-action.md: a registry listed twice, `token` with another `auth`, a token or an
 *   audience that would reach two hosts)
 */
export function planRegistries(inputs: ActionInputs): ActionRegistry[] {
  const method = inputs.auth === '' ? '' : parseChoice('auth', inputs.auth, AUTH_METHODS, 'oidc');
  if (inputs.token !== '' && method !== '' && method !== 'token') {
    throw conflictingInputs(
      'token',
      `\`token\` is set, but \`auth\` is \`${method}\`, so the token would not be used`,
      'Remove `auth` (a token implies `auth: token`), or remove `token`.',
    );
  }
  const seen = new Map<string, string>();
  const chosen = parseList(inputs.registry).map((input) => {
    const target = parseTarget(input, inputs.organization, inputs['packages-host']);
    const earlier = seen.get(target.prefix);
    if (earlier !== undefined) {
      throw conflictingInputs(
        'registry',
        `\`registry\`: ${JSON.stringify(earlier)} and ${JSON.stringify(input)} are the same registry (${target.prefix}); list it once`,
      );
    }
    seen.set(target.prefix, input);
    return {
      input,
      target,
      method: method !== '' ? method : inputs.token !== '' ? 'token' : defaultMethod(target),
    };
  });
  checkReach(chosen, inputs);
  return chosen.map(({ input, target, method: m }) => authFor(input, target, m, inputs));
}

function defaultMethod(target: RegistryTarget): AuthMethod {
  return target.kind === 'buildkite' ? 'oidc' : 'docker-config';
}

function parseTarget(input: string, organization: string, packagesHost: string): RegistryTarget {
  try {
    return resolveTarget(input, {
      ...(organization !== '' && { organization }),
      ...(packagesHost !== '' && { packagesHost }),
    });
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    throw invalidInput(
      'registry',
      `\`registry\`: ${message}`,
      hint ?? 'Write `{org}/{registry}` for Buildkite Packages, or `host[:port][/path]`.',
      error,
    );
  }
}

function authFor(
  input: string,
  target: RegistryTarget,
  method: AuthMethod,
  inputs: ActionInputs,
): ActionRegistry {
  const buildkite = target.kind === 'buildkite';
  if (buildkite && inputs.username !== '' && inputs.username !== BUILDKITE_USERNAME) {
    throw conflictingInputs(
      'username',
      `\`username\` is ${JSON.stringify(inputs.username)}, but the user of Buildkite Packages (${input}) is always "${BUILDKITE_USERNAME}"`,
      'Remove `username`.',
    );
  }
  switch (method) {
    case 'oidc': {
      const audience = audienceFor(input, target, inputs);
      const username = inputs.username || BUILDKITE_USERNAME;
      return { input, target: { ...target, audience }, auth: { method: 'oidc', audience, username } };
    }
    case 'token':
      if (inputs.token === '') {
        throw missingInput(
          'token',
          `\`auth\` is \`token\`, but \`token\` is empty`,
          'Pass the token from a secret: `token: ${{ secrets.PACKAGES_TOKEN }}`. A secret that is not set reads as empty.',
        );
      }
      if (!buildkite && inputs.username === '') {
        throw missingInput(
          'username',
          `\`registry\` ${JSON.stringify(input)} takes a token login, which needs \`username\``,
          'Set `username` to the account the token belongs to (for ghcr.io: `${{ github.actor }}`).',
        );
      }
      // The `username` input is the one the job summary's login hint shows.
      return {
        input,
        target: inputs.username ? { ...target, username: inputs.username } : target,
        auth: { method: 'token', username: inputs.username || BUILDKITE_USERNAME },
      };
    case 'docker-config':
    case 'none':
      if (inputs.username !== '') {
        throw conflictingInputs(
          'username',
          `\`username\` is set, but ${JSON.stringify(input)} logs in with \`auth: ${method}\`, which uses no user name`,
          'Remove `username`, or give `token` with it.',
        );
      }
      return { input, target, auth: { method } };
  }
}

function audienceFor(input: string, target: RegistryTarget, inputs: ActionInputs): string {
  if (target.kind === 'buildkite') {
    const audience = target.audience!;
    if (inputs.audience !== '' && inputs.audience !== audience) {
      throw conflictingInputs(
        'audience',
        `\`audience\` is ${JSON.stringify(inputs.audience)}, but the OIDC audience of ${input} is always ${audience}`,
        'Remove `audience`: it is only for registries outside Buildkite Packages.',
      );
    }
    return audience;
  }
  if (inputs.audience === '') {
    throw missingInput(
      'audience',
      `\`registry\` ${JSON.stringify(input)} logs in with OIDC, which needs \`audience\`: the audience its tokens must carry`,
      'Set `audience` to the value the registry expects, or log in with `token`.',
    );
  }
  const bare = inputs.audience.replace(/^https:\/\//, '').toLowerCase();
  if (bare.startsWith(`${BUILDKITE_PACKAGES_HOST}/`)) {
    throw conflictingInputs(
      'audience',
      `\`audience\` ${JSON.stringify(inputs.audience)} is meant for Buildkite Packages, and ${JSON.stringify(input)} is on ${target.host}; such a token is only ever sent to ${BUILDKITE_PACKAGES_HOST}`,
      'Set the audience the other registry expects, or list the Buildkite registry as `{org}/{registry}`.',
    );
  }
  return inputs.audience;
}

/** A token, or a token for the `audience` input, must never reach two hosts. */
function checkReach(
  chosen: readonly { input: string; target: RegistryTarget; method: AuthMethod }[],
  inputs: ActionInputs,
): void {
  const tokenHosts = [...new Set(chosen.filter((r) => r.method === 'token').map((r) => r.target.host))];
  if (tokenHosts.length > 1) {
    throw conflictingInputs(
      'token',
      `\`token\` would be sent to every registry in \`registry\`, and they are on different hosts (${tokenHosts.join(', ')})`,
      'Use one step per host, each with its own token.',
    );
  }
  const generic = chosen.filter((r) => r.method === 'oidc' && r.target.kind === 'generic');
  if (generic.length > 1) {
    throw conflictingInputs(
      'audience',
      `\`audience\` would be used for ${generic.map((r) => JSON.stringify(r.input)).join(' and ')}: a token minted for one registry would be sent to another`,
      'Use one step per registry outside Buildkite Packages.',
    );
  }
  if (inputs.audience !== '' && !chosen.some((r) => r.method === 'oidc')) {
    throw conflictingInputs(
      'audience',
      '`audience` is set, but no registry logs in with OIDC',
      'Remove `audience`, or set `auth: oidc`.',
    );
  }
}
