/**
 * The benchmark's timed runner: a command that outlives its timeout is killed with everything it
 * started (a stuck peer once held a whole `npm run bench` for good), and says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runTimed } from '../../../bench/lib/command.js';
import { newTempDir } from '../../support/temp-dir.js';

describe('runTimed', () => {
  it('kills a command that times out, and the processes it started, with a message that says so', async () => {
    // `sh` starts a `sleep` of its own and waits for it: killing only the outer process would
    // leave the sleep holding the output pipe open, and the run would wait for it.
    const started = Date.now();
    const pidFile = join(newTempDir('run-timed'), 'pid');
    const failed = runTimed('sh', ['-c', `sleep 30 & echo $! > ${pidFile}; wait`], { timeoutMs: 500 });
    await expect(failed).rejects.toMatchObject({ code: 'BENCH_COMMAND_FAILED' });
    await expect(failed).rejects.toThrow('timed out after 0.5 s and killed');
    expect(Date.now() - started).toBeLessThan(10_000);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    await sleep(100);
    // The inner sleep is gone too (or a zombie, where PID 1 does not reap orphans).
    const state = existsSync(`/proc/${pid}/stat`)
      ? readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0]
      : 'gone';
    expect(['gone', 'Z']).toContain(state);
  });

  it('measures a command that ends in time', async () => {
    const run = await runTimed('sh', ['-c', 'echo hello'], { timeoutMs: 10_000 });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('hello\n');
    expect(run.wallSeconds).toBeGreaterThan(0);
  });
});
