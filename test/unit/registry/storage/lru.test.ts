import { describe, expect, test } from 'vitest';
import { LruCache } from '../../../../src/registry/storage/lru.js';

describe('LruCache', () => {
  test('evicts the least recently used entry when over the byte budget', () => {
    const cache = new LruCache<string>(10);
    cache.set('a', 'A', 4);
    cache.set('b', 'B', 4);
    expect(cache.get('a')).toBe('A'); // a is now the most recent
    cache.set('c', 'C', 4);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c')]).toEqual(['A', 'C']);
    expect(cache.bytes).toBe(8);
  });

  test('evicts by entry count too', () => {
    const cache = new LruCache<number>(1000, 2);
    cache.set('a', 1, 1);
    cache.set('b', 2, 1);
    cache.set('c', 3, 1);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
  });

  test('an entry larger than the budget is not cached; replacing an entry updates the size', () => {
    const cache = new LruCache<string>(10);
    cache.set('big', 'x', 11);
    expect(cache.get('big')).toBeUndefined();
    cache.set('k', 'one', 3);
    cache.set('k', 'two', 5);
    expect([cache.get('k'), cache.bytes, cache.size]).toEqual(['two', 5, 1]);
    cache.delete('k');
    expect([cache.bytes, cache.size]).toEqual([0, 0]);
  });

  test('a zero budget caches nothing', () => {
    const cache = new LruCache<string>(0);
    cache.set('a', 'A', 0);
    cache.set('b', 'B', 1);
    expect(cache.get('b')).toBeUndefined();
  });
});
