import { describe, expect, test } from 'vitest';
import {
  isSafeRepository,
  isSafeUploadId,
  parseDigestParam,
  parseManifestReference,
  parseRepositoryParam,
  parseTagParam,
} from '../../../src/registry/names.js';

const sha256 = `sha256:${'ab'.repeat(32)}`;
const sha512 = `sha512:${'cd'.repeat(64)}`;

describe('parseRepositoryParam', () => {
  test.each(['alpine', 'library/alpine', 'a/b/c/d', 'my-app', 'a__b', 'a.b', 'a---b', 'a'.repeat(255)])(
    '%s is accepted',
    (name) => {
      expect(parseRepositoryParam(name)).toBe(name);
    },
  );

  test.each([
    ['..', '..'],
    ['../etc', '../etc'],
    ['a/../b', 'a/../b'],
    ['%2e%2e', '%2e%2e'],
    ['a%2fb', 'a%2fb'],
    ['absolute', '/etc/passwd'],
    ['trailing slash', 'a/'],
    ['empty component', 'a//b'],
    ['uppercase', 'Alpine'],
    ['leading separator', '-a'],
    ['triple underscore', 'a___b'],
    ['256 characters', 'a'.repeat(256)],
    ['a backslash', 'a\\b'],
    ['a NUL byte', 'a\u0000b'],
    ['empty', ''],
  ])('%s → 400 NAME_INVALID', (_label, name) => {
    expect(() => parseRepositoryParam(name)).toThrow(
      expect.objectContaining({ apiCode: 'NAME_INVALID', status: 400 }),
    );
    expect(isSafeRepository(name)).toBe(false);
  });

  test('the error names the problem', () => {
    expect(() => parseRepositoryParam('Alpine')).toThrow(/lowercase/);
  });
});

describe('parseDigestParam', () => {
  test.each([sha256, sha512])('%s is accepted', (digest) => {
    expect(parseDigestParam(digest).value).toBe(digest);
  });

  test.each([
    'sha256:abc',
    `sha384:${'a'.repeat(96)}`,
    `sha256:${'A'.repeat(64)}`,
    'nocolon',
    `sha256:../${'a'.repeat(61)}`,
  ])('%s → 400 DIGEST_INVALID', (digest) => {
    expect(() => parseDigestParam(digest)).toThrow(expect.objectContaining({ apiCode: 'DIGEST_INVALID' }));
  });
});

describe('parseManifestReference and parseTagParam', () => {
  test('a tag', () => {
    expect(parseManifestReference('v1.2.3-rc_1')).toEqual({ kind: 'tag', tag: 'v1.2.3-rc_1' });
  });

  test('a digest', () => {
    expect(parseManifestReference(sha512)).toMatchObject({ kind: 'digest', digest: { algorithm: 'sha512' } });
  });

  test.each(['.hidden', '-x', '..', 'a/b', 'x'.repeat(129), ''])('tag %s → TAG_INVALID', (tag) => {
    expect(() => parseTagParam(tag)).toThrow(
      expect.objectContaining({ apiCode: 'TAG_INVALID', status: 400 }),
    );
  });

  test('anything with a colon is read as a digest', () => {
    expect(() => parseManifestReference('sha256:totallywrong')).toThrow(
      expect.objectContaining({ apiCode: 'DIGEST_INVALID' }),
    );
  });
});

describe('isSafeUploadId', () => {
  test.each([
    ['0b8e4f1c-4f9e-4a55-9f57-8f1c2b3a4d5e', true],
    ['0B8E4F1C-4F9E-4A55-9F57-8F1C2B3A4D5E', false],
    ['..', false],
    ['0b8e4f1c-4f9e-4a55-9f57-8f1c2b3a4d5e/..', false],
  ])('%s → %s', (id, safe) => {
    expect(isSafeUploadId(id)).toBe(safe);
  });
});
