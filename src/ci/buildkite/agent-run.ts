/**
 * Runs one `buildkite-agent` subcommand through execa. Used only by `agent.ts`, the seam to the
 * agent binary. Values that may be secret travel on stdin, never in argv; the caller lists them
 * in `secrets` so they are scrubbed from any stderr quoted in an error.
 */
import { AgentError } from './errors.js';

/** Options shared by every agent call. */
export interface AgentRunOptions {
  /** The agent binary. Default `buildkite-agent` (found on PATH; the agent puts it there for every job). */
  readonly binary?: string;
  /** Complete environment of the agent process. Default: this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the call after this long. Default 300 000 ms (the agent itself retries `meta-data set` for up to 4 minutes). */
  readonly timeoutMs?: number;
}

/** What one call gave back. */
export interface AgentRunResult {
  readonly exitCode: number;
  /** Standard output as printed (final newline kept). May hold a secret: never log it. */
  readonly stdout: string;
  readonly stderr: string;
}

/** Default of {@link AgentRunOptions.timeoutMs}. */
export const AGENT_TIMEOUT_MS = 300_000;

/**
 * Runs `binary ...args` with `input` on stdin and returns its exit code and output.
 *
 * @param command the subcommand for messages, without arguments (`meta-data set`)
 * @param okCodes exit codes that are answers rather than failures (default `[0]`)
 * @param secrets values to scrub from stderr before it is quoted in an error
 * @throws {AgentError} `CI_AGENT_NOT_FOUND`, `CI_AGENT_TIMEOUT`, or `CI_AGENT_FAILED` (with the end of stderr)
 */
export async function runAgent(
  command: string,
  args: readonly string[],
  options: AgentRunOptions & {
    input?: string;
    okCodes?: readonly number[];
    secrets?: readonly string[];
    hint?: string;
  },
): Promise<AgentRunResult> {
  const binary = options.binary ?? 'buildkite-agent';
  const timeout = options.timeoutMs ?? AGENT_TIMEOUT_MS;
  // Loaded on the first call: a hook with nothing to report never starts the agent.
  const { execa } = await import('execa');
  const result = await execa(binary, args, {
    input: options.input ?? '',
    reject: false,
    timeout,
    stripFinalNewline: false,
    encoding: 'utf8',
    ...(options.env === undefined ? {} : { env: options.env, extendEnv: false }),
  });
  if ('code' in result && result.code === 'ENOENT') {
    throw new AgentError(
      'CI_AGENT_NOT_FOUND',
      command,
      `${binary} was not found, so \`${command}\` could not run`,
      {
        hint: 'Run inside a Buildkite job: the agent puts buildkite-agent on PATH (its directory is in BUILDKITE_BIN_PATH).',
      },
    );
  }
  if (result.timedOut) {
    throw new AgentError(
      'CI_AGENT_TIMEOUT',
      command,
      `buildkite-agent ${command} did not finish within ${timeout} ms`,
      {
        hint: 'Check that the agent can reach the Buildkite API.',
      },
    );
  }
  const exitCode = result.exitCode;
  const stderr = scrub(String(result.stderr ?? ''), options.secrets ?? []);
  if (exitCode === undefined || !(options.okCodes ?? [0]).includes(exitCode)) {
    const how =
      exitCode === undefined
        ? `was stopped (${result.signal ?? 'no exit status'})`
        : `failed with exit status ${exitCode}`;
    const tail = lastLines(stderr);
    throw new AgentError(
      'CI_AGENT_FAILED',
      command,
      `buildkite-agent ${command} ${how}${tail === '' ? '' : `: ${tail}`}`,
      {
        ...(exitCode === undefined ? {} : { exitCode }),
        ...(options.hint === undefined ? {} : { hint: options.hint }),
      },
    );
  }
  return { exitCode, stdout: String(result.stdout ?? ''), stderr };
}

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    const value = secret.trim();
    if (value.length >= 4) out = out.split(value).join('[REDACTED]');
  }
  return out;
}

/** The last 5 non-empty lines of `text`, at most 1 000 characters. */
function lastLines(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
  const tail = lines.slice(-5).join('\n');
  return tail.length > 1000 ? `…${tail.slice(-1000)}` : tail;
}
