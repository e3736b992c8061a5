/**
 * Start-up figures (issue 7, item 5; issue 16): `container-package --version` beside `skopeo
 * --version`: wall time, CPU time and peak RSS. The hooks' figures are the `hooks` step's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PEAK_RSS, runTimed, type TimedRun } from '../lib/command.js';
import type { Figure } from '../lib/figures.js';
import { CLI, ROOT } from '../lib/paths.js';
import { cliStartBound } from './bounds.js';
import type { StepContext } from './context.js';

/** Times the CLI start `max(7, runs × 3)` times (once with `--quick`). */
export async function startupStep(ctx: StepContext): Promise<Figure[]> {
  const count = ctx.options.quick ? 1 : Math.max(7, ctx.options.runs * 3);
  const ours: TimedRun[] = [];
  const peer: TimedRun[] = [];
  for (let i = 1; i <= count; i++) {
    ctx.progress.step(`CLI start, run ${i}/${count}`);
    ours.push(await runTimed(process.execPath, [CLI, '--version'], { peakRss: true }));
    peer.push(await ctx.skopeo.version());
  }
  const who = { ours: 'node bin/container-package --version', peer: 'skopeo --version' };
  const figures: Figure[] = [
    {
      id: 'cli.start',
      label: 'CLI start (--version)',
      unit: 'ms',
      ours: ours.map((r) => r.wallSeconds * 1000),
      peer: peer.map((r) => r.wallSeconds * 1000),
      who,
      target: { on: 'ours', op: '<=', value: 100 },
      bound: cliStartBound(ctx.machine, bundleMiB()),
    },
    {
      id: 'cli.start.cpu',
      label: 'CLI start CPU',
      unit: 'CPU-ms',
      ours: ours.map((r) => r.cpuSeconds * 1000),
      peer: peer.map((r) => r.cpuSeconds * 1000),
      who,
    },
    {
      id: 'cli.start.rss',
      label: 'CLI start peak RSS',
      unit: 'MiB',
      ours: ours.map((r) => r.peakRssMiB),
      peer: peer.map((r) => r.peakRssMiB),
      who,
    },
  ];
  return figures.filter((f) => PEAK_RSS || !f.id.endsWith('.rss'));
}

function bundleMiB(): string {
  try {
    return (readFileSync(join(ROOT, 'dist', 'cli.js')).length / 1024 / 1024).toFixed(1);
  } catch {
    return '?';
  }
}
