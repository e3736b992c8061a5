/**
 * The command line of `npm run bench -- [flags]`. Defaults are the issue's: a 1 GiB image in 8
 * layers, 3 runs, 64 connections, a 4 GiB blob for the RSS figure. `--quick` shrinks everything
 * (a few MiB, 1 run) for the smoke test, whose timings mean nothing.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchError } from './errors.js';
import { ROOT } from './paths.js';
import { MiB, parseSize } from './size.js';

/** The steps, in the order they run. */
export const STEPS = [
  'startup',
  'hooks',
  'repush',
  'registry',
  'client',
  'rss',
  'contents',
  's3',
  'workers',
] as const;
/** One step. */
export type Step = (typeof STEPS)[number];

/**
 * What kind of run: `full` (the defaults, or other sizes and runs: commit-worthy), `quick` (the
 * smoke test), `partial` (`--only`) or `profile` (`--profile`: profilers slow the figures down).
 */
export type BenchMode = 'full' | 'quick' | 'partial' | 'profile';

/** Resolved options. */
export interface BenchOptions {
  readonly mode: BenchMode;
  readonly quick: boolean;
  readonly steps: readonly Step[];
  /** Runs per figure (medians are taken over them). */
  readonly runs: number;
  /** Random bytes in the image. */
  readonly imageBytes: number;
  readonly layers: number;
  /** The blob that streams in and out for the RSS figure. */
  readonly blobBytes: number;
  /** Manifest load: connections and counted seconds per run. */
  readonly connections: number;
  readonly durationMs: number;
  /** Where the client pushes go. */
  readonly clientRegistry: 'ours' | 'distribution';
  /** Where latest.md / latest.json go. */
  readonly outDir: string;
  /** Keep the work directory (images, registry logs) after the run. */
  readonly keep: boolean;
  /** `--profile`: where our registry's and CLI's `.cpuprofile` files go; undefined when not profiling. */
  readonly profileDir: string | undefined;
  readonly help: boolean;
}

/** The text of `--help`. */
export const USAGE = `Usage: npm run bench -- [options]

Measures the bundled registry and the push client beside CNCF distribution and skopeo, prints one
table and writes it to bench/results/latest.md and latest.json (see bench/README.md).

  --quick                 small sizes and 1 run: a smoke test (results in bench/results/quick.tmp/)
  --runs N                runs per figure; the median is reported (default 3; quick 1)
  --size SIZE             random bytes in the test image (default 1GiB; quick 4MiB)
  --layers N              layers in the test image (default 8; quick 4)
  --blob-size SIZE        blob streamed in and out for the peak-RSS figure (default 4GiB; quick 16MiB)
  --connections N         connections of the manifest HEAD/GET load (default 64)
  --duration SECONDS      counted seconds of each manifest load run (default 3; quick 0.5)
  --client-registry R     registry the client pushes go to: ours or distribution (default ours)
  --only STEPS            comma-separated subset of: ${STEPS.join(', ')} (results in bench/results/partial.tmp/)
  --profile               run our registry and CLI under node --cpu-prof; profiles and a summary
                          (profiles.md) go to the results directory's profiles/ (bench/results/profile.tmp/)
  --out DIR               write the results here instead
  --keep                  keep the work directory (images, registry logs)
  --help                  this text
`;

/**
 * Parses the command line.
 *
 * @throws BenchError `BENCH_USAGE` quoting a bad flag or value
 */
export function parseOptions(argv: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        quick: { type: 'boolean' },
        runs: { type: 'string' },
        size: { type: 'string' },
        layers: { type: 'string' },
        'blob-size': { type: 'string' },
        connections: { type: 'string' },
        duration: { type: 'string' },
        'client-registry': { type: 'string' },
        only: { type: 'string' },
        out: { type: 'string' },
        keep: { type: 'boolean' },
        profile: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new BenchError('BENCH_USAGE', (error as Error).message, { hint: 'see npm run bench -- --help' });
  }
  const quick = values.quick === true;
  const steps = values.only === undefined ? [...STEPS] : parseSteps(values.only);
  const clientRegistry = values['client-registry'] ?? 'ours';
  if (clientRegistry !== 'ours' && clientRegistry !== 'distribution') {
    throw new BenchError(
      'BENCH_USAGE',
      `--client-registry must be ours or distribution, not ${JSON.stringify(clientRegistry)}`,
    );
  }
  const mode: BenchMode = quick
    ? 'quick'
    : values.profile
      ? 'profile'
      : values.only !== undefined
        ? 'partial'
        : 'full';
  const outDir = values.out ?? join(ROOT, 'bench', 'results', ...(mode === 'full' ? [] : [`${mode}.tmp`]));
  return {
    mode,
    quick,
    steps,
    runs: count(values.runs, '--runs', quick ? 1 : 3),
    imageBytes: values.size === undefined ? (quick ? 4 * MiB : 1024 * MiB) : parseSize(values.size, '--size'),
    layers: count(values.layers, '--layers', quick ? 4 : 8),
    blobBytes:
      values['blob-size'] === undefined
        ? quick
          ? 16 * MiB
          : 4096 * MiB
        : parseSize(values['blob-size'], '--blob-size'),
    connections: count(values.connections, '--connections', 64),
    durationMs: seconds(values.duration, quick ? 0.5 : 3) * 1000,
    clientRegistry,
    outDir,
    keep: values.keep === true,
    profileDir: values.profile ? join(outDir, 'profiles') : undefined,
    help: values.help === true,
  };
}

function parseSteps(text: string): Step[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = names.filter((n) => !(STEPS as readonly string[]).includes(n));
  if (names.length === 0 || bad.length > 0) {
    throw new BenchError(
      'BENCH_USAGE',
      `--only ${JSON.stringify(text)}: unknown step ${bad.join(', ') || '(none given)'}`,
      {
        hint: `choose from ${STEPS.join(', ')}`,
      },
    );
  }
  return STEPS.filter((s) => names.includes(s));
}

function count(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new BenchError('BENCH_USAGE', `${flag} must be a whole number ≥ 1, not ${JSON.stringify(text)}`);
  return n;
}

function seconds(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!(n > 0))
    throw new BenchError(
      'BENCH_USAGE',
      `--duration must be a positive number of seconds, not ${JSON.stringify(text)}`,
    );
  return n;
}
