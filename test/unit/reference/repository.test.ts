import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isValidRepositoryPath, parseRepositoryPath } from '../../../src/reference/index.js';
import { repositoryPath } from './arbitraries.js';

describe('parseRepositoryPath', () => {
  test.each([
    'alpine',
    'library/alpine',
    'acme/images/app',
    'a',
    'a.b',
    'a_b',
    'a__b',
    'a-b',
    'a-----b',
    'a0/b1/c2/d3',
    'x'.repeat(255),
  ])('accepts %s unchanged, without adding library/', (path) => {
    expect(parseRepositoryPath(path)).toBe(path);
    expect(isValidRepositoryPath(path)).toBe(true);
  });

  test.each([
    ['', 'REF_INVALID_REPOSITORY', ''],
    ['Alpine', 'REF_UPPERCASE_REPOSITORY', 'Alpine'],
    ['a//b', 'REF_INVALID_REPOSITORY', 'a//b'],
    ['/a', 'REF_INVALID_REPOSITORY', '/a'],
    ['a/', 'REF_INVALID_REPOSITORY', 'a/'],
    ['..', 'REF_INVALID_REPOSITORY', '..'],
    ['a/../b', 'REF_INVALID_REPOSITORY', '..'],
    ['a/./b', 'REF_INVALID_REPOSITORY', '.'],
    ['-a', 'REF_INVALID_REPOSITORY', '-a'],
    ['a-', 'REF_INVALID_REPOSITORY', 'a-'],
    ['a___b', 'REF_INVALID_REPOSITORY', 'a___b'],
    ['a..b', 'REF_INVALID_REPOSITORY', 'a..b'],
    ['a b', 'REF_INVALID_REPOSITORY', 'a b'],
    ['a\\b', 'REF_INVALID_REPOSITORY', 'a\\b'],
    ['a%2fb', 'REF_INVALID_REPOSITORY', 'a%2fb'],
    ['registry.example.com:5000/app', 'REF_INVALID_REPOSITORY', 'registry.example.com:5000'],
    ['app:tag', 'REF_INVALID_REPOSITORY', 'app:tag'],
    ['x'.repeat(256), 'REF_NAME_TOO_LONG', 'x'.repeat(256)],
  ])('refuses %j with %s', (path, code, part) => {
    expect(() => parseRepositoryPath(path)).toThrow(expect.objectContaining({ code, part, input: path }));
    expect(isValidRepositoryPath(path)).toBe(false);
  });

  test('a valid path never holds what could escape a directory', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '.', '/', '_', '-', '\\', '%'), maxLength: 12 }),
        (path) => {
          if (!isValidRepositoryPath(path)) return;
          expect(path.split('/')).not.toContain('..');
          expect(path.split('/')).not.toContain('.');
          expect(path.startsWith('/')).toBe(false);
          expect(path).not.toMatch(/[\\%]/);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('every path built from the grammar is accepted', () => {
    fc.assert(
      fc.property(repositoryPath, (path) => {
        expect(parseRepositoryPath(path)).toBe(path);
      }),
    );
  });
});
