/**
 * Registry figures (issue 7, items 1 and 2): skopeo copies the test image into a fresh registry
 * (`--preserve-digests`, so the registry receives exactly the layout's bytes) and back out to a
 * `dir:`, then a closed-loop load of manifest HEAD and GET requests runs against it. Ours and
 * distribution take turns; CPU time is the registry process's own, from /proc.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Figure } from '../lib/figures.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import type { BenchRegistry, RegistryKind } from '../lib/registries.js';
import { GiB, MiB, formatSize } from '../lib/size.js';
import { median } from '../lib/stats.js';
import { pullBound, pushCpuBound, pushWallBound } from './bounds.js';
import { REGISTRY_WHO, alternate, withRegistry, type StepContext } from './context.js';
import { manifestFigures } from './manifest-figures.js';
import { checkManifest } from './verify.js';

/** Samples of one registry. */
export interface RegistrySamples {
  pushWall: number[];
  pushCpu: number[];
  pullWall: number[];
  pullCpu: number[];
  head: LoadResult[];
  get: LoadResult[];
  /** Registry CPU seconds per request during the counted load. */
  headCpu: number[];
  getCpu: number[];
}

/** Accept header of a client that reads every manifest type (as docker and containerd send). */
export const ACCEPT_MANIFESTS = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

/** Runs the registry measurements and returns their figures. */
export async function registryStep(ctx: StepContext): Promise<Figure[]> {
  const samples: Record<RegistryKind, RegistrySamples> = {
    ours: emptySamples(),
    distribution: emptySamples(),
  };
  const { runs } = ctx.options;
  for (let run = 1; run <= runs; run++) {
    for (const kind of alternate<RegistryKind>(run, 'ours', 'distribution')) {
      const dir = join(ctx.work, `registry-${kind}-${run}`);
      await withRegistry(ctx, kind, dir, (registry) =>
        measure(ctx, registry, dir, `${kind}, run ${run}/${runs}`, samples[kind]),
      );
    }
  }
  return [...transferFigures(ctx, samples), ...manifestFigures(ctx, samples)];
}

/**
 * Longest a push or pull of the image may take before the run is given up: seconds when all is
 * well, so only a stuck transfer (seen with distribution on Ceph's gateway) reaches it.
 */
const TRANSFER_TIMEOUT_MS = 180_000;

/** Pushes, pulls and loads one registry, adding to `s`. */
export async function measure(
  ctx: StepContext,
  registry: BenchRegistry,
  dir: string,
  what: string,
  s: RegistrySamples,
): Promise<void> {
  const { skopeo, image, progress, options } = ctx;
  const remote = `docker://${registry.host}/bench/image:${image.tag}`;
  const cacheDir = join(dir, 'skopeo-cache');
  progress.step(`registry push (skopeo → ${what})`);
  let cpu = registry.cpuSeconds();
  const push = await skopeo.copy(image.reference, remote, {
    preserveDigests: true,
    cacheDir,
    timeoutMs: TRANSFER_TIMEOUT_MS,
  });
  s.pushCpu.push(registry.cpuSeconds() - cpu);
  s.pushWall.push(push.wallSeconds);
  await checkManifest(registry, image, ctx.warnings);

  progress.step(`registry pull (${what} → skopeo dir:)`);
  const pulled = join(dir, 'pulled');
  cpu = registry.cpuSeconds();
  const pull = await skopeo.copy(remote, `dir:${pulled}`, { cacheDir, timeoutMs: TRANSFER_TIMEOUT_MS });
  s.pullCpu.push(registry.cpuSeconds() - cpu);
  s.pullWall.push(pull.wallSeconds);
  await rm(pulled, { recursive: true, force: true });

  for (const method of ['HEAD', 'GET'] as const) {
    progress.step(`manifest ${method} × ${options.connections} connections (${what})`);
    let start = 0;
    const result = await runLoad({
      url: `${registry.url}/v2/bench/image/manifests/${image.tag}`,
      method,
      headers: { Accept: ACCEPT_MANIFESTS },
      connections: options.connections,
      durationMs: options.durationMs,
      onMeasureStart: () => (start = registry.cpuSeconds()),
    });
    const perRequest = (registry.cpuSeconds() - start) / (result.ok + result.failed);
    if (result.failed > 0)
      ctx.warnings.push(`${registry.kind}: ${result.failed} manifest ${method} requests failed (${what})`);
    (method === 'HEAD' ? s.head : s.get).push(result);
    (method === 'HEAD' ? s.headCpu : s.getCpu).push(perRequest);
  }
}

function transferFigures(ctx: StepContext, samples: Record<RegistryKind, RegistrySamples>): Figure[] {
  const { image, machine } = ctx;
  const size = formatSize(image.bytes);
  const gib = image.bytes / GiB;
  const mibs = (walls: number[]): number[] => walls.map((w) => image.bytes / MiB / w);
  const perGiB = (cpus: number[]): number[] => cpus.map((c) => c / gib);
  const { ours, distribution: peer } = samples;
  const who = REGISTRY_WHO;
  return [
    {
      id: 'registry.push.wall',
      label: `registry push ${size} (skopeo --preserve-digests), wall`,
      unit: 's',
      ours: ours.pushWall,
      peer: peer.pushWall,
      who,
      target: { on: 'ratio', op: '<=', value: 0.8 },
      bound: pushWallBound(machine),
    },
    {
      id: 'registry.push.rate',
      label: `registry push ${size}, throughput`,
      unit: 'MiB/s',
      ours: mibs(ours.pushWall),
      peer: mibs(peer.pushWall),
      who,
    },
    {
      id: 'registry.push.cpu',
      label: 'registry CPU per GiB pushed',
      unit: 'CPU-s/GiB',
      ours: perGiB(ours.pushCpu),
      peer: perGiB(peer.pushCpu),
      who,
      target: { on: 'ratio', op: '<=', value: 0.6 },
      bound: pushCpuBound(machine),
    },
    {
      id: 'registry.pull.rate',
      label: `registry pull ${size} (skopeo → dir:), throughput`,
      unit: 'MiB/s',
      ours: mibs(ours.pullWall),
      peer: mibs(peer.pullWall),
      who,
      target: { on: 'ratio', op: '>=', value: 1.0 },
      bound: pullBound(median(perGiB(ours.pullCpu)), median(perGiB(peer.pullCpu))),
    },
    {
      id: 'registry.pull.cpu',
      label: 'registry CPU per GiB pulled',
      unit: 'CPU-s/GiB',
      ours: perGiB(ours.pullCpu),
      peer: perGiB(peer.pullCpu),
      who,
    },
  ];
}

export function emptySamples(): RegistrySamples {
  return { pushWall: [], pushCpu: [], pullWall: [], pullCpu: [], head: [], get: [], headCpu: [], getCpu: [] };
}
