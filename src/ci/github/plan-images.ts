/**
 * Turns the `images` and `tags` inputs into the images to push through the CI-neutral planner
 * (`src/publish/plan`): this file only reads the action's syntax (`SOURCE [-> NAME]` lines, a
 * `tags` list) and names the input in errors. Pure.
 */
import type { RegistryTarget } from '../../publish/index.js';
import { DEFAULT_TAG_TEMPLATES, PlanError, planImageSet } from '../../publish/plan/index.js';
import type { TagContext } from '../../reference/index.js';
import { parseSource, type SourceSpec } from '../../sources/index.js';
import { conflictingInputs, invalidInput, missingInput } from './errors.js';
import { parseImageLines, parseList, type ImageLine } from './input-syntax.js';

/** Tags when the `tags` input is empty: the run number, as the Buildkite plugin's build number. */
export const DEFAULT_TAGS: readonly string[] = DEFAULT_TAG_TEMPLATES;

/** The image name a source implies (the planner's; see `defaultImageName`). */
export { defaultImageName as defaultName } from '../../publish/plan/index.js';

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
 *   template lacks a value), `CI_INPUT_MISSING` (no name can be taken from the source),
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
  const templates = parseList(inputs.tags);
  const images = lines.map((line) => ({
    source: line.source,
    spec: sourceSpec(line, organization),
    name: line.name,
    templates,
  }));
  try {
    return planImageSet(images, registries, context).map(({ source, name, tags, skippedTags }) => ({
      source,
      name,
      tags,
      skippedTags,
    }));
  } catch (error) {
    throw inputError(error, lines);
  }
}

/** The planner's error in the action's words: the input (`images`, `tags`) and the line. */
function inputError(error: unknown, lines: readonly ImageLine[]): unknown {
  const { message, hint } = error as { message: string; hint?: string };
  if (!(error instanceof PlanError)) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('REF_TEMPLATE_')) {
      const template = (error as { template?: string }).template ?? '';
      return invalidInput('tags', `\`tags\`: ${JSON.stringify(template)}: ${message}`, hint, error);
    }
    return error;
  }
  const line = lines[error.index]!;
  switch (error.code) {
    case 'PUBLISH_DUPLICATE_NAME':
      return conflictingInputs(
        'images',
        `\`images\`: ${JSON.stringify(lines[error.earlier ?? 0]!.text)} and ${JSON.stringify(line.text)} are both named ${JSON.stringify(error.imageName)}`,
        'Give one of them its own name: `SOURCE -> NAME`.',
      );
    case 'PUBLISH_NAME_REQUIRED':
      return missingInput(
        'images',
        `\`images\`: ${JSON.stringify(line.text)} needs a name: ${message}`,
        `Write \`${line.source} -> app\`.`,
      );
    case 'PUBLISH_NO_TAG':
      return invalidInput(
        'tags',
        `\`tags\`: ${message}`,
        'Add a tag every run has, such as `{{build.number}}`, `sha-{{commit.short}}` or `latest`.',
        error,
      );
    default:
      return invalidInput('images', `\`images\`: ${JSON.stringify(line.text)}: ${message}`, hint, error);
  }
}

function sourceSpec(line: ImageLine, organization: string | undefined): SourceSpec {
  try {
    return parseSource(line.source, organization ? { buildkiteOrganization: organization } : {});
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    throw invalidInput('images', `\`images\`: ${message}`, hint, error);
  }
}
