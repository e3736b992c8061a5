/**
 * Mirrors of an upstream that wants credentials: the bundled registry with Buildkite Packages'
 * auth (private registry, registry tokens, the Docker token flow). The mirror is started from a
 * YAML config whose credentials come from the environment: `username` + `password-env` (Basic,
 * used for the token flow) and `token-env` (a bearer token sent as is) both pull; a token the
 * upstream refuses is a 502 saying so, never a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseConfig,
  silentLogger,
  startRegistryService,
  type RegistryService,
} from '../../src/registry/index.js';
import { newTempDir } from '../support/temp-dir.js';
import { PRIVATE, createAuthFixture, type AuthFixture } from './registry-auth-support.js';
import { pullImage } from './registry-mirror-support.js';
import { send, type TestRegistry } from './registry-support.js';

describe('a mirror of an upstream with Buildkite Packages auth', () => {
  let fixture: AuthFixture;
  let upstream: TestRegistry;
  let mirror: RegistryService;

  beforeAll(async () => {
    fixture = await createAuthFixture();
    upstream = await fixture.start();
    const config = parseConfig(
      [
        'listen: 127.0.0.1:0',
        `storage: ${newTempDir('mirror')}`,
        'mirrors:',
        `  - { prefix: bk/basic, upstream: "${upstream.url}/${PRIVATE}", username: buildkite, password-env: UPSTREAM_TOKEN }`,
        `  - { prefix: bk/bearer, upstream: "${upstream.url}/${PRIVATE}", token-env: UPSTREAM_TOKEN }`,
        `  - { prefix: bk/wrong, upstream: "${upstream.url}/${PRIVATE}", token-env: WRONG_TOKEN }`,
        `  - { prefix: bk/anonymous, upstream: "${upstream.url}/${PRIVATE}" }`,
      ].join('\n'),
    );
    mirror = await startRegistryService(config, {
      logger: silentLogger,
      env: {
        UPSTREAM_TOKEN: fixture.tokens.read,
        WRONG_TOKEN: 'bkpt_not-a-token',
        DOCKER_CONFIG: newTempDir('docker'),
      },
    });
  });

  afterAll(async () => {
    await Promise.all([mirror?.close(), upstream?.registry.close()]);
  });

  it.each(['bk/basic', 'bk/bearer'])(
    '%s pulls the private image with the upstream digest',
    async (prefix) => {
      const pulled = await pullImage(mirror.url, `${prefix}/app`, 'v1');
      expect(pulled.digest).toBe(fixture.seeded[PRIVATE]);
    },
  );

  it('credentials the upstream refuses are a 502 naming the upstream and the refusal', async () => {
    const answer = await send(mirror.url, 'GET', '/v2/bk/wrong/app/manifests/v1');
    expect([answer.status, answer.errorCode]).toEqual([502, 'UNKNOWN']);
    const message = answer.json<{ errors: { message: string }[] }>().errors[0]!.message;
    expect(message).toContain(`${upstream.url}/${PRIVATE}/app`);
    expect(message).toMatch(/401|credentials/);
    expect(message).not.toContain('bkpt_not-a-token');
  });

  it('without credentials (an empty docker config) the private upstream refuses too', async () => {
    const answer = await send(mirror.url, 'GET', '/v2/bk/anonymous/app/manifests/v1');
    expect([answer.status, answer.errorCode]).toEqual([502, 'UNKNOWN']);
  });
});
