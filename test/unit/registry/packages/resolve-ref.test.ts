import { expect, test } from 'vitest';
import { newestTag } from '../../../../src/registry/packages/resolve-ref.js';
import type { PackageSummary } from '../../../../src/registry/packages/summary.js';

test('newestTag: pushed last, then latest, then the last in byte order', () => {
  const summary = (tags: [string, string | null][]): PackageSummary => ({
    name: 'x',
    repository: 'a/b/x',
    pushed_at: null,
    downloads: 0,
    size: 0,
    tags: tags.map(([tag, pushed_at]) => ({
      tag,
      pushed_at,
      digest: 'd',
      media_type: 'm',
      downloads: 0,
      size: 0,
    })),
  });
  expect(
    newestTag(
      summary([
        ['v1', '2026-01-02'],
        ['v2', '2026-01-03'],
        ['latest', '2026-01-01'],
      ]),
    ),
  ).toBe('v2');
  expect(
    newestTag(
      summary([
        ['a', null],
        ['latest', null],
        ['z', null],
      ]),
    ),
  ).toBe('latest');
  expect(
    newestTag(
      summary([
        ['a', null],
        ['z', null],
      ]),
    ),
  ).toBe('z');
  expect(newestTag(summary([]))).toBeUndefined();
});
