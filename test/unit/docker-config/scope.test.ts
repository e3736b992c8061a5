import { describe, expect, test } from 'vitest';
import { keyConcernsScope, splitServerAddress } from '../../../src/docker-config/index.js';

describe('splitServerAddress', () => {
  test.each([
    ['ghcr.io', { host: 'ghcr.io', path: '' }],
    ['https://GHCR.io/', { host: 'ghcr.io', path: '' }],
    ['https://index.docker.io/v1/', { host: 'docker.io', path: '' }],
    ['registry-1.docker.io', { host: 'docker.io', path: '' }],
    ['packages.buildkite.com/acme/images', { host: 'packages.buildkite.com', path: 'acme/images' }],
    ['http://localhost:5000/v2/', { host: 'localhost:5000', path: '' }],
    ['[::1]:5000/team', { host: '[::1]:5000', path: 'team' }],
  ])('%s', (address, parts) => {
    expect(splitServerAddress(address)).toEqual(parts);
  });
});

describe('keyConcernsScope', () => {
  const scope = 'packages.buildkite.com/acme/images';
  test.each([
    ['packages.buildkite.com', true],
    ['https://packages.buildkite.com', true],
    ['packages.buildkite.com/acme/images', true],
    ['packages.buildkite.com/acme', true],
    ['packages.buildkite.com/acme/images/app', true],
    ['packages.buildkite.com/acme/other', false],
    ['packages.buildkite.com/acme/images-old', false],
    ['ghcr.io', false],
    ['packages.buildkite.com:443', false],
  ])(`the docker config key %s concerns ${scope}: %s`, (key, expected) => {
    expect(keyConcernsScope(key, scope)).toBe(expected);
  });

  test('a host-wide scope concerns every key on that host, Docker Hub aliases included', () => {
    expect(keyConcernsScope('ghcr.io/acme', 'ghcr.io')).toBe(true);
    expect(keyConcernsScope('https://index.docker.io/v1/', 'docker.io/acme')).toBe(true);
    expect(keyConcernsScope('localhost:5001', 'localhost:5000')).toBe(false);
  });
});
