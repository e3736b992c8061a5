/**
 * `registry serve --workers 2` against one process (issue 14, item 4): manifest HEAD throughput
 * at the run's connection count on the same small image, the two taking turns. The load
 * generator is one Node.js process on the same 2 cores, so the scaling measured here is bounded
 * by what it leaves the workers (its CPU is reported with the figure).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { BenchError } from '../lib/errors.js';
import type { Figure } from '../lib/figures.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import { treeCpuSeconds } from '../lib/proc.js';
import { startRegistry, type BenchRegistry } from '../lib/registries.js';
import { median } from '../lib/stats.js';
import { alternate, type StepContext } from './context.js';
import { ACCEPT_MANIFESTS } from './registry.js';

const WORKERS = 2;
const REPOSITORY = 'bench/workers';

/** Measures manifest HEAD with one process and with {@link WORKERS} workers. */
export async function workersStep(ctx: StepContext): Promise<Figure[]> {
  const { options, progress } = ctx;
  const samples: Record<'one' | 'many', LoadResult[]> = { one: [], many: [] };
  const cpuPerRequest: Record<'one' | 'many', number[]> = { one: [], many: [] };
  for (let run = 1; run <= options.runs; run++) {
    for (const side of alternate<'one' | 'many'>(run, 'one', 'many')) {
      const dir = join(ctx.work, `workers-${side}-${run}`);
      const serveArgs = side === 'many' ? ['--workers', String(WORKERS)] : [];
      const registry = await startRegistry('ours', dir, [], undefined, serveArgs);
      try {
        await pushSmallImage(registry);
        progress.step(
          `manifest HEAD × ${options.connections} connections, ${side === 'many' ? `--workers ${WORKERS}` : 'one process'} (run ${run}/${options.runs})`,
        );
        let start = 0;
        const result = await runLoad({
          url: `${registry.url}/v2/${REPOSITORY}/manifests/latest`,
          method: 'HEAD',
          headers: { Accept: ACCEPT_MANIFESTS },
          connections: options.connections,
          durationMs: options.durationMs,
          // The primary and its workers: the primary only routes messages, the workers serve.
          onMeasureStart: () => (start = treeCpuSeconds(registry.pid)),
        });
        cpuPerRequest[side].push(
          ((treeCpuSeconds(registry.pid) - start) / (result.ok + result.failed)) * 1e6,
        );
        if (result.failed > 0)
          ctx.warnings.push(`workers: ${result.failed} manifest HEAD requests failed (${side})`);
        samples[side].push(result);
      } finally {
        await registry.stop();
      }
    }
  }
  const clientCpu = median(samples.many.map((r) => r.clientCpuSeconds / r.seconds));
  const who = { ours: `registry serve --workers ${WORKERS}`, peer: 'registry serve (one process)' };
  return [
    {
      id: 'workers.head.rps',
      label: `manifest HEAD at ${options.connections} connections, ${WORKERS} workers vs one process`,
      unit: 'req/s',
      ours: samples.many.map((r) => r.rps),
      peer: samples.one.map((r) => r.rps),
      who,
      target: { on: 'ratio', op: '>=', value: 1.8 },
      bound:
        `the machine has 2 cores and the load generator runs on them too: it used ${clientCpu.toFixed(2)} CPU-s ` +
        `per second during the ${WORKERS}-worker runs, so the workers had about ${(2 - clientCpu).toFixed(2)} cores ` +
        `between them, not 2. Each worker spends the same CPU per request as one process (nothing is shared on ` +
        `the read path: tags and links are answered from each worker's memory), so the ratio follows the cores left.`,
    },
    {
      id: 'workers.head.cpu',
      label: `registry CPU per manifest HEAD (all processes), ${WORKERS} workers vs one process`,
      unit: 'µs',
      ours: cpuPerRequest.many,
      peer: cpuPerRequest.one,
      who,
    },
    {
      id: 'workers.head.p99',
      label: `manifest HEAD p99 latency, ${WORKERS} workers vs one process`,
      unit: 'ms',
      ours: samples.many.map((r) => r.p99Ms),
      peer: samples.one.map((r) => r.p99Ms),
      who,
    },
  ];
}

/** A config blob, a layer and a manifest tagged `latest`, pushed with plain HTTP. */
async function pushSmallImage(registry: BenchRegistry): Promise<void> {
  const blob = async (bytes: Buffer): Promise<{ digest: string; size: number }> => {
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const response = await fetch(`${registry.url}/v2/${REPOSITORY}/blobs/uploads/?digest=${digest}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: bytes,
    });
    await response.body?.cancel();
    if (response.status !== 201)
      throw new BenchError('BENCH_COMMAND_FAILED', `blob push: ${response.status}`);
    return { digest, size: bytes.length };
  };
  const config = await blob(
    Buffer.from('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'),
  );
  const layer = await blob(Buffer.from('bench workers layer'));
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
  });
  const response = await fetch(`${registry.url}/v2/${REPOSITORY}/manifests/latest`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
    body: manifest,
  });
  await response.body?.cancel();
  if (response.status !== 201)
    throw new BenchError('BENCH_COMMAND_FAILED', `manifest push: ${response.status}`);
}
