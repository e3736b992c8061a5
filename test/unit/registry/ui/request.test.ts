import { describe, expect, test } from 'vitest';
import { safeNext } from '../../../../src/registry/ui/request.js';

describe('safeNext', () => {
  test.each([
    ['/ui/acme/images?tag=v1', '/ui/acme/images?tag=v1'],
    ['/ui/', '/ui/'],
    [undefined, '/ui/'],
    ['https://evil.example/', '/ui/'],
    ['//evil.example/ui/', '/ui/'],
    ['/ui/\\evil', '/ui/'],
    ['/ui/../v2/', '/ui/'],
    ['/ui/acme/../../api/v1/registries', '/ui/'],
    ['/ui/%2e%2e/v2/', '/ui/'],
    ['/ui/%2E%2e/%2e%2E/evil', '/ui/'],
    ['/ui/a/./b', '/ui/a/./b'],
  ])('%j -> %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
