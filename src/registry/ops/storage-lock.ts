import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ContainerPackageError } from '../../errors.js';
import { isMissing } from '../storage/errors.js';

/**
 * One process per storage directory. A lock is a small JSON file created with `O_EXCL` (`wx`)
 * that names its holder: PID, the process's start time from `/proc/PID/stat` (so a reused PID is
 * not mistaken for the holder), host, command and since when. It is held for the process's life
 * (removed on release and on exit); one left by a process that was killed (`kill -9`, a crash, a
 * reboot) is stale: the holder's PID is gone or now belongs to a process started at another time,
 * and the next process takes it over. Why a file and not `flock(2)`: Node has no `flock` without
 * a native addon or a helper child, and the file tells the refused process who holds it.
 *
 * The roles: `serve` (`registry.lock`) is one serving registry; `gc` (`gc.lock`) is one offline
 * `registry gc`. They are separate files because an offline collection beside a serving registry
 * is safe within the grace period (see docs/registry.md); two of the same kind are refused.
 */
export type LockRole = 'serve' | 'gc';

const FILES: Record<LockRole, string> = { serve: 'registry.lock', gc: 'gc.lock' };

/** Who holds a lock. */
export interface LockHolder {
  readonly pid: number;
  /** Field 22 of `/proc/PID/stat` (clock ticks since boot), when the system has `/proc`. */
  readonly start?: string;
  readonly host: string;
  readonly command: string;
  /** ISO time it was taken. */
  readonly since: string;
  /** Unique per acquisition: tells our own file from a successor's. */
  readonly token: string;
}

/** A held lock. */
export interface StorageLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock file (when it is still ours). Safe to call twice. */
  release(): Promise<void>;
}

/** The storage directory is in use by another process. Code `REGISTRY_STORAGE_LOCKED`. */
export class StorageLockedError extends ContainerPackageError {
  readonly holder: LockHolder;
  readonly path: string;

  constructor(path: string, holder: LockHolder, role: LockRole) {
    const who = `PID ${holder.pid}${holder.host === hostname() ? '' : ` on host ${holder.host}`}`;
    const what = role === 'serve' ? 'a registry serves' : 'a garbage collection is running on';
    super(
      'REGISTRY_STORAGE_LOCKED',
      `${what} this storage directory: ${who} (${holder.command}, since ${holder.since}) holds ${path}`,
      {
        hint:
          role === 'serve'
            ? `stop that registry first (kill -TERM ${holder.pid}) or give this one another --storage; ` +
              `if no such process runs any more, remove ${path}`
            : `wait for it to finish (or stop it: kill -TERM ${holder.pid}); if no such process runs any more, remove ${path}`,
      },
    );
    this.name = 'StorageLockedError';
    this.holder = holder;
    this.path = path;
  }
}

/** Options of {@link acquireStorageLock}. */
export interface AcquireOptions {
  /** What the holder is doing, shown to a refused process. Default: this process's argv[1..2]. */
  readonly command?: string;
}

/**
 * Takes the `role` lock of the storage directory `root` (which must exist), taking over a stale
 * one.
 *
 * @throws StorageLockedError (`REGISTRY_STORAGE_LOCKED`) naming the live holder
 */
export async function acquireStorageLock(
  root: string,
  role: LockRole,
  options: AcquireOptions = {},
): Promise<StorageLock> {
  const path = join(root, FILES[role]);
  const holder: LockHolder = {
    pid: process.pid,
    ...startTimeOf(process.pid),
    host: hostname(),
    command: options.command ?? `container-package registry ${role}`,
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  const text = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (await createExclusive(path, text)) return heldLock(path, holder, text);
    const current = await readHolder(path);
    if (current === 'gone') continue;
    if (current === 'torn') {
      // Being written this very moment, or left half-written by a crash: give it a moment.
      if (Date.now() - (await mtimeOf(path)) < 2000) {
        await delay(50);
        continue;
      }
    } else if (isAlive(current)) {
      throw new StorageLockedError(path, current, role);
    }
    await takeOver(path, current);
  }
  throw new Error(`could not take ${path}: it keeps changing (several processes starting at once?)`);
}

function heldLock(path: string, holder: LockHolder, text: string): StorageLock {
  let released = false;
  const releaseSync = (): void => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(path, 'utf8') === text) unlinkSync(path);
    } catch {
      // Gone already, or unreadable: nothing of ours to remove.
    }
  };
  process.once('exit', releaseSync);
  return {
    path,
    holder,
    release: async () => {
      process.off('exit', releaseSync);
      releaseSync();
    },
  };
}

async function createExclusive(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return true;
}

/** The holder in the lock file, `gone` when there is none, `torn` when it cannot be parsed. */
async function readHolder(path: string): Promise<LockHolder | 'gone' | 'torn'> {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return 'gone';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.token !== 'string') return 'torn';
    return value as LockHolder;
  } catch {
    return 'torn';
  }
}

/**
 * Moves a stale lock aside. When what was moved is not the stale lock judged (another process
 * took it over meanwhile), it is put back (`link` fails rather than overwrite a third one).
 */
async function takeOver(path: string, stale: LockHolder | 'torn'): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  const moved = await readHolder(aside);
  const same = stale === 'torn' ? moved === 'torn' : typeof moved === 'object' && moved.token === stale.token;
  if (!same) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/**
 * True unless the holder is on this host and its PID is gone, was reused, or has exited and
 * awaits its parent (a zombie: a registry killed under a parent that does not reap, such as a
 * container's shell, would otherwise keep its storage locked until that parent exits).
 */
export function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const now = startTimeOf(holder.pid);
  if (now.state === 'Z' || now.state === 'X') return false;
  if (holder.start === undefined) return true;
  return now.start === undefined || now.start === holder.start;
}

/** Fields 3 (`state`) and 22 (`starttime`) of `/proc/PID/stat`, or nothing without `/proc`. */
function startTimeOf(pid: number): { start?: string; state?: string } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [state, start] = [fields[0], fields[19]];
    return { ...(start === undefined ? {} : { start }), ...(state === undefined ? {} : { state }) };
  } catch {
    return {};
  }
}

async function mtimeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
