/**
 * Runs the plugin's real hook scripts the way the Buildkite agent does: each hook is *sourced*
 * by a bash wrapper, and the variables it exported are carried into the later hooks and the
 * command (the agent diffs the environment after each hook). Hooks run in the agent's order
 * (environment → checkout → post-checkout → pre-command → command → post-command → pre-exit; a
 * step may be left out, none may come back); post-command sees BUILDKITE_COMMAND_EXIT_STATUS.
 * The hooks come from the plugin checkout, or from a hooks directory the way agent-level hooks
 * are installed (a missing hook is skipped, as the agent does).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { newTempDir } from './temp-dir.js';

/** The plugin checkout (repository root). */
export const PLUGIN_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** What one hook or command did. */
export interface StepRun {
  readonly name: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The phases of a job, in the order the agent runs them. */
export const AGENT_PHASES = [
  'environment',
  'checkout',
  'post-checkout',
  'pre-command',
  'command',
  'post-command',
  'pre-exit',
] as const;
export type AgentPhase = (typeof AGENT_PHASES)[number];

/** Options of {@link BuildkiteJob}. */
export interface BuildkiteJobOptions {
  /** Where the hooks are found. Default: the plugin checkout's `hooks/`. */
  readonly hooksDir?: string;
  /** Put the Node.js running the tests first on PATH (the hooks need >= 22.19). Default true. */
  readonly nodeOnPath?: boolean;
}

/** A job in progress: its environment evolves as hooks export variables. */
export class BuildkiteJob {
  env: NodeJS.ProcessEnv;
  readonly runs: StepRun[] = [];
  readonly #dir = newTempDir('job');
  readonly #hooksDir: string;
  #phase = -1;

  constructor(env: NodeJS.ProcessEnv, options: BuildkiteJobOptions = {}) {
    this.env =
      options.nodeOnPath === false
        ? { ...env }
        : { ...env, PATH: `${dirname(process.execPath)}:${env.PATH ?? ''}` };
    this.#hooksDir = options.hooksDir ?? join(PLUGIN_DIR, 'hooks');
  }

  /** Sources `NAME` from the hooks directory in bash, then keeps what it exported. */
  async hook(name: string): Promise<StepRun> {
    if (name === 'checkout' || name === 'command' || !AGENT_PHASES.includes(name as AgentPhase)) {
      throw new Error(`not a hook the agent runs: ${name}`);
    }
    this.#enter(name as AgentPhase);
    const path = join(this.#hooksDir, name);
    if (!existsSync(path)) return this.#record({ name, exitCode: 0, stdout: '', stderr: '' });
    const envFile = join(this.#dir, `${name}.env`);
    const script = `source "$1"; status=$?; env -0 > "$2"; exit $status`;
    const checkout = this.env.BUILDKITE_BUILD_CHECKOUT_PATH;
    const result = await execa('bash', ['-c', script, 'hook-wrapper', path, envFile], {
      env: this.env,
      extendEnv: false,
      reject: false,
      cwd: checkout && existsSync(checkout) ? checkout : process.cwd(),
    });
    const run = {
      name,
      exitCode: result.exitCode ?? 1,
      stdout: String(result.stdout),
      stderr: String(result.stderr),
    };
    this.runs.push(run);
    if (run.exitCode === 0) this.env = readEnv(envFile);
    return run;
  }

  /**
   * The agent's checkout, between the environment and post-checkout hooks: `update` brings the
   * directory in BUILDKITE_BUILD_CHECKOUT_PATH to this build's commit (a fresh clone, or a
   * reused checkout where last build's files are still there until now).
   */
  async checkout(update: (dir: string) => void | Promise<void>): Promise<void> {
    this.#enter('checkout');
    const dir = this.env.BUILDKITE_BUILD_CHECKOUT_PATH;
    if (!dir) throw new Error('checkout needs BUILDKITE_BUILD_CHECKOUT_PATH in the job env');
    await update(dir);
  }

  /** Runs the step's command with the job's environment; sets BUILDKITE_COMMAND_EXIT_STATUS. */
  async command(command: string): Promise<StepRun> {
    this.#enter('command');
    const checkout = this.env.BUILDKITE_BUILD_CHECKOUT_PATH;
    const result = await execa('bash', ['-c', command], {
      env: this.env,
      extendEnv: false,
      reject: false,
      cwd: checkout && existsSync(checkout) ? checkout : process.cwd(),
    });
    const run = {
      name: 'command',
      exitCode: result.exitCode ?? 1,
      stdout: String(result.stdout),
      stderr: String(result.stderr),
    };
    this.runs.push(run);
    this.env = { ...this.env, BUILDKITE_COMMAND_EXIT_STATUS: String(run.exitCode) };
    return run;
  }

  /** Every phase of the job in the agent's order; stops after the first hook that fails, as the agent does, but always runs pre-exit. */
  async run(command: string, update: (dir: string) => void | Promise<void> = () => {}): Promise<StepRun[]> {
    const runs: StepRun[] = [];
    for (const name of ['environment', 'post-checkout', 'pre-command'] as const) {
      if (name === 'post-checkout') await this.checkout(update);
      const run = await this.hook(name);
      runs.push(run);
      if (run.exitCode !== 0) {
        runs.push(await this.hook('pre-exit'));
        return runs;
      }
    }
    runs.push(await this.command(command));
    runs.push(await this.hook('post-command'));
    runs.push(await this.hook('pre-exit'));
    return runs;
  }

  /** Everything every hook and the command printed, for secret checks. */
  output(): string {
    return this.runs.map((r) => `${r.stdout}\n${r.stderr}`).join('\n');
  }

  /** Moves the job to `phase`; a phase that comes before the current one is a test bug. */
  #enter(phase: AgentPhase): void {
    const index = AGENT_PHASES.indexOf(phase);
    if (index < this.#phase) {
      throw new Error(
        `${phase} after ${AGENT_PHASES[this.#phase]}: the agent runs ${AGENT_PHASES.join(' → ')}`,
      );
    }
    this.#phase = index;
  }

  #record(run: StepRun): StepRun {
    this.runs.push(run);
    return run;
  }
}

function readEnv(file: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const entry of readFileSync(file, 'utf8').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** Writes a small `docker build` context (FROM scratch + COPY) and returns its directory. */
export function writeBuildContext(text: string): string {
  const dir = newTempDir('build-context');
  writeFileSync(join(dir, 'hello.txt'), text);
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
  return dir;
}
