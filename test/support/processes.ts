/**
 * Long-running daemons for integration tests: spawned detached in their own process group with
 * output appended to a log file, awaited until a readiness predicate holds, stopped by PID.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { DaemonStartError } from './errors.js';
import { STOP_TIMEOUT_MS, signal, stopPid, waitForExit } from './pids.js';
import { type Killable, track, untrack } from './process-registry.js';
import { waitFor } from './wait.js';

/** Options of {@link startDaemon}. */
export interface DaemonOptions {
  /** Human name used in messages, e.g. `"dockerd"`. */
  name: string;
  /** Executable (absolute path or a name looked up on the env's PATH). */
  command: string;
  args: readonly string[];
  /** Complete environment of the daemon. Default: a copy of `process.env`. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** stdout and stderr are appended here. */
  logFile: string;
  /** Polled until it returns true; throwing counts as "not yet". */
  ready: () => Promise<boolean> | boolean;
  /** Give up waiting for `ready` after this long. Default 60 000 ms. */
  readyTimeoutMs?: number;
  /** Pause between readiness polls. Default 100 ms. */
  pollIntervalMs?: number;
  /** Grace period between SIGTERM and SIGKILL on stop. Default 10 000 ms. */
  stopTimeoutMs?: number;
}

/** A running daemon started by {@link startDaemon}. */
export interface Daemon extends Killable {
  readonly logFile: string;
  /** True until the process has exited. */
  isRunning(): boolean;
  /** The last `lines` (default 40) lines of the log file. */
  logTail(lines?: number): string;
  /** Also stop `pid` (a process the daemon started outside its process group) on {@link Daemon.stop}. */
  adopt(pid: number): void;
  /**
   * SIGTERM to the process group, SIGKILL to the group after `stopTimeoutMs`, then stops the
   * adopted PIDs the same way. Idempotent.
   */
  stop(): Promise<void>;
}

/** Reads the last `lines` lines of a log file (at most its last 256 KiB); `""` if unreadable. */
export function readLogTail(file: string, lines = 40): string {
  try {
    const text = readFileSync(file, 'utf8').slice(-256 * 1024);
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts a daemon and resolves once `ready()` holds.
 *
 * @throws DaemonStartError `HARNESS_DAEMON_START` when the process cannot be spawned, exits
 *   before it is ready, or is not ready within `readyTimeoutMs`; the message ends with the tail
 *   of its log. The process is stopped before the error is thrown.
 */
export async function startDaemon(options: DaemonOptions): Promise<Daemon> {
  const { name, logFile, readyTimeoutMs = 60_000, pollIntervalMs = 100 } = options;
  const daemon = spawnDaemon(options);
  try {
    await waitFor(async () => !daemon.isRunning() || (await options.ready()), {
      timeoutMs: readyTimeoutMs,
      intervalMs: pollIntervalMs,
      description: name,
    });
  } catch (error) {
    await daemon.stop();
    throw new DaemonStartError(
      name,
      `not ready after ${readyTimeoutMs} ms`,
      logFile,
      readLogTail(logFile),
      error,
    );
  }
  if (!daemon.isRunning()) {
    await daemon.stop();
    throw new DaemonStartError(
      name,
      `exited before it was ready (${daemon.exitReason()})`,
      logFile,
      readLogTail(logFile),
    );
  }
  return daemon;
}

function spawnDaemon(options: DaemonOptions): Daemon & { exitReason(): string } {
  const { name, command, args, logFile, stopTimeoutMs = STOP_TIMEOUT_MS } = options;
  const fd = openSync(logFile, 'a');
  let exitReason: string | undefined;
  let exited!: () => void;
  const exitedPromise = new Promise<void>((resolve) => (exited = resolve));
  const child = spawn(command, args, {
    env: options.env ?? { ...process.env },
    cwd: options.cwd,
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  child.unref();
  child.once('error', (error) => {
    exitReason ??= `spawn failed: ${error.message}`;
    exited();
  });
  child.once('exit', (code, sig) => {
    exitReason = sig === null ? `exit code ${code}` : `signal ${sig}`;
    exited();
  });
  const pid = child.pid ?? -1;
  const adoptedPids: number[] = [];
  let stopping: Promise<void> | undefined;
  const isRunning = (): boolean => exitReason === undefined;

  const daemon = {
    name,
    pid,
    logFile,
    adoptedPids,
    isRunning,
    exitReason: () => exitReason ?? 'running',
    logTail: (lines?: number) => readLogTail(logFile, lines),
    adopt: (extra: number) => void adoptedPids.push(extra),
    stop: () => (stopping ??= stop()),
  };

  async function stop(): Promise<void> {
    if (pid > 0) {
      if (isRunning()) {
        signal(pid, 'SIGTERM', true);
        if (!(await exitedWithin(stopTimeoutMs))) {
          signal(pid, 'SIGKILL', true);
          await exitedWithin(5_000);
        }
      }
      signal(pid, 'SIGKILL', true); // stragglers left in the group
      await waitForExit(pid, 1_000);
    }
    for (const extra of adoptedPids) await stopPid(extra, stopTimeoutMs);
    untrack(daemon);
  }

  async function exitedWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const result = await Promise.race([exitedPromise.then(() => true), timeout]);
    clearTimeout(timer);
    return result;
  }

  if (pid > 0) track(daemon);
  return daemon;
}
