/**
 * `container-package login HOST` checks credentials the way `docker login` does (GET /v2/ with
 * them, after the token flow without a repository scope) against every kind of registry: the
 * bundled one with auth on (registry tokens and OIDC tokens), the bundled one in open mode, and
 * CNCF distribution with htpasswd. A refused login stores nothing and exits 3 with the reason.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISTRIBUTION_TOOLS,
  type Distribution,
  describeWithTools,
  newTempDir,
  startDistribution,
} from '../support/index.js';
import { createAuthFixture, PRIVATE, type AuthFixture } from './registry-auth-support.js';
import { startRegistry, type TestRegistry } from './registry-support.js';

const bin = fileURLToPath(new URL('../../bin/container-package', import.meta.url));

async function login(args: string[], secret: string) {
  const dockerConfig = newTempDir('docker-config');
  const run = await execa(process.execPath, [bin, 'login', ...args, '--password-stdin'], {
    reject: false,
    input: `${secret}\n`,
    env: { DOCKER_CONFIG: dockerConfig, NO_COLOR: '1', CI: 'true' },
  });
  const file = join(dockerConfig, 'config.json');
  return { ...run, stored: existsSync(file) ? readFileSync(file, 'utf8') : '' };
}

describe('login against the bundled registry with auth on', () => {
  let fixture: AuthFixture;
  let registry: TestRegistry;
  let host: string;

  beforeAll(async () => {
    fixture = await createAuthFixture();
    registry = await fixture.start();
    host = new URL(registry.url).host;
  });
  afterAll(async () => {
    await registry?.registry.close();
  });

  it.each([
    ['a write token', () => fixture.tokens.write],
    ['a read-only token (docker login accepts it too: it says who, not what)', () => fixture.tokens.read],
    ['an OIDC token', () => fixture.oidc(PRIVATE)],
  ])('accepts %s and stores it', async (_name, secret) => {
    const run = await login([host, '-u', 'buildkite'], secret());
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Logged in to ${host} as buildkite`);
    expect(run.stored).toContain(host);
  });

  it('refuses an unknown token with the registry reason, exit 3, nothing stored', async () => {
    const run = await login([host, '-u', 'buildkite'], `bk-${randomUUID()}`);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('the token is not known to this registry');
    expect(run.stored).toBe('');
  });

  it('refuses an expired OIDC token with the registry reason', async () => {
    const now = Math.floor(Date.now() / 1000);
    const run = await login(
      [host, '-u', 'buildkite'],
      fixture.oidc(PRIVATE, { iat: now - 400, nbf: now - 400, exp: now - 100 }),
    );
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('OIDC token expired');
  });

  it('`{org}/{registry}` with --packages-host logs in to that host as buildkite', async () => {
    const run = await login([PRIVATE, '--packages-host', host], fixture.tokens.write);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Logged in to ${host}/${PRIVATE} as buildkite`);
    expect(JSON.parse(run.stored).auths).toHaveProperty([host]);
  });
});

describe('login against the bundled registry in open mode', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry?.registry.close();
  });

  it('succeeds, as docker login does against a registry that asks for nothing', async () => {
    const host = new URL(registry.url).host;
    const run = await login([host, '-u', 'anyone'], 'anything');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stored).toContain(host);
  });
});

const USER = { username: 'login-user', password: `secret-${randomUUID()}` };

describeWithTools([...DISTRIBUTION_TOOLS], 'login against CNCF distribution with htpasswd', () => {
  let registry: Distribution | undefined;
  beforeAll(async () => {
    registry = await startDistribution({ auth: USER });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('accepts the right password and refuses a wrong one (exit 3, nothing stored)', async () => {
    const ok = await login([registry!.host, '-u', USER.username], USER.password);
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(ok.stored).toContain(registry!.host);
    const wrong = await login([registry!.host, '-u', USER.username], 'nope');
    expect(wrong.exitCode).toBe(3);
    expect(wrong.stored).toBe('');
    for (const out of [ok.stdout, ok.stderr, wrong.stdout, wrong.stderr])
      expect(out).not.toContain(USER.password);
  });
});
