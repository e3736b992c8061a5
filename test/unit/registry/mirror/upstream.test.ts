import { describe, expect, test } from 'vitest';
import {
  parseUpstream,
  shorthandUpstream,
  upstreamRepository,
} from '../../../../src/registry/mirror/upstream.js';

describe('parseUpstream', () => {
  test.each([
    [
      'docker.io',
      'https://registry-1.docker.io',
      {
        url: 'https://registry-1.docker.io',
        registry: 'docker.io',
        namespace: '',
        insecure: false,
        dockerHub: true,
      },
    ],
    [
      'packages.buildkite.com/acme/images',
      'https://packages.buildkite.com',
      { registry: 'packages.buildkite.com', namespace: 'acme/images', dockerHub: false },
    ],
    [
      'bk',
      'https://packages.buildkite.com/acme/images/',
      {
        url: 'https://packages.buildkite.com/acme/images',
        origin: 'https://packages.buildkite.com',
        namespace: 'acme/images',
      },
    ],
    [
      'upstream-test',
      'http://127.0.0.1:5001',
      { registry: '127.0.0.1:5001', namespace: '', insecure: false },
    ],
    ['lan', 'http://registry.lan:5000', { registry: 'registry.lan:5000', insecure: true }],
    ['ghcr.io/acme', 'https://ghcr.io', { registry: 'ghcr.io', namespace: 'acme' }],
    ['hub', 'https://index.docker.io', { registry: 'docker.io', namespace: '', dockerHub: true }],
  ])('%s on %s', (prefix, url, expected) => {
    expect(parseUpstream(prefix, url)).toMatchObject(expected);
  });

  test.each([
    ['not a url', /expected an http\(s\) URL/],
    ['ftp://example.com', /http or https/],
    ['https://user:pw@example.com', /without query, fragment or credentials/],
    ['https://example.com/?x=1', /without query/],
    ['https://example.com/Bad_Path', /not a repository namespace/],
    ['http://registry-1.docker.io', /only served over https/],
  ])('refuses %s', (url, message) => {
    const parsed = parseUpstream('mirror', url);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('upstreamRepository', () => {
  const hub = parseUpstream('docker.io', 'https://registry-1.docker.io') as Exclude<
    ReturnType<typeof parseUpstream>,
    { error: string }
  >;
  const bk = parseUpstream(
    'packages.buildkite.com/acme/images',
    'https://packages.buildkite.com',
  ) as typeof hub;

  test.each([
    [hub, 'docker.io', 'docker.io/alpine', 'library/alpine'],
    [hub, 'docker.io', 'docker.io/library/alpine', 'library/alpine'],
    [hub, 'docker.io', 'docker.io/bitnami/redis', 'bitnami/redis'],
    [bk, 'packages.buildkite.com/acme/images', 'packages.buildkite.com/acme/images/app', 'acme/images/app'],
  ])('%#: %s → %s', (upstream, prefix, name, expected) => {
    expect(upstreamRepository(upstream, prefix, name)).toBe(expected);
  });

  test('refuses a name outside the prefix', () => {
    expect(() => upstreamRepository(hub, 'docker.io', 'ghcr.io/x')).toThrow(/not under the mirror prefix/);
  });
});

test.each([
  ['docker.io', 'https://registry-1.docker.io'],
  ['index.docker.io', 'https://registry-1.docker.io'],
  ['ghcr.io/acme', 'https://ghcr.io'],
  ['packages.buildkite.com/acme/images', 'https://packages.buildkite.com'],
])('shorthandUpstream(%s) is %s', (prefix, expected) => {
  expect(shorthandUpstream(prefix)).toBe(expected);
});
