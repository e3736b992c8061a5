/**
 * The CI-neutral publish planner: from images as an adapter read them (a source, maybe a name,
 * tag templates) to what to push — each image's name, rendered tags and every reference. The
 * Buildkite plugin and the GitHub Action call this; they only translate their input syntax and
 * turn a {@link PlanError} into their own error, naming their input.
 */
import { ContainerPackageError, type ErrorCode } from '../../errors.js';
import { formatReference, parseRepositoryPath, type TagContext } from '../../reference/index.js';
import type { SourceSpec } from '../../sources/spec.js';
import { targetReference, type RegistryTarget } from '../targets.js';
import { defaultImageName } from './default-name.js';
import { renderTags } from './tags.js';

/** One image as an adapter read it. */
export interface ImageToPlan {
  /** The source as written: `docker:app:ci`, `oci:build/web-image`. */
  readonly source: string;
  readonly spec: SourceSpec;
  /** The name written for it; taken from the source when undefined. */
  readonly name?: string | undefined;
  /** Tag templates; the defaults when empty. */
  readonly templates: readonly string[];
}

/** One image to push. */
export interface PlannedImageSet {
  readonly source: string;
  readonly spec: SourceSpec;
  /** Repository name under each registry: `app`, `team/app`. */
  readonly name: string;
  /** Rendered, sanitised, de-duplicated tags, in the order written. Never empty. */
  readonly tags: readonly string[];
  /** Templates dropped because this build lacks their value. */
  readonly skippedTags: readonly string[];
  /** `{registry prefix}/{name}:{tag}` for every registry (outer) and tag (inner). */
  readonly references: readonly string[];
}

/** Why an image cannot be planned; `index` is its position in the adapter's list. */
export class PlanError extends ContainerPackageError {
  readonly index: number;
  /** For `PUBLISH_DUPLICATE_NAME`: the position of the first image with that name. */
  readonly earlier: number | undefined;
  /** The image's name, once known. */
  readonly imageName: string | undefined;
  constructor(
    code: Extract<ErrorCode, `PUBLISH_${string}`>,
    index: number,
    message: string,
    details: { hint?: string; cause?: unknown; earlier?: number; imageName?: string } = {},
  ) {
    super(code, message, details);
    this.name = 'PlanError';
    this.index = index;
    this.earlier = details.earlier;
    this.imageName = details.imageName;
  }
}

/**
 * Plans every image for `registries` and this build's `context`.
 *
 * @throws {PlanError} `PUBLISH_NAME_REQUIRED` (no name given and none in the source),
 *   `PUBLISH_INVALID_NAME` (a name, or a reference built with it, is invalid),
 *   `PUBLISH_DUPLICATE_NAME` (two images with one name), `PUBLISH_NO_TAG` (every template needs a
 *   value this build lacks); TagTemplateError `REF_TEMPLATE_*` for an invalid template
 */
export function planImageSet(
  images: readonly ImageToPlan[],
  registries: readonly RegistryTarget[],
  context: TagContext,
): PlannedImageSet[] {
  const names = new Map<string, number>();
  return images.map((image, index) => {
    const name = imageName(image, index);
    const earlier = names.get(name);
    if (earlier !== undefined) {
      throw new PlanError('PUBLISH_DUPLICATE_NAME', index, `two images are named ${JSON.stringify(name)}`, {
        earlier,
        imageName: name,
        hint: 'give each image its own name: the name is the repository under each registry',
      });
    }
    names.set(name, index);
    const { tags, skipped } = renderTags(image.templates, context);
    if (tags.length === 0) {
      throw new PlanError(
        'PUBLISH_NO_TAG',
        index,
        `no tag is left for ${name}: every template needs a value this build does not have (${skipped.join(', ')})`,
        { hint: 'add a tag every build has, such as "{{build.number}}" or "latest"' },
      );
    }
    const references = registries.flatMap((target) =>
      tags.map((tag) => {
        try {
          return formatReference(targetReference(target, name, tag));
        } catch (error) {
          throw new PlanError(
            'PUBLISH_INVALID_NAME',
            index,
            `${name} cannot be pushed to ${target.prefix}: ${(error as Error).message}`,
            { cause: error, hint: 'use a shorter, lowercase name such as "app"' },
          );
        }
      }),
    );
    return { source: image.source, spec: image.spec, name, tags, skippedTags: skipped, references };
  });
}

function imageName(image: ImageToPlan, index: number): string {
  const name = image.name ?? defaultImageName(image.spec);
  if (name === undefined) {
    throw new PlanError(
      'PUBLISH_NAME_REQUIRED',
      index,
      `cannot take an image name from the source ${JSON.stringify(image.source)}`,
    );
  }
  try {
    return parseRepositoryPath(name);
  } catch (error) {
    throw new PlanError(
      'PUBLISH_INVALID_NAME',
      index,
      `invalid image name ${JSON.stringify(name)}: ${(error as Error).message}`,
      {
        cause: error,
        hint: 'a name is lowercase letters, digits and ".", "_", "-", with "/" between parts: "app", "team/app"',
      },
    );
  }
}
