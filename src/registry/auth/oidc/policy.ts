import type { Scope } from '../scopes.js';

/** A value a claim can be compared with. */
export type ClaimScalar = string | number | boolean;

/** One test on a claim. Several tests on one claim must all pass. */
export type ClaimMatcher =
  | { readonly op: 'equals'; readonly value: ClaimScalar }
  | { readonly op: 'not_equals'; readonly value: ClaimScalar }
  | { readonly op: 'in'; readonly values: readonly ClaimScalar[] }
  | { readonly op: 'not_in'; readonly values: readonly ClaimScalar[] }
  | { readonly op: 'matches'; readonly patterns: readonly string[] };

/**
 * One statement of a registry's OIDC policy, in Buildkite's format: tokens from `iss` whose claims
 * pass every matcher get `scopes`.
 */
export interface PolicyStatement {
  readonly iss: string;
  readonly scopes: readonly Scope[];
  /** Claim name → tests. */
  readonly claims: Readonly<Record<string, readonly ClaimMatcher[]>>;
}

/** The outcome of {@link evaluatePolicy}. */
export type PolicyResult =
  | { readonly ok: true; readonly scopes: readonly Scope[]; readonly statement: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Evaluates a registry's policy: the first statement whose `iss` equals the token's and whose claim
 * tests all pass decides the scopes. A claim the token lacks fails every test on it (a policy is
 * never satisfied by leaving a claim out). A claim holding an array passes a positive test when
 * one element does, and a negative test (`not_equals`, `not_in`) when every element does. When
 * none matches, the reason lists the claims compared (with the token's values) and the claims
 * that failed in the statement that came closest (fewest failed claims).
 *
 * @param registry `{org}/{registry}`, for the message
 */
export function evaluatePolicy(
  registry: string,
  statements: readonly PolicyStatement[],
  issuer: string,
  claims: Readonly<Record<string, unknown>>,
): PolicyResult {
  if (statements.length === 0) {
    return {
      ok: false,
      reason: `${registry} has no OIDC policy, so no OIDC token may use it: add oidc-policy statements to its configuration`,
    };
  }
  let closest: string[] | undefined;
  for (const [index, statement] of statements.entries()) {
    if (statement.iss !== issuer) continue;
    const failed = Object.entries(statement.claims)
      .filter(([name, tests]) => !tests.every((t) => test(t, claims[name])))
      .map(([name]) => name);
    if (failed.length === 0) return { ok: true, scopes: statement.scopes, statement: index };
    if (closest === undefined || failed.length < closest.length) closest = failed;
  }
  if (closest === undefined) {
    return { ok: false, reason: `no OIDC policy statement of ${registry} is for issuer ${issuer}` };
  }
  const names = [
    ...new Set(statements.filter((s) => s.iss === issuer).flatMap((s) => Object.keys(s.claims))),
  ];
  const shown = names.map((name) => `${name}=${show(claims[name])}`).join(' ');
  // The claims compared (with the token's values) and those that failed in the closest
  // statement: enough for the person at the keyboard to write a matching statement, without
  // quoting the policy's own values.
  return {
    ok: false,
    reason: `no OIDC policy statement of ${registry} matches claims ${shown}; claims that did not match: ${closest.join(', ')}`,
  };
}

function test(matcher: ClaimMatcher, claim: unknown): boolean {
  if (claim === undefined || claim === null) return false;
  const values = Array.isArray(claim) ? (claim as unknown[]) : [claim];
  const strings = values.filter(isScalar).map(String);
  if (strings.length === 0) return false;
  switch (matcher.op) {
    case 'equals':
      return strings.includes(String(matcher.value));
    case 'not_equals':
      return strings.every((s) => s !== String(matcher.value));
    case 'in':
      return strings.some((s) => matcher.values.some((v) => String(v) === s));
    case 'not_in':
      return strings.every((s) => matcher.values.every((v) => String(v) !== s));
    case 'matches':
      return strings.some((s) => matcher.patterns.some((p) => globToRegExp(p).test(s)));
  }
}

function isScalar(value: unknown): value is ClaimScalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

const globCache = new Map<string, RegExp>();

/**
 * A glob as an anchored regular expression: `*` matches any run of characters (`/` included, so
 * `release/*` matches `release/1.2/hotfix`), `?` one character; everything else is literal.
 */
export function globToRegExp(pattern: string): RegExp {
  let re = globCache.get(pattern);
  if (re === undefined) {
    const body = [...pattern.replace(/\*+/g, '*')]
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 's');
    if (globCache.size < 1000) globCache.set(pattern, re);
  }
  return re;
}

function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
