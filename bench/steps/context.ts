/** What every step gets: the options, the test image, a work directory, progress and the peers' tools. */
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BenchImage } from '../lib/image.js';
import type { Machine } from '../lib/machine.js';
import type { BenchOptions } from '../lib/options.js';
import { profileArgs } from '../lib/profile.js';
import type { Progress } from '../lib/progress.js';
import { startRegistry, type BenchRegistry, type BenchS3, type RegistryKind } from '../lib/registries.js';
import type { Skopeo } from '../lib/skopeo.js';

/** Who the registry figures compare. */
export const REGISTRY_WHO = {
  ours: 'container-package registry serve',
  peer: 'CNCF distribution (docker-registry serve)',
} as const;

/** The shared state of a run. */
export interface StepContext {
  readonly options: BenchOptions;
  readonly image: BenchImage;
  readonly machine: Machine;
  /** A directory the step may fill; removed at the end of the run. */
  readonly work: string;
  readonly progress: Progress;
  readonly skopeo: Skopeo;
  /** Non-fatal observations for the results (e.g. a saturated load generator). */
  readonly warnings: string[];
}

/**
 * Starts a fresh registry of `kind` in `dir`, runs `body` with it, then stops it and removes its
 * storage whatever happened (its log stays, for `--keep`).
 */
export async function withRegistry<T>(
  ctx: StepContext,
  kind: RegistryKind,
  dir: string,
  body: (registry: BenchRegistry) => Promise<T>,
  s3?: BenchS3,
): Promise<T> {
  const registry = await startRegistry(
    kind,
    dir,
    profileArgs(ctx.options.profileDir, `registry.${basename(dir)}`),
    s3,
  );
  try {
    return await body(registry);
  } finally {
    await registry.stop();
    await rm(join(dir, 'storage'), { recursive: true, force: true });
  }
}

/** The order of the two sides in run `run` (1-based): alternating, so neither always goes first. */
export function alternate<T>(run: number, first: T, second: T): [T, T] {
  return run % 2 === 1 ? [first, second] : [second, first];
}
