import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../../src/registry/config.js';
import { withOverrides } from '../../../../src/registry/service.js';

const env = { HOME: '/home/u' };

describe('storage: s3:', () => {
  test('reads every setting, with the defaults of the rest', () => {
    const config = parseConfig(
      [
        'storage:',
        '  s3:',
        '    bucket: registry',
        '    endpoint: http://127.0.0.1:7480',
        '    region: eu-west-1',
        '    prefix: fleet/',
        '    force-path-style: true',
        '    server-side-encryption: aws:kms',
        '    kms-key-id: alias/registry',
        '    redirect: true',
        '    part-size: 16MiB',
        '    cache-ttl: 2s',
      ].join('\n'),
      { env },
    );
    expect(config.s3).toEqual({
      driver: {
        bucket: 'registry',
        endpoint: 'http://127.0.0.1:7480',
        region: 'eu-west-1',
        prefix: 'fleet/',
        forcePathStyle: true,
        serverSideEncryption: 'aws:kms',
        kmsKeyId: 'alias/registry',
        redirectExpiryMs: 20 * 60_000,
        partSize: 16 * 1024 * 1024,
      },
      cacheTtlMs: 2000,
    });
    expect(parseConfig('storage: {s3: {bucket: b}}', { env }).s3).toEqual({
      driver: { bucket: 'b', forcePathStyle: false, redirectExpiryMs: 0, partSize: 8 * 1024 * 1024 },
      cacheTtlMs: 0,
    });
  });

  test('token-signing-key-file is read, and refused without registries', () => {
    const yaml = 'token-signing-key-file: /etc/registry/signing.key';
    expect(() => parseConfig(yaml, { env })).toThrow(/token-signing-key-file.*no registries/);
    const config = parseConfig(`${yaml}\nregistries: [{name: acme/app}]`, { env });
    expect(config.tokenSigningKeyFile).toBe('/etc/registry/signing.key');
  });

  test('--storage is refused over a config on S3', () => {
    const config = parseConfig('storage: {s3: {bucket: b}}', { env });
    expect(() => withOverrides(config, { storage: '/tmp/x' })).toThrow(/--storage.*bucket b/);
  });

  test('a directory is still a string, and then there is no s3', () => {
    const config = parseConfig('storage: /srv/registry', { env });
    expect(config.storage).toBe('/srv/registry');
    expect(config.s3).toBeUndefined();
  });

  test.each([
    ['storage: {s3: {region: x}}', /storage\.s3\.bucket.*is required/],
    ['storage: {s3: {bucket: b, part-size: 1MiB}}', /storage\.s3\.part-size.*at least 5MiB/],
    ['storage: {s3: {bucket: b, kms-key-id: k}}', /storage\.s3\.kms-key-id.*aws:kms/],
    ['storage: {s3: {bucket: b, endpoint: "127.0.0.1:7480"}}', /storage\.s3\.endpoint.*http/],
    ['storage: {s3: {bucket: b, access-key: AKIA}}', /storage\.s3\.access-key.*unknown key/],
    ['storage: {gcs: {bucket: b}}', /storage\.gcs.*unknown key/],
  ])('%s fails naming the setting', (yaml, message) => {
    expect(() => parseConfig(yaml, { env })).toThrow(message);
  });
});

describe('storage: { directory, shared }, and workers', () => {
  test('a shared directory has a cache-ttl (default 0); a plain one is not shared', () => {
    const shared = parseConfig('storage: { directory: /srv/r, shared: true, cache-ttl: 2s }', { env });
    expect(shared.storage).toBe('/srv/r');
    expect(shared.sharedStorage).toEqual({ cacheTtlMs: 2000 });
    expect(parseConfig('storage: { directory: /srv/r, shared: true }', { env }).sharedStorage).toEqual({
      cacheTtlMs: 0,
    });
    expect(parseConfig('storage: { directory: /srv/r }', { env }).sharedStorage).toBeUndefined();
    expect(parseConfig('storage: /srv/r', { env }).sharedStorage).toBeUndefined();
  });

  test.each([
    ['storage: { directory: /srv/r, cache-ttl: 1s }', /storage\.cache-ttl.*shared: true/],
    ['storage: { s3: { bucket: b }, shared: true }', /storage\.shared.*does not go with s3/],
    ['storage: { shared: yes-please }', /storage\.shared/],
    ['workers: 0', /workers.*from 1 to 64/],
    ['workers: 65', /workers.*from 1 to 64/],
    ['workers: 1.5', /workers.*from 1 to 64/],
    ['workers: lots', /workers.*auto or a whole number/],
  ])('%s fails naming the setting', (yaml, message) => {
    expect(() => parseConfig(yaml, { env })).toThrow(message);
  });

  test('workers: a count, auto (one per core), 1 by default; --workers overrides it', () => {
    expect(parseConfig('{}', { env }).workers).toBe(1);
    expect(parseConfig('workers: 3', { env }).workers).toBe(3);
    expect(parseConfig('workers: auto', { env }).workers).toBeGreaterThanOrEqual(1);
    const config = parseConfig('workers: 3', { env });
    expect(withOverrides(config, { workers: '2' }).workers).toBe(2);
    expect(() => withOverrides(config, { workers: '0' })).toThrow(/--workers: expected auto/);
  });
});
