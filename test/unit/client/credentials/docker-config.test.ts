import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeAuthEntry,
  dockerConfigDir,
  findAuthEntry,
  helperFor,
  parseDockerConfig,
  readDockerConfig,
} from '../../../../src/client/credentials/docker-config.js';
import {
  DOCKER_HUB_AUTH_KEY,
  credentialKey,
  keyMatches,
  normalizeRegistryHost,
} from '../../../../src/client/credentials/host.js';
import { staticCredentials } from '../../../../src/client/credentials/provider.js';
import { newTempDir } from '../../../support/temp-dir.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('registry keys', () => {
  it.each([
    ['docker.io', DOCKER_HUB_AUTH_KEY],
    ['index.docker.io', DOCKER_HUB_AUTH_KEY],
    ['registry-1.docker.io', DOCKER_HUB_AUTH_KEY],
    ['Registry.Example:5000', 'registry.example:5000'],
    ['https://ghcr.io/v2/', 'ghcr.io'],
  ])('credentialKey(%s) = %s', (registry, key) => {
    expect(credentialKey(registry)).toBe(key);
  });

  it.each([
    ['https://index.docker.io/v1/', 'docker.io', true],
    ['index.docker.io', 'docker.io', true],
    ['http://localhost:5000', 'localhost:5000', true],
    ['localhost:5000/ignored/path', 'localhost:5000', true],
    ['localhost:5001', 'localhost:5000', false],
    ['ghcr.io', 'docker.io', false],
  ])('keyMatches(%s, %s) = %s', (key, registry, expected) => {
    expect(keyMatches(key, registry)).toBe(expected);
    expect(normalizeRegistryHost(' HTTPS://A.b/c ')).toBe('a.b');
  });
});

describe('reading the docker config', () => {
  it('finds $DOCKER_CONFIG, else ~/.docker', () => {
    expect(dockerConfigDir({ DOCKER_CONFIG: '/tmp/x' })).toBe('/tmp/x');
    expect(dockerConfigDir({ DOCKER_CONFIG: '' })).toMatch(/\.docker$/);
  });

  it.each([
    [{ auth: b64('user:pa:ss') }, { username: 'user', password: 'pa:ss' }],
    [
      { username: 'u', password: 'p' },
      { username: 'u', password: 'p' },
    ],
    [
      { auth: b64('<token>:'), identitytoken: 'refresh' },
      { username: '<token>', password: '', identityToken: 'refresh' },
    ],
    [{ registrytoken: 'bearer-token' }, { registryToken: 'bearer-token' }],
    [{}, undefined],
    [{ auth: '' }, undefined],
    [{ auth: b64('no-colon') }, undefined],
  ])('decodes %j', (entry, expected) => {
    expect(decodeAuthEntry(entry)).toEqual(expected);
  });

  it('matches auths and helpers by registry, skipping entries without a secret', () => {
    const config = parseDockerConfig(
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: b64('hub:pw') },
          'reg.example': {},
          'http://old.example:5000/v2/': { auth: b64('old:pw') },
        },
        credHelpers: { 'gcr.io': 'gcloud', 'reg.example': 'pass' },
        credsStore: 'desktop',
      }),
      'config.json',
    );
    expect(findAuthEntry(config, 'docker.io')).toEqual({ username: 'hub', password: 'pw' });
    expect(findAuthEntry(config, 'old.example:5000')).toEqual({ username: 'old', password: 'pw' });
    expect(findAuthEntry(config, 'reg.example')).toBeUndefined();
    expect(helperFor(config, 'reg.example')).toBe('pass');
    expect(helperFor(config, 'gcr.io')).toBe('gcloud');
    expect(helperFor(config, 'other.example')).toBe('desktop');
    expect(helperFor({}, 'other.example')).toBeUndefined();
  });

  it('treats a missing or empty file as no credentials, and refuses a broken one without quoting it', async () => {
    const dir = newTempDir('cfg');
    expect(await readDockerConfig(join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(join(dir, 'empty.json'), '');
    expect(await readDockerConfig(join(dir, 'empty.json'))).toEqual({});
    writeFileSync(join(dir, 'bad.json'), '{"auths": {"x": {"auth": "SECRET"}');
    const error = await readDockerConfig(join(dir, 'bad.json')).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'CLIENT_CREDENTIALS_CONFIG',
      message: expect.stringContaining('bad.json'),
    });
    expect((error as Error).message).not.toContain('SECRET');
  });

  it('staticCredentials matches like the config does', async () => {
    const provider = staticCredentials({
      'docker.io': { username: 'a', password: 'b' },
      'reg.example': { auth: b64('c:d') },
    });
    expect(await provider('index.docker.io')).toEqual({ username: 'a', password: 'b' });
    expect(await provider('reg.example')).toEqual({ username: 'c', password: 'd' });
    expect(await provider('other.example')).toBeUndefined();
  });
});
