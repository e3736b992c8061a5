/**
 * Runs the action's committed bundle (dist/action/main.js, dist/action/post.js) the way the
 * GitHub runner does, each step in a process of its own:
 *
 * - every input declared in action.yml becomes `INPUT_<NAME>` (upper case, spaces to `_`, `-`
 *   kept: `INPUT_LOCAL-REGISTRY`), with action.yml's default when the workflow gives none;
 * - each step gets fresh `GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_ENV`, `GITHUB_PATH` and
 *   `GITHUB_STEP_SUMMARY` files, read back after it exits;
 * - what main saved in `GITHUB_STATE` reaches post as `STATE_<name>` variables, and what it
 *   exported in `GITHUB_ENV` is in post's environment, as the runner does for later steps.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';

/** The repository root: where action.yml and dist/ are. */
export const ACTION_ROOT = resolve(import.meta.dirname, '..', '..');

/** What action.yml declares. */
export interface ActionManifest {
  readonly inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  readonly outputs: Record<string, { description: string }>;
  readonly runs: { using: string; main: string; post?: string };
}

/** Reads action.yml. */
export function readActionManifest(): ActionManifest {
  return load(readFileSync(join(ACTION_ROOT, 'action.yml'), 'utf8')) as ActionManifest;
}

/**
 * Parses a file-command file (`GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_ENV`) as the runner does:
 * `name=value` lines, and `name<<DELIMITER` blocks ending at a line equal to the delimiter.
 * Later entries replace earlier ones.
 *
 * @throws Error for a block without its closing delimiter
 */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      out[line.slice(0, equals)] = line.slice(equals + 1);
      continue;
    }
    const name = line.slice(0, heredoc);
    const delimiter = line.slice(heredoc + 2);
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
    if (i >= lines.length) throw new Error(`file command ${name}: no closing delimiter ${delimiter}`);
    out[name] = value.join('\n');
  }
  return out;
}

/** The `INPUT_*` variables of `inputs`, with action.yml's defaults for inputs not given. */
export function inputEnv(inputs: Readonly<Record<string, string>>): Record<string, string> {
  const declared = readActionManifest().inputs;
  const unknown = Object.keys(inputs).filter((name) => !(name in declared));
  if (unknown.length > 0) throw new Error(`inputs not declared in action.yml: ${unknown.join(', ')}`);
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
  }
  return env;
}

/** One step's run. */
export interface StepResult {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly state: Record<string, string>;
  /** Variables exported with `core.exportVariable`. */
  readonly exportedEnv: Record<string, string>;
  readonly summary: string;
  /** The step's file-command files, for "nothing secret in any file" checks. */
  readonly files: readonly string[];
  /** The environment the step ran with (argv is `node <bundle>`: nothing else). */
  readonly env: Readonly<Record<string, string>>;
}

/** Options of {@link runActionStep}. */
export interface StepOptions {
  readonly step: 'main' | 'post';
  /** The workflow's `with:` values. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The job's environment (`GITHUB_*`, `RUNNER_TEMP`, `DOCKER_HOST`, ...); `PATH` defaults to this process's. */
  readonly env: Readonly<Record<string, string>>;
  /** Directory for this step's file-command files. */
  readonly dir: string;
  /** `GITHUB_WORKSPACE`: the step's working directory. */
  readonly workspace: string;
  /** Main's saved state, passed as `STATE_<name>`. */
  readonly state?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

/** Runs one step of the bundle with `node` (this process's Node.js, 24 under npm). */
export async function runActionStep(options: StepOptions): Promise<StepResult> {
  mkdirSync(options.dir, { recursive: true });
  const files = {
    GITHUB_OUTPUT: join(options.dir, 'output'),
    GITHUB_STATE: join(options.dir, 'state'),
    GITHUB_ENV: join(options.dir, 'env'),
    GITHUB_PATH: join(options.dir, 'path'),
    GITHUB_STEP_SUMMARY: join(options.dir, 'summary.md'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const state = Object.fromEntries(Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v]));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    ...options.env,
    GITHUB_WORKSPACE: options.workspace,
    ...inputEnv(options.inputs),
    ...state,
    ...files,
  };
  const manifest = readActionManifest();
  const bundle = join(ACTION_ROOT, options.step === 'main' ? manifest.runs.main : manifest.runs.post!);
  const { exitCode, stdout, stderr } = await spawnNode(
    bundle,
    env,
    options.workspace,
    options.timeoutMs ?? 180_000,
  );
  const read = (file: string): string => readFileSync(file, 'utf8');
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommands(read(files.GITHUB_OUTPUT)),
    state: parseFileCommands(read(files.GITHUB_STATE)),
    exportedEnv: parseFileCommands(read(files.GITHUB_ENV)),
    summary: read(files.GITHUB_STEP_SUMMARY),
    files: Object.values(files),
    env,
  };
}

/** Options of {@link runAction}: those of {@link runActionStep} but the step, state and dir. */
export type ActionOptions = Omit<StepOptions, 'step' | 'state' | 'dir'> & { readonly dir: string };

/** Runs main, then post with main's state and exported variables. */
export async function runAction(options: ActionOptions): Promise<{ main: StepResult; post: StepResult }> {
  const main = await runActionStep({ ...options, step: 'main', dir: join(options.dir, 'main') });
  const post = await runActionStep({
    ...options,
    env: { ...options.env, ...main.exportedEnv },
    step: 'post',
    state: main.state,
    dir: join(options.dir, 'post'),
  });
  return { main, post };
}

function spawnNode(
  script: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs: number,
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolvePromise({ exitCode, stdout, stderr });
    });
  });
}
