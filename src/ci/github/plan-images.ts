/**
 * Turns the `images` and `tags` inputs into the images to push: parses each source, picks its
 * name (written after `->`, or taken from an engine or registry reference), renders the tag
 * templates for this run and checks every reference it will push. Pure.
 */
import { targetReference, type RegistryTarget } from '../../publish/index.js';
import {
  parseReference,
  parseRepositoryPath,
  renderTagTemplate,
  type TagContext,
} from '../../reference/index.js';
import { parseSource, type SourceSpec } from '../../sources/index.js';
import { conflictingInputs, invalidInput, missingInput } from './errors.js';
import { parseImageLines, parseList, type ImageLine } from './input-syntax.js';

/** Tags when the `tags` input is empty: the run number, as the Buildkite plugin's build number. */
export const DEFAULT_TAGS: readonly string[] = ['{{build.number}}'];

/** One image to push. */
export interface ActionImage {
  /** The source as written: `docker:app:ci`. */
  readonly source: string;
  /** Repository name under each registry: `app`. */
  readonly name: string;
  /** Rendered, sanitised, de-duplicated tags, in the order written. Never empty. */
  readonly tags: readonly string[];
  /** Templates dropped because this run lacks their value (`{{tag}}` on a branch push). */
  readonly skippedTags: readonly string[];
}

/**
 * The images of the `images` input, each with every tag of the `tags` input.
 *
 * @param organization Buildkite organization for `packages.buildkite.com/{registry}/...` sources
 * @throws {ActionError} `CI_INPUT_INVALID` (a bad line, source, name or tag template; every
 *   template lacks a value), `CI_INPUT_MISSING` (no name can be taken from a file source),
 *   `CI_INPUT_CONFLICT` (two images with one name)
 */
export function planImages(
  inputs: { readonly images: string; readonly tags: string },
  registries: readonly RegistryTarget[],
  context: TagContext,
  organization?: string,
): ActionImage[] {
  const lines = parseImageLines(inputs.images);
  if (lines.length === 0) return [];
  const { tags, skipped } = renderTags(parseList(inputs.tags), context);
  const names = new Map<string, string>();
  return lines.map((line) => {
    const name = nameOf(line, sourceSpec(line, organization));
    const earlier = names.get(name);
    if (earlier !== undefined) {
      throw conflictingInputs(
        'images',
        `\`images\`: ${JSON.stringify(earlier)} and ${JSON.stringify(line.text)} are both named ${JSON.stringify(name)}`,
        'Give one of them its own name: `SOURCE -> NAME`.',
      );
    }
    names.set(name, line.text);
    for (const target of registries) for (const tag of tags) checkReference(target, name, tag, line);
    return { source: line.source, name, tags, skippedTags: skipped };
  });
}

function renderTags(written: readonly string[], context: TagContext): { tags: string[]; skipped: string[] } {
  const templates = written.length > 0 ? written : DEFAULT_TAGS;
  const tags: string[] = [];
  const skipped: string[] = [];
  for (const template of templates) {
    let tag: string | undefined;
    try {
      tag = renderTagTemplate(template, context, { missing: 'skip' });
    } catch (error) {
      const { message, hint } = error as { message: string; hint?: string };
      throw invalidInput('tags', `\`tags\`: ${JSON.stringify(template)}: ${message}`, hint, error);
    }
    if (tag === undefined) skipped.push(template);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length === 0) {
    throw invalidInput(
      'tags',
      `\`tags\`: no tag is left: every template needs a value this run does not have (${skipped.join(', ')})`,
      'Add a tag every run has, such as `{{build.number}}`, `sha-{{commit.short}}` or `latest`.',
    );
  }
  return { tags, skipped };
}

function sourceSpec(line: ImageLine, organization: string | undefined): SourceSpec {
  try {
    return parseSource(line.source, organization ? { buildkiteOrganization: organization } : {});
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    throw invalidInput('images', `\`images\`: ${message}`, hint, error);
  }
}

function nameOf(line: ImageLine, spec: SourceSpec): string {
  const name = line.name ?? defaultName(spec);
  if (name === undefined) {
    throw missingInput(
      'images',
      `\`images\`: ${JSON.stringify(line.text)} needs a name: a file or directory source does not carry one`,
      `Write \`${line.source} -> app\`.`,
    );
  }
  try {
    return parseRepositoryPath(name);
  } catch (error) {
    throw invalidInput(
      'images',
      `\`images\`: ${JSON.stringify(line.text)}: ${(error as Error).message}`,
      'A name is lowercase letters, digits and `.`, `_`, `-`, with `/` between parts: `app`, `team/app`.',
      error,
    );
  }
}

/**
 * The name an engine or registry source implies: the last path component of its repository
 * (`docker:ghcr.io/acme/app:ci` gives `app`), or of a docker archive's reference;
 * `undefined` for layouts and archives without a reference.
 */
export function defaultName(spec: SourceSpec): string | undefined {
  const last = (repository: string): string => repository.slice(repository.lastIndexOf('/') + 1);
  switch (spec.kind) {
    case 'docker':
    case 'podman':
    case 'registry':
      return last(spec.reference.repository);
    case 'docker-archive':
      return spec.select.by === 'reference'
        ? last(parseReference(spec.select.reference).repository)
        : undefined;
    default:
      return undefined;
  }
}

function checkReference(target: RegistryTarget, name: string, tag: string, line: ImageLine): void {
  try {
    targetReference(target, name, tag);
  } catch (error) {
    throw invalidInput(
      'images',
      `\`images\`: ${JSON.stringify(line.text)} cannot be pushed to ${target.prefix}: ${(error as Error).message}`,
      undefined,
      error,
    );
  }
}
