/**
 * Peak RSS (issue 7, item 4): one large blob streams into a fresh registry (a streamed PATCH with
 * no length, then `PUT ?digest=`) and back out (GET, hashed and checked), and the registry
 * process's peak RSS (`VmHWM`, from its start) is read. One run per registry: the peak does not
 * move between runs, and two 4 GiB round trips per run would double the time.
 */
import { createHash, randomFillSync } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { BenchError } from '../lib/errors.js';
import type { Figure } from '../lib/figures.js';
import type { BenchRegistry, RegistryKind } from '../lib/registries.js';
import { rssMiB } from '../lib/proc.js';
import { MiB, formatSize } from '../lib/size.js';
import { rssBound } from './bounds.js';
import { REGISTRY_WHO, withRegistry, type StepContext } from './context.js';

interface RssSample {
  /** RSS right after start, before the blob. */
  idleMiB: number;
  peakMiB: number;
  uploadMiBs: number;
  downloadMiBs: number;
}

/** Streams the blob through each registry and returns the figures. */
export async function rssStep(ctx: StepContext): Promise<Figure[]> {
  const size = ctx.options.blobBytes;
  const samples = {} as Record<RegistryKind, RssSample>;
  for (const kind of ['ours', 'distribution'] as const) {
    ctx.progress.step(`peak RSS: ${formatSize(size)} blob in and out of ${kind}`);
    samples[kind] = await withRegistry(ctx, kind, join(ctx.work, `rss-${kind}`), (registry) =>
      roundTrip(ctx, registry, size),
    );
  }
  const label = formatSize(size);
  const who = REGISTRY_WHO;
  const pick = (key: keyof RssSample): { ours: number[]; peer: number[] } => ({
    ours: [samples.ours[key]],
    peer: [samples.distribution[key]],
  });
  return [
    {
      id: 'registry.rss.peak',
      label: `registry peak RSS, ${label} blob in and out (1 run)`,
      unit: 'MiB',
      ...pick('peakMiB'),
      who,
      // Issue 16 (issue 7 asked for 100 MiB).
      target: { on: 'ours', op: '<=', value: 80 },
      bound: rssBound(samples.ours.idleMiB, samples.ours.peakMiB),
    },
    {
      id: 'registry.blob.upload',
      label: `${label} blob upload (streamed PATCH)`,
      unit: 'MiB/s',
      ...pick('uploadMiBs'),
      who,
    },
    {
      id: 'registry.blob.download',
      label: `${label} blob download (GET)`,
      unit: 'MiB/s',
      ...pick('downloadMiBs'),
      who,
    },
  ];
}

async function roundTrip(ctx: StepContext, registry: BenchRegistry, size: number): Promise<RssSample> {
  const idleMiB = rssMiB(registry.pid);
  const base = `${registry.url}/v2/bench/blob/blobs`;
  const chunk = Buffer.allocUnsafe(MiB);
  randomFillSync(chunk);
  const hash = createHash('sha256');
  let sent = 0;
  async function* body(): AsyncGenerator<Buffer> {
    for (let left = size; left > 0; left -= chunk.length) {
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      hash.update(part);
      sent += part.length;
      ctx.progress.detail(`${formatSize(sent)} up`);
      yield part;
    }
  }
  let started = performance.now();
  let location = await call('POST', `${base}/uploads/`, 202);
  location = await call('PATCH', location, 202, Readable.from(body()));
  const digest = `sha256:${hash.digest('hex')}`;
  await call('PUT', `${location}${location.includes('?') ? '&' : '?'}digest=${digest}`, 201);
  const uploadMiBs = size / MiB / ((performance.now() - started) / 1000);

  started = performance.now();
  const response = await request(`${base}/${digest}`);
  if (response.statusCode !== 200)
    throw new BenchError('BENCH_HTTP', `GET blob from ${registry.kind} answered ${response.statusCode}`);
  const check = createHash('sha256');
  let received = 0;
  for await (const part of response.body) {
    check.update(part as Buffer);
    received += (part as Buffer).length;
  }
  const downloadMiBs = size / MiB / ((performance.now() - started) / 1000);
  if (received !== size || `sha256:${check.digest('hex')}` !== digest) {
    throw new BenchError(
      'BENCH_HTTP',
      `${registry.kind} returned ${received} bytes that do not match the ${size} uploaded`,
    );
  }
  return { idleMiB, peakMiB: registry.peakRssMiB(), uploadMiBs, downloadMiBs };

  async function call(
    method: 'POST' | 'PATCH' | 'PUT',
    url: string,
    expected: number,
    payload?: Readable,
  ): Promise<string> {
    const res = await request(url, {
      method,
      ...(payload ? { body: payload, headers: { 'content-type': 'application/octet-stream' } } : {}),
    });
    const text = await res.body.text();
    if (res.statusCode !== expected) {
      throw new BenchError(
        'BENCH_HTTP',
        `${method} ${url} answered ${res.statusCode}, expected ${expected} (${registry.kind}): ${text.slice(0, 300)}`,
      );
    }
    const location = res.headers.location;
    return new URL(String(Array.isArray(location) ? location[0] : (location ?? url)), registry.url).href;
  }
}
