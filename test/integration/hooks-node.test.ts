/**
 * The hooks need Node.js >= 22.19 on the agent; with an older one (or none) they fail with a
 * message that says so and what to do, not a stack trace from deep inside a bundle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { PLUGIN_DIR } from '../support/index.js';

const hook = join(PLUGIN_DIR, 'hooks', 'environment');
const systemNode = '/usr/bin/node';
const oldNode =
  existsSync(systemNode) &&
  Number(execFileSync(systemNode, ['-p', 'process.versions.node.split(".")[0]']).toString().trim()) < 22;

describe('hooks and the Node.js version', () => {
  it.runIf(oldNode)('an old Node.js gets a clear message', async () => {
    const run = await execa('bash', ['-c', `source "${hook}"`], {
      reject: false,
      env: { CONTAINER_PACKAGE_NODE: systemNode, BUILDKITE_PLUGIN_CONFIGURATION: '{}' },
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('needs Node.js 22.19 or newer');
  });

  it('a missing Node.js gets a clear message', async () => {
    const run = await execa('bash', ['-c', `source "${hook}"`], {
      reject: false,
      env: { CONTAINER_PACKAGE_NODE: '/nonexistent/node', PATH: '/usr/bin:/bin' },
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('Node.js 22.19 or newer is required');
    expect(run.stderr).toContain('CONTAINER_PACKAGE_NODE');
  });
});
