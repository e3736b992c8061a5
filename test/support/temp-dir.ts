/**
 * The per-test-file temporary directory. `setup.ts` creates one before each test file and
 * removes it afterwards; helpers put their daemons' data, sockets, configs and logs under it.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { HarnessError } from './errors.js';
import { mountsUnder, removeTree } from './mounts.js';
import { isAlive, pidsReferencing, readPidFile, signal } from './pids.js';

/** Environment variable that carries the current test file's temp dir (set by `setup.ts`). */
export const TEST_TMP_ENV = 'CONTAINER_PACKAGE_TEST_TMP';

/** Set to `1` to keep each test file's temp dir (daemon logs, configs) after the run. */
export const KEEP_TMP_ENV = 'CONTAINER_PACKAGE_KEEP_TMP';

/**
 * Unix socket paths are limited to 108 bytes; sockets live a few levels under the temp dir, so
 * the temp dir itself must stay short. Past this length `/tmp` is used instead of `os.tmpdir()`.
 */
const MAX_BASE_LENGTH = 40;

const PREFIX = 'cp-';
/** Holds the PID of the process that owns a temp dir, for {@link sweepStale}. */
const OWNER_FILE = '.owner-pid';

let current: string | undefined;

/**
 * Creates a fresh temp dir named `cp-XXXXXX` under `os.tmpdir()` (or `/tmp` when `TMPDIR` is
 * too long for unix sockets to fit under it) and makes it the current test file's temp dir.
 * First removes the dirs that killed runs left behind there.
 */
export function createTestTempDir(): string {
  const base = tmpdir().length <= MAX_BASE_LENGTH ? tmpdir() : '/tmp';
  sweepStale(base);
  current = mkdtempSync(join(base, PREFIX));
  writeFileSync(join(current, OWNER_FILE), `${process.pid}\n`);
  process.env[TEST_TMP_ENV] = current;
  return current;
}

/**
 * The current test file's temp dir.
 *
 * @throws HarnessError `HARNESS_NO_TEMP_DIR` when `test/support/setup.ts` did not run (check the
 *   `setupFiles` entry of vitest.config.ts).
 */
export function testTempDir(): string {
  const dir = current ?? process.env[TEST_TMP_ENV];
  if (dir === undefined || dir === '') {
    throw new HarnessError('HARNESS_NO_TEMP_DIR', 'no per-test-file temp dir has been created', {
      hint: 'list test/support/setup.ts in setupFiles of vitest.config.ts',
    });
  }
  return dir;
}

/** Creates a new unique directory `PREFIX-XXXXXX` under the test file's temp dir and returns its path. */
export function newTempDir(prefix: string): string {
  return mkdtempSync(join(testTempDir(), `${prefix}-`));
}

/**
 * Writes `files` (relative path -> content) under `dir`, creating parent directories, and
 * returns `dir`. Paths escaping `dir` (`../x`, absolute) are refused.
 */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string {
  for (const [rel, content] of Object.entries(files)) {
    const target = resolve(dir, rel);
    if (!target.startsWith(resolve(dir) + '/')) {
      throw new HarnessError('HARNESS_BAD_PATH', `refusing to write ${rel}: outside ${dir}`);
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return dir;
}

/**
 * Removes the current temp dir unless `CONTAINER_PACKAGE_KEEP_TMP=1`, unmounting what daemons
 * left mounted in it; if a mount cannot be removed, the dir stays, with a warning.
 */
export function removeTestTempDir(): void {
  const dir = current;
  current = undefined;
  delete process.env[TEST_TMP_ENV];
  if (dir === undefined) return;
  if (process.env[KEEP_TMP_ENV] === '1') {
    console.warn(`test temp dir kept (${KEEP_TMP_ENV}=1): ${dir}`);
    return;
  }
  if (!removeTree(dir, OWNER_FILE))
    console.warn(`test temp dir ${dir} not removed: still mounted: ${mountsUnder(dir).join(', ')}`);
}

/**
 * Removes temp dirs of earlier runs that were killed before they could clean up (Ctrl-C: the
 * test runner kills its workers quickly): `cp-*` dirs in `base` whose owner process is gone,
 * after SIGKILLing the orphaned daemons whose command line names the dir. Dirs without an owner
 * file, or whose owner is alive, are left alone. Best effort.
 */
function sweepStale(base: string): void {
  let names: string[];
  try {
    names = readdirSync(base).filter((name) => name.startsWith(PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(base, name);
    const owner = readPidFile(join(dir, OWNER_FILE));
    if (owner === undefined || isAlive(owner)) continue;
    try {
      const orphans = pidsReferencing(`${dir}/`);
      for (const pid of orphans) signal(pid, 'SIGKILL');
      const pause = new Int32Array(new SharedArrayBuffer(4));
      const deadline = Date.now() + 2_000;
      while (orphans.some(isAlive) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 20);
      removeTree(dir, OWNER_FILE);
    } catch {
      // another sweeper got there first, or a file is in use: try again next time
    }
  }
}
