/**
 * vitest setup file (see `setupFiles` in vitest.config.ts), run before each test file.
 *
 * - Cleans the environment at once, so code evaluated while the file is collected already sees
 *   it (see `clean-env.ts` for what is removed; `CI` is kept).
 * - Creates a fresh temp dir in `beforeAll` (`testTempDir()`, also in
 *   `process.env.CONTAINER_PACKAGE_TEST_TMP`); it does not exist while tests are collected.
 * - In `afterAll` stops every daemon the file left running, removes the temp dir (kept with
 *   `CONTAINER_PACKAGE_KEEP_TMP=1`) and restores the environment. If the run is interrupted,
 *   the daemons are killed and the dir removed as the process exits.
 */
import { afterAll, beforeAll } from 'vitest';
import { cleanEnv } from './clean-env.js';
import { onEmergencyExit, stopAllDaemons } from './process-registry.js';
import { createTestTempDir, removeTestTempDir } from './temp-dir.js';

const restoreEnv = cleanEnv();
let forgetCleanup: (() => void) | undefined;

beforeAll(() => {
  createTestTempDir();
  // Interrupted runs (Ctrl-C) skip afterAll: kill the daemons and remove the dir on the way out.
  forgetCleanup = onEmergencyExit(removeTestTempDir);
});

// afterAll hooks run in reverse order of registration, so this one runs after the file's own.
afterAll(async () => {
  try {
    await stopAllDaemons();
  } finally {
    forgetCleanup?.();
    removeTestTempDir();
    restoreEnv();
  }
});
