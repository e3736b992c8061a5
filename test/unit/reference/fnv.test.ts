import { expect, test } from 'vitest';
import { fnv1a32 } from '../../../src/reference/fnv.js';

// Published FNV-1a 32-bit test vectors (Fowler/Noll/Vo reference test suite).
test.each([
  ['', '811c9dc5'],
  ['a', 'e40c292c'],
  ['b', 'e70c2de5'],
  ['foobar', 'bf9cf968'],
])('fnv1a32(%j) is %s', (input, hash) => {
  expect(fnv1a32(input)).toBe(hash);
});
