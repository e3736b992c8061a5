import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TAG_MAX_LENGTH, isValidTag, sanitizeTag } from '../../../src/reference/index.js';

describe('sanitizeTag', () => {
  test.each([
    ['main', 'main'],
    ['feature/Foo', 'feature-Foo'],
    ['feature/-x', 'feature-x'],
    ['a / b', 'a-b'],
    ['a--b', 'a--b'],
    ['a---/b', 'a-b'],
    ['refs/heads/main', 'refs-heads-main'],
    ['/leading', 'leading'],
    ['trailing/', 'trailing'],
    ['.hidden', 'hidden'],
    ['-rc1', 'rc1'],
    ['..-.x', 'x'],
    ['_x', '_x'],
    ['v1.2.3', 'v1.2.3'],
    ['v1.2.3+build.5', 'v1.2.3-build.5'],
    ['Ünïcødé', 'n-c-d'],
    ['emoji🚀ship', 'emoji-ship'],
    ['tab\there', 'tab-here'],
    ['dependabot/npm_and_yarn/undici-8.1.0', 'dependabot-npm_and_yarn-undici-8.1.0'],
  ])('%j becomes %j', (input, expected) => {
    expect(sanitizeTag(input)).toBe(expected);
  });

  test('keeps case, as docker/metadata-action does', () => {
    expect(sanitizeTag('Feature/ABC-123')).toBe('Feature-ABC-123');
  });

  test('truncates long values to 128 characters with a hash of the whole value', () => {
    const a = `feature/${'x'.repeat(200)}-one`;
    const b = `feature/${'x'.repeat(200)}-two`;
    const ta = sanitizeTag(a);
    const tb = sanitizeTag(b);
    expect(ta).toHaveLength(TAG_MAX_LENGTH);
    expect(tb).toHaveLength(TAG_MAX_LENGTH);
    expect(ta).not.toBe(tb);
    expect(ta.slice(0, 119)).toBe(tb.slice(0, 119));
    expect(ta).toMatch(/^feature-x+-[0-9a-f]{8}$/);
    expect(sanitizeTag(a)).toBe(ta);
  });

  test('the hash suffix is pinned: tags must not change between releases', () => {
    expect(sanitizeTag('a'.repeat(200))).toBe(`${'a'.repeat(119)}-4e48052d`);
  });

  test('a value of exactly 128 valid characters is kept whole', () => {
    const value = 'b'.repeat(TAG_MAX_LENGTH);
    expect(sanitizeTag(value)).toBe(value);
  });

  test('truncation does not leave "." or "-" before the hash', () => {
    const tag = sanitizeTag(`${'a'.repeat(117)}.-${'b'.repeat(20)}`);
    expect(tag).toMatch(/^a{117}-[0-9a-f]{8}$/);
  });

  test.each(['', '/', '...', '-', '🚀', ' '])('refuses %j: nothing usable is left', (input) => {
    expect(() => sanitizeTag(input)).toThrow(
      expect.objectContaining({ code: 'REF_INVALID_TAG', part: input }),
    );
  });

  const anything = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: fc.constantFrom('a', 'B', '.', '-', '_', '/', ' ', 'é'), maxLength: 300 }),
  );

  test('output is always a valid tag of at most 128 characters', () => {
    fc.assert(
      fc.property(anything, (input) => {
        let tag: string;
        try {
          tag = sanitizeTag(input);
        } catch (error) {
          expect(error).toMatchObject({ code: 'REF_INVALID_TAG' });
          expect(/[A-Za-z0-9_]/.test(input)).toBe(false);
          return;
        }
        expect(isValidTag(tag)).toBe(true);
        expect(tag.length).toBeLessThanOrEqual(TAG_MAX_LENGTH);
      }),
      { numRuns: 1000 },
    );
  });

  test('is deterministic and idempotent, and leaves valid tags unchanged', () => {
    fc.assert(
      fc.property(anything, (input) => {
        if (!/[A-Za-z0-9_]/.test(input)) return;
        const once = sanitizeTag(input);
        expect(sanitizeTag(input)).toBe(once);
        expect(sanitizeTag(once)).toBe(once);
        if (isValidTag(input)) expect(once).toBe(input);
      }),
      { numRuns: 1000 },
    );
  });
});
