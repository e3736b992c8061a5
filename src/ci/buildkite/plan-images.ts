/**
 * Turns the `images` and `tags` options into {@link PlannedImage} values through the CI-neutral
 * planner (`src/publish/plan`): this file only reads the plugin's syntax (a string or
 * `{source, name, tags}` per image, a top-level `tags`) and names the option in errors.
 */
import { PlanError, planImageSet, DEFAULT_TAG_TEMPLATES } from '../../publish/plan/index.js';
import type { TagContext } from '../../reference/index.js';
import { parseSource } from '../../sources/spec.js';
import type { PluginConfig } from './config.js';
import { ConfigError } from './errors.js';
import type { PlannedImage, PlannedRegistry } from './publish-plan.js';

/** Tags of an image when neither it nor the top level lists any (the planner's default). */
export const DEFAULT_TAGS: readonly string[] = DEFAULT_TAG_TEMPLATES;

/**
 * The images of `config` for this build.
 *
 * @param outputPrefix meta-data key prefix, or `undefined` when outputs are off
 * @throws {ConfigError} `CI_CONFIG_UNRESOLVABLE` when no name can be taken from a source, a name
 *   is not a valid repository name, or every tag template needs a value this build lacks;
 *   `CI_CONFIG_CONFLICT` when two images have the same name
 */
export function planImages(
  config: PluginConfig,
  registries: readonly PlannedRegistry[],
  context: TagContext,
  outputPrefix: string | undefined,
): PlannedImage[] {
  const images = (config.images ?? []).map((item) => {
    const { source, name, tags } =
      typeof item === 'string' ? { source: item, name: undefined, tags: undefined } : item;
    return { source, spec: parseSource(source), name, templates: tags ?? config.tags ?? DEFAULT_TAGS };
  });
  let planned;
  try {
    planned = planImageSet(
      images,
      registries.map((r) => r.target),
      context,
    );
  } catch (error) {
    throw error instanceof PlanError ? configError(error, images[error.index]?.source ?? '') : error;
  }
  return planned.map((image) => ({
    ...image,
    outputKeys:
      outputPrefix === undefined
        ? undefined
        : {
            digest: `${outputPrefix}:${image.name}:digest`,
            references: `${outputPrefix}:${image.name}:references`,
          },
  }));
}

/** The planner's error in the plugin's words: the option path (`images[1]`) and its keys. */
function configError(error: PlanError, source: string): ConfigError {
  const path = `images[${error.index}]`;
  switch (error.code) {
    case 'PUBLISH_DUPLICATE_NAME': {
      const message = `\`images[${error.earlier ?? 0}]\` and \`${path}\` are both named ${JSON.stringify(error.imageName)}: give each image its own \`name\``;
      return new ConfigError('CI_CONFIG_CONFLICT', message, {
        issues: [{ path, message }],
        hint: 'Set `name` on one of them; the name is the repository under each registry.',
      });
    }
    case 'PUBLISH_NAME_REQUIRED':
      return unresolvable(
        `\`${path}\`: ${error.message}`,
        path,
        `Add \`name: app\` to the image (${source}).`,
        error,
      );
    case 'PUBLISH_NO_TAG':
      return unresolvable(
        `\`${path}\`: ${error.message}`,
        path,
        'Add a tag that every build has, such as "{{build.number}}" or "latest".',
        error,
      );
    default:
      return unresolvable(
        `\`${path}\`: ${error.message}`,
        path,
        'Set `name` to a lowercase name such as "app".',
        error,
      );
  }
}

function unresolvable(message: string, path: string, hint: string, cause?: unknown): ConfigError {
  return new ConfigError('CI_CONFIG_UNRESOLVABLE', message, { issues: [{ path, message }], hint, cause });
}

/** The image name a source implies (the planner's; see `defaultImageName`). */
export { defaultImageName as defaultName } from '../../publish/plan/index.js';
