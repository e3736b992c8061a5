import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  checkListenSafety,
  defaultConfig,
  parseConfig,
  tokensFileOf,
} from '../../../../src/registry/config.js';
import { withOverrides } from '../../../../src/registry/service.js';

const env = { XDG_CACHE_HOME: '/cache' };

const FULL = `
listen: 0.0.0.0:5443
public-url: https://registry.example.com/
storage: data
registries:
  - name: acme/images
    oidc-policy:
      - iss: https://agent.buildkite.com
        scopes: [read_packages, write_packages]
        claims:
          organization_slug: acme
          pipeline_slug: { in: [web, api] }
          build_branch: { matches: "main" }
          build_number: { not_equals: 0, not_in: [13] }
  - name: acme/public
    visibility: public
tokens-file: /etc/registry/tokens.json
oidc:
  audience-prefix: https://packages.buildkite.com
  clock-skew: 10s
  issuers:
    - issuer: https://agent.buildkite.com
      jwks-file: jwks.json
limits: { max-manifest-bytes: 8MiB, max-request-bytes: 1GiB, max-header-bytes: 32768 }
uploads: { expiry: 1h30m, purge-interval: 10m }
shutdown-timeout: 2m
log-level: debug
`;

describe('parseConfig', () => {
  test('no file: every documented default', () => {
    const config = defaultConfig(env);
    expect(config).toEqual({
      source: undefined,
      listen: { host: '127.0.0.1', port: 5000 },
      publicUrl: undefined,
      storage: '/cache/container-package/registry',
      insecureListen: false,
      registries: [],
      tokensFile: undefined,
      oidc: { audiencePrefix: undefined, clockSkewMs: 30_000, issuers: [] },
      limits: { maxManifestBytes: 4 * 1024 * 1024, maxRequestBytes: 0, maxHeaderBytes: 16 * 1024 },
      uploads: { expiryMs: 24 * 3_600_000, purgeIntervalMs: 3_600_000 },
      shutdownTimeoutMs: 30_000,
      logLevel: 'info',
      mirrors: [],
      gc: { intervalMs: 3_600_000, graceMs: 3_600_000 },
      retention: { maxSizeBytes: 0, checkIntervalMs: 60_000 },
      workers: 1,
    });
    expect(tokensFileOf(config)).toBe('/cache/container-package/registry/tokens.json');
  });

  test('a full file, relative paths resolved against its directory', () => {
    const config = parseConfig(FULL, { source: '/srv/reg/registry.yaml', env });
    expect(config.listen).toEqual({ host: '0.0.0.0', port: 5443 });
    expect(config.publicUrl).toBe('https://registry.example.com');
    expect(config.storage).toBe('/srv/reg/data');
    expect(config.tokensFile).toBe('/etc/registry/tokens.json');
    expect(config.oidc).toEqual({
      audiencePrefix: 'https://packages.buildkite.com',
      clockSkewMs: 10_000,
      issuers: [{ issuer: 'https://agent.buildkite.com', jwksFile: '/srv/reg/jwks.json' }],
    });
    expect(config.registries).toEqual([
      {
        name: 'acme/images',
        visibility: 'private',
        oidcPolicy: [
          {
            iss: 'https://agent.buildkite.com',
            scopes: ['read_packages', 'write_packages'],
            claims: {
              organization_slug: [{ op: 'equals', value: 'acme' }],
              pipeline_slug: [{ op: 'in', values: ['web', 'api'] }],
              build_branch: [{ op: 'matches', patterns: ['main'] }],
              build_number: [
                { op: 'not_equals', value: 0 },
                { op: 'not_in', values: [13] },
              ],
            },
          },
        ],
      },
      { name: 'acme/public', visibility: 'public', oidcPolicy: [] },
    ]);
    expect(config.limits).toEqual({
      maxManifestBytes: 8 * 1024 ** 2,
      maxRequestBytes: 1024 ** 3,
      maxHeaderBytes: 32768,
    });
    expect(config.uploads).toEqual({ expiryMs: 5_400_000, purgeIntervalMs: 600_000 });
    expect(config.shutdownTimeoutMs).toBe(120_000);
    expect(config.logLevel).toBe('debug');
  });

  test.each([
    ['listn: 1', 'listn: unknown key "listn"; allowed here: listen, public-url'],
    [
      'registries: [{name: acme/images, visiblity: public}]',
      'registries[0].visiblity: unknown key "visiblity"',
    ],
    [
      'registries: [{name: acme/images, visibility: secret}]',
      'registries[0].visibility: expected one of private, public, got string "secret"',
    ],
    ['registries: [{name: acme}]', 'registries[0].name: invalid registry name "acme"'],
    ['registries: [{name: acme/a}, {name: acme/a}]', 'registries[1].name: registry acme/a is listed twice'],
    ['listen: localhost', 'listen: expected HOST:PORT'],
    ['listen: 127.0.0.1:70000', 'port 70000 is out of range'],
    ['public-url: ftp://x', 'public-url: expected an http(s) URL'],
    ['public-url: https://x/?token=1', 'with no query'],
    ['uploads: {expiry: soon}', 'uploads.expiry: expected a duration such as 30s'],
    ['limits: {max-manifest-bytes: 4 megs}', 'limits.max-manifest-bytes: expected a size in bytes'],
    ['log-level: loud', 'log-level: expected one of debug, info, warn, error'],
    ['insecure-listen: yes please', 'insecure-listen: expected true or false'],
    ['tokens-file: t.json', 'tokens-file: tokens and OIDC tokens apply per registry'],
    ['[1, 2]', '(top level): expected a mapping, got a list'],
    ['a: [', 'is not valid YAML'],
    [
      'registries: [{name: a/b, oidc-policy: [{iss: https://x, scopes: [read_packages]}]}]',
      'registries[0].oidc-policy[0].iss: issuer https://x is not in oidc.issuers',
    ],
    [
      'registries: [{name: a/b, oidc-policy: [{iss: i, scopes: [admin]}]}]\noidc: {issuers: [{issuer: i, jwks-file: j}]}',
      'registries[0].oidc-policy[0].scopes[0]: expected one of read_packages, write_packages, delete_packages',
    ],
    [
      'registries: [{name: a/b, oidc-policy: [{iss: i, scopes: [read_packages], claims: {x: {like: y}}}]}]\noidc: {issuers: [{issuer: i, jwks-file: j}]}',
      'registries[0].oidc-policy[0].claims.x.like: unknown key "like"; allowed here: equals, not_equals, in, not_in, matches',
    ],
    [
      'registries: [{name: a/b}]\noidc: {issuers: [{issuer: i, jwks-file: j, jwks-url: "https://k"}]}',
      'oidc.issuers[0]: give exactly one of jwks-file and jwks-url',
    ],
    [
      'registries: [{name: a/b}]\noidc: {issuers: [{issuer: i, jwks-url: "http://example.com/jwks"}]}',
      'must be https',
    ],
  ])('%s → %s', (yaml, message) => {
    expect(() => parseConfig(yaml, { source: 'r.yaml', env })).toThrow(
      expect.objectContaining({ code: 'REGISTRY_CONFIG_INVALID', message: expect.stringContaining(message) }),
    );
  });

  test('errors name the file', () => {
    expect(() => parseConfig('nope: 1', { source: '/etc/registry.yaml', env })).toThrow(
      '/etc/registry.yaml: nope: unknown key',
    );
  });
});

describe('listen safety and overrides', () => {
  test.each([
    ['127.0.0.1:5000', false, true],
    ['localhost:0', false, true],
    ['[::1]:5000', false, true],
    ['0.0.0.0:5000', false, false],
    ['192.168.1.5:5000', false, false],
    ['0.0.0.0:5000', true, true],
  ])('open registry on %s (insecure-listen %s) allowed: %s', (listen, insecure, allowed) => {
    const config = withOverrides(defaultConfig(env), { listen, insecureListen: insecure });
    if (allowed) expect(() => checkListenSafety(config)).not.toThrow();
    else
      expect(() => checkListenSafety(config)).toThrow(
        expect.objectContaining({
          code: 'REGISTRY_CONFIG_INVALID',
          hint: expect.stringContaining('--insecure-listen'),
        }),
      );
  });

  test('a registry with auth may listen anywhere', () => {
    const config = parseConfig('listen: 0.0.0.0:5000\nregistries: [{name: acme/images}]', { env });
    expect(() => checkListenSafety(config)).not.toThrow();
  });

  test('flags override the file; a bad --listen names the flag', () => {
    const config = withOverrides(parseConfig('storage: /a\nlisten: 127.0.0.1:1', { env }), {
      listen: '127.0.0.1:0',
      storage: 'rel',
    });
    expect(config.listen.port).toBe(0);
    expect(config.storage).toBe(join(process.cwd(), 'rel'));
    expect(() => withOverrides(config, { listen: 'nope' })).toThrow('--listen: expected HOST:PORT');
  });
});
