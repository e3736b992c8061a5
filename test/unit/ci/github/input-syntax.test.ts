import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  parseBooleanInput,
  parseChoice,
  parseImageLines,
  parseIntegerInput,
  parseList,
} from '../../../../src/ci/github/index.js';

describe('parseList', () => {
  test.each([
    ['', {}, []],
    ['a', {}, ['a']],
    ['a\nb\n\n c ', {}, ['a', 'b', 'c']],
    ['a, b,,c', {}, ['a', 'b', 'c']],
    ['a,b\r\nc', {}, ['a', 'b', 'c']],
    ['# comment\na\n  # indented comment\nb', {}, ['a', 'b']],
    ['a,b\nc', { commas: false }, ['a,b', 'c']],
  ])('%j %j -> %j', (value, options, expected) => {
    expect(parseList(value, options)).toEqual(expected);
  });

  test('never yields empty or untrimmed items', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        for (const item of parseList(value)) {
          expect(item).not.toBe('');
          expect(item).toBe(item.trim());
          expect(item).not.toContain(',');
          expect(item).not.toContain('\n');
        }
      }),
    );
  });
});

describe('parseImageLines', () => {
  test.each([
    ['docker:app:ci', [{ text: 'docker:app:ci', source: 'docker:app:ci', name: undefined }]],
    [
      'oci-archive:image.tar -> app\n\n# skip\n  docker:web:ci->web-front  ',
      [
        { text: 'oci-archive:image.tar -> app', source: 'oci-archive:image.tar', name: 'app' },
        { text: 'docker:web:ci->web-front', source: 'docker:web:ci', name: 'web-front' },
      ],
    ],
    [
      'oci:dir,with,commas -> app',
      [{ text: 'oci:dir,with,commas -> app', source: 'oci:dir,with,commas', name: 'app' }],
    ],
  ])('%j', (value, expected) => {
    expect(parseImageLines(value)).toEqual(expected);
  });

  test.each([
    ['docker:app:ci app', /has spaces/],
    ['-> app', /cannot read the line "-> app"/],
    ['docker:app ->', /cannot read the line/],
    ['a -> b -> c', /cannot read the line "a -> b -> c"/],
    ['docker:app -> my app', /has spaces/],
  ])('refuses %j', (value, message) => {
    expect(() => parseImageLines(value)).toThrowError(message);
    try {
      parseImageLines(value);
    } catch (error) {
      expect(error).toMatchObject({ code: 'CI_INPUT_INVALID', input: 'images' });
      expect((error as { hint: string }).hint).toContain('SOURCE -> NAME');
    }
  });
});

describe('parseBooleanInput', () => {
  test.each([
    ['', true, true],
    ['', false, false],
    ['true', false, true],
    ['True', false, true],
    ['TRUE', false, true],
    ['false', true, false],
    ['False', true, false],
    ['FALSE', true, false],
  ])('%j (fallback %j) -> %j', (value, fallback, expected) => {
    expect(parseBooleanInput('push', value, fallback)).toBe(expected);
  });

  test.each(['yes', '1', 'on', 'tRue'])('refuses %j, quoting input and value', (value) => {
    expect(() => parseBooleanInput('local-registry', value, false)).toThrowError(
      `\`local-registry\` must be true or false, not ${JSON.stringify(value)}`,
    );
  });
});

describe('parseChoice', () => {
  test('returns the choice, or the fallback for empty', () => {
    expect(parseChoice('compression', 'zstd', ['gzip', 'zstd'], 'gzip')).toBe('zstd');
    expect(parseChoice('compression', '', ['gzip', 'zstd'], 'gzip')).toBe('gzip');
  });
  test('refuses others, naming the choices', () => {
    expect(() => parseChoice('compression', 'brotli', ['gzip', 'zstd'], 'gzip')).toThrowError(
      '`compression` must be one of gzip, zstd, not "brotli"',
    );
  });
});

describe('parseIntegerInput', () => {
  test.each([
    ['', 3],
    ['0', 0],
    ['10', 10],
  ])('%j -> %j', (value, expected) => {
    expect(parseIntegerInput('retries', value, { min: 0, max: 10 }, 3)).toBe(expected);
  });
  test.each(['-1', '11', '2.5', 'three', '1e1'])('refuses %j', (value) => {
    expect(() => parseIntegerInput('retries', value, { min: 0, max: 10 }, 3)).toThrowError(
      `\`retries\` must be a whole number from 0 to 10, not ${JSON.stringify(value)}`,
    );
  });
});
