/**
 * Small-image warm re-push (issue 16): a 5 MiB single-layer OCI layout already in the registry,
 * pushed again by `container-package push oci:… --compression none` and by `skopeo copy
 * --preserve-digests`, into the same registry (ours), taking turns. Start-up dominates it: every
 * blob is there, so a push is a few HEADs and a manifest PUT. Wall time, CPU time, peak RSS.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PEAK_RSS, runTimed, type TimedRun } from '../lib/command.js';
import type { Figure } from '../lib/figures.js';
import { generateImage } from '../lib/image.js';
import { CLI } from '../lib/paths.js';
import { profileArgs } from '../lib/profile.js';
import { MiB } from '../lib/size.js';
import { warmBound } from './bounds.js';
import { alternate, withRegistry, type StepContext } from './context.js';

/** The image of the figure: small enough that only start-up and round trips count. */
const SMALL_BYTES = 5 * MiB;

/** Seeds the registry with one push of each client, then re-pushes `max(7, runs)` times each. */
export async function repushStep(ctx: StepContext): Promise<Figure[]> {
  const count = ctx.options.quick ? 1 : Math.max(7, ctx.options.runs);
  const dir = join(ctx.work, 'repush-small');
  ctx.progress.step('small image: generating 5 MiB in 1 layer');
  const image = await generateImage({ dir: join(dir, 'image'), totalBytes: SMALL_BYTES, layers: 1 });
  const cacheHome = join(dir, 'xdg-cache');
  const dockerConfig = join(dir, 'docker-config');
  for (const d of [cacheHome, dockerConfig, join(dir, 'tmp')]) mkdirSync(d, { recursive: true });
  const env = {
    ...process.env,
    DOCKER_CONFIG: dockerConfig,
    TMPDIR: join(dir, 'tmp'),
    XDG_CACHE_HOME: cacheHome,
  };
  const ours: TimedRun[] = [];
  const peer: TimedRun[] = [];
  await withRegistry(ctx, 'ours', join(dir, 'registry'), async (registry) => {
    const to = `${registry.host}/bench/small:${image.tag}`;
    const pushOurs = (name: string): Promise<TimedRun> =>
      runTimed(
        process.execPath,
        [
          ...profileArgs(ctx.options.profileDir, `client.${name}`),
          CLI,
          'push',
          image.reference,
          '--to',
          to,
          '--compression',
          'none',
        ],
        { env, peakRss: true },
      );
    const pushSkopeo = (): Promise<TimedRun> =>
      ctx.skopeo.copy(image.reference, `docker://${to}`, {
        preserveDigests: true,
        cacheDir: join(dir, 'skopeo-cache'),
        peakRss: true,
      });
    ctx.progress.step('small image: first pushes (not counted)');
    await pushOurs('repush-small-seed');
    await pushSkopeo();
    for (let run = 1; run <= count; run++) {
      for (const client of alternate(run, 'ours', 'skopeo')) {
        ctx.progress.step(`small image warm re-push: ${client}, run ${run}/${count}`);
        if (client === 'ours') ours.push(await pushOurs(`repush-small-${run}`));
        else peer.push(await pushSkopeo());
      }
    }
  });
  const who = {
    ours: 'container-package push --compression none (5 MiB, 1 layer, warm)',
    peer: 'skopeo copy --preserve-digests (warm)',
  };
  const figures: Figure[] = [
    {
      id: 'client.repush.small.wall',
      label: 'warm re-push 5 MiB, 1 layer',
      unit: 's',
      ours: ours.map((r) => r.wallSeconds),
      peer: peer.map((r) => r.wallSeconds),
      who,
      target: { on: 'ratio', op: '<=', value: 2 },
      bound: warmBound(ctx.machine),
    },
    {
      id: 'client.repush.small.cpu',
      label: 'warm re-push 5 MiB, client CPU',
      unit: 'CPU-s',
      ours: ours.map((r) => r.cpuSeconds),
      peer: peer.map((r) => r.cpuSeconds),
      who,
    },
    {
      id: 'client.repush.small.rss',
      label: 'warm re-push 5 MiB, client peak RSS',
      unit: 'MiB',
      ours: ours.map((r) => r.peakRssMiB),
      peer: peer.map((r) => r.peakRssMiB),
      who,
    },
  ];
  return figures.filter((f) => PEAK_RSS || !f.id.endsWith('.rss'));
}
