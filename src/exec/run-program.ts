/**
 * Runs one program to completion with its input on stdin: the seam for the CI agents' CLIs
 * (`buildkite-agent`). Values that may be secret travel on stdin, never in argv.
 */
import { loadExeca } from './execa.js';

/** Options of {@link runProgram}. */
export interface RunProgramOptions {
  /** Standard input (default empty). */
  readonly input?: string;
  /** Complete environment of the program. Default: this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** Kill it after this long. */
  readonly timeoutMs: number;
}

/** How the program ended. `notFound`: it is not on PATH; `exitCode` undefined: killed or not started. */
export interface RunProgramResult {
  readonly notFound: boolean;
  readonly timedOut: boolean;
  readonly exitCode: number | undefined;
  readonly signal: string | undefined;
  /** Standard output as printed (final newline kept). */
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `binary ...args` and returns how it ended; throws only for an unexpected spawn failure. */
export async function runProgram(
  binary: string,
  args: readonly string[],
  options: RunProgramOptions,
): Promise<RunProgramResult> {
  const { execa } = await loadExeca();
  const result = await execa(binary, args, {
    input: options.input ?? '',
    reject: false,
    timeout: options.timeoutMs,
    stripFinalNewline: false,
    encoding: 'utf8',
    ...(options.env === undefined ? {} : { env: options.env, extendEnv: false }),
  });
  return {
    notFound: 'code' in result && result.code === 'ENOENT',
    timedOut: result.timedOut,
    exitCode: result.exitCode,
    signal: result.signal,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
  };
}
