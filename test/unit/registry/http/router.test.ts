import { describe, expect, test } from 'vitest';
import { ROUTE_METHODS, matchRoute, splitTarget } from '../../../../src/registry/http/router.js';

const d = `sha256:${'a'.repeat(64)}`;

describe('matchRoute', () => {
  test.each([
    ['/v2/', { kind: 'base' }],
    ['/v2', { kind: 'base' }],
    ['/v2/_catalog', { kind: 'catalog' }],
    [`/v2/alpine/blobs/${d}`, { kind: 'blob', name: 'alpine', digest: d }],
    [`/v2/a/b/c/blobs/${d}`, { kind: 'blob', name: 'a/b/c', digest: d }],
    ['/v2/a/b/blobs/uploads/', { kind: 'uploads', name: 'a/b' }],
    ['/v2/a/b/blobs/uploads', { kind: 'uploads', name: 'a/b' }],
    ['/v2/a/blobs/uploads/1234', { kind: 'upload', name: 'a', id: '1234' }],
    ['/v2/a/manifests/latest', { kind: 'manifest', name: 'a', reference: 'latest' }],
    [`/v2/org/app/manifests/${d}`, { kind: 'manifest', name: 'org/app', reference: d }],
    ['/v2/a/b/tags/list', { kind: 'tags', name: 'a/b' }],
    [`/v2/a/referrers/${d}`, { kind: 'referrers', name: 'a', digest: d }],
    // Names may contain the words used as endpoints: the longest name that fits wins.
    ['/v2/blobs/manifests/manifests/v1', { kind: 'manifest', name: 'blobs/manifests', reference: 'v1' }],
    ['/v2/x/blobs/uploads/blobs/uploads/', { kind: 'uploads', name: 'x/blobs/uploads' }],
    ['/v2/tags/list/tags/list', { kind: 'tags', name: 'tags/list' }],
    // Nothing is decoded or normalised: validation sees the raw name.
    [`/v2/../blobs/${d}`, { kind: 'blob', name: '..', digest: d }],
    [`/v2/a%2fb/blobs/${d}`, { kind: 'blob', name: 'a%2fb', digest: d }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  test.each([
    '/',
    '/v1/',
    '/v2/a',
    '/v2/a/blobs/',
    '/v2/a/manifests/',
    '/v2/a/tags',
    '/v2/a/unknown/x',
    '/v2//',
  ])('%s matches nothing', (path) => {
    expect(matchRoute(path)).toBeUndefined();
  });

  test('paths longer than 8 KiB are not routed', () => {
    expect(matchRoute(`/v2/${'a/'.repeat(5000)}a/tags/list`)).toBeUndefined();
  });

  test('every route kind lists its methods', () => {
    expect(ROUTE_METHODS.upload).toEqual(['GET', 'PATCH', 'PUT', 'DELETE']);
    expect(ROUTE_METHODS.manifest).toContain('HEAD');
  });
});

describe('splitTarget', () => {
  test('splits path and query without decoding the path', () => {
    const target = splitTarget('/v2/a%2e/tags/list?n=2&last=x%20y');
    expect(target.path).toBe('/v2/a%2e/tags/list');
    expect(target.query.get('n')).toBe('2');
    expect(target.query.get('last')).toBe('x y');
  });

  test('repeated parameters are all kept', () => {
    expect(splitTarget('/v2/a/manifests/x?tag=a&tag=b').query.getAll('tag')).toEqual(['a', 'b']);
  });

  test('an absolute-form target is reduced to its path', () => {
    expect(splitTarget('http://example.com:5000/v2/?x=1')).toMatchObject({ path: '/v2/' });
    expect(splitTarget('http://example.com').path).toBe('/');
  });
});
