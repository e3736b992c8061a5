/**
 * `npm run bench`: measures the bundled registry and the push client beside their peers (CNCF
 * distribution, skopeo) on this machine, prints one table and writes it to bench/results/.
 * See bench/README.md for what each figure is and how to read it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isContainerPackageError } from '../src/errors.js';
import { evaluate, type Figure } from './lib/figures.js';
import { generateImage } from './lib/image.js';
import { describeMachine, load } from './lib/machine.js';
import { parseOptions, USAGE, type BenchOptions, type Step } from './lib/options.js';
import { checkBuild, requireTool } from './lib/paths.js';
import { summarizeProfiles } from './lib/profile.js';
import { Progress } from './lib/progress.js';
import { renderTable, writeResults, type BenchReport } from './lib/report.js';
import { formatSize } from './lib/size.js';
import { createSkopeo } from './lib/skopeo.js';
import { clientStep } from './steps/client.js';
import { contentsStep } from './steps/contents.js';
import type { StepContext } from './steps/context.js';
import { hooksStep } from './steps/hooks.js';
import { registryStep } from './steps/registry.js';
import { repushStep } from './steps/repush.js';
import { rssStep } from './steps/rss.js';
import { s3Step } from './steps/s3.js';
import { startupStep } from './steps/startup.js';
import { workersStep } from './steps/workers.js';

const STEP_RUNNERS: Record<Step, (ctx: StepContext) => Promise<Figure[]>> = {
  startup: startupStep,
  hooks: hooksStep,
  repush: repushStep,
  registry: registryStep,
  client: clientStep,
  rss: rssStep,
  contents: contentsStep,
  s3: s3Step,
  workers: workersStep,
};

/**
 * Runs the benchmark with command-line `argv` (without node and the script). Resolves the exit
 * code: 0 when it ran (missed targets are results, not failures), 1 when a measurement failed,
 * 2 for a bad command line.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    printError(error);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const progress = new Progress();
  const work = mkdtempSync(join(tmpdir(), 'cp-bench-'));
  try {
    const report = await run(options, progress, work);
    progress.stop();
    process.stdout.write(`\n${renderTable(report.figures)}`);
    for (const warning of report.warnings) process.stdout.write(`warning: ${warning}\n`);
    const written = await writeResults(options.outDir, report);
    process.stdout.write(`\nresults: ${written.markdown}\n         ${written.json}\n`);
    const profiles =
      options.profileDir === undefined ? undefined : await summarizeProfiles(options.profileDir);
    if (profiles !== undefined) process.stdout.write(`profiles: ${profiles}\n`);
    return 0;
  } catch (error) {
    progress.stop();
    printError(error);
    return 1;
  } finally {
    if (options.keep) process.stderr.write(`work directory kept: ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

async function run(options: BenchOptions, progress: Progress, work: string): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const warnings: string[] = [];
  const stale = await checkBuild();
  if (stale !== undefined) {
    warnings.push(stale);
    progress.note(`warning: ${stale}`);
  }
  requireTool('skopeo');
  requireTool('docker-registry');
  progress.step('measuring the machine (sha256, gzip, node start)');
  const machine = await describeMachine(options.quick);
  progress.step(`generating a ${formatSize(options.imageBytes)} image in ${options.layers} random layers`);
  const image = await generateImage({
    dir: join(work, 'image'),
    totalBytes: options.imageBytes,
    layers: options.layers,
    onProgress: (written) => progress.detail(formatSize(written)),
  });
  const ctx: StepContext = {
    options,
    image,
    machine,
    work,
    progress,
    skopeo: createSkopeo(join(work, 'skopeo')),
    warnings,
  };
  const figures: Figure[] = [];
  for (const step of options.steps) figures.push(...(await STEP_RUNNERS[step](ctx)));
  machine.loadEnd = load();
  return {
    mode: options.mode,
    startedAt,
    durationSeconds: progress.elapsedSeconds(),
    settings: {
      image: `${formatSize(image.bytes)} in ${options.layers} layers`,
      runs: options.runs,
      connections: options.connections,
      loadSeconds: options.durationMs / 1000,
      blob: formatSize(options.blobBytes),
      clientRegistry: options.clientRegistry,
      steps: options.steps.join(','),
    },
    machine,
    figures: figures.map(evaluate),
    warnings,
  };
}

function printError(error: unknown): void {
  if (isContainerPackageError(error)) {
    process.stderr.write(`bench: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
  } else {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}
