/**
 * Safety net: every daemon the harness starts is recorded here until it is stopped, and is
 * killed (SIGKILL to its process group and to the PIDs it adopted) if the test process exits or
 * is interrupted (SIGINT, SIGTERM, SIGHUP) first; cleanups registered with `onEmergencyExit`
 * (removing the temp dir) run after that. The record lives on `globalThis` so that every copy
 * of this module in one worker process (vitest re-imports modules per test file) shares one set
 * and one handler. Nothing can be done when the process is SIGKILLed; dockerd's containerd then
 * still dies with dockerd (it is started with a parent-death signal).
 */
import { isAlive, signal } from './pids.js';

/** What the registry needs to kill a daemon synchronously. */
export interface Killable {
  readonly name: string;
  readonly pid: number;
  /** Extra PIDs outside the daemon's process group that belong to it (e.g. dockerd's containerd). */
  readonly adoptedPids: readonly number[];
  stop(): Promise<void>;
}

interface RegistryState {
  live: Set<Killable>;
  cleanups: Set<() => void>;
  hooked: boolean;
}

const KEY = Symbol.for('container-package.test.process-registry');

function state(): RegistryState {
  const holder = globalThis as unknown as Record<symbol, RegistryState | undefined>;
  holder[KEY] ??= { live: new Set(), cleanups: new Set(), hooked: false };
  return holder[KEY];
}

function hook(s: RegistryState): void {
  if (s.hooked) return;
  s.hooked = true;
  process.on('exit', emergency);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      emergency();
      // Re-raise for the default action unless someone else (the test runner) handles it.
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }
}

function emergency(): void {
  killAllSync();
  for (const cleanup of state().cleanups) {
    try {
      cleanup();
    } catch {
      // best effort while exiting
    }
  }
}

/** Records a started daemon; installs the exit and signal handlers on first use. */
export function track(daemon: Killable): void {
  const s = state();
  s.live.add(daemon);
  hook(s);
}

/**
 * Runs `cleanup` synchronously if the process exits or is interrupted, after live daemons are
 * killed. Returns a function that unregisters it.
 */
export function onEmergencyExit(cleanup: () => void): () => void {
  const s = state();
  s.cleanups.add(cleanup);
  hook(s);
  return () => s.cleanups.delete(cleanup);
}

/** Forgets a daemon once it has been stopped. */
export function untrack(daemon: Killable): void {
  state().live.delete(daemon);
}

/** Daemons started and not yet stopped, oldest first. */
export function liveDaemons(): Killable[] {
  return [...state().live];
}

/** Stops every live daemon gracefully, newest first (dependents before what they depend on). */
export async function stopAllDaemons(): Promise<void> {
  const errors: unknown[] = [];
  for (const daemon of liveDaemons().reverse()) {
    try {
      await daemon.stop();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, 'some test daemons could not be stopped');
}

/**
 * Last resort on exit: SIGKILL every live daemon's group and adopted PIDs, then wait (blocking,
 * at most 500 ms: the test runner may kill an interrupted worker soon) until they are gone.
 */
export function killAllSync(): void {
  const pids: number[] = [];
  for (const daemon of state().live) {
    signal(daemon.pid, 'SIGKILL', true);
    for (const pid of [daemon.pid, ...daemon.adoptedPids]) {
      signal(pid, 'SIGKILL');
      pids.push(pid);
    }
  }
  state().live.clear();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + 500;
  while (pids.some(isAlive) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 20);
}
