import { isSafeRepository } from '../names.js';
import type { Action } from './authorizer.js';

/** One `repository:<name>:<actions>` request of the token endpoint. */
export interface RequestedScope {
  readonly repository: string;
  readonly actions: readonly Action[];
}

const ALL: readonly Action[] = ['pull', 'push', 'delete'];

/**
 * Parses the `scope` parameters of a token request. Each may hold several space-separated scopes
 * (OAuth style). `repository:NAME:pull,push` and `repository(plugin):NAME:…` are understood; `*`
 * means pull, push and delete; other resource types (`registry:catalog:*`) and unknown actions
 * are ignored, as are invalid names. Scopes of one repository are merged.
 */
export function parseTokenScopes(values: readonly string[]): RequestedScope[] {
  const merged = new Map<string, Set<Action>>();
  for (const scope of values
    .flatMap((v) => v.split(' '))
    .filter(Boolean)
    .slice(0, 100)) {
    const first = scope.indexOf(':');
    const last = scope.lastIndexOf(':');
    if (first === -1 || last === first) continue;
    const type = scope.slice(0, first).replace(/\(.*\)$/, '');
    const name = scope.slice(first + 1, last);
    if (type !== 'repository' || !isSafeRepository(name)) continue;
    const actions = merged.get(name) ?? new Set<Action>();
    for (const action of scope.slice(last + 1).split(',')) {
      if (action === '*') ALL.forEach((a) => actions.add(a));
      else if ((ALL as readonly string[]).includes(action)) actions.add(action as Action);
    }
    merged.set(name, actions);
  }
  return [...merged].map(([repository, actions]) => ({
    repository,
    actions: ALL.filter((a) => actions.has(a)),
  }));
}
