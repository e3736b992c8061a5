/**
 * Turns the `images` and `tags` options into {@link PlannedImage} values: parses each source,
 * picks the image name (given, or taken from the source), renders the tag templates for this
 * build and builds every reference.
 */
import {
  formatReference,
  imageInRegistry,
  parseReference,
  renderTagTemplate,
  type TagContext,
} from '../../reference/index.js';
import { parseSource, type SourceSpec } from '../../sources/spec.js';
import type { PluginConfig } from './config.js';
import { ConfigError } from './errors.js';
import type { PlannedImage, PlannedRegistry } from './publish-plan.js';

/** Tags of an image when neither it nor the top level lists any. */
export const DEFAULT_TAGS: readonly string[] = ['{{build.number}}'];

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
  const names = new Map<string, number>();
  return (config.images ?? []).map((item, i) => {
    const {
      source,
      name: given,
      tags: own,
    } = typeof item === 'string' ? { source: item, name: undefined, tags: undefined } : item;
    const path = `images[${i}]`;
    const spec = parseSource(source);
    const name = given ?? defaultName(spec);
    if (name === undefined) {
      throw unresolvable(
        `\`${path}\`: cannot take an image name from the source ${JSON.stringify(source)}`,
        path,
        'Add `name: app` to the image.',
      );
    }
    const earlier = names.get(name);
    if (earlier !== undefined) {
      const message = `\`images[${earlier}]\` and \`${path}\` are both named ${JSON.stringify(name)}: give each image its own \`name\``;
      throw new ConfigError('CI_CONFIG_CONFLICT', message, {
        issues: [{ path, message }],
        hint: 'Set `name` on one of them; the name is the repository under each registry.',
      });
    }
    names.set(name, i);
    const templates = own ?? config.tags ?? DEFAULT_TAGS;
    const { tags, skipped } = renderTags(templates, context);
    if (tags.length === 0) {
      throw unresolvable(
        `\`${path}\`: no tag is left for ${name}: every template needs a value this build does not have (${skipped.join(', ')})`,
        path,
        'Add a tag that every build has, such as "{{build.number}}" or "latest".',
      );
    }
    const references = registries.flatMap(({ target }) =>
      tags.map((tag) => {
        try {
          return formatReference(imageInRegistry(target, name, tag));
        } catch (error) {
          throw unresolvable(
            `\`${path}\`: ${(error as Error).message}`,
            path,
            'Set `name` to a lowercase name such as "app".',
            error,
          );
        }
      }),
    );
    const outputKeys =
      outputPrefix === undefined
        ? undefined
        : { digest: `${outputPrefix}:${name}:digest`, references: `${outputPrefix}:${name}:references` };
    return { source, spec, name, tags, skippedTags: skipped, references, outputKeys };
  });
}

function renderTags(
  templates: readonly string[],
  context: TagContext,
): { tags: string[]; skipped: string[] } {
  const tags: string[] = [];
  const skipped: string[] = [];
  for (const template of templates) {
    const tag = renderTagTemplate(template, context, { missing: 'skip' });
    if (tag === undefined) skipped.push(template);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  return { tags, skipped };
}

/**
 * The image name a source implies: the last path component of an engine or registry reference
 * (`docker:ghcr.io/acme/app:ci` gives `app`), of a docker archive's reference, or else the file or
 * directory name without `.tar`, `.tar.gz`, `.tgz` or `.oci` (`oci:build/web-image` gives
 * `web-image`), lower-cased with other characters turned into `-`. `undefined` when nothing usable is left.
 */
export function defaultName(spec: SourceSpec): string | undefined {
  switch (spec.kind) {
    case 'docker':
    case 'podman':
    case 'registry':
      return lastComponent(spec.reference.repository);
    case 'docker-archive':
      if (spec.select.by === 'reference')
        return lastComponent(parseReference(spec.select.reference).repository);
      return fileStem(spec.path);
    case 'oci':
    case 'oci-archive':
      return fileStem(spec.path);
  }
}

function lastComponent(repository: string): string {
  return repository.slice(repository.lastIndexOf('/') + 1);
}

function fileStem(path: string): string | undefined {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  const stem = base.replace(/\.(tar\.gz|tgz|tar|oci)$/i, '');
  const name = stem
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(name) ? name : undefined;
}

function unresolvable(message: string, path: string, hint: string, cause?: unknown): ConfigError {
  return new ConfigError('CI_CONFIG_UNRESOLVABLE', message, { issues: [{ path, message }], hint, cause });
}
