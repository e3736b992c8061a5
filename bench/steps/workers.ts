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

type Side = 'one' | 'many';
type Method = 'HEAD' | 'GET';

/** Measures manifest HEAD and GET with one process and with {@link WORKERS} workers. */
export async function workersStep(ctx: StepContext): Promise<Figure[]> {
  const { options, progress } = ctx;
  const samples: Record<Method, Record<Side, LoadResult[]>> = {
    HEAD: { one: [], many: [] },
    GET: { one: [], many: [] },
  };
  const cpuPerRequest: Record<Method, Record<Side, number[]>> = {
    HEAD: { one: [], many: [] },
    GET: { one: [], many: [] },
  };
  for (let run = 1; run <= options.runs; run++) {
    for (const side of alternate<Side>(run, 'one', 'many')) {
      const dir = join(ctx.work, `workers-${side}-${run}`);
      const serveArgs = side === 'many' ? ['--workers', String(WORKERS)] : [];
      const registry = await startRegistry('ours', dir, [], undefined, serveArgs);
      try {
        await pushSmallImage(registry);
        for (const method of ['HEAD', 'GET'] as const) {
          progress.step(
            `manifest ${method} × ${options.connections} connections, ${side === 'many' ? `--workers ${WORKERS}` : 'one process'} (run ${run}/${options.runs})`,
          );
          let start = 0;
          const result = await runLoad({
            url: `${registry.url}/v2/${REPOSITORY}/manifests/latest`,
            method,
            headers: { Accept: ACCEPT_MANIFESTS },
            connections: options.connections,
            durationMs: options.durationMs,
            // The primary and its workers: the primary only relays messages, the workers serve.
            onMeasureStart: () => (start = treeCpuSeconds(registry.pid)),
          });
          cpuPerRequest[method][side].push(
            ((treeCpuSeconds(registry.pid) - start) / (result.ok + result.failed)) * 1e6,
          );
          if (result.failed > 0)
            ctx.warnings.push(`workers: ${result.failed} manifest ${method} requests failed (${side})`);
          samples[method][side].push(result);
        }
      } finally {
        await registry.stop();
      }
    }
  }
  const who = { ours: `registry serve --workers ${WORKERS}`, peer: 'registry serve (one process)' };
  return (['HEAD', 'GET'] as const).flatMap((method): Figure[] => {
    const m = method.toLowerCase();
    const clientCpu = median(samples[method].many.map((r) => r.clientCpuSeconds / r.seconds));
    return [
      {
        id: `workers.${m}.rps`,
        label: `manifest ${method} at ${options.connections} connections, ${WORKERS} workers vs one process`,
        unit: 'req/s',
        ours: samples[method].many.map((r) => r.rps),
        peer: samples[method].one.map((r) => r.rps),
        who,
        target: { on: 'ratio', op: '>=', value: 1.8 },
        bound:
          `the machine has 2 cores and the load generator runs on them too: it used ${clientCpu.toFixed(2)} CPU-s ` +
          `per second during the ${WORKERS}-worker runs, so the workers had about ${(2 - clientCpu).toFixed(2)} cores ` +
          `between them, not 2. Each worker spends the same CPU per request as one process (nothing is shared on ` +
          `the read path: tags and links are answered from each worker's memory), so the ratio follows the cores left.`,
      },
      {
        id: `workers.${m}.cpu`,
        label: `registry CPU per manifest ${method} (all processes), ${WORKERS} workers vs one process`,
        unit: 'µs',
        ours: cpuPerRequest[method].many,
        peer: cpuPerRequest[method].one,
        who,
      },
      {
        id: `workers.${m}.p99`,
        label: `manifest ${method} p99 latency, ${WORKERS} workers vs one process`,
        unit: 'ms',
        ours: samples[method].many.map((r) => r.p99Ms),
        peer: samples[method].one.map((r) => r.p99Ms),
        who,
      },
    ];
  });
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
