/**
 * A failed step, told twice: one plain message for `core.setFailed` (the log and the run's
 * annotation) and the Markdown of the job summary, which is the shared `renderFailure` (the
 * Buildkite annotation's renderer) plus what is particular to GitHub Actions for OIDC refusals.
 * Pure.
 */
import { isContainerPackageError } from '../../errors.js';
import type { RegistryTarget } from '../../publish/index.js';
import {
  codeBlock,
  renderFailure,
  type FailureInput,
  type OidcTokenFacts,
  type PublishedRegistry,
} from '../../render/index.js';
import type { ActionAuth } from './plan-registries.js';

/** Where the step was when it failed. */
export interface FailureContext {
  /** The registry being pushed to, when the push had started. */
  readonly target?: RegistryTarget;
  /** How that registry was logged in to. */
  readonly auth?: ActionAuth;
  /** The image source being pushed. */
  readonly source?: string;
  /** The claims of the OIDC token last minted for that registry (never the token). */
  readonly oidc?: OidcTokenFacts;
}

const AUTH_CODES = new Set([
  'CLIENT_UNAUTHORIZED',
  'CLIENT_DENIED',
  'SRC_ENGINE_UNAUTHORIZED',
  'SRC_ENGINE_DENIED',
]);

/** The error's code, or `CI_UNEXPECTED` for an error that is not one of ours. */
export function errorCode(error: unknown): string {
  return isContainerPackageError(error) ? error.code : 'CI_UNEXPECTED';
}

/** The message for `core.setFailed`: the cause, its code, then the fix (the error's hint). */
export function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const hint = isContainerPackageError(error) ? error.hint : undefined;
  return `${message} (${errorCode(error)})${hint ? `\n${hint}` : ''}`;
}

/** The facts `renderFailure` needs. */
export function failureInput(error: unknown, context: FailureContext = {}): FailureInput {
  const status = (error as { status?: unknown }).status;
  const hint = isContainerPackageError(error) ? error.hint : undefined;
  return {
    code: errorCode(error),
    message: error instanceof Error ? error.message : String(error),
    ...(hint !== undefined && { hint }),
    ...(typeof status === 'number' && { status }),
    ...(context.target !== undefined && { registry: publishedRegistry(context.target) }),
    ...(context.source !== undefined && { source: context.source }),
    ...(context.oidc !== undefined && { oidc: context.oidc }),
  };
}

/**
 * The job summary of a failure. When a registry refused an OIDC login (401/403), a section
 * follows on what GitHub Actions needs: `permissions: id-token: write` and an OIDC policy that
 * trusts GitHub's issuer.
 */
export function failureSummary(error: unknown, context: FailureContext = {}): string {
  const input = failureInput(error, context);
  const out = [renderFailure(input, { words: 'action' })];
  const refused = input.status === 401 || input.status === 403 || AUTH_CODES.has(input.code);
  if (refused && context.auth?.method === 'oidc')
    out.push(githubOidcFix(context.auth.audience, context.target, context.oidc !== undefined));
  return out.join('\n');
}

function githubOidcFix(audience: string, target: RegistryTarget | undefined, explained: boolean): string {
  const policy = [
    '- iss: https://token.actions.githubusercontent.com',
    '  scopes: [read_packages, write_packages]',
    '  claims:',
    '    repository: OWNER/REPO',
    '    ref: refs/heads/main',
  ].join('\n');
  const where = target?.kind === 'buildkite' ? "the registry's settings → OIDC Policy" : 'its OIDC policy';
  // With the token's claims, the fix above already shows a statement this workflow matches.
  const example = explained
    ? [`- The registry must trust GitHub's issuer: in ${where}, add the statement above.`]
    : [
        `- The registry must trust GitHub's issuer: in ${where}, add a statement this workflow matches, for example:`,
        '',
        codeBlock(policy, 'yaml'),
      ];
  return [
    '**On GitHub Actions**',
    '',
    `- The token was minted by GitHub for the audience \`${audience}\`. The job needs \`permissions: id-token: write\`.`,
    ...example,
    '',
    '- Or log in with a token instead: `token: ${{ secrets.PACKAGES_TOKEN }}`.',
    '',
  ].join('\n');
}

function publishedRegistry(target: RegistryTarget): PublishedRegistry {
  return {
    host: target.host,
    kind: target.kind,
    ...(target.visibility !== undefined && { visibility: target.visibility }),
    ...(target.organization !== undefined && { organization: target.organization }),
    ...(target.registry !== undefined && { registry: target.registry }),
  };
}
