import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireStorageLock, isAlive, type LockHolder } from '../../../../src/registry/ops/storage-lock.js';
import { newTempDir } from '../../../support/temp-dir.js';

/** A PID that existed a moment ago and is gone now. */
function deadPid(): number {
  const child = spawnSync('true');
  return child.pid!;
}

function holder(extra: Partial<LockHolder>): LockHolder {
  return {
    pid: process.pid,
    host: hostname(),
    command: 'container-package registry serve',
    since: '2026-01-01T00:00:00.000Z',
    token: 'old',
    ...extra,
  };
}

describe('acquireStorageLock', () => {
  it('refuses a second holder, naming its PID and what to do, until the first releases', async () => {
    const root = newTempDir('lock');
    const first = await acquireStorageLock(root, 'serve');
    expect(JSON.parse(readFileSync(join(root, 'registry.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    const refused = await acquireStorageLock(root, 'serve').catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'REGISTRY_STORAGE_LOCKED',
      message: expect.stringContaining(`PID ${process.pid}`),
      hint: expect.stringContaining(`kill -TERM ${process.pid}`),
    });
    await first.release();
    expect(existsSync(first.path)).toBe(false);
    const second = await acquireStorageLock(root, 'serve');
    await second.release();
  });

  it('keeps the serve and gc roles apart', async () => {
    const root = newTempDir('lock');
    const serve = await acquireStorageLock(root, 'serve');
    const gc = await acquireStorageLock(root, 'gc');
    await expect(acquireStorageLock(root, 'gc')).rejects.toMatchObject({
      code: 'REGISTRY_STORAGE_LOCKED',
      message: expect.stringContaining('a garbage collection is running'),
    });
    await gc.release();
    await serve.release();
  });

  it.each([
    ['a dead PID', () => holder({ pid: deadPid() })],
    ['a PID reused by a process started at another time', () => holder({ start: '1' })],
  ])('takes over a stale lock held by %s', async (_name, stale) => {
    const root = newTempDir('lock');
    writeFileSync(join(root, 'registry.lock'), JSON.stringify(stale()));
    const lock = await acquireStorageLock(root, 'serve');
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({
      pid: process.pid,
      token: lock.holder.token,
    });
    await lock.release();
  });

  it('does not remove a lock that is no longer its own', async () => {
    const root = newTempDir('lock');
    const lock = await acquireStorageLock(root, 'serve');
    writeFileSync(lock.path, JSON.stringify(holder({ token: 'successor' })));
    await lock.release();
    expect(existsSync(lock.path)).toBe(true);
  });
});

describe('isAlive', () => {
  it('tells live holders from dead and reused PIDs; another host is assumed alive', () => {
    const self = readFileSync('/proc/self/stat', 'utf8');
    const start = self.slice(self.lastIndexOf(')') + 2).split(' ')[19];
    expect(isAlive(holder({ start }))).toBe(true);
    expect(isAlive(holder({ start: '1' }))).toBe(false);
    expect(isAlive(holder({ pid: deadPid() }))).toBe(false);
    expect(isAlive(holder({ pid: deadPid(), host: 'elsewhere.example' }))).toBe(true);
  });

  it('a holder that exited but was not reaped (a zombie) is dead: its lock is stale', async () => {
    // The child exits after its parent has become `sleep 30`, which never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 30'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const [line] = (await once(parent.stdout, 'data')) as [Buffer];
      const pid = Number(line.toString().trim());
      const stat = (): string => readFileSync(`/proc/${pid}/stat`, 'utf8');
      const state = (): string => stat().slice(stat().lastIndexOf(')') + 2)[0]!;
      for (let i = 0; i < 300 && state() !== 'Z'; i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(state()).toBe('Z');
      const start = stat()
        .slice(stat().lastIndexOf(')') + 2)
        .split(' ')[19];
      expect(isAlive(holder({ pid, start }))).toBe(false);
      expect(isAlive(holder({ pid }))).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
