import { describe, expect, test } from 'vitest';
import { isUiPath, matchUiRoute } from '../../../../src/registry/ui/routes.js';
import { placeOf } from '../../../../src/registry/ui/place.js';

describe('matchUiRoute', () => {
  test.each([
    ['/', { kind: 'root' }],
    ['/ui', { kind: 'root' }],
    ['/ui/', { kind: 'registries' }],
    ['/ui/-/assets/style-0123abcd.css', { kind: 'asset', file: 'style-0123abcd.css' }],
    ['/ui/-/sign-in', { kind: 'sign-in' }],
    ['/ui/-/sign-out', { kind: 'sign-out' }],
    ['/ui/-/top-level', { kind: 'browse', rest: '' }],
    ['/ui/-/download/acme/images/web', { kind: 'download', rest: 'acme/images/web' }],
    ['/ui/acme/images', { kind: 'browse', rest: 'acme/images' }],
    ['/ui/acme/images/', { kind: 'browse', rest: 'acme/images' }],
    ['/ui/acme/images/team/app', { kind: 'browse', rest: 'acme/images/team/app' }],
    ['/ui/busybox', { kind: 'browse', rest: 'busybox' }],
  ])('%s', (path, expected) => {
    expect(matchUiRoute(path)).toEqual(expected);
  });

  test.each([
    '/ui/-/assets/../../etc/passwd',
    '/ui/-/nothing',
    '/ui//x',
    '/ui/a//b',
    `/ui/${'a'.repeat(3000)}`,
  ])('%s is no page', (path) => {
    expect(matchUiRoute(path)).toBeUndefined();
  });

  test('isUiPath covers / and /ui only', () => {
    expect(['/', '/ui', '/ui/x'].map(isUiPath)).toEqual([true, true, true]);
    expect(['/v2/', '/uix', '/api/v1/registries'].map(isUiPath)).toEqual([false, false, false]);
  });
});

describe('placeOf', () => {
  test.each([
    ['acme/images', true, [], { kind: 'registry', registry: 'acme/images' }],
    ['acme/images/web', true, [], { kind: 'image', registry: 'acme/images', image: 'web' }],
    ['acme/images/team/app', true, [], { kind: 'image', registry: 'acme/images', image: 'team/app' }],
    ['acme', true, [], { kind: 'none' }],
    ['team', false, ['team', ''], { kind: 'registry', registry: 'team' }],
    ['team/app', false, ['team', ''], { kind: 'image', registry: 'team', image: 'app' }],
    ['busybox', false, ['team', ''], { kind: 'image', registry: '', image: 'busybox' }],
    ['', false, [''], { kind: 'registry', registry: '' }],
    ['a/b/c/d', false, ['a/b'], { kind: 'image', registry: 'a/b', image: 'c/d' }],
  ] as const)('%s (configured %s)', (rest, configured, groups, expected) => {
    expect(placeOf(rest, configured, groups)).toEqual(expected);
  });
});
