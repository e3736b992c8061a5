import { expect, test } from 'vitest';
import { TagFreshness } from '../../../../src/registry/mirror/freshness.js';

test('a confirmed tag is fresh for maxAge; a failed check backs off; forget clears both', () => {
  let now = 1_000;
  const freshness = new TagFreshness(300, 100, () => now);
  expect(freshness.isFresh('r:t')).toBe(false);
  freshness.confirmed('r:t');
  now += 299;
  expect(freshness.isFresh('r:t')).toBe(true);
  now += 1;
  expect(freshness.isFresh('r:t')).toBe(false);
  freshness.failed('r:t');
  expect(freshness.inBackoff('r:t')).toBe(true);
  now += 100;
  expect(freshness.inBackoff('r:t')).toBe(false);
  freshness.failed('r:t');
  freshness.confirmed('r:t');
  expect(freshness.inBackoff('r:t')).toBe(false);
  freshness.forget('r:t');
  expect(freshness.isFresh('r:t')).toBe(false);
});

test('a max age of 0 is never fresh', () => {
  const freshness = new TagFreshness(0, 0);
  freshness.confirmed('r:t');
  expect(freshness.isFresh('r:t')).toBe(false);
});
