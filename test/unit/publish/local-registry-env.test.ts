import { describe, expect, it } from 'vitest';
import { localRegistryEnv } from '../../../src/publish/index.js';

describe('localRegistryEnv', () => {
  it('exports the BuildKit cache reference, and the mirror prefixes when mirroring', () => {
    expect(localRegistryEnv('127.0.0.1:5000', ['docker.io', 'ghcr.io/'], 'Acme/Web App')).toEqual({
      CONTAINER_PACKAGE_BUILDKIT_CACHE: '127.0.0.1:5000/cache/acme-web-app:buildcache',
      CONTAINER_PACKAGE_MIRROR_PREFIX: '127.0.0.1:5000/docker.io',
      CONTAINER_PACKAGE_MIRROR_PREFIXES: '127.0.0.1:5000/docker.io 127.0.0.1:5000/ghcr.io',
    });
  });

  it.each([undefined, '', '---'])('names the cache "pipeline" without a usable name (%j)', (name) => {
    expect(localRegistryEnv('127.0.0.1:5000', [], name)).toEqual({
      CONTAINER_PACKAGE_BUILDKIT_CACHE: '127.0.0.1:5000/cache/pipeline:buildcache',
    });
  });
});
