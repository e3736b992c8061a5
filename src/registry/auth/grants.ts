import type { Action } from './authorizer.js';
import { USERNAME } from './credentials.js';
import { evaluatePolicy } from './oidc/policy.js';
import type { Principal } from './principal.js';
import type { RegistryDefinition } from './registries.js';
import { registryMatches } from './registry-name.js';
import { SCOPE_FOR_ACTION, allowedActions, effectiveScopes, type Scope } from './scopes.js';

/** What a principal may do in a registry: the actions granted, and why others were not. */
export interface Grant {
  readonly actions: readonly Action[];
  /** Set when some asked-for action was not granted: a sentence for the person at the keyboard. */
  readonly reason?: string;
}

/**
 * Decides which of `wanted` a principal may do in `registry`: the scopes of its token (registry
 * tokens: when issued for that registry or its organization; OIDC tokens: when the audience is
 * `{audiencePrefix}/{org}/{registry}` and a policy statement matches), plus `pull` on public
 * registries for everyone.
 */
export function grantFor(
  principal: Principal,
  registry: RegistryDefinition,
  wanted: readonly Action[],
  audiencePrefix: string,
): Grant {
  const everyone: Action[] = registry.visibility === 'public' ? ['pull'] : [];
  let scopes: readonly Scope[] = [];
  let why: string | undefined;
  if (principal.kind === 'anonymous') {
    why =
      registry.visibility === 'private'
        ? `${registry.name} is private: log in with username "${USERNAME}" and a registry token, an API token or an OIDC token`
        : `anonymous users may only pull from ${registry.name}: log in with a token that has write_packages to push, delete_packages to delete`;
  } else if (principal.kind === 'token') {
    const { record } = principal;
    if (record.registries.some((pattern) => registryMatches(pattern, registry.name))) {
      scopes = record.scopes;
    } else {
      why = `token ${record.id} is not for ${registry.name} (it is for ${record.registries.join(', ')})`;
    }
  } else {
    const expected = `${audiencePrefix}/${registry.name}`;
    const aud = principal.token.claims.aud;
    const audiences = Array.isArray(aud)
      ? aud.filter((a) => typeof a === 'string')
      : typeof aud === 'string'
        ? [aud]
        : [];
    if (!audiences.includes(expected)) {
      const shown = audiences.length === 0 ? '(none)' : audiences.map((a) => a.slice(0, 200)).join(', ');
      why = `OIDC token audience ${shown} does not match ${expected}`;
    } else {
      const policy = evaluatePolicy(
        registry.name,
        registry.oidcPolicy,
        principal.token.issuer,
        principal.token.claims,
      );
      if (policy.ok) scopes = policy.scopes;
      else why = policy.reason;
    }
  }
  const granted = new Set<Action>([
    ...allowedActions(scopes, wanted),
    ...wanted.filter((a) => everyone.includes(a)),
  ]);
  const actions = wanted.filter((a) => granted.has(a));
  if (actions.length === wanted.length) return { actions };
  if (why === undefined) {
    const missing = wanted.find((a) => !granted.has(a))!;
    const held = effectiveScopes(scopes).join(', ') || 'no scopes';
    const who = principal.kind === 'token' ? `token ${principal.record.id}` : 'the OIDC policy';
    why = `${who} grants ${held} on ${registry.name}; ${missing} needs ${SCOPE_FOR_ACTION[missing]}`;
  }
  return { actions, reason: why };
}
