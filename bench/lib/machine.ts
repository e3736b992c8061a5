/**
 * The machine a run measured: CPUs, kernel, versions, load, and the rates that bound the figures
 * (sha256 and gzip on one core, the start of a bare Node.js, the CPU per request of a bare
 * `node:http` server), measured here in the same run.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { availableParallelism, cpus, loadavg, release } from 'node:os';
import { gzipSync } from 'node:zlib';
import { runTimed } from './command.js';
import { httpFloorMicros } from './http-floor.js';
import { median } from './stats.js';
import { MiB } from './size.js';

/** Facts about the machine. */
export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly kernel: string;
  readonly node: string;
  readonly skopeo: string;
  readonly distribution: string;
  /** 1, 5 and 15 minute load averages when the run started and ended. */
  readonly loadStart: readonly number[];
  loadEnd: readonly number[];
  /** sha256 of random bytes on one core, MiB/s. */
  readonly sha256MiBs: number;
  /** zlib gzip level 6 (Node.js's, the client's default) of random bytes on one core, MiB/s. */
  readonly gzipMiBs: number;
  /** Median wall time of `node -e 0`, ms. */
  readonly nodeStartMs: number;
  /** CPU µs per manifest HEAD of a bare `node:http` server (see `http-floor.ts`). */
  readonly httpFloorMicros: number;
}

/** Measures the machine; `quick` hashes and compresses less. */
export async function describeMachine(quick: boolean): Promise<Machine> {
  const chunk = Buffer.allocUnsafe(MiB);
  randomFillSync(chunk);
  const hashMiB = quick ? 32 : 256;
  let started = performance.now();
  const hash = createHash('sha256');
  for (let i = 0; i < hashMiB; i++) hash.update(chunk);
  hash.digest();
  const sha256MiBs = hashMiB / ((performance.now() - started) / 1000);
  const gzipMiB = quick ? 2 : 16;
  started = performance.now();
  for (let i = 0; i < gzipMiB; i++) gzipSync(chunk, { level: 6 });
  const gzipMiBs = gzipMiB / ((performance.now() - started) / 1000);
  const starts: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++)
    starts.push((await runTimed(process.execPath, ['-e', '0'])).wallSeconds * 1000);
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    kernel: release(),
    node: process.versions.node,
    skopeo: version('skopeo', ['--version']),
    distribution: version('docker-registry', ['--version']),
    loadStart: load(),
    loadEnd: [],
    sha256MiBs,
    gzipMiBs,
    nodeStartMs: median(starts),
    httpFloorMicros: await httpFloorMicros(64, quick ? 300 : 2000),
  };
}

/** The current load averages, two decimals. */
export function load(): number[] {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}

function version(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')[0]!;
  } catch {
    return `${tool} (version unknown)`;
  }
}
