/**
 * The fix for a registry that refused an OIDC token: which of the job's claims did not match the
 * registry's OIDC policy (read from the registry's own reason when it names them), and a policy
 * statement, in Buildkite's format, that this job's token would match. Text only, no I/O.
 */
import { codeBlock, codeSpan } from './markdown.js';

/** The OIDC token a refused request carried, as far as the fix needs it (never the token itself). */
export interface OidcTokenFacts {
  /** The token's claims, decoded without verifying (`iss`, `organization_slug`, `pipeline_slug`…). */
  readonly claims: Readonly<Record<string, unknown>>;
  /** The audience the token was minted for. */
  readonly audience?: string;
}

/** Claims a statement names when the registry did not say which it compared, by issuer. */
const DEFAULT_CLAIMS: Readonly<Record<string, readonly string[]>> = {
  'https://agent.buildkite.com': ['organization_slug', 'pipeline_slug'],
  'https://token.actions.githubusercontent.com': ['repository', 'ref'],
};

/** What a registry's reason says about its policy (the bundled registry's wording). */
export interface PolicyReason {
  /** Claims the registry compared (`matches claims a=1 b=2`). */
  readonly compared: readonly string[];
  /** Claims that did not match (`claims that did not match: b`). */
  readonly unmatched: readonly string[];
}

/** Reads the claim names out of a policy refusal such as the bundled registry's; undefined when it is none. */
export function parsePolicyReason(message: string): PolicyReason | undefined {
  const found =
    /matches claims ((?:[\w.-]+=[^\s;]*\s?)+)(?:;\s*claims that did not match: ([\w.,\s-]+))?/.exec(message);
  if (!found) return undefined;
  const compared = found[1]!
    .trim()
    .split(/\s+/)
    .map((pair) => pair.slice(0, pair.indexOf('=')));
  const unmatched = (found[2] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^[\w.-]+$/.test(name));
  return { compared, unmatched };
}

/**
 * The fix lines for an OIDC token the registry refused with `status` (401 or 403): the cause the
 * registry gave (no matching statement, the audience, an expired token), the claims that did
 * not match with this job's values, and a statement that would match.
 */
export function oidcFix(status: number | undefined, message: string, token: OidcTokenFacts): string[] {
  const said = status === undefined ? '' : ` (${status})`;
  const out = [`The registry refused this job's OIDC token${said}.`, ''];
  const reason = parsePolicyReason(message);
  if (/audience/i.test(message) && token.audience !== undefined) {
    out.push(
      `- **Audience**: the token was minted for ${codeSpan(token.audience)}; the registry expects another. Check the registry's host (\`packages-host\`) and name.`,
    );
  }
  if (/expired/i.test(message)) {
    out.push('- **Expired**: the token expired before the registry read it; retry the job.');
  }
  if (reason && reason.unmatched.length > 0) {
    const shown = reason.unmatched.map(
      (name) => `${codeSpan(name)} (this job: ${codeSpan(show(token.claims[name]))})`,
    );
    out.push(
      `- **Policy**: no statement of the registry's OIDC policy matches this job. Claims that did not match: ${shown.join(', ')}.`,
    );
  } else {
    out.push(
      "- **Policy**: the registry's OIDC policy (registry settings → OIDC Policy) must have a statement this job matches, with `scopes: [read_packages, write_packages]` to push.",
    );
  }
  const iss = typeof token.claims.iss === 'string' ? token.claims.iss : '';
  const names =
    reason && reason.compared.length > 0
      ? reason.compared
      : (DEFAULT_CLAIMS[iss] ?? ['organization_slug', 'pipeline_slug']);
  out.push('', 'A statement this job would match:', '', codeBlock(statementFor(token.claims, names), 'yaml'));
  return out;
}

/** A policy statement granting push to tokens with these claims' values. */
export function statementFor(claims: Readonly<Record<string, unknown>>, names: readonly string[]): string {
  const iss = typeof claims.iss === 'string' ? claims.iss : 'https://agent.buildkite.com';
  const lines = [`- iss: ${yamlScalar(iss)}`, '  scopes: [read_packages, write_packages]', '  claims:'];
  for (const name of names) {
    const value = claims[name];
    if (value === undefined || value === null || typeof value === 'object') continue;
    lines.push(`    ${name}: ${yamlScalar(String(value))}`);
  }
  return lines.join('\n');
}

function yamlScalar(value: string): string {
  return /^[\w./:@-]+$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[\d.]+)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '(missing)';
  return (typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 100);
}
