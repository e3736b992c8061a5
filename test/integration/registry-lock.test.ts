/**
 * One process per storage directory, with the real CLI: a second `registry serve` on a directory
 * in use is refused with the holder's PID and what to do; after the holder is killed with
 * `kill -9`, the next one takes its stale lock over; a stopped registry leaves no lock behind;
 * `registry gc` is refused while another collection holds the directory.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireStorageLock } from '../../src/registry/ops/storage-lock.js';
import { newTempDir } from '../support/temp-dir.js';
import { cli, killAllServes, requireBundle, startServe } from './registry-cli-support.js';
import { send } from './registry-support.js';

beforeAll(() => requireBundle());

/** stderr on one line (oclif may wrap errors and prefix lines with ` ›`). */
const oneLine = (text: string) => text.replace(/\s*›\s*/g, ' ').replace(/\s+/g, ' ');
afterAll(() => killAllServes());

describe('storage lock', () => {
  it('refuses a second serve naming the PID, takes over after kill -9, leaves nothing after SIGTERM', async () => {
    const storage = newTempDir('lock');
    const first = await startServe(['--listen', '127.0.0.1:0', '--storage', storage]);
    const pid = first.child.pid!;
    const second = await cli(['registry', 'serve', '--listen', '127.0.0.1:0', '--storage', storage]);
    expect(second.exitCode).toBe(1);
    expect(oneLine(second.stderr)).toContain(`a registry serves this storage directory: PID ${pid}`);
    expect(oneLine(second.stderr)).toContain(`kill -TERM ${pid}`);
    expect((await send(first.url, 'GET', '/v2/')).status).toBe(200);

    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(join(storage, 'registry.lock'))).toBe(true);
    const third = await startServe(['--listen', '127.0.0.1:0', '--storage', storage]);
    expect((await send(third.url, 'GET', '/v2/')).status).toBe(200);
    third.child.kill('SIGTERM');
    expect((await third.exited).code).toBe(0);
    expect(existsSync(join(storage, 'registry.lock'))).toBe(false);
  });

  it('refuses a registry gc while another collection holds the directory', async () => {
    const storage = newTempDir('lock');
    const held = await acquireStorageLock(storage, 'gc', { command: 'container-package registry gc' });
    try {
      const refused = await cli(['registry', 'gc', '--storage', storage]);
      expect(refused.exitCode).toBe(1);
      expect(oneLine(refused.stderr)).toContain(
        `a garbage collection is running on this storage directory: PID ${process.pid}`,
      );
    } finally {
      await held.release();
    }
    expect((await cli(['registry', 'gc', '--storage', storage])).exitCode).toBe(0);
  });
});
