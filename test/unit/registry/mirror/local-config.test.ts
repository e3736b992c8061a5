import { expect, test } from 'vitest';
import { parseConfig } from '../../../../src/registry/config.js';
import { localMirrorConfig } from '../../../../src/registry/mirror/local-config.js';

test('writes the mirrors as shorthand entries the registry reads back', () => {
  const text = localMirrorConfig(['docker.io', ' ghcr.io/acme/ ', 'packages.buildkite.com/acme/images']);
  expect(text).toBe('mirrors:\n  - docker.io\n  - ghcr.io/acme\n  - packages.buildkite.com/acme/images\n');
  expect(parseConfig(text).mirrors.map((m) => [m.prefix, m.upstream])).toEqual([
    ['docker.io', 'https://registry-1.docker.io'],
    ['ghcr.io/acme', 'https://ghcr.io'],
    ['packages.buildkite.com/acme/images', 'https://packages.buildkite.com'],
  ]);
});

test.each([
  [['localhost:5000'], /local-registry.mirror: mirrors\[0\]: "localhost:5000" is not a repository path/],
  [['docker.io', 'docker.io'], /mirrors\[1\]: docker.io overlaps the mirror prefix docker.io/],
  [['GHCR.io'], /mirrors\[0\]: "GHCR.io" is not a repository path/],
])('refuses %j', (entries, message) => {
  expect(() => localMirrorConfig(entries)).toThrow(message);
});
