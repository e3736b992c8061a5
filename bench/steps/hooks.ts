/**
 * Hook figures (issue 16): each plugin hook of a job with nothing to do (`push: never`), sourced
 * by bash the way the Buildkite agent runs hooks, in the agent's order — environment (its exports
 * carried on), post-checkout (plugin mode: decided in bash, no Node.js), pre-command,
 * post-command, pre-exit — beside the floor, a bare `node -e 0`. Wall time, CPU time and peak RSS.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { PEAK_RSS, runTimed, type TimedRun } from '../lib/command.js';
import { BenchError } from '../lib/errors.js';
import type { Figure } from '../lib/figures.js';
import { ROOT } from '../lib/paths.js';
import { median } from '../lib/stats.js';
import { idleHookBound } from './bounds.js';
import type { StepContext } from './context.js';

const HOOKS = ['environment', 'post-checkout', 'pre-command', 'post-command', 'pre-exit'] as const;
type Hook = (typeof HOOKS)[number];

/** Runs the job's hooks `max(7, runs)` times (once with `--quick`) and returns their figures. */
export async function hooksStep(ctx: StepContext): Promise<Figure[]> {
  const count = ctx.options.quick ? 1 : Math.max(7, ctx.options.runs);
  const samples = Object.fromEntries(HOOKS.map((h) => [h, [] as TimedRun[]])) as Record<Hook, TimedRun[]>;
  const floor: TimedRun[] = [];
  for (let i = 1; i <= count; i++) {
    const dir = join(ctx.work, `hooks-${i}`);
    ctx.progress.step(`hooks with nothing to do, run ${i}/${count}`);
    floor.push(await runTimed(process.execPath, ['-e', '0'], { peakRss: true }));
    const envFile = join(dir, 'environment.env');
    let env = jobEnvironment(ctx, dir);
    for (const hook of HOOKS) {
      // The environment hook's exports reach the later hooks, as the agent carries them on.
      const script =
        hook === 'environment' ? 'source "$1"; status=$?; env -0 > "$2"; exit $status' : 'source "$1"';
      const run = await runTimed('bash', ['-c', script, hook, join(ROOT, 'hooks', hook), envFile], {
        env,
        peakRss: true,
      });
      if (hook === 'environment') env = readEnvironment(envFile);
      if (hook === 'post-command' && !/nothing is pushed/.test(run.stderr + run.stdout)) {
        throw new BenchError(
          'BENCH_COMMAND_FAILED',
          `the post-command hook did not say that nothing is pushed:\n${run.stderr}`,
        );
      }
      samples[hook].push(run);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  const ms = (runs: TimedRun[]): number[] => runs.map((r) => r.wallSeconds * 1000);
  const cpuMs = (runs: TimedRun[]): number[] => runs.map((r) => r.cpuSeconds * 1000);
  const rss = (runs: TimedRun[]): number[] => runs.map((r) => r.peakRssMiB);
  const figures = HOOKS.flatMap((hook): Figure[] => {
    const who = { ours: `hooks/${hook} (sourced by bash)`, peer: 'node -e 0 (the floor)' };
    return [
      {
        id: `hook.${hook}.idle`,
        label: `${hook} hook, nothing to do`,
        unit: 'ms',
        ours: ms(samples[hook]),
        peer: ms(floor),
        who,
        target: { on: 'ours', op: '<=', value: 100 },
        bound: idleHookBound(median(ms(floor))),
      },
      {
        id: `hook.${hook}.idle.cpu`,
        label: `${hook} hook CPU`,
        unit: 'CPU-ms',
        ours: cpuMs(samples[hook]),
        peer: cpuMs(floor),
        who,
      },
      {
        id: `hook.${hook}.idle.rss`,
        label: `${hook} hook peak RSS`,
        unit: 'MiB',
        ours: rss(samples[hook]),
        peer: rss(floor),
        who,
      },
    ];
  });
  return figures.filter((f) => PEAK_RSS || !f.id.endsWith('.rss'));
}

/** A step with this plugin and `push: never`, run by our own Node.js first on PATH. */
function jobEnvironment(ctx: StepContext, dir: string): NodeJS.ProcessEnv {
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  mkdirSync(join(dir, 'docker-config'), { recursive: true });
  const config = { registry: '127.0.0.1:5999/bench', images: [ctx.image.reference], push: 'never' };
  return {
    ...process.env,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
    TMPDIR: join(dir, 'tmp'),
    DOCKER_CONFIG: join(dir, 'docker-config'),
    BUILDKITE: 'true',
    BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify(config),
    BUILDKITE_ORGANIZATION_SLUG: 'acme',
    BUILDKITE_PIPELINE_SLUG: 'bench',
    BUILDKITE_BRANCH: 'main',
    BUILDKITE_COMMIT: '0123456789abcdef0123456789abcdef01234567',
    BUILDKITE_BUILD_NUMBER: '1',
    BUILDKITE_JOB_ID: '01890000-0000-0000-0000-0000000bench',
    BUILDKITE_COMMAND_EXIT_STATUS: '0',
  };
}

/** The `env -0` dump the environment hook's wrapper wrote. */
function readEnvironment(file: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const entry of readFileSync(file, 'utf8').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}
