import { describe, expect, test } from 'vitest';
import { isContainerPackageError } from '../../../src/errors.js';
import {
  BlobIntegrityError,
  ImageSelectionError,
  InvalidSourceSpecError,
  SOURCE_FORMS,
  SourceError,
  SourceNotFoundError,
} from '../../../src/sources/index.js';

describe('source errors', () => {
  test.each([
    [
      new SourceError('SRC_UNSUPPORTED', 'nope', { path: '/x', hint: 'h' }),
      'SourceError',
      'SRC_UNSUPPORTED',
      'nope',
    ],
    [
      new InvalidSourceSpecError('oci:', '', 'the path is missing'),
      'InvalidSourceSpecError',
      'SRC_INVALID_SPEC',
      'invalid image source "oci:": the path is missing',
    ],
    [
      new SourceNotFoundError('/x/index.json', 'index.json of the OCI layout'),
      'SourceNotFoundError',
      'SRC_NOT_FOUND',
      'index.json of the OCI layout not found: /x/index.json',
    ],
    [
      new ImageSelectionError('SRC_AMBIGUOUS', 'f lists 2 images', ['@0 a', '@1 b'], 'f', 'choose'),
      'ImageSelectionError',
      'SRC_AMBIGUOUS',
      'f lists 2 images; it holds:\n  @0 a\n  @1 b',
    ],
    [
      new ImageSelectionError('SRC_NO_MATCH', 'f lists no image', [], 'f', 'h'),
      'ImageSelectionError',
      'SRC_NO_MATCH',
      'f lists no image (it holds no image)',
    ],
    [
      new BlobIntegrityError('SRC_DIGEST_MISMATCH', 'a.tar:blobs/sha256/x', 'sha256:a', 'sha256:b'),
      'BlobIntegrityError',
      'SRC_DIGEST_MISMATCH',
      'blob a.tar:blobs/sha256/x is corrupted: expected digest sha256:a, got sha256:b',
    ],
    [
      new BlobIntegrityError('SRC_SIZE_MISMATCH', '/b', '3 bytes', '2 bytes'),
      'BlobIntegrityError',
      'SRC_SIZE_MISMATCH',
      'blob /b is corrupted: expected size 3 bytes, got 2 bytes',
    ],
  ])('%s has name, code and message', (error, name, code, message) => {
    expect(error).toBeInstanceOf(SourceError);
    expect(isContainerPackageError(error)).toBe(true);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  test('spec errors list every form in their hint', () => {
    const error = new InvalidSourceSpecError('x', 'x', 'bad');
    for (const form of SOURCE_FORMS) expect(error.hint).toContain(form);
  });

  test('integrity errors carry the path and both values', () => {
    const error = new BlobIntegrityError('SRC_DIGEST_MISMATCH', '/b', 'sha256:a', 'sha256:b');
    expect(error).toMatchObject({ path: '/b', expected: 'sha256:a', actual: 'sha256:b' });
    expect(error.hint).toMatch(/export the image again/);
  });
});
