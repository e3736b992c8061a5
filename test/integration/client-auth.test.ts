/**
 * Authentication of the registry client against real servers: distribution with htpasswd (Basic),
 * credentials from a docker config file and from a credential helper on PATH, and the docker token
 * flow through a bearer gateway (token cache per scope, refresh after revocation or expiry,
 * OAuth2 refresh tokens, mount scopes). No credential ever shows up in errors or progress events.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RegistryClient,
  anonymousCredentials,
  dockerConfigCredentials,
  staticCredentials,
  storeCredentials,
} from '../../src/client/index.js';
import {
  DISTRIBUTION_TOOLS,
  type Distribution,
  describeWithTools,
  newTempDir,
  startDistribution,
} from '../support/index.js';
import { type BearerGateway, startBearerGateway } from './client-bearer-gateway.js';
import { randomImage } from './client-fixtures.js';

const USER = { username: 'ci-user', password: 'pa55:word-SECRET-7f3a' };
const REFRESH = 'refresh-SECRET-91bc';
const FAST = { retries: 1, backoffBaseMs: 1, backoffMaxMs: 5 };

describeWithTools(DISTRIBUTION_TOOLS, 'registry client authentication', () => {
  let plain: Distribution;
  let basic: Distribution;
  let gateway: BearerGateway;
  let shortLived: BearerGateway;
  const clients: RegistryClient[] = [];
  const client = (options: ConstructorParameters<typeof RegistryClient>[0]): RegistryClient => {
    const c = new RegistryClient({ ...FAST, ...options });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    [plain, basic] = await Promise.all([startDistribution(), startDistribution({ auth: USER })]);
    gateway = await startBearerGateway(plain.url, { ...USER, refreshToken: REFRESH });
    shortLived = await startBearerGateway(plain.url, { ...USER, refreshToken: REFRESH, expiresIn: 1 });
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await gateway?.close();
    await shortLived?.close();
  });

  describe('basic auth (distribution htpasswd)', () => {
    it('pushes with static credentials and reports the challenge from ping', async () => {
      const c = client({ credentials: staticCredentials({ [basic.host]: USER }) });
      expect(await c.ping(basic.host)).toMatchObject({ auth: 'basic', origin: basic.url });
      const image = randomImage({ seed: 'basic', layers: [4096] });
      const result = await c.push(image, [{ repository: `${basic.host}/auth/basic`, tags: ['v1'] }]);
      expect(result.digest).toBe(image.digest);
      expect((await c.getManifest(`${basic.host}/auth/basic:v1`)).digest).toBe(image.digest);
    });

    it('fails with CLIENT_UNAUTHORIZED and a hint, never echoing the password', async () => {
      const image = randomImage({ seed: 'basic-denied', layers: [1024] });
      const events: unknown[] = [];
      for (const credentials of [
        anonymousCredentials,
        staticCredentials({ [basic.host]: { ...USER, password: 'wrong-SECRET-pw' } }),
      ]) {
        const error = await client({ credentials })
          .push(image, [{ repository: `${basic.host}/auth/basic`, tags: ['x'] }], {
            onProgress: (e) => events.push(e),
          })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({
          code: 'CLIENT_UNAUTHORIZED',
          status: 401,
          hint: expect.stringContaining('credentials'),
        });
        const text = JSON.stringify({
          message: (error as Error).message,
          hint: (error as { hint?: string }).hint,
          events,
        });
        expect(text).not.toContain('SECRET');
      }
    });

    it('reads credentials that storeCredentials wrote to a docker config', async () => {
      const configDir = newTempDir('docker-config');
      await storeCredentials(basic.host, USER, { configDir });
      const c = client({ credentials: dockerConfigCredentials({ configDir }) });
      const image = randomImage({ seed: 'config', layers: [2048] });
      await expect(
        c.push(image, [{ repository: `${basic.host}/auth/config`, tags: ['v1'] }]),
      ).resolves.toMatchObject({
        digest: image.digest,
      });
    });

    it('asks a credential helper on PATH (credsStore)', async () => {
      const bin = newTempDir('bin');
      const script = join(bin, 'docker-credential-cptest');
      writeFileSync(
        script,
        `#!/bin/sh\nread host\nif [ "$1" = get ] && [ "$host" = "${basic.host}" ]; then\n` +
          `  printf '{"ServerURL":"%s","Username":"${USER.username}","Secret":"${USER.password}"}' "$host"\n` +
          `else echo "credentials not found in native keychain"; exit 1; fi\n`,
      );
      chmodSync(script, 0o755);
      const configDir = newTempDir('docker-config');
      writeFileSync(
        join(configDir, 'config.json'),
        JSON.stringify({ credsStore: 'cptest', auths: { [basic.host]: {} } }),
      );
      const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
      const c = client({ credentials: dockerConfigCredentials({ configDir, env }) });
      const image = randomImage({ seed: 'helper', layers: [2048] });
      await expect(
        c.push(image, [{ repository: `${basic.host}/auth/helper`, tags: ['v1'] }]),
      ).resolves.toMatchObject({
        digest: image.digest,
      });
    });
  });

  describe('bearer tokens (docker token flow)', () => {
    it('fetches one token per scope set with Basic credentials and reuses it', async () => {
      gateway.tokenRequests.length = 0;
      const c = client({ credentials: staticCredentials({ [gateway.host]: USER }) });
      expect(await c.ping(gateway.host)).toMatchObject({
        auth: 'bearer',
        realm: `${gateway.url}/token`,
        service: 'gateway-test',
      });
      const image = randomImage({ seed: 'bearer', layers: [4096, 300 * 1024] });
      await c.push(image, [{ repository: `${gateway.host}/auth/bearer`, tags: ['v1', 'v2'] }]);
      expect(gateway.tokenRequests).toEqual([
        {
          method: 'GET',
          user: USER.username,
          scopes: ['repository:auth/bearer:pull,push'],
          service: 'gateway-test',
        },
      ]);
      await c.getManifest(`${gateway.host}/auth/bearer:v1`);
      expect(gateway.tokenRequests.at(-1)?.scopes).toEqual(['repository:auth/bearer:pull']);
      expect(gateway.tokenRequests).toHaveLength(2);
    });

    it('asks for pull on the source repository when mounting', async () => {
      const c = client({ credentials: staticCredentials({ [gateway.host]: USER }) });
      const image = randomImage({ seed: 'bearer-mount', layers: [4096] });
      await c.push(image, [
        { repository: `${gateway.host}/auth/first`, tags: ['v1'] },
        { repository: `${gateway.host}/auth/second`, tags: ['v1'] },
      ]);
      const mountScopes = gateway.tokenRequests.find((t) => t.scopes.includes('repository:auth/first:pull'));
      expect(mountScopes?.scopes).toContain('repository:auth/second:pull,push');
      expect(gateway.requests.filter((r) => r.includes('mount=') && r.endsWith(' ok')).length).toBe(2);
    });

    it('fetches a new token when the registry refuses a revoked one', async () => {
      const c = client({ credentials: staticCredentials({ [gateway.host]: USER }) });
      const image = randomImage({ seed: 'bearer-revoke', layers: [2048] });
      await c.push(image, [{ repository: `${gateway.host}/auth/revoke`, tags: ['v1'] }]);
      const before = gateway.tokenRequests.length;
      gateway.revokeAll();
      await c.push(image, [{ repository: `${gateway.host}/auth/revoke`, tags: ['v2'] }]);
      expect(gateway.tokenRequests.length).toBeGreaterThan(before);
    });

    it('refreshes tokens before they expire', async () => {
      shortLived.tokenRequests.length = 0;
      const c = client({ credentials: staticCredentials({ [shortLived.host]: USER }) });
      await c.push(randomImage({ seed: 'short-1', layers: [1024] }), [
        { repository: `${shortLived.host}/auth/short`, tags: ['a'] },
      ]);
      await sleep(1_100);
      await c.push(randomImage({ seed: 'short-2', layers: [1024] }), [
        { repository: `${shortLived.host}/auth/short`, tags: ['b'] },
      ]);
      expect(shortLived.tokenRequests.length).toBeGreaterThanOrEqual(2);
      expect(shortLived.requests.filter((r) => r.endsWith(' 401') && !r.startsWith('GET /v2/ '))).toEqual([]);
    });

    it('exchanges an identity token with the OAuth2 POST form', async () => {
      gateway.tokenRequests.length = 0;
      const c = client({ credentials: staticCredentials({ [gateway.host]: { identityToken: REFRESH } }) });
      const image = randomImage({ seed: 'oauth', layers: [1024] });
      await c.push(image, [{ repository: `${gateway.host}/auth/oauth`, tags: ['v1'] }]);
      expect(gateway.tokenRequests.map((t) => t.method)).toEqual(['POST']);
    });

    it('fails with CLIENT_UNAUTHORIZED on bad credentials, never echoing them', async () => {
      const c = client({
        credentials: staticCredentials({ [gateway.host]: { username: 'ci-user', password: 'bad-SECRET' } }),
      });
      const error = await c
        .push(randomImage({ seed: 'bearer-bad', layers: [1024] }), [
          { repository: `${gateway.host}/auth/bad`, tags: ['v1'] },
        ])
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'CLIENT_UNAUTHORIZED',
        message: expect.stringContaining('/token'),
      });
      expect(`${(error as Error).message} ${(error as { hint: string }).hint}`).not.toContain('SECRET');
    });

    it('gets pull-only tokens anonymously, so a push is refused', async () => {
      const c = client({ credentials: anonymousCredentials });
      const error = await c
        .push(randomImage({ seed: 'anon', layers: [1024] }), [
          { repository: `${gateway.host}/auth/anon`, tags: ['v1'] },
        ])
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'CLIENT_UNAUTHORIZED' });
      expect(gateway.tokenRequests.at(-1)?.user).toBeUndefined();
    });
  });
});
