import { describe, expect, test } from 'vitest';
import { TAG_MAX_LENGTH, isValidTag, parseTag } from '../../../src/reference/index.js';

describe('parseTag', () => {
  test.each([
    'latest',
    'v1.2.3',
    'Feature-X',
    '_x',
    '0',
    'a'.repeat(TAG_MAX_LENGTH),
    '1.0_rc-2',
    'a..b--c__d',
  ])('accepts %s', (tag) => {
    expect(parseTag(tag)).toBe(tag);
    expect(isValidTag(tag)).toBe(true);
  });

  test.each([
    ['', /the tag is empty/],
    ['.x', /not starting with '\.' or '-'/],
    ['-x', /not starting with '\.' or '-'/],
    ['a'.repeat(TAG_MAX_LENGTH + 1), /this one has 129/],
    ['feature/x', /'\/' is not allowed/],
    ['a b', /letters, digits/],
    ['a:b', /letters, digits/],
    ['a+b', /letters, digits/],
    ['é', /letters, digits/],
  ])('refuses %j, saying why', (tag, why) => {
    expect(isValidTag(tag)).toBe(false);
    expect(() => parseTag(tag)).toThrow(expect.objectContaining({ code: 'REF_INVALID_TAG', part: tag }));
    expect(() => parseTag(tag)).toThrow(why);
  });

  test('quotes the surrounding input when given', () => {
    expect(() => parseTag('-x', 'app:-x')).toThrow('invalid tag "-x" in "app:-x"');
  });
});
