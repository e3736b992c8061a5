/**
 * The launcher's fast paths (dist/fast.js, src/cli/fast/): what they take, what they leave to the
 * oclif CLI, and that a failure reads and exits exactly as through oclif.
 */
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { BIN } from './registry-cli-support.js';

const ROOT = join(BIN, '../..');

/** Runs `runFast(args)` from the bundle in a child; reports what it returned and printed. */
function runFast(args: string[], env: Record<string, string> = {}) {
  const code = `const { runFast } = await import(${JSON.stringify(join(ROOT, 'dist/fast.js'))}); console.log('taken=' + (await runFast(${JSON.stringify(args)})));`;
  return execa(process.execPath, ['--input-type=module', '-e', code], {
    reject: false,
    timeout: 30_000,
    env: { NO_COLOR: '1', ...env },
  });
}

/** Runs `args` through the oclif CLI only (dist/cli.js), as the launcher does when no fast path takes them. */
function runOclif(args: string[], env: Record<string, string> = {}) {
  const code = `const { run } = await import(${JSON.stringify(join(ROOT, 'dist/cli.js'))}); await run(${JSON.stringify(args)});`;
  return execa(process.execPath, ['--input-type=module', '-e', code], {
    reject: false,
    timeout: 30_000,
    env: { NO_COLOR: '1', ...env },
  });
}

describe('fast paths', () => {
  test.each([
    ['push with a flag it does not know', ['push', 'oci:/nowhere', '--to', '127.0.0.1:1/x:y', '--bogus']],
    ['push without --to', ['push', 'oci:/nowhere']],
    [
      'push with a bad --compression',
      ['push', 'oci:/nowhere', '--to', '127.0.0.1:1/x:y', '--compression', 'lz4'],
    ],
    ['push help', ['push', '--help']],
    ['a hook without a name', ['buildkite-hook']],
    ['an unknown hook', ['buildkite-hook', 'bogus']],
    ['a hook with an extra argument', ['buildkite-hook', 'environment', 'extra']],
    ['hook help', ['buildkite-hook', '--help']],
  ])('%s: left to the oclif CLI, having done nothing', async (_, args) => {
    const result = await runFast(args);
    expect(result.stdout).toBe('taken=false');
    expect(result.stderr).toBe('');
  });

  test.each([[['--version']], [['--version', 'extra']]])(
    '%j: answered by the launcher, printing what oclif prints',
    async (args) => {
      const fast = await execa(process.execPath, [BIN, ...args], { reject: false, env: { NO_COLOR: '1' } });
      const oclif = await runOclif(args);
      expect(fast.stdout).toMatch(/^container-package\/\d+\.\d+\.\d+\S* linux-\S+ node-v\d+/);
      expect({ code: fast.exitCode, stdout: fast.stdout, stderr: fast.stderr }).toEqual({
        code: oclif.exitCode,
        stdout: oclif.stdout,
        stderr: oclif.stderr,
      });
    },
  );

  test('a failing hook prints the same error and exits with the same code as through oclif', async () => {
    const env = {
      BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify({ push: 'sometimes' }),
      BUILDKITE_JOB_ID: 'job-1',
    };
    const fast = await execa(process.execPath, [BIN, 'buildkite-hook', 'environment'], {
      reject: false,
      env: { NO_COLOR: '1', ...env },
    });
    const oclif = await runOclif(['buildkite-hook', 'environment'], env);
    expect(fast.exitCode).toBe(2);
    expect(fast.stderr).toContain('`push` must be one of success, always, never; got "sometimes"');
    expect(fast.stderr).toContain('Code: CI_CONFIG_INVALID');
    expect({ code: fast.exitCode, stdout: fast.stdout, stderr: fast.stderr }).toEqual({
      code: oclif.exitCode,
      stdout: oclif.stdout,
      stderr: oclif.stderr,
    });
  });

  test('a failing push prints the same error and exits with the same code as through oclif', async () => {
    const args = ['push', 'oci:/nonexistent/layout', '--to', '127.0.0.1:1/team/app:v1'];
    const fast = await execa(process.execPath, [BIN, ...args], { reject: false, env: { NO_COLOR: '1' } });
    const oclif = await runOclif(args);
    expect(fast.exitCode).not.toBe(0);
    expect(fast.stderr).toContain('/nonexistent/layout');
    expect({ code: fast.exitCode, stdout: fast.stdout, stderr: fast.stderr }).toEqual({
      code: oclif.exitCode,
      stdout: oclif.stdout,
      stderr: oclif.stderr,
    });
  });

  test('push: the fast path and the oclif command read the same definitions', async () => {
    const { PUSH_ARG_SPECS, PUSH_FLAG_SPECS } = await import('../../src/cli/flag-specs.js');
    const { default: PushCommand } = await import('../../src/cli/commands/push.js');
    expect(Object.keys(PushCommand.flags).sort()).toEqual(Object.keys(PUSH_FLAG_SPECS).sort());
    expect(Object.keys(PushCommand.args)).toEqual(Object.keys(PUSH_ARG_SPECS));
    for (const [name, spec] of Object.entries(PUSH_FLAG_SPECS)) {
      expect(PushCommand.flags[name as keyof typeof PUSH_FLAG_SPECS].description).toBe(spec.description);
    }
  });

  test("an unknown hook still gets oclif's usage error through the launcher", async () => {
    const result = await execa(process.execPath, [BIN, 'buildkite-hook', 'bogus'], {
      reject: false,
      env: { NO_COLOR: '1' },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Expected bogus to be one of: environment, post-checkout');
  });
});
