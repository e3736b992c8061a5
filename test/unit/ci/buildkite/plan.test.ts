import { describe, expect, test } from 'vitest';
import {
  ConfigError,
  defaultName,
  planPublish,
  pushDecision,
  validatePluginConfig,
  type BuildEnv,
  type PluginConfig,
} from '../../../../src/ci/buildkite/index.js';
import { parseSource } from '../../../../src/sources/spec.js';

const build: BuildEnv = {
  organization: 'acme',
  pipeline: 'web',
  branch: 'feature/Login',
  commit: '0123456789abcdef0123456789abcdef01234567',
  buildNumber: '42',
  buildId: 'build-uuid',
  jobId: 'job-uuid',
  stepKey: 'publish',
};

const plan = (config: PluginConfig, env: BuildEnv = build, now?: Date) =>
  planPublish(validatePluginConfig(config), env, now === undefined ? {} : { now });

function refused(config: PluginConfig, env: BuildEnv = build): ConfigError {
  try {
    plan(config, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected the plan to be refused');
}

describe('planPublish defaults', () => {
  test('a Buildkite registry and one image: OIDC, the build number tag, annotation and meta-data on', () => {
    expect(plan({ registry: 'acme/images', images: ['docker:app:ci'] })).toEqual({
      registries: [
        {
          target: expect.objectContaining({
            kind: 'buildkite',
            prefix: 'packages.buildkite.com/acme/images',
          }),
          auth: {
            method: 'oidc',
            audience: 'https://packages.buildkite.com/acme/images',
            lifetimeSeconds: 300,
          },
        },
      ],
      images: [
        {
          source: 'docker:app:ci',
          spec: parseSource('docker:app:ci'),
          name: 'app',
          tags: ['42'],
          skippedTags: [],
          references: ['packages.buildkite.com/acme/images/app:42'],
          outputKeys: {
            digest: 'container-package:app:digest',
            references: 'container-package:app:references',
          },
        },
      ],
      push: { when: 'success', push: true, reason: 'pushing if the command succeeds' },
      retries: 3,
      compression: 'gzip',
      summary: { context: 'container-package-publish', successStyle: 'success', priority: undefined },
      outputs: { prefix: 'container-package' },
      localRegistry: undefined,
      credentialScopes: ['packages.buildkite.com/acme/images'],
    });
  });

  test('options replace the defaults', () => {
    const result = plan({
      registry: 'acme/images',
      images: ['docker:app'],
      retries: 0,
      compression: 'zstd',
      annotate: { context: 'images', style: 'info', priority: 8 },
      'meta-data': { prefix: 'img' },
      'local-registry': { port: 5000, mirror: ['docker.io'], storage: '/var/cache/reg', 'export-as': 'REG' },
    });
    expect(result).toMatchObject({
      retries: 0,
      compression: 'zstd',
      summary: { context: 'images', successStyle: 'info', priority: 8 },
      outputs: { prefix: 'img' },
      localRegistry: { port: 5000, mirrors: ['docker.io'], storage: '/var/cache/reg', exportAs: 'REG' },
    });
    expect(result.images[0]!.outputKeys).toEqual({
      digest: 'img:app:digest',
      references: 'img:app:references',
    });
  });

  test('annotate: false and meta-data: false turn them off; local-registry: true takes every default', () => {
    const result = plan({
      registry: 'acme/images',
      images: ['docker:app'],
      annotate: false,
      'meta-data': false,
      'local-registry': true,
    });
    expect(result.summary).toBeUndefined();
    expect(result.outputs).toBeUndefined();
    expect(result.images[0]!.outputKeys).toBeUndefined();
    expect(result.localRegistry).toEqual({
      port: 0,
      mirrors: [],
      storage: undefined,
      exportAs: 'CONTAINER_PACKAGE_LOCAL_REGISTRY',
    });
  });

  test('the annotation context falls back to the job ID, and is cut to 100 characters with a stable hash', () => {
    expect(plan({ registry: 'acme/images' }, { ...build, stepKey: undefined }).summary!.context).toBe(
      'container-package-job-uuid',
    );
    const long = plan({ registry: 'acme/images' }, { ...build, stepKey: 'k'.repeat(150) }).summary!.context;
    expect(long).toHaveLength(100);
    expect(long).toMatch(/^container-package-k+-[0-9a-f]{8}$/);
    expect(plan({ registry: 'acme/images' }, { ...build, stepKey: 'k'.repeat(150) }).summary!.context).toBe(
      long,
    );
    // Keys that differ only past the cut still get their own annotation.
    const other = plan({ registry: 'acme/images' }, { ...build, stepKey: `${'k'.repeat(149)}j` }).summary!
      .context;
    expect(other).toHaveLength(100);
    expect(other.slice(0, 91)).toBe(long.slice(0, 91));
    expect(other).not.toBe(long);
  });
});

describe('planPublish registries and logins', () => {
  test('"{registry}" alone takes BUILDKITE_ORGANIZATION_SLUG; without it the error says what to write', () => {
    expect(plan({ registry: 'images' }).registries[0]!.target.prefix).toBe(
      'packages.buildkite.com/acme/images',
    );
    const error = refused({ registry: 'images' }, { ...build, organization: undefined });
    expect(error.code).toBe('CI_CONFIG_UNRESOLVABLE');
    expect(error.message).toContain('`registry`: invalid registry "images"');
    expect(error.hint).toContain('{org}/{registry}');
  });

  test('other registries use the docker config by default and are not isolated from it', () => {
    const result = plan({ registry: ['ghcr.io/acme', 'localhost:5000'], images: ['docker:app'] });
    expect(result.registries.map((r) => r.auth)).toEqual([
      { method: 'docker-config' },
      { method: 'docker-config' },
    ]);
    expect(result.credentialScopes).toEqual([]);
    expect(result.images[0]!.references).toEqual(['ghcr.io/acme/app:42', 'localhost:5000/app:42']);
  });

  test('top-level login keys apply to plain items; an item with its own login inherits none of them', () => {
    const result = plan({
      registry: [
        'acme/images',
        'ghcr.io/acme',
        { url: 'quay.io/acme', secret: 'QUAY_TOKEN', username: 'robot' },
        { url: 'acme/other', auth: 'oidc' },
      ],
      'token-env': 'SHARED_TOKEN',
      images: ['docker:app'],
    });
    expect(result.registries.map((r) => r.auth)).toEqual([
      { method: 'token', source: { kind: 'env', name: 'SHARED_TOKEN' }, username: 'buildkite' },
      { method: 'token', source: { kind: 'env', name: 'SHARED_TOKEN' }, username: undefined },
      { method: 'token', source: { kind: 'secret', name: 'QUAY_TOKEN' }, username: 'robot' },
      { method: 'oidc', audience: 'https://packages.buildkite.com/acme/other', lifetimeSeconds: 300 },
    ]);
    expect(result.credentialScopes).toEqual([
      'packages.buildkite.com/acme/images',
      'ghcr.io/acme',
      'quay.io/acme',
      'packages.buildkite.com/acme/other',
    ]);
  });

  test('OIDC elsewhere uses the audience given; the top-level audience does not change a Buildkite registry', () => {
    const result = plan({
      registry: ['acme/images', { url: 'localhost:5000', auth: 'oidc' }],
      audience: 'local-registry',
    });
    expect(result.registries.map((r) => r.auth)).toEqual([
      { method: 'oidc', audience: 'https://packages.buildkite.com/acme/images', lifetimeSeconds: 300 },
      { method: 'oidc', audience: 'local-registry', lifetimeSeconds: 300 },
    ]);
  });

  test.each([
    [
      { registry: [{ url: 'localhost:5000', auth: 'oidc' as const }] },
      'CI_CONFIG_UNRESOLVABLE',
      'uses OIDC but has no `audience`',
    ],
    [
      {
        registry: [
          {
            url: 'evil.example.com',
            auth: 'oidc' as const,
            audience: 'https://packages.buildkite.com/acme/images',
          },
        ],
      },
      'CI_CONFIG_CONFLICT',
      'asks for an OIDC token meant for Buildkite Packages',
    ],
    [
      { registry: [{ url: 'acme/images', audience: 'other' }] },
      'CI_CONFIG_CONFLICT',
      'whose OIDC audience is always https://packages.buildkite.com/acme/images',
    ],
    [
      { registry: ['acme/images', 'packages.buildkite.com/acme/images'] },
      'CI_CONFIG_CONFLICT',
      '`registry[0]` are the same registry',
    ],
  ])('refuses %j', (config, code, text) => {
    const error = refused(config);
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
    expect(error.issues).toHaveLength(1);
  });
});

describe('planPublish images and tags', () => {
  test('renders templates for this build: sanitised branch, short commit, dropped {{tag}}, no duplicates', () => {
    const image = plan({
      registry: 'acme/images',
      images: [
        {
          source: 'docker:app',
          tags: ['{{branch}}', 'sha-{{commit.short}}', '{{tag}}', '{{build.number}}', '42', 'latest'],
        },
      ],
    }).images[0]!;
    expect(image.tags).toEqual(['feature-Login', 'sha-0123456', '42', 'latest']);
    expect(image.skippedTags).toEqual(['{{tag}}']);
  });

  test('an image’s tags replace the top-level tags; {{date}} uses the time passed in', () => {
    const images = plan(
      {
        registry: 'acme/images',
        tags: ['{{date}}'],
        images: ['docker:app', { source: 'docker:worker', tags: ['w-{{build}}'] }],
      },
      build,
      new Date('2024-05-06T07:08:09Z'),
    ).images;
    expect(images.map((i) => i.tags)).toEqual([['20240506'], ['w-42']]);
  });

  test('every registry gets every tag', () => {
    const image = plan({
      registry: ['acme/images', 'ghcr.io/acme'],
      tags: ['1', 'latest'],
      images: ['docker:app'],
    }).images[0]!;
    expect(image.references).toEqual([
      'packages.buildkite.com/acme/images/app:1',
      'packages.buildkite.com/acme/images/app:latest',
      'ghcr.io/acme/app:1',
      'ghcr.io/acme/app:latest',
    ]);
  });

  test.each([
    [
      { registry: 'acme/images', images: [{ source: 'docker:app', tags: ['{{tag}}'] }] },
      'images[0]',
      'CI_CONFIG_UNRESOLVABLE',
      'no tag is left for app',
    ],
    [
      { registry: 'acme/images', images: ['docker:app:1', 'docker:ghcr.io/x/app:2'] },
      'images[1]',
      'CI_CONFIG_CONFLICT',
      'are both named "app"',
    ],
    [
      { registry: 'acme/images', images: ['oci:.'] },
      'images[0]',
      'CI_CONFIG_UNRESOLVABLE',
      'cannot take an image name from the source "oci:."',
    ],
    [
      { registry: 'acme/images', images: [{ source: 'docker:app', name: 'My App' }] },
      'images[0]',
      'CI_CONFIG_UNRESOLVABLE',
      '`images[0]`: invalid',
    ],
  ])('refuses %j at %s', (config, path, code, text) => {
    const error = refused(config);
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
    expect(error.issues[0]!.path).toBe(path);
    expect(error.hint ?? '').not.toBe('');
  });
});

describe('defaultName', () => {
  test.each([
    ['docker:app:ci', 'app'],
    ['docker:ghcr.io/acme/api:1', 'api'],
    ['podman:localhost/team/web', 'web'],
    ['docker://registry.example.com/a/b:1', 'b'],
    ['oci:build/web-image', 'web-image'],
    ['oci:build/out/:latest', 'out'],
    ['oci-archive:dist/My Image.tar', 'my-image'],
    ['docker-archive:app.tar.gz', 'app'],
    ['docker-archive:images.tar:acme/api:1', 'api'],
    ['oci:./', undefined],
  ])('%s gives %s', (source, name) => {
    expect(defaultName(parseSource(source))).toBe(name);
  });
});

describe('pushDecision', () => {
  test.each([
    [undefined, undefined, true, 'pushing if the command succeeds'],
    [undefined, 0, true, 'the command succeeded: pushing'],
    [
      undefined,
      1,
      false,
      'the command failed with exit status 1, so nothing is pushed (set push: always to push anyway)',
    ],
    ['always' as const, 2, true, 'push is "always": pushing (the command failed with exit status 2)'],
    ['always' as const, 0, true, 'push is "always": pushing'],
    ['never' as const, 0, false, 'push is "never": nothing is pushed'],
  ])('push: %s with exit status %s pushes: %s', (push, status, expected, reason) => {
    const decision = pushDecision(push === undefined ? {} : { push }, { commandExitStatus: status });
    expect(decision).toEqual({ when: push ?? 'success', push: expected, reason });
  });
});

describe('packages-host', () => {
  test('moves {org}/{registry} and its OIDC audience; the key wins over the environment', () => {
    const onKey = plan(
      { registry: 'acme/images', 'packages-host': '127.0.0.1:5000', images: ['docker:app'] },
      {
        ...build,
        packagesHost: 'ignored.example.com',
      },
    );
    expect(onKey.registries[0]).toMatchObject({
      target: { kind: 'buildkite', host: '127.0.0.1:5000', prefix: '127.0.0.1:5000/acme/images' },
      auth: { method: 'oidc', audience: 'https://127.0.0.1:5000/acme/images' },
    });
    const fromEnv = plan(
      { registry: 'images', images: ['docker:app'] },
      { ...build, packagesHost: 'pk.example.com' },
    );
    expect(fromEnv.registries[0]!.target.prefix).toBe('pk.example.com/acme/images');
    expect(plan({ registry: 'acme/images', images: ['docker:app'] }).registries[0]!.target.host).toBe(
      'packages.buildkite.com',
    );
  });

  test('a bad host names the key', () => {
    expect(() =>
      plan({ registry: 'acme/images', 'packages-host': 'host/path', images: ['docker:app'] }),
    ).toThrow(
      expect.objectContaining({
        code: 'CI_CONFIG_UNRESOLVABLE',
        message: expect.stringContaining('`packages-host`'),
      }),
    );
  });
});
