import { describe, expect, test } from 'vitest';
import {
  BUILDKITE_PACKAGES_HOST,
  buildkiteAudience,
  formatReference,
  imageInRegistry,
  parseBuildkiteRegistry,
  parseSlug,
} from '../../../src/reference/index.js';

const acmeImages = {
  kind: 'buildkite',
  host: 'packages.buildkite.com',
  organization: 'acme',
  registry: 'images',
  prefix: 'packages.buildkite.com/acme/images',
};

describe('parseBuildkiteRegistry', () => {
  test.each([
    ['acme/images', {}],
    ['images', { organization: 'acme' }],
    ['acme/images', { organization: 'other' }],
    ['packages.buildkite.com/acme/images', {}],
    ['packages.buildkite.com/images', { organization: 'acme' }],
    ['Packages.Buildkite.com/acme/images', {}],
    ['https://packages.buildkite.com/acme/images', {}],
    ['acme/images/', {}],
  ])('reads %s %j as the Buildkite registry acme/images', (input, options) => {
    const target = parseBuildkiteRegistry(input, options);
    expect(target).toEqual(acmeImages);
    expect(Object.isFrozen(target)).toBe(true);
  });

  test.each([
    ['ghcr.io/acme', 'ghcr.io', 'acme', 'ghcr.io/acme'],
    ['ghcr.io', 'ghcr.io', '', 'ghcr.io'],
    ['localhost:5000', 'localhost:5000', '', 'localhost:5000'],
    ['localhost', 'localhost', '', 'localhost'],
    [
      'registry.example.com:443/team/sub',
      'registry.example.com:443',
      'team/sub',
      'registry.example.com:443/team/sub',
    ],
    ['index.docker.io/user', 'docker.io', 'user', 'docker.io/user'],
    ['[::1]:5000/x', '[::1]:5000', 'x', '[::1]:5000/x'],
    ['Registry.Example.com/x', 'Registry.Example.com', 'x', 'Registry.Example.com/x'],
  ])('reads %s as a generic registry', (input, host, pathPrefix, prefix) => {
    expect(parseBuildkiteRegistry(input, { organization: 'acme' })).toEqual({
      kind: 'generic',
      host,
      pathPrefix,
      prefix,
    });
  });

  test.each([
    ['images', {}, 'REF_ORGANIZATION_REQUIRED', 'images'],
    ['images', { organization: '' }, 'REF_ORGANIZATION_REQUIRED', 'images'],
    ['packages.buildkite.com/images', {}, 'REF_ORGANIZATION_REQUIRED', 'packages.buildkite.com/images'],
    ['packages.buildkite.com', {}, 'REF_INVALID_REGISTRY', 'packages.buildkite.com'],
    ['acme/images/app', {}, 'REF_INVALID_REGISTRY', 'acme/images/app'],
    [
      'packages.buildkite.com/acme/images/app',
      {},
      'REF_INVALID_REGISTRY',
      'packages.buildkite.com/acme/images/app',
    ],
    ['', {}, 'REF_INVALID_REGISTRY', ''],
    ['acme/ images', {}, 'REF_INVALID_REGISTRY', 'acme/ images'],
    ['http://localhost:5000', {}, 'REF_INVALID_REGISTRY', 'http://localhost:5000'],
    ['Acme/images', {}, 'REF_INVALID_SLUG', 'Acme'],
    ['acme/my_images', {}, 'REF_INVALID_SLUG', 'my_images'],
    ['acme/-images', {}, 'REF_INVALID_SLUG', '-images'],
    ['/images', {}, 'REF_INVALID_SLUG', ''],
    ['images', { organization: 'Acme Inc' }, 'REF_INVALID_SLUG', 'Acme Inc'],
    ['foo_bar.com/x', {}, 'REF_INVALID_HOST', 'foo_bar.com'],
    ['localhost:port', {}, 'REF_INVALID_HOST', 'localhost:port'],
    ['ghcr.io/Acme', {}, 'REF_UPPERCASE_REPOSITORY', 'Acme'],
    ['ghcr.io/a//b', {}, 'REF_INVALID_REPOSITORY', 'a//b'],
  ])('refuses %j %j with %s', (input, options, code, part) => {
    expect(() => parseBuildkiteRegistry(input, options)).toThrow(
      expect.objectContaining({ code, part, input }),
    );
  });

  test('an uppercase slug gets the lowercase one as a hint', () => {
    expect(() => parseBuildkiteRegistry('Acme/images')).toThrow(
      expect.objectContaining({ hint: 'Slugs are lowercase: use "acme".' }),
    );
  });

  test('a missing organization names BUILDKITE_ORGANIZATION_SLUG', () => {
    expect(() => parseBuildkiteRegistry('images')).toThrow(
      expect.objectContaining({ hint: expect.stringContaining('BUILDKITE_ORGANIZATION_SLUG') }),
    );
  });
});

describe('buildkiteAudience', () => {
  test('is the registry URL the OIDC token must be minted for', () => {
    expect(buildkiteAudience('acme', 'images')).toBe('https://packages.buildkite.com/acme/images');
    expect(BUILDKITE_PACKAGES_HOST).toBe('packages.buildkite.com');
  });

  test('refuses malformed slugs', () => {
    expect(() => buildkiteAudience('acme', 'Images')).toThrow(
      expect.objectContaining({ code: 'REF_INVALID_SLUG' }),
    );
    expect(() => buildkiteAudience('a/b', 'images')).toThrow(
      expect.objectContaining({ code: 'REF_INVALID_SLUG' }),
    );
  });
});

describe('parseSlug', () => {
  test.each(['acme', 'a', 'acme-inc', 'a1--b2', '123'])('accepts %s', (slug) => {
    expect(parseSlug('organization', slug)).toBe(slug);
  });
  test.each(['', '-a', 'a-', 'a_b', 'a.b', 'A', 'a b'])('refuses %j', (slug) => {
    expect(() => parseSlug('registry', slug)).toThrow(/invalid Buildkite registry slug/);
  });
});

describe('imageInRegistry', () => {
  const bk = parseBuildkiteRegistry('acme/images');

  test.each([
    [bk, 'app', undefined, 'packages.buildkite.com/acme/images/app'],
    [bk, 'app', 'v1', 'packages.buildkite.com/acme/images/app:v1'],
    [bk, 'app:v2', undefined, 'packages.buildkite.com/acme/images/app:v2'],
    [bk, 'team/app', 'v1', 'packages.buildkite.com/acme/images/team/app:v1'],
    [parseBuildkiteRegistry('ghcr.io/acme'), 'app', 'Main', 'ghcr.io/acme/app:Main'],
    [parseBuildkiteRegistry('localhost:5000'), 'app', '1', 'localhost:5000/app:1'],
    [parseBuildkiteRegistry('docker.io'), 'alpine', '3', 'docker.io/library/alpine:3'],
  ] as const)('%j + %s + %s', (registry, image, tag, expected) => {
    expect(formatReference(imageInRegistry(registry, image, tag))).toBe(expected);
  });

  test('keeps a digest given with the image', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(imageInRegistry(bk, `app@${digest}`, 'v1')).toEqual({
      registry: 'packages.buildkite.com',
      repository: 'acme/images/app',
      tag: 'v1',
      digest,
    });
  });

  test('refuses a tag given twice, and invalid images or tags', () => {
    expect(() => imageInRegistry(bk, 'app:v1', 'v2')).toThrow(
      expect.objectContaining({ code: 'REF_INVALID_FORMAT', part: 'app:v1' }),
    );
    expect(() => imageInRegistry(bk, 'App')).toThrow(
      expect.objectContaining({ code: 'REF_UPPERCASE_REPOSITORY' }),
    );
    expect(() => imageInRegistry(bk, 'app', 'feature/x')).toThrow(
      expect.objectContaining({ code: 'REF_INVALID_TAG' }),
    );
  });
});

describe('packagesHost', () => {
  test.each([
    ['acme/images', 'packages.staging.example.com'],
    ['images', 'packages.staging.example.com'],
    ['packages.staging.example.com/acme/images', 'packages.staging.example.com'],
    ['127.0.0.1:5000/acme/images', '127.0.0.1:5000'],
  ])('%s on %s is a Packages registry there', (input, host) => {
    expect(parseBuildkiteRegistry(input, { organization: 'acme', packagesHost: host })).toEqual({
      kind: 'buildkite',
      host,
      organization: 'acme',
      registry: 'images',
      prefix: `${host}/acme/images`,
    });
    expect(buildkiteAudience('acme', 'images', host)).toBe(`https://${host}/acme/images`);
  });

  test('the full Buildkite name stays on Buildkite; other hosts stay generic; the default is unchanged', () => {
    const options = { packagesHost: 'https://Packages.Staging.example.com/' };
    expect(parseBuildkiteRegistry('packages.buildkite.com/acme/images', options).host).toBe(
      BUILDKITE_PACKAGES_HOST,
    );
    expect(parseBuildkiteRegistry('acme/images', options).host).toBe('packages.staging.example.com');
    expect(parseBuildkiteRegistry('ghcr.io/acme', options).kind).toBe('generic');
    expect(parseBuildkiteRegistry('acme/images').host).toBe(BUILDKITE_PACKAGES_HOST);
    expect(buildkiteAudience('acme', 'images')).toBe('https://packages.buildkite.com/acme/images');
  });

  test.each(['host/path', 'http://host', 'bad host', '-x.example'])('refuses %j', (value) => {
    expect(() => parseBuildkiteRegistry('acme/images', { packagesHost: value })).toThrow(
      expect.objectContaining({ code: 'REF_INVALID_HOST' }),
    );
  });
});
