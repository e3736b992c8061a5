import { describe, expect, test } from 'vitest';
import { matchServiceRoute } from '../../../../src/registry/http/service-routes.js';

describe('matchServiceRoute', () => {
  test.each([
    ['/token', { kind: 'token' }],
    ['/healthz', { kind: 'healthz' }],
    ['/metrics', { kind: 'metrics' }],
    ['/api/v1/registries/acme/images/packages', { kind: 'packages', registry: 'acme/images' }],
    ['/api/v1/registries/acme/images/packages/', { kind: 'packages', registry: 'acme/images' }],
    [
      '/api/v1/registries/acme/images/packages/web',
      { kind: 'package', registry: 'acme/images', image: 'web' },
    ],
    [
      '/api/v1/registries/acme/images/packages/team/web',
      { kind: 'package', registry: 'acme/images', image: 'team/web' },
    ],
    ['/tokens', undefined],
    // Open mode: a one-component group (`team` of `team/app`); configured registries refuse it.
    ['/api/v1/registries/team/packages', { kind: 'packages', registry: 'team' }],
    ['/api/v1/registries/team/packages/app', { kind: 'package', registry: 'team', image: 'app' }],
    [
      '/api/v1/registries/acme/images/packages/team/web/download',
      { kind: 'download', registry: 'acme/images', image: 'team/web' },
    ],
    ['/api/v1/registries/team/packages/app/download', { kind: 'download', registry: 'team', image: 'app' }],
    [
      '/api/v1/registries/acme/images/packages/download',
      { kind: 'package', registry: 'acme/images', image: 'download' },
    ],
    ['/api/v1/registries/packages', undefined],
    ['/healthz/', undefined],
    [`/api/v1/registries/a/b/packages/${'x'.repeat(2000)}`, undefined],
  ])('%s → %o', (path, expected) => {
    expect(matchServiceRoute(path)).toEqual(expected);
  });
});
