import type { Action } from './authorizer.js';

/** A Buildkite Packages token scope. */
export type Scope = 'read_packages' | 'write_packages' | 'delete_packages';

/** Every scope, in the order messages list them. */
export const SCOPES: readonly Scope[] = ['read_packages', 'write_packages', 'delete_packages'];

/** The scope each registry action needs: pull → read, push → write, delete → delete. */
export const SCOPE_FOR_ACTION: Readonly<Record<Action, Scope>> = {
  pull: 'read_packages',
  push: 'write_packages',
  delete: 'delete_packages',
};

/** Short names accepted on the command line (`--scope read`), mapped to scopes. */
export const SHORT_SCOPES: Readonly<Record<string, Scope>> = {
  read: 'read_packages',
  write: 'write_packages',
  delete: 'delete_packages',
};

/** True when `value` is one of {@link SCOPES}. */
export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

/**
 * Parses `read`, `write`, `delete` or a full scope name (`read_packages`...).
 * Returns undefined for anything else.
 */
export function parseScope(value: string): Scope | undefined {
  const trimmed = value.trim().toLowerCase();
  return SHORT_SCOPES[trimmed] ?? (isScope(trimmed) ? trimmed : undefined);
}

/**
 * The scopes that `scopes` grant in effect: write and delete imply read, because a client that
 * pushes or deletes must also look at what is there (blob HEADs, the manifest a delete resolves),
 * as an API token with Write Packages can read on Buildkite Packages. Sorted as {@link SCOPES}.
 */
export function effectiveScopes(scopes: Iterable<Scope>): Scope[] {
  const set = new Set(scopes);
  if (set.has('write_packages') || set.has('delete_packages')) set.add('read_packages');
  return SCOPES.filter((scope) => set.has(scope));
}

/** The actions among `wanted` that `scopes` allow (after {@link effectiveScopes}). */
export function allowedActions(scopes: Iterable<Scope>, wanted: readonly Action[]): Action[] {
  const effective = new Set(effectiveScopes(scopes));
  return wanted.filter((action) => effective.has(SCOPE_FOR_ACTION[action]));
}
