/**
 * A failed publish in Markdown: the cause and how to fix it, for the Buildkite annotation and the
 * GitHub job summary. Text only, no I/O.
 */
import { codeBlock, codeSpan, escapeText, escapeTextKeepingCode } from './markdown.js';
import { oidcFix, type OidcTokenFacts } from './oidc-failure.js';
import { registryPath, type PublishedRegistry } from './published-image.js';

/** What went wrong: the error's facts (its `code`, `message`, `hint`) and where. */
export interface FailureInput {
  /** The error's stable code: `CLIENT_UNAUTHORIZED`, `SRC_NOT_FOUND`, `CI_CONFIG_INVALID`, ... */
  readonly code: string;
  /** The error's message. Untrusted text: escaped. */
  readonly message: string;
  /** The error's own hint, shown after the fix. */
  readonly hint?: string;
  /** HTTP status, when a registry answered. */
  readonly status?: number;
  /** The registry concerned, when known. */
  readonly registry?: PublishedRegistry;
  /** The image source concerned, when known: `docker:app:ci`. */
  readonly source?: string;
  /** Pipeline slug, for the OIDC policy example. Default `PIPELINE`. */
  readonly pipeline?: string;
  /** The OIDC token the refused request carried (its claims), when the login was OIDC. */
  readonly oidc?: OidcTokenFacts;
}

/** Options of {@link renderFailure}. */
export interface FailureOptions {
  /** Heading. Default `Publishing container images failed`. */
  readonly title?: string;
  /** Heading level, 1 to 6. Default 3. */
  readonly headingLevel?: number;
  /** Whose words the fixes use: the plugin's options (default) or the GitHub Action's inputs. */
  readonly words?: 'plugin' | 'action';
}

/** The names each entry point gives the same things. */
const WORDS = {
  plugin: {
    token: '`token-env` or `secret`',
    username: 'the `username`',
    before: "The step's command must build it under that name before the plugin runs:",
    retries: 'raise `retries`',
  },
  action: {
    token: 'the `token` input',
    username: 'the `username` input',
    before: 'An earlier step of the job must build it under that name:',
    retries: 'raise the `retries` input',
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

const UNAUTHORIZED = new Set([
  'CLIENT_UNAUTHORIZED',
  'CLIENT_TOKEN_INVALID',
  'CLIENT_INVALID_CREDENTIALS',
  'SRC_ENGINE_UNAUTHORIZED',
]);
const DENIED = new Set(['CLIENT_DENIED', 'SRC_ENGINE_DENIED']);
const MISSING_SOURCE = new Set(['SRC_NOT_FOUND', 'SRC_ENGINE_IMAGE_NOT_FOUND', 'SRC_NO_MATCH']);
const UNREACHABLE = new Set([
  'CLIENT_UNAVAILABLE',
  'CLIENT_NETWORK_ERROR',
  'CLIENT_TIMEOUT',
  'CLIENT_RETRIES_EXHAUSTED',
]);

/**
 * Renders the cause (message and code) and the fix: for a 401 the OIDC policy and audience (or the
 * token), for a 403 the scopes, for a missing source how to build and name it, for a rate limit or
 * an unreachable registry the retries; otherwise the error's hint alone.
 */
export function renderFailure(failure: FailureInput, options: FailureOptions = {}): string {
  const level = '#'.repeat(Math.min(6, Math.max(1, options.headingLevel ?? 3)));
  const out = [`${level} ${escapeText(options.title ?? 'Publishing container images failed')}`, ''];
  const where = failure.registry === undefined ? '' : ` (${codeSpan(registryPath(failure.registry))})`;
  if (failure.message.includes('\n')) {
    out.push(`**Cause** ${codeSpan(failure.code)}${where}:`, '', codeBlock(failure.message, 'text'));
  } else {
    out.push(`**Cause** ${codeSpan(failure.code)}${where}: ${escapeText(failure.message)}`);
  }
  const fix = fixFor(failure, WORDS[options.words ?? 'plugin']);
  if (fix.length > 0) out.push('', '**Fix**', '', ...fix);
  // A refusal's fix (401/403: OIDC policy, audience, token and user) replaces the error's generic
  // hint, which is written for the CLI ("log in again, passing the password on stdin").
  const refusalFixed = fix.length > 0 && isRefusal(failure);
  // Hints write commands and names as `code spans`: keep them, escape the prose around them.
  if (failure.hint !== undefined && failure.hint !== '' && !refusalFixed)
    out.push('', escapeTextKeepingCode(failure.hint));
  out.push('');
  return out.join('\n');
}

function fixFor(failure: FailureInput, words: Words): string[] {
  const { code, status, registry } = failure;
  if (failure.oidc !== undefined && isRefusal(failure)) return oidcFix(status, failure.message, failure.oidc);
  if (status === 401 || UNAUTHORIZED.has(code))
    return registry?.kind === 'buildkite' ? buildkite401(failure, words) : generic401(words);
  if (status === 403 || DENIED.has(code))
    return registry?.kind === 'buildkite' ? buildkite403() : generic403();
  if (MISSING_SOURCE.has(code)) return missingSource(failure.source, words);
  if (status === 429 || code === 'CLIENT_RATE_LIMITED') {
    return [
      `The registry is rate limiting this agent. Retry the job later, or ${words.retries} to wait longer between attempts.`,
    ];
  }
  if (UNREACHABLE.has(code) || (status !== undefined && status >= 500)) {
    return [
      "The registry could not be reached or kept failing after every retry. Check its status and the agent's network (proxies, DNS), then retry the job.",
    ];
  }
  return [];
}

function isRefusal({ code, status }: FailureInput): boolean {
  return status === 401 || status === 403 || UNAUTHORIZED.has(code) || DENIED.has(code);
}

function buildkite401(failure: FailureInput, words: Words): string[] {
  const registry = failure.registry!;
  const org = registry.organization ?? 'ORG';
  const audience = `https://${registry.host}/${org}/${registry.registry ?? 'REGISTRY'}`;
  const policy = [
    '- iss: https://agent.buildkite.com',
    '  scopes: [read_packages, write_packages]',
    '  claims:',
    `    organization_slug: ${org}`,
    `    pipeline_slug: ${failure.pipeline ?? 'PIPELINE'}`,
  ].join('\n');
  return [
    `The registry refused the credentials (401).`,
    '',
    `- **OIDC** (the default): the token's audience must be exactly ${codeSpan(audience)}, and the registry's OIDC policy (registry settings → OIDC Policy) must have a statement this job matches, for example:`,
    '',
    codeBlock(policy, 'yaml'),
    '',
    `- **Token** (${words.token}): check that the token is current (not revoked or expired) and that the login user is \`buildkite\`.`,
  ];
}

function buildkite403(): string[] {
  return [
    'The registry accepted the credentials but does not let them push (403).',
    '',
    '- **OIDC**: the matching policy statement needs `scopes: [read_packages, write_packages]`.',
    '- **API access token**: it needs the **Write Packages** scope; registry tokens can only read.',
  ];
}

function generic401(words: Words): string[] {
  return [
    `The registry refused the credentials (401). Check the token (${words.token}), ${words.username}, and for OIDC the \`audience\` the registry expects.`,
  ];
}

function generic403(): string[] {
  return [
    'The registry accepted the credentials but does not let them push here (403). Give the token push (write) permission on this repository.',
  ];
}

function missingSource(source: string | undefined, words: Words): string[] {
  const which = source === undefined ? 'The image source' : `The image source ${codeSpan(source)}`;
  const engine = /^(docker|podman):(.+)$/.exec(source ?? '');
  const build = engine
    ? `- ${codeSpan(`${engine[1]} build -t ${engine[2]} .`)} makes ${codeSpan(source!)} (check with ${codeSpan(`${engine[1]} image ls`)});`
    : '- `docker build -t app:ci .` makes `docker:app:ci` (check with `docker image ls`);';
  return [
    `${which} was not found. ${words.before}`,
    '',
    build,
    '- `docker buildx build --output type=oci,dest=image.tar .` makes `oci-archive:image.tar`;',
    '- `docker save app:ci -o app.tar` makes `docker-archive:app.tar`.',
  ];
}
