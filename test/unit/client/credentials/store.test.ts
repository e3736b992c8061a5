import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerConfigCredentials } from '../../../../src/client/credentials/provider.js';
import { removeCredentials, storeCredentials } from '../../../../src/client/credentials/store.js';
import { newTempDir } from '../../../support/temp-dir.js';

const read = (dir: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;

describe('storeCredentials / removeCredentials', () => {
  it('creates the directory and a 0600 file that the provider reads back', async () => {
    const configDir = join(newTempDir('store'), 'nested', '.docker');
    const path = await storeCredentials(
      'packages.buildkite.com',
      { username: 'buildkite', password: 'tok:en' },
      { configDir },
    );
    expect(path).toBe(join(configDir, 'config.json'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(configDir).mode & 0o777).toBe(0o700);
    expect(read(configDir)).toEqual({
      auths: { 'packages.buildkite.com': { auth: Buffer.from('buildkite:tok:en').toString('base64') } },
    });
    expect(await dockerConfigCredentials({ configDir })('packages.buildkite.com')).toEqual({
      username: 'buildkite',
      password: 'tok:en',
    });
  });

  it('keeps every other key and entry, replaces aliases, and tightens permissions', async () => {
    const configDir = newTempDir('store');
    const original = {
      auths: {
        'ghcr.io': { auth: 'Z2g6cHc=' },
        'https://index.docker.io/v1/': { auth: 'b2xkOm9sZA==' },
        'index.docker.io': { auth: 'b2xkOm9sZA==' },
      },
      credHelpers: { 'gcr.io': 'gcloud' },
      psFormat: 'table {{.ID}}',
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
    };
    writeFileSync(join(configDir, 'config.json'), JSON.stringify(original), { mode: 0o644 });
    await storeCredentials('docker.io', { username: 'new', password: 'pw' }, { configDir });
    const written = read(configDir);
    expect(written).toEqual({
      ...original,
      auths: {
        'ghcr.io': { auth: 'Z2g6cHc=' },
        'https://index.docker.io/v1/': { auth: Buffer.from('new:pw').toString('base64') },
      },
    });
    expect(statSync(join(configDir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(configDir)).toEqual(['config.json']);

    expect(await removeCredentials('index.docker.io', { configDir })).toBe(true);
    expect(read(configDir)).toEqual({ ...original, auths: { 'ghcr.io': { auth: 'Z2g6cHc=' } } });
    expect(await removeCredentials('index.docker.io', { configDir })).toBe(false);
  });

  it('leaves a missing file missing on remove and a broken file untouched', async () => {
    const configDir = newTempDir('store');
    expect(await removeCredentials('ghcr.io', { configDir })).toBe(false);
    expect(existsSync(join(configDir, 'config.json'))).toBe(false);
    writeFileSync(join(configDir, 'config.json'), '[1,2]');
    await expect(
      storeCredentials('ghcr.io', { username: 'u', password: 'p' }, { configDir }),
    ).rejects.toMatchObject({
      code: 'CLIENT_CREDENTIALS_CONFIG',
    });
    expect(readFileSync(join(configDir, 'config.json'), 'utf8')).toBe('[1,2]');
  });

  it.each([
    [{ username: '', password: 'p' }, 'the username is empty'],
    [{ username: 'u', password: '' }, 'the password is empty'],
    [{ username: 'a:b', password: 'SECRET-p' }, 'the username contains ":"'],
  ])('refuses %j', async (credentials, message) => {
    const error = await storeCredentials('ghcr.io', credentials, { configDir: newTempDir('store') }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'CLIENT_INVALID_CREDENTIALS',
      message: expect.stringContaining(message),
    });
    expect((error as Error).message).not.toContain('SECRET');
  });
});
