/**
 * Pull instructions in Markdown: the body of the Buildkite annotation and of the GitHub job
 * summary (one renderer serves both). Text only, no I/O.
 */
import { parseReference } from '../reference/index.js';
import { formatBytes } from './bytes.js';
import { codeBlock, codeSpan, escapeHtml, escapeText } from './markdown.js';
import { registryPath, type PublishedImage, type PublishedRegistry } from './published-image.js';

/** Options of {@link renderPullInstructions}. */
export interface PullInstructionsOptions {
  /** Heading. Default `Container images published`. */
  readonly title?: string;
  /** Shell variable named in the login hint. Default `TOKEN`. */
  readonly tokenVariable?: string;
  /** Heading level, 1 to 6. Default 3. */
  readonly headingLevel?: number;
}

/**
 * Renders, for each pushed image: its name and source, size, platforms when there are several,
 * a `docker pull` of the reference pinned by digest, its tags, and a `<details>` block listing
 * every reference. Then one login hint per private registry (visibility `private` or `unknown`),
 * piping the token with `--password-stdin`, never `-p`. Untrusted strings are escaped or put in
 * code spans. No images gives a single line saying nothing was pushed.
 */
export function renderPullInstructions(
  results: readonly PublishedImage[],
  options: PullInstructionsOptions = {},
): string {
  const level = '#'.repeat(Math.min(6, Math.max(1, options.headingLevel ?? 3)));
  const out = [`${level} ${escapeText(options.title ?? 'Container images published')}`, ''];
  if (results.length === 0) {
    out.push('No images were pushed.', '');
    return out.join('\n');
  }
  for (const image of results) out.push(...renderImage(image), '');
  const logins = new Map<string, PublishedRegistry>();
  for (const { registry } of results) {
    if (registry.visibility !== 'public') logins.set(registryPath(registry), registry);
  }
  if (logins.size > 0) {
    const token = options.tokenVariable ?? 'TOKEN';
    out.push(
      logins.size === 1
        ? 'To pull from a private registry, log in first:'
        : 'To pull from private registries, log in first:',
      '',
    );
    const commands = [...logins].map(([target, registry]) => loginCommand(target, registry, token));
    out.push(codeBlock(commands.join('\n'), 'sh'), '');
    out.push(tokenNote(token, [...logins.values()]), '');
  }
  return out.join('\n');
}

function renderImage(image: PublishedImage): string[] {
  const pinned = pinnedReference(image);
  const facts = [formatBytes(image.size)];
  if (image.platforms !== undefined && image.platforms.length > 1)
    facts.push(image.platforms.map(codeSpan).join(', '));
  const lines = [
    `**${escapeText(image.name)}** from ${codeSpan(image.source)} · ${facts.join(' · ')}`,
    '',
    codeBlock(`docker pull ${pinned}`, 'sh'),
  ];
  const tags = image.references.map(tagOf).filter((tag): tag is string => tag !== undefined);
  if (tags.length > 0) lines.push('', `Tags: ${tags.map(codeSpan).join(', ')}`);
  const all = [...image.references, pinned];
  lines.push(
    '',
    `<details><summary>All references of ${escapeHtml(image.name)} (${all.length})</summary>`,
    '',
    ...all.map((reference) => `- ${codeSpan(reference)}`),
    '',
    '</details>',
  );
  return lines;
}

/** `repository@digest` from the first reference; the digest alone when there is no reference. */
function pinnedReference(image: PublishedImage): string {
  const first = image.references[0];
  if (first === undefined) return image.digest;
  const ref = parseReference(first);
  return `${ref.registry}/${ref.repository}@${image.digest}`;
}

function tagOf(reference: string): string | undefined {
  try {
    return parseReference(reference).tag;
  } catch {
    return undefined;
  }
}

function loginCommand(target: string, registry: PublishedRegistry, token: string): string {
  const user = registry.kind === 'buildkite' ? 'buildkite' : (registry.username ?? 'USERNAME');
  return `echo "$${token}" | docker login ${target} -u ${shellWord(user)} --password-stdin`;
}

function tokenNote(token: string, registries: readonly PublishedRegistry[]): string {
  const buildkite = registries.some((r) => r.kind === 'buildkite');
  const what = buildkite
    ? 'a Buildkite API access token with the Read Packages scope, or a registry token'
    : 'a token that may read the registry';
  return `where ${codeSpan(`$${token}`)} holds ${what}.`;
}

/** Quotes a word for sh when it holds anything but safe characters. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_.@%+=:,/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
