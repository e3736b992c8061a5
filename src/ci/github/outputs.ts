/**
 * The step's outputs and job summary: what was pushed, as values later steps read
 * (`steps.<id>.outputs.digest`, `...images`, `...pull-instructions`, `...local-registry`) and as
 * the Markdown of the job summary. The values are built by pure functions; `writeOutputs` and
 * `writeSummary` are the only writers.
 */
import * as core from '@actions/core';
import { parseReference } from '../../reference/index.js';
import type { PublishedImage } from '../../render/index.js';

/** Every output of `action.yml`, by name. `action.yml` declares exactly these (a unit test checks). */
export const OUTPUT_NAMES = ['digest', 'images', 'pull-instructions', 'local-registry'] as const;

/** The name of an output. */
export type OutputName = (typeof OUTPUT_NAMES)[number];

/** One image pushed to one registry, as the `images` output lists it. */
export interface ImageOutput {
  readonly name: string;
  /** The source as written: `docker:app:ci`. */
  readonly source: string;
  /** `host[:port]/path/name`: where it went. */
  readonly repository: string;
  /** Manifest (or index) digest: `sha256:…`. */
  readonly digest: string;
  readonly mediaType: string;
  /** Bytes of manifest, config and layers. */
  readonly size: number;
  /** Present for multi-platform images: `linux/amd64`, ... */
  readonly platforms?: readonly string[];
  readonly tags: readonly string[];
  /** Every tagged reference pushed: `repository:tag`. */
  readonly references: readonly string[];
  /** `repository@digest`: the reference to deploy. */
  readonly pinned: string;
}

/** The `images` output: one entry per image and registry, in push order. */
export function imagesOutput(results: readonly PublishedImage[]): ImageOutput[] {
  return results.map((image) => {
    const parsed = image.references.map((reference) => parseReference(reference));
    const first = parsed[0];
    const repository = first === undefined ? image.name : `${first.registry}/${first.repository}`;
    return {
      name: image.name,
      source: image.source,
      repository,
      digest: image.digest,
      mediaType: image.mediaType,
      size: image.size,
      ...(image.platforms !== undefined && { platforms: image.platforms }),
      tags: parsed.map((ref) => ref.tag).filter((tag): tag is string => tag !== undefined),
      references: image.references,
      pinned: `${repository}@${image.digest}`,
    };
  });
}

/**
 * Every output value: `digest` is the first image's digest (`''` when nothing was pushed),
 * `images` the JSON of {@link imagesOutput}, `pull-instructions` the Markdown, and
 * `local-registry` the local registry's `127.0.0.1:PORT` (`''` without one).
 */
export function actionOutputs(
  results: readonly PublishedImage[],
  pullInstructions: string,
  localRegistry: string | undefined,
): Record<OutputName, string> {
  return {
    digest: results[0]?.digest ?? '',
    images: JSON.stringify(imagesOutput(results)),
    'pull-instructions': pullInstructions,
    'local-registry': localRegistry ?? '',
  };
}

/** Sets each output with `core.setOutput` (the runner reads them from `GITHUB_OUTPUT`). */
export function writeOutputs(outputs: Readonly<Partial<Record<OutputName, string>>>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

/**
 * Appends `markdown` to the job summary (`GITHUB_STEP_SUMMARY`). Outside a runner (no such
 * variable) it only logs that there is nowhere to write. Never throws: a summary that cannot be
 * written is a warning, not a failed push.
 */
export async function writeSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if ((env.GITHUB_STEP_SUMMARY ?? '') === '') {
    core.info('GITHUB_STEP_SUMMARY is not set: no job summary written');
    return;
  }
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}`);
  } finally {
    core.summary.emptyBuffer();
  }
}
