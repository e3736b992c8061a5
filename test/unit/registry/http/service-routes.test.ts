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
    ['/api/v1/registries/acme/packages', undefined],
    ['/healthz/', undefined],
    [`/api/v1/registries/a/b/packages/${'x'.repeat(2000)}`, undefined],
  ])('%s → %o', (path, expected) => {
    expect(matchServiceRoute(path)).toEqual(expected);
  });
});
