/**
 * Test-only crash points: when `CONTAINER_PACKAGE_TEST_CRASH_AT` names a point, the process kills
 * itself with SIGKILL there, exactly as `kill -9` would. Unset (always, outside the crash tests),
 * a call is one environment read and nothing else.
 */
export const CRASH_ENV = 'CONTAINER_PACKAGE_TEST_CRASH_AT';

/** The named places a test may crash the process at. */
export type CrashPointName =
  /** GC sweep: one digest's layer links removed, its content not yet. */
  | 'gc-sweep-mid-digest'
  /** GC sweep: right after the first content file was removed. */
  | 'gc-sweep-after-content';

/** Kills the process with SIGKILL when the crash test asked for `name`. */
export function crashPoint(name: CrashPointName): void {
  if (process.env[CRASH_ENV] === name) process.kill(process.pid, 'SIGKILL');
}
