import { describe, expect, test } from 'vitest';
import { parseJsonObject } from '../../src/json-object.js';

describe('parseJsonObject', () => {
  test.each([
    ['an object', '{"auths":{"a":{}}}', { auths: { a: {} } }],
    ['empty text', '', {}],
    ['blank text', ' \n\t', {}],
    ['bad JSON', '{"auths":', undefined],
    ['an array', '[1]', undefined],
    ['a string', '"x"', undefined],
    ['null', 'null', undefined],
  ])('%s', (_, text, expected) => {
    expect(parseJsonObject(text)).toEqual(expected);
  });
});
