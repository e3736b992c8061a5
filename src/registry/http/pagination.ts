import { apiError } from '../errors.js';

/** One page of a sorted list, and the `Link` header pointing at the next page when there is one. */
export interface Page {
  readonly items: string[];
  readonly link: string | undefined;
}

/**
 * Pages a list sorted in byte order with the distribution-spec's `n` (page size) and `last` (return
 * only items after this one) query parameters. Without `n` everything after `last` is returned.
 * `n=0` gives an empty page and no `Link`. `path` is the endpoint the `Link` points back to.
 *
 * @throws RegistryApiError 400 `PAGINATION_NUMBER_INVALID` when `n` is not a non-negative integer
 */
export function paginate(sorted: readonly string[], query: URLSearchParams, path: string): Page {
  const rawN = query.get('n');
  const last = query.get('last');
  let n: number | undefined;
  if (rawN !== null && rawN !== '') {
    if (!/^\d{1,9}$/.test(rawN)) {
      throw apiError('PAGINATION_NUMBER_INVALID', {
        message: `invalid n=${JSON.stringify(rawN.slice(0, 50))}: n must be a non-negative integer`,
      });
    }
    n = Number(rawN);
  }
  const rest = last === null || last === '' ? sorted : sorted.filter((item) => item > last);
  const items = n === undefined ? [...rest] : rest.slice(0, n);
  const more = n !== undefined && n > 0 && rest.length > n;
  const next = items.at(-1);
  const link =
    more && next !== undefined ? `<${path}?n=${n}&last=${encodeURIComponent(next)}>; rel="next"` : undefined;
  return { items, link };
}
