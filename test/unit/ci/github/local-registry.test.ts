import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { actionCli, stopStepRegistry } from '../../../../src/ci/github/index.js';
import { ACTION_ROOT } from '../../../integration/action-runner.js';

describe('actionCli', () => {
  test('finds bin/container-package of the checkout', () => {
    expect(actionCli()).toBe(join(ACTION_ROOT, 'bin', 'container-package'));
    expect(actionCli(join(ACTION_ROOT, 'dist', 'action'))).toBe(
      join(ACTION_ROOT, 'bin', 'container-package'),
    );
  });

  test('outside a checkout: CI_ACTION_INCOMPLETE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gh-cli-'));
    try {
      expect(() => actionCli(dir)).toThrowError(expect.objectContaining({ code: 'CI_ACTION_INCOMPLETE' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stopStepRegistry', () => {
  test('never signals a PID that is not that registry, and still removes the storage', async () => {
    const storage = mkdtempSync(join(tmpdir(), 'gh-registry-'));
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await stopStepRegistry({ pid: other.pid!, address: '127.0.0.1:1', storage });
      expect(existsSync(storage)).toBe(false);
      expect(other.exitCode).toBeNull();
      expect(() => process.kill(other.pid!, 0)).not.toThrow();
      await stopStepRegistry({ pid: other.pid!, address: '127.0.0.1:1', storage });
    } finally {
      other.kill('SIGKILL');
    }
  });
});
