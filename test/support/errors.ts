/**
 * Errors thrown by the integration test harness. Each has a stable `HARNESS_*` code and, where
 * the fix is on the developer's side (install a tool, free a port), a hint saying what to do.
 */
import { ContainerPackageError, type ErrorDetails, type ToolErrorCode } from '../../src/errors.js';

/** Base class of every harness error; `code` is always `HARNESS_*`. */
export class HarnessError extends ContainerPackageError {
  constructor(
    code: Extract<ToolErrorCode, `HARNESS_${string}`>,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(code, message, details);
    this.name = 'HarnessError';
  }
}

/** A tool the tests need is not on PATH (thrown instead of skipping when `CI=true`). */
export class MissingToolError extends HarnessError {
  readonly tools: readonly string[];
  constructor(tools: readonly string[], hint: string) {
    super('HARNESS_TOOL_MISSING', `required test tool(s) not available: ${tools.join(', ')}; ${hint}`, {
      hint,
    });
    this.name = 'MissingToolError';
    this.tools = tools;
  }
}

/** A polled condition did not become true in time. */
export class WaitTimeoutError extends HarnessError {
  constructor(what: string, timeoutMs: number, cause?: unknown) {
    super('HARNESS_WAIT_TIMEOUT', `${what} not ready after ${timeoutMs} ms`, { cause });
    this.name = 'WaitTimeoutError';
  }
}

/** A daemon exited before it was ready, or did not become ready in time; carries its log tail. */
export class DaemonStartError extends HarnessError {
  readonly daemon: string;
  readonly logTail: string;
  constructor(daemon: string, reason: string, logFile: string, logTail: string, cause?: unknown) {
    super(
      'HARNESS_DAEMON_START',
      `${daemon} failed to start: ${reason}\n--- last lines of ${logFile} ---\n${logTail}`,
      {
        hint: `read the full log at ${logFile}`,
        cause,
      },
    );
    this.name = 'DaemonStartError';
    this.daemon = daemon;
    this.logTail = logTail;
  }
}

/** A command run by a tool helper exited non-zero (or timed out) while success was expected. */
export class CommandFailedError extends HarnessError {
  readonly command: string;
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  constructor(command: string, exitCode: number | undefined, stdout: string, stderr: string, reason: string) {
    super(
      'HARNESS_COMMAND_FAILED',
      `\`${command}\` ${reason}\n--- stderr ---\n${tail(stderr)}\n--- stdout ---\n${tail(stdout)}`,
    );
    this.name = 'CommandFailedError';
    this.command = command;
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }
}

/** A registry answered an HTTP request with an unexpected status. */
export class RegistryHttpError extends HarnessError {
  readonly status: number;
  constructor(method: string, url: string, status: number, detail?: string) {
    super(
      'HARNESS_REGISTRY_HTTP',
      `${method} ${url} answered HTTP ${status}${detail === undefined ? '' : `: ${detail}`}`,
    );
    this.name = 'RegistryHttpError';
    this.status = status;
  }
}

function tail(text: string, lines = 30): string {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}
