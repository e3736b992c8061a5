/**
 * Start-up figures (issue 7, item 5): `container-package --version` beside `skopeo --version`,
 * and the plugin's post-command hook when there is nothing to push (`push: never`), sourced by
 * bash the way the Buildkite agent runs hooks, after a real environment hook.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { runTimed } from '../lib/command.js';
import { BenchError } from '../lib/errors.js';
import type { Figure } from '../lib/figures.js';
import { CLI, ROOT } from '../lib/paths.js';
import { cliStartBound } from './bounds.js';
import type { StepContext } from './context.js';

/** Times the CLI start and the idle post-command hook. */
export async function startupStep(ctx: StepContext): Promise<Figure[]> {
  const count = ctx.options.runs * 3;
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 1; i <= count; i++) {
    ctx.progress.step(`CLI start, run ${i}/${count}`);
    ours.push((await runTimed(process.execPath, [CLI, '--version'])).wallSeconds * 1000);
    peer.push((await ctx.skopeo.version()).wallSeconds * 1000);
  }
  ctx.progress.step('post-command hook: environment hook first');
  const env = await environmentHook(ctx);
  const hook: number[] = [];
  for (let i = 1; i <= count; i++) {
    ctx.progress.step(`post-command hook with nothing to push, run ${i}/${count}`);
    const run = await runTimed(
      'bash',
      ['-c', 'source "$1"', 'post-command', join(ROOT, 'hooks', 'post-command')],
      { env },
    );
    if (!/nothing is pushed/.test(run.stderr + run.stdout)) {
      throw new BenchError(
        'BENCH_COMMAND_FAILED',
        `the post-command hook did not say that nothing is pushed:\n${run.stderr}`,
      );
    }
    hook.push(run.wallSeconds * 1000);
  }
  await runTimed('bash', ['-c', 'source "$1"', 'pre-exit', join(ROOT, 'hooks', 'pre-exit')], {
    env,
    allowFailure: true,
  });
  return [
    {
      id: 'cli.start',
      label: 'CLI start (--version)',
      unit: 'ms',
      ours,
      peer,
      who: { ours: 'node bin/container-package --version', peer: 'skopeo --version' },
      target: { on: 'ours', op: '<=', value: 250 },
      bound: cliStartBound(ctx.machine, bundleMiB()),
    },
    {
      id: 'hook.post-command.idle',
      label: 'post-command hook, nothing to push',
      unit: 'ms',
      ours: hook,
      peer: [],
    },
  ];
}

/** A job with `push: never`; runs the environment hook (sourced) and returns the job's environment after it. */
async function environmentHook(ctx: StepContext): Promise<NodeJS.ProcessEnv> {
  const dir = join(ctx.work, 'job');
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  mkdirSync(join(dir, 'docker-config'), { recursive: true });
  const config = { registry: '127.0.0.1:5999/bench', images: [ctx.image.reference], push: 'never' };
  const env: NodeJS.ProcessEnv = {
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
  const envFile = join(dir, 'environment.env');
  const script = 'source "$1"; status=$?; env -0 > "$2"; exit $status';
  await runTimed('bash', ['-c', script, 'environment', join(ROOT, 'hooks', 'environment'), envFile], { env });
  const after: NodeJS.ProcessEnv = {};
  for (const entry of readFileSync(envFile, 'utf8').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) after[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return after;
}

function bundleMiB(): string {
  try {
    return (readFileSync(join(ROOT, 'dist', 'cli.js')).length / 1024 / 1024).toFixed(1);
  } catch {
    return '?';
  }
}
