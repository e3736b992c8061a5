/**
 * `npm run bench -- manifest-flood [--puts 8] [--layers 27053] [--json]`: the manifest flood of
 * issue 15. Starts our registry (`registry serve`, a separate process), pushes one layer and a
 * config, then PUTs one manifest listing that layer `--layers` times (about 4 MiB), timed alone,
 * then `--puts` such manifests at once (distinct by an annotation). Reports the registry's RSS
 * before, its peak (VmHWM) during the flood, and its RSS 5 s after, plus each PUT's time.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssMiB, peakRssMiB } from './lib/proc.js';
import { startRegistry } from './lib/registries.js';

const LAYER_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip';

interface FloodOptions {
  puts: number;
  layers: number;
  json: boolean;
}

function parse(argv: readonly string[]): FloodOptions {
  const options: FloodOptions = { puts: 8, layers: 27_053, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--puts' || arg === '--layers') {
      const value = Number(argv[++i]);
      if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${arg}: expected a positive integer`);
      options[arg === '--puts' ? 'puts' : 'layers'] = value;
    } else throw new Error(`unknown argument ${arg}; use --puts N, --layers N, --json`);
  }
  return options;
}

const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

async function pushBlob(base: string, repository: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  const start = await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  await start.body?.cancel();
  const location = new URL(start.headers.get('location')!, base);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, { method: 'PUT', body: bytes });
  await put.body?.cancel();
  if (put.status !== 201) throw new Error(`blob PUT answered ${put.status}`);
  return digest;
}

function manifestOf(
  config: { digest: string; size: number },
  layer: string,
  layers: number,
  n: number,
): Buffer {
  const entry = { mediaType: LAYER_TYPE, digest: layer, size: 1024 };
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: Array.from({ length: layers }, () => entry),
      annotations: { n: String(n) },
    }),
  );
}

async function putManifest(
  base: string,
  tag: string,
  bytes: Buffer,
): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${base}/v2/flood/app/manifests/${tag}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
    body: bytes,
  });
  await response.body?.cancel();
  return { status: response.status, ms: Math.round(performance.now() - started) };
}

/** Runs the flood; resolves the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const options = parse(argv);
  const work = mkdtempSync(join(tmpdir(), 'cp-flood-'));
  const registry = await startRegistry('ours', join(work, 'ours'));
  try {
    const base = registry.url;
    const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
    const configDigest = await pushBlob(base, 'flood/app', config);
    const layer = await pushBlob(base, 'flood/app', Buffer.alloc(1024, 1));
    const manifests = Array.from({ length: options.puts + 1 }, (_, n) =>
      manifestOf({ digest: configDigest, size: config.length }, layer, options.layers, n),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rssBefore = rssMiB(registry.pid);
    const single = await putManifest(base, 'single', manifests[0]!);
    const flood = await Promise.all(
      manifests.slice(1).map((bytes, i) => putManifest(base, `flood-${i}`, bytes)),
    );
    const peak = peakRssMiB(registry.pid);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const result = {
      manifestBytes: manifests[0]!.length,
      layers: options.layers,
      puts: options.puts,
      single,
      flood: flood.map((r) => r.status),
      floodMs: flood.map((r) => r.ms),
      rssBeforeMiB: Math.round(rssBefore),
      peakRssMiB: Math.round(peak),
      rssAfter5sMiB: Math.round(rssMiB(registry.pid)),
    };
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      process.stdout.write(
        [
          `manifest: ${result.manifestBytes} bytes, ${result.layers} layer entries`,
          `one PUT: ${single.status} in ${single.ms} ms`,
          `${options.puts} concurrent PUTs: ${result.flood.join(' ')} in ${result.floodMs.join(', ')} ms`,
          `registry RSS: ${result.rssBeforeMiB} MiB before, peak ${result.peakRssMiB} MiB, ${result.rssAfter5sMiB} MiB 5 s after`,
          '',
        ].join('\n'),
      );
    }
    return 0;
  } finally {
    await registry.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
