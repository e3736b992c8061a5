import { describe, expect, test } from 'vitest';
import { paginate } from '../../../../src/registry/http/pagination.js';

const tags = ['a', 'b', 'c', 'd', 'e'];
const page = (query: string) => paginate(tags, new URLSearchParams(query), '/v2/x/tags/list');

describe('paginate', () => {
  test.each([
    ['', ['a', 'b', 'c', 'd', 'e'], undefined],
    ['n=2', ['a', 'b'], '</v2/x/tags/list?n=2&last=b>; rel="next"'],
    ['n=2&last=b', ['c', 'd'], '</v2/x/tags/list?n=2&last=d>; rel="next"'],
    ['n=2&last=d', ['e'], undefined],
    ['n=5', ['a', 'b', 'c', 'd', 'e'], undefined],
    ['n=9', ['a', 'b', 'c', 'd', 'e'], undefined],
    ['last=c', ['d', 'e'], undefined],
    ['last=bb', ['c', 'd', 'e'], undefined],
    ['last=z', [], undefined],
    ['n=0', [], undefined],
  ])('?%s', (query, items, link) => {
    expect(page(query)).toEqual({ items, link });
  });

  test('the Link escapes the last item', () => {
    const result = paginate(['a b', 'c'], new URLSearchParams('n=1'), '/v2/_catalog');
    expect(result.link).toBe('</v2/_catalog?n=1&last=a%20b>; rel="next"');
  });

  test.each(['-1', '1.5', 'x', '9999999999'])('n=%s is 400 PAGINATION_NUMBER_INVALID', (n) => {
    expect(() => page(`n=${n}`)).toThrow(
      expect.objectContaining({ apiCode: 'PAGINATION_NUMBER_INVALID', status: 400 }),
    );
  });
});
