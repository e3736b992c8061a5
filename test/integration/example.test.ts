/**
 * `npm start` runs `container-package example`: the main job end to end on the embedded default
 * (bundled registry with a private registry and a write token, an OCI layout written by us,
 * login, push under two tags, pull instructions), with no engine and no network.
 */
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/container-package', import.meta.url));

describe('container-package example (npm start)', () => {
  it('pushes the example image under two tags and prints pull instructions pinned by digest', async () => {
    const { stdout, stderr, exitCode } = await execa(process.execPath, [bin, 'example'], {
      reject: false,
      env: { CI: 'true' },
    });
    expect(exitCode, stderr).toBe(0);
    const digest = /hello@(sha256:[a-f0-9]{64})/.exec(stdout)?.[1];
    expect(digest).toBeDefined();
    expect(stdout).toMatch(/docker pull 127\.0\.0\.1:\d+\/example\/images\/hello@sha256:[a-f0-9]{64}/);
    expect(stdout).toMatch(/hello:1`/);
    expect(stdout).toMatch(/hello:latest`/);
    expect(stdout).toContain('--password-stdin');
    expect(stdout).toContain('-u buildkite');
    expect(stdout).toContain('Stopped the registry');
    expect(stderr).toContain(`manifest ${digest!.slice(7, 19)} tagged latest`);
    // The write token is never printed.
    expect(`${stdout}\n${stderr}`).not.toMatch(/bkpt_[A-Za-z0-9_-]{20,}/);
  });
});
