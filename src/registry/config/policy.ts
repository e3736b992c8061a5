import type { ClaimMatcher, ClaimScalar, PolicyStatement } from '../auth/oidc/policy.js';
import { SCOPES, isScope, type Scope } from '../auth/scopes.js';
import { join, kind, type ConfigReader } from './reader.js';

const OPERATORS = ['equals', 'not_equals', 'in', 'not_in', 'matches'] as const;

/**
 * Reads a registry's `oidc-policy`: a list of statements `{iss, scopes, claims}` in Buildkite's
 * format. A claim's matcher is a scalar (equals) or a mapping of `equals`, `not_equals`, `in`,
 * `not_in` (lists) and `matches` (a glob or a list of globs); several operators on one claim must
 * all hold.
 */
export function readPolicy(reader: ConfigReader, value: unknown, path: string): PolicyStatement[] {
  return reader.list(value, path).map((raw, index) => {
    const at = join(path, index);
    const statement = reader.object(raw, at, ['iss', 'scopes', 'claims']);
    const iss = reader.requiredString(statement.iss, join(at, 'iss'));
    const scopes = reader.list(statement.scopes, join(at, 'scopes')).map((scope, i) => {
      if (!isScope(scope))
        reader.fail(join(join(at, 'scopes'), i), `expected one of ${SCOPES.join(', ')}, got ${kind(scope)}`);
      return scope as Scope;
    });
    if (scopes.length === 0) reader.fail(join(at, 'scopes'), `list at least one of ${SCOPES.join(', ')}`);
    const claimsAt = join(at, 'claims');
    const claims: Record<string, ClaimMatcher[]> = {};
    const rawClaims = reader.object(statement.claims, claimsAt, Object.keys(statement.claims ?? {}));
    for (const [name, matcher] of Object.entries(rawClaims))
      claims[name] = readMatcher(reader, matcher, join(claimsAt, name));
    return { iss, scopes, claims };
  });
}

function readMatcher(reader: ConfigReader, value: unknown, path: string): ClaimMatcher[] {
  if (isScalar(value)) return [{ op: 'equals', value }];
  const ops = reader.object(value, path, OPERATORS);
  const out: ClaimMatcher[] = [];
  for (const op of OPERATORS) {
    const v = ops[op];
    if (v === undefined) continue;
    const at = join(path, op);
    if (op === 'equals' || op === 'not_equals') {
      if (!isScalar(v)) reader.fail(at, `expected a string, number or boolean, got ${kind(v)}`);
      out.push({ op, value: v });
    } else if (op === 'in' || op === 'not_in') {
      const values = reader.list(v, at);
      values.forEach((item, i) => {
        if (!isScalar(item))
          reader.fail(join(at, i), `expected a string, number or boolean, got ${kind(item)}`);
      });
      if (values.length === 0) reader.fail(at, 'expected a non-empty list');
      out.push({ op, values: values as ClaimScalar[] });
    } else {
      const patterns = typeof v === 'string' ? [v] : reader.list(v, at);
      patterns.forEach((item, i) => {
        if (typeof item !== 'string')
          reader.fail(typeof v === 'string' ? at : join(at, i), `expected a glob string, got ${kind(item)}`);
      });
      if (patterns.length === 0) reader.fail(at, 'expected a glob or a non-empty list of globs');
      out.push({ op: 'matches', patterns: patterns as string[] });
    }
  }
  if (out.length === 0)
    reader.fail(path, `expected a value or a mapping with one of ${OPERATORS.join(', ')}`);
  return out;
}

function isScalar(value: unknown): value is ClaimScalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
