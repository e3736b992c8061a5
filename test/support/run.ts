/** Runs a command-line tool to completion and returns its output; used by every tool helper. */
import { execa } from 'execa';
import { CommandFailedError } from './errors.js';

/** Options of {@link runTool}. */
export interface RunOptions {
  /** Complete environment of the command (not merged with anything). Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Written to the command's stdin, which is otherwise empty. */
  input?: string;
  cwd?: string;
  /** Kill the command after this long. Default 120 000 ms. */
  timeoutMs?: number;
  /** Throw {@link CommandFailedError} when the command fails. Default true. */
  reject?: boolean;
  /** Command line shown in results and errors. Default: `file` and `args` joined by spaces. */
  label?: string;
}

/** Outcome of {@link runTool}. */
export interface RunResult {
  /** The command line, for messages. */
  command: string;
  /** Exit code; `undefined` when killed by a signal or never started. */
  exitCode: number | undefined;
  /** Without the final newline. */
  stdout: string;
  stderr: string;
  /** True when the command did not exit 0 (or timed out, or could not start). */
  failed: boolean;
}

/**
 * Runs `file args...` (no shell), collecting stdout and stderr.
 *
 * @throws CommandFailedError `HARNESS_COMMAND_FAILED` when it fails and `reject` is not false;
 *   the message carries the tail of stderr and stdout.
 */
export async function runTool(
  file: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const { env = process.env, input, cwd, timeoutMs = 120_000, reject = true, label } = options;
  const result = await execa(file, args, {
    env,
    extendEnv: false,
    input: input ?? '',
    cwd,
    timeout: timeoutMs,
    reject: false,
    encoding: 'utf8',
  });
  const command = label ?? [file, ...args].join(' ');
  const out: RunResult = {
    command,
    exitCode: result.exitCode,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    failed: result.failed,
  };
  if (out.failed && reject) {
    const reason = result.timedOut
      ? `timed out after ${timeoutMs} ms`
      : out.exitCode === undefined
        ? `failed: ${result.shortMessage}`
        : `exited with code ${out.exitCode}`;
    throw new CommandFailedError(command, out.exitCode, out.stdout, out.stderr, reason);
  }
  return out;
}
