import { describe, expect, test } from 'vitest';
import { ConfigError, validatePluginConfig } from '../../../../src/ci/buildkite/index.js';

function problems(raw: unknown): ConfigError {
  try {
    validatePluginConfig(raw, 'BUILDKITE_PLUGIN_CONFIGURATION');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected the configuration to be refused');
}

const base = { registry: 'acme/images', images: ['docker:app'] };

describe('validatePluginConfig accepts', () => {
  test.each([
    [base],
    [{ registry: 'acme/images' }],
    [{ 'local-registry': true }],
    [{ ...base, auth: 'token-env', 'token-env': 'PACKAGES_TOKEN' }],
    [{ ...base, 'token-env': 'PACKAGES_TOKEN' }],
    [{ ...base, secret: 'PACKAGES_TOKEN' }],
    [
      {
        ...base,
        registry: ['acme/images', { url: 'ghcr.io/acme', 'token-env': 'GHCR_TOKEN', username: 'bot' }],
      },
    ],
    [
      {
        ...base,
        images: [{ source: 'oci:out', name: 'web', tags: ['{{ branch }}-{{build.number}}', 'latest'] }],
      },
    ],
    [
      {
        ...base,
        annotate: { context: 'images', style: 'info', priority: 7 },
        'meta-data': { prefix: 'img' },
      },
    ],
    [{ ...base, 'local-registry': { port: 5000, mirror: ['docker.io'], 'export-as': 'REGISTRY_ADDR' } }],
  ])('%j', (config) => {
    expect(validatePluginConfig(config)).toBe(config);
  });
});

describe('validatePluginConfig refuses with a message naming the YAML path', () => {
  test.each([
    [{ ...base, imagez: [] }, 'imagez', 'unknown option `imagez` (did you mean `images`?)'],
    [
      { ...base, images: [{ source: 'docker:app', tag: ['x'] }] },
      'images[0].tag',
      'unknown option `tag` in `images[0]` (did you mean `tags`?); the options here are source, name, tags',
    ],
    [{ ...base, meta_data: false }, 'meta_data', 'did you mean `meta-data`?'],
    [
      { ...base, images: [{ source: 'docker:app', tags: ['a', 42] }] },
      'images[0].tags[1]',
      '`images[0].tags[1]` must be text, got the number 42',
    ],
    [{ ...base, push: 'sometimes' }, 'push', '`push` must be one of success, always, never; got "sometimes"'],
    [{ ...base, push: 'alway' }, 'push', '(did you mean always?)'],
    [{ ...base, retries: 11 }, 'retries', '`retries` must be between 0 and 10, got 11'],
    [{ ...base, retries: 1.5 }, 'retries', '`retries` must be a whole number, got the number 1.5'],
    [{ ...base, registry: 5 }, 'registry', '`registry` must be text or a list, got the number 5'],
    [{ ...base, registry: [{ auth: 'oidc' }] }, 'registry[0]', '`registry[0]` needs `url`'],
    [{ ...base, images: [] }, 'images', '`images` must list at least 1 item'],
    [{ ...base, images: null }, 'images', '`images` must be a list, got nothing'],
    [{ ...base, images: [{ source: '' }] }, 'images[0].source', '`images[0].source` must not be empty'],
    [
      { ...base, 'token-env': 'my token' },
      'token-env',
      '`token-env` must be the name of an environment variable or secret',
    ],
    [{ ...base, annotate: 'yes' }, 'annotate', '`annotate` must be true or false or a mapping, got "yes"'],
    [{ ...base, 'local-registry': { port: 70000 } }, 'local-registry.port', 'between 0 and 65535'],
    [[], '', 'the configuration must be a mapping, got an empty list'],
  ])('%j', (config, path, text) => {
    const error = problems(config);
    expect(error.code).toBe('CI_CONFIG_INVALID');
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect(error.message).toContain(text);
    expect(error.message).toContain('BUILDKITE_PLUGIN_CONFIGURATION');
    expect(error.hint).toContain('plugin.yml');
  });

  test('lists every problem, not only the first', () => {
    const error = problems({
      registry: 'acme/images',
      images: ['docker:app'],
      push: 'x',
      retries: -1,
      imagez: 1,
    });
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['imagez', 'push', 'retries']);
    expect(error.message).toContain('has 3 problems');
  });

  test.each([
    [
      { ...base, images: [{ source: 'docker:app', tags: ['{{brnach}}'] }] },
      'images[0].tags[0]',
      'unknown placeholder {{brnach}}',
    ],
    [{ ...base, tags: ['v{{build.number'] }, 'tags[0]', 'without a closing "}}"'],
    [{ ...base, images: ['dir:/tmp/x'] }, 'images[0]', 'the skopeo transport "dir:" is not supported'],
    [
      { ...base, images: [{ source: 'docker:app@sha256:nothex' }] },
      'images[0].source',
      'docker:app@sha256:nothex',
    ],
    [
      { ...base, annotate: { context: 'c'.repeat(101) } },
      'annotate.context',
      'at most 100 characters, got 101',
    ],
  ])('values that parse wrong: %j', (config, path, text) => {
    const error = problems(config);
    expect(error.code).toBe('CI_CONFIG_INVALID');
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect(error.message).toContain(text);
  });
});

describe('validatePluginConfig never takes a token in YAML', () => {
  test.each([['token'], ['password'], ['api-token'], ['registry-password']])(
    '`%s:` points to token-env and secret',
    (key) => {
      const error = problems({ ...base, [key]: 'bkua_0123456789abcdef0123456789abcdef01234567' });
      expect(error.message).toContain(`\`${key}\` is not an option: a token never goes in pipeline YAML`);
      expect(error.message).toContain('`token-env: NAME`');
      expect(error.message).toContain('`secret: NAME`');
      expect(error.message).not.toContain('bkua_');
    },
  );

  test('a token inside a registry item is refused the same way, with its path', () => {
    const error = problems({ ...base, registry: [{ url: 'ghcr.io/acme', password: 'hunter2' }] });
    expect(error.issues[0]!.path).toBe('registry[0].password');
    expect(error.message).not.toContain('hunter2');
  });

  test.each([
    ['token-env', 'bkua_0123456789abcdef0123456789abcdef01234567'],
    ['secret', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['token-env', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4'],
  ])('`%s:` holding what looks like a token is refused without quoting it', (key, value) => {
    const error = problems({ ...base, [key]: value });
    expect(error.message).toContain('looks like a token itself (not shown)');
    expect(error.message).toContain('revoke it');
    expect(error.message).not.toContain(value);
  });

  test('a value that breaks the schema under a secret-named key is not quoted', () => {
    const error = problems({ ...base, secret: 'not a name' });
    expect(error.message).toContain('not shown');
    expect(error.message).not.toContain('not a name');
  });
});

describe('validatePluginConfig refuses contradictions with CI_CONFIG_CONFLICT', () => {
  test.each([
    [
      { ...base, auth: 'oidc', 'token-env': 'T' },
      'token-env',
      '`auth: oidc` uses no token, but `token-env` is set',
    ],
    [{ ...base, auth: 'token-env' }, 'auth', '`auth: token-env` needs `token-env: NAME`'],
    [{ ...base, auth: 'secret' }, 'auth', '`auth: secret` needs `secret: NAME`'],
    [{ ...base, 'token-env': 'A', secret: 'B' }, 'secret', 'two sources for one token'],
    [{ ...base, auth: 'none', audience: 'x' }, 'audience', '`audience` is for OIDC logins'],
    [
      { ...base, 'token-env': 'T', audience: 'x' },
      'audience',
      '`audience` is for OIDC logins, but this login is token-env',
    ],
    [
      { ...base, registry: [{ url: 'ghcr.io/x', auth: 'docker-config', secret: 'S' }] },
      'registry[0].secret',
      '`registry[0].auth: docker-config` uses no token',
    ],
    [{ images: ['docker:app'] }, 'registry', 'no `registry` to push them to'],
    [{}, '', 'the configuration does nothing'],
    [{ 'local-registry': false }, '', 'the configuration does nothing'],
  ])('%j', (config, path, text) => {
    const error = problems(config);
    expect(error.code).toBe('CI_CONFIG_CONFLICT');
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect(error.message).toContain(text);
  });
});
