/** Configuration of the conformance port: version defaults, `OCI_*` variables, legacy variables, YAML. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newTempDir } from '../support/index.js';
import { defaultConfig, loadConfig, registryUrl, resolveConfig } from './config.js';

describe('defaultConfig', () => {
  it.each([
    ['', '1.1', { uploadCancel: false, mountAnonymous: true, tagParam: false, referrer: true }],
    ['stable', '1.1', { uploadCancel: false, mountAnonymous: true, tagParam: false, referrer: true }],
    ['dev', '1.1+dev', { uploadCancel: true, mountAnonymous: true, tagParam: true, referrer: true }],
    ['1.0', '1.0', { uploadCancel: false, mountAnonymous: false, tagParam: false, referrer: false }],
  ])('version %j gives %s defaults', (version, resolved, expected) => {
    const c = defaultConfig(version);
    expect(c.version).toBe(resolved);
    expect({
      uploadCancel: c.apis.blobs.uploadCancel,
      mountAnonymous: c.apis.blobs.mountAnonymous,
      tagParam: c.apis.manifests.tagParam,
      referrer: c.apis.referrer,
    }).toEqual(expected);
  });

  it('rejects an unknown version with a code and a hint', () => {
    expect(() => defaultConfig('2.0')).toThrow(
      expect.objectContaining({ code: 'CONFORMANCE_INVALID_CONFIG', hint: expect.stringContaining('1.1') }),
    );
  });
});

describe('loadConfig', () => {
  const load = (env: Record<string, string>, cwd = newTempDir('conf')) => {
    const warnings: string[] = [];
    const config = loadConfig(env, { cwd, warn: (m) => warnings.push(m) });
    return { config, warnings };
  };

  it('reads the OCI_* variable of each field', () => {
    const { config } = load({
      OCI_REGISTRY: 'reg.example:5000',
      OCI_TLS: 'Disabled',
      OCI_API_BLOBS_DELETE: 'false',
      OCI_DATA_SHA512: '0',
      OCI_RO_DATA_TAGS: 'a b',
    });
    expect(config.registry).toBe('reg.example:5000');
    expect(registryUrl(config)).toBe('http://reg.example:5000');
    expect(config.apis.blobs.delete).toBe(false);
    expect(config.data.sha512).toBe(false);
    expect(config.roData.tags).toEqual(['a', 'b']);
  });

  it('maps the old suite variables and warns about each', () => {
    const { config, warnings } = load({
      OCI_ROOT_URL: 'http://Reg.Example:5000/',
      OCI_NAMESPACE: 'My/Repo/',
      OCI_CROSSMOUNT_NAMESPACE: 'other/repo',
      OCI_TEST_CONTENT_DISCOVERY: '0',
      OCI_TEST_CONTENT_MANAGEMENT: 'f',
      OCI_DELETE_MANIFEST_BEFORE_BLOBS: '1',
    });
    expect(config).toMatchObject({
      registry: 'reg.example:5000',
      tls: 'disabled',
      repo1: 'my/repo',
      repo2: 'other/repo',
    });
    expect(config.apis.tags.list).toBe(false);
    expect(config.apis.referrer).toBe(false);
    expect(config.apis.manifests.delete).toBe(false);
    expect(warnings).toHaveLength(6);
    expect(warnings.at(-1)).toContain('OCI_DELETE_MANIFEST_BEFORE_BLOBS is no longer read');
  });

  it('applies legacy variables, then the YAML file, then OCI_* variables', () => {
    const dir = newTempDir('conf');
    writeFileSync(
      join(dir, 'oci-conformance.yaml'),
      'registry: from-yaml:1\nrepo1: yaml/repo\napis:\n  pull: false\n  blobs:\n    atomic: false\ntls: insecure\n',
    );
    const { config } = load(
      { OCI_ROOT_URL: 'https://legacy:1', OCI_NAMESPACE: 'legacy/repo', OCI_REPO1: 'env/repo' },
      dir,
    );
    expect(config.registry).toBe('from-yaml:1');
    expect(config.tls).toBe('insecure');
    expect(config.repo1).toBe('env/repo');
    expect(config.apis.pull).toBe(false);
    expect(config.apis.blobs.atomic).toBe(false);
    expect(config.apis.blobs.delete).toBe(true);
  });

  it('takes the version from OCI_VERSION before the file, and keeps it as given (like the suite)', () => {
    const dir = newTempDir('conf');
    writeFileSync(join(dir, 'custom.yaml'), 'version: "1.0"\n');
    const fromFile = load({ OCI_CONFIGURATION: join(dir, 'custom.yaml') }).config;
    expect([fromFile.version, fromFile.apis.referrer]).toEqual(['1.0', false]);
    const fromEnv = load({ OCI_CONFIGURATION: join(dir, 'custom.yaml'), OCI_VERSION: 'dev' }).config;
    expect([fromEnv.version, fromEnv.apis.blobs.uploadCancel]).toEqual(['dev', true]);
  });

  it.each([
    [{ OCI_API_PULL: 'yes' }, 'OCI_API_PULL=yes'],
    [{ OCI_TEST_PUSH: 'maybe' }, 'OCI_TEST_PUSH=maybe'],
    [{ OCI_VERSION: '9' }, 'unsupported config version 9'],
  ])('rejects %j', (env, message) => {
    expect(() => load(env)).toThrow(message);
  });

  it('rejects a YAML value of the wrong type, naming the field', () => {
    const dir = newTempDir('conf');
    writeFileSync(join(dir, 'oci-conformance.yaml'), 'apis:\n  blobs:\n    delete: "no"\n');
    expect(() => load({}, dir)).toThrow('config field apis.blobs.delete must be a boolean, got "no"');
  });
});

describe('resolveConfig', () => {
  it('merges overrides over the defaults of their version', () => {
    const c = resolveConfig({ version: 'dev', registry: 'r:1', apis: { blobs: { uploadCancel: false } } });
    expect(c.apis.blobs).toEqual({
      atomic: true,
      delete: true,
      digestHeader: true,
      mountAnonymous: true,
      uploadCancel: false,
    });
    expect(c.registry).toBe('r:1');
  });
});
