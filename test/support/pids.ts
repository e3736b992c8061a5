/** Signals and liveness checks by PID and process group, for processes we may not have spawned. */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Default grace period between SIGTERM and SIGKILL. */
export const STOP_TIMEOUT_MS = 10_000;

/**
 * True while `pid` exists and is not a zombie (a zombie has exited; only its parent has not
 * reaped it yet, which for a daemon's grandchild may never happen in a container).
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Sends `signal` to `pid` (or, with `group`, to its process group `-pid`); "no such process" is ignored. */
export function signal(pid: number, sig: NodeJS.Signals, group = false): void {
  try {
    process.kill(group ? -pid : pid, sig);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Polls until `pid` is gone; resolves `true` if it went within `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Stops a process that is not our child (e.g. the containerd that dockerd started): SIGTERM,
 * then SIGKILL if it is still alive after `timeoutMs` (default {@link STOP_TIMEOUT_MS}).
 */
export async function stopPid(pid: number, timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
  if (!isAlive(pid)) return;
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, timeoutMs)) return;
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
}

/** Reads a PID file; `undefined` when it is missing or does not hold a positive integer. */
export function readPidFile(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** PIDs of live processes whose command line mentions `path` (as an argument or part of one). */
export function pidsReferencing(path: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(path) && isAlive(pid)) found.push(pid);
    } catch {
      // exited meanwhile
    }
  }
  return found;
}
