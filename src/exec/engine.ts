/**
 * Runs a container engine's own CLI (`docker`, `podman`): the only place image sources spawn an
 * engine. Secrets never go in argv: logins go through `--password-stdin` or the auth file.
 */
import { ExecError } from './errors.js';
import { loadExeca } from './execa.js';

/** Engines whose CLI we drive. */
export type EngineName = 'docker' | 'podman';

/** Options of {@link runEngine}. */
export interface EngineRunOptions {
  /** Environment of the child; merged over this process's. */
  readonly env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin (e.g. a password for `login --password-stdin`). */
  readonly input?: string;
  readonly signal?: AbortSignal;
  /** Kill the child after this long, ms. Default 30 minutes (a push of a large image). */
  readonly timeoutMs?: number;
  /** Called with each line the child prints (stdout and stderr), for progress. */
  readonly onLine?: (line: string) => void;
}

/** What the engine printed and how it exited. */
export interface EngineRunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `engine args…` and returns its output whatever the exit code; callers decide what a
 * failure means. Throws only when the program cannot be started at all or times out.
 *
 * @throws {ExecError} `EXEC_NOT_FOUND` when the engine's CLI is not on PATH, `EXEC_TIMEOUT`.
 */
export async function runEngine(
  engine: EngineName,
  args: readonly string[],
  options: EngineRunOptions = {},
): Promise<EngineRunResult> {
  const { execa } = await loadExeca();
  const child = execa(engine, args, {
    reject: false,
    env: options.env,
    input: options.input ?? '',
    cancelSignal: options.signal,
    timeout: options.timeoutMs ?? 30 * 60_000,
    stripFinalNewline: true,
    ...(options.onLine ? { lines: false } : {}),
  });
  if (options.onLine) {
    const onLine = options.onLine;
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (pending + chunk.toString('utf8')).split(/\r?\n|\r/);
        pending = lines.pop() ?? '';
        for (const line of lines) if (line.trim() !== '') onLine(line);
      });
      stream?.on('end', () => {
        if (pending.trim() !== '') onLine(pending);
      });
    }
  }
  const result = await child;
  if (result.timedOut) {
    throw new ExecError('EXEC_TIMEOUT', engine, `${engine} ${args[0] ?? ''} did not finish in time`, {
      hint: 'check that the engine is responsive (`' + engine + ' info`)',
    });
  }
  const failedToStart =
    result.exitCode === undefined && (result.cause as NodeJS.ErrnoException | undefined)?.code;
  if (failedToStart === 'ENOENT') {
    throw new ExecError('EXEC_NOT_FOUND', engine, `the ${engine} CLI was not found on PATH`, {
      hint: `install ${engine} on the agent, or push daemonlessly from an OCI layout or archive (oci:DIR, docker-archive:FILE)`,
    });
  }
  if (result.isCanceled) {
    throw new ExecError('EXEC_FAILED', engine, `${engine} ${args[0] ?? ''} was cancelled`);
  }
  return {
    exitCode: result.exitCode ?? 1,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
  };
}
