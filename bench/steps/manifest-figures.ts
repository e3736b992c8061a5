/** The manifest HEAD/GET figures (issue 7, item 2) from the registry step's load runs. */
import type { Figure } from '../lib/figures.js';
import type { LoadResult } from '../lib/load.js';
import type { RegistryKind } from '../lib/registries.js';
import { median } from '../lib/stats.js';
import { manifestBound } from './bounds.js';
import { REGISTRY_WHO, type StepContext } from './context.js';
import type { RegistrySamples } from './registry.js';

/** Requests/s and p99 for HEAD and GET, and the registry's CPU per request. */
export function manifestFigures(ctx: StepContext, samples: Record<RegistryKind, RegistrySamples>): Figure[] {
  const { ours, distribution: peer } = samples;
  const n = ctx.options.connections;
  const who = REGISTRY_WHO;
  const figures: Figure[] = [];
  for (const method of ['HEAD', 'GET'] as const) {
    const key = method === 'HEAD' ? 'head' : 'get';
    const o = ours[key];
    const p = peer[key];
    const oursCpu = ours[method === 'HEAD' ? 'headCpu' : 'getCpu'];
    const bound = boundText(ctx, o, oursCpu);
    figures.push(
      {
        id: `manifest.${key}.rps`,
        label: `manifest ${method} at ${n} connections`,
        unit: 'req/s',
        ours: o.map((r) => r.rps),
        peer: p.map((r) => r.rps),
        who,
        target: { on: 'ratio', op: '>=', value: 10 },
        bound,
      },
      {
        id: `manifest.${key}.p99`,
        label: `manifest ${method} p99 latency`,
        unit: 'ms',
        ours: o.map((r) => r.p99Ms),
        peer: p.map((r) => r.p99Ms),
        who,
        target: { on: 'ours', op: '<=', value: 20 },
        bound,
      },
      {
        id: `manifest.${key}.cpu`,
        label: `registry CPU per manifest ${method}`,
        unit: 'µs',
        ours: oursCpu.map((c) => c * 1e6),
        peer: peer[method === 'HEAD' ? 'headCpu' : 'getCpu'].map((c) => c * 1e6),
        who,
      },
    );
  }
  return figures;
}

/** Why the rate is what it is: the registry's CPU per request and how busy the load generator was. */
function boundText(
  ctx: StepContext,
  results: readonly LoadResult[],
  cpuPerRequest: readonly number[],
): string {
  return manifestBound(
    ctx.machine,
    median(cpuPerRequest) * 1e6,
    median(results.map((r) => r.clientCpuSeconds / r.seconds)),
  );
}
