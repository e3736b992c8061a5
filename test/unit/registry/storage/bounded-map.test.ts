import { describe, expect, test } from 'vitest';
import { BoundedMap } from '../../../../src/registry/storage/bounded-map.js';

describe('BoundedMap', () => {
  test('without a TTL an entry stays until deleted or the map starts over at its limit', () => {
    let now = 0;
    const map = new BoundedMap<string>(2, undefined, () => now);
    map.set('a', '1');
    now = 1e9;
    expect(map.get('a')).toBe('1');
    map.set('b', '2');
    map.set('c', '3');
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([undefined, undefined, '3']);
  });

  test('with a TTL an entry is answered for that long after it was set, then forgotten', () => {
    let now = 1000;
    const map = new BoundedMap<string>(10, 500, () => now);
    map.set('tag', 'sha256:old');
    now = 1499;
    expect(map.get('tag')).toBe('sha256:old');
    now = 1500;
    expect(map.get('tag')).toBeUndefined();
  });

  test('a TTL of 0 never answers from memory', () => {
    const map = new BoundedMap<string>(10, 0, () => 0);
    map.set('tag', 'sha256:x');
    expect(map.get('tag')).toBeUndefined();
  });
});
