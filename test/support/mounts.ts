/** Mount points under a directory, and removing a directory safely when mounts may be left in it. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Mount points at or under `dir`, from /proc/mounts, outermost first. `[]` if unreadable. */
export function mountsUnder(dir: string): string[] {
  let table: string;
  try {
    table = readFileSync('/proc/mounts', 'utf8');
  } catch {
    return [];
  }
  return table
    .split('\n')
    .map((line) => (line.split(' ')[1] ?? '').replace(/\\040/g, ' '))
    .filter((mountPoint) => mountPoint === dir || mountPoint.startsWith(dir + '/'));
}

/**
 * Removes `dir` recursively. Mounts left under it (a dockerd killed with SIGKILL keeps its
 * data-root bind mount) are lazily unmounted first: every mount under a harness temp dir is the
 * harness's own. Returns false, leaving `dir` in place, if a mount could not be removed.
 *
 * @param last Name of an entry of `dir` deleted after all others (an ownership marker, so that
 *   an interrupted removal leaves a dir that can still be recognised and finished later).
 */
export function removeTree(dir: string, last?: string): boolean {
  if (!existsSync(dir)) return true;
  for (const mountPoint of mountsUnder(dir).reverse()) {
    try {
      execFileSync('umount', ['--lazy', mountPoint], { stdio: 'ignore', timeout: 5_000 });
    } catch {
      // reported through the return value
    }
  }
  if (mountsUnder(dir).length > 0) return false;
  if (last !== undefined) {
    for (const entry of readdirSync(dir).filter((name) => name !== last)) {
      rmSync(join(dir, entry), { recursive: true, force: true, maxRetries: 3 });
    }
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  return true;
}
