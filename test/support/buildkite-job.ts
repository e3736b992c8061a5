/**
 * Runs the plugin's real hook scripts the way the Buildkite agent does: each hook is *sourced*
 * by a bash wrapper, and the variables it exported are carried into the later hooks and the
 * command (the agent diffs the environment after each hook). Hooks run in the agent's order;
 * post-command sees BUILDKITE_COMMAND_EXIT_STATUS.
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

/** A job in progress: its environment evolves as hooks export variables. */
export class BuildkiteJob {
  env: NodeJS.ProcessEnv;
  readonly runs: StepRun[] = [];
  readonly #dir = newTempDir('job');

  constructor(env: NodeJS.ProcessEnv) {
    // The hooks need a Node.js >= 22.19 first on PATH: the one running the tests.
    this.env = { ...env, PATH: `${dirname(process.execPath)}:${env.PATH ?? ''}` };
  }

  /** Sources `hooks/NAME` in bash, then keeps what it exported. */
  async hook(name: string): Promise<StepRun> {
    const envFile = join(this.#dir, `${name}.env`);
    const script = `source "$1"; status=$?; env -0 > "$2"; exit $status`;
    const result = await execa(
      'bash',
      ['-c', script, 'hook-wrapper', join(PLUGIN_DIR, 'hooks', name), envFile],
      {
        env: this.env,
        extendEnv: false,
        reject: false,
        cwd: this.env.BUILDKITE_BUILD_CHECKOUT_PATH ?? process.cwd(),
      },
    );
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

  /** Runs the step's command with the job's environment; sets BUILDKITE_COMMAND_EXIT_STATUS. */
  async command(command: string): Promise<StepRun> {
    const result = await execa('bash', ['-c', command], { env: this.env, extendEnv: false, reject: false });
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

  /** Everything every hook and the command printed, for secret checks. */
  output(): string {
    return this.runs.map((r) => `${r.stdout}\n${r.stderr}`).join('\n');
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
