import { describe, expect, test } from 'vitest';
import { isContainerPackageError } from '../../../src/errors.js';
import {
  DigestMismatchError,
  DigestStateError,
  InvalidDigestError,
  OciFormatError,
  SizeMismatchError,
} from '../../../src/oci/index.js';

describe('oci errors', () => {
  test.each([
    [
      new OciFormatError('OCI_INVALID_MANIFEST', 'manifest is not JSON'),
      'OciFormatError',
      'OCI_INVALID_MANIFEST',
      'manifest is not JSON',
    ],
    [
      new InvalidDigestError('md5:x', 'unsupported'),
      'InvalidDigestError',
      'OCI_INVALID_DIGEST',
      'invalid digest "md5:x": unsupported',
    ],
    [
      new DigestMismatchError('sha256:a', 'sha256:b'),
      'DigestMismatchError',
      'OCI_DIGEST_MISMATCH',
      'content digest mismatch: expected sha256:a, got sha256:b',
    ],
    [
      new SizeMismatchError(10, 4),
      'SizeMismatchError',
      'OCI_SIZE_MISMATCH',
      'content size mismatch: expected 10 bytes, got 4',
    ],
    [
      new SizeMismatchError(10, 12, true),
      'SizeMismatchError',
      'OCI_SIZE_MISMATCH',
      'content size mismatch: expected 10 bytes, got more than 10 (at least 12)',
    ],
    [new DigestStateError('too early', 'wait'), 'DigestStateError', 'OCI_DIGEST_STATE', 'too early'],
  ])('%s has its name, code and message', (error, name, code, message) => {
    expect(isContainerPackageError(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  test('facts are fields', () => {
    expect(new InvalidDigestError('v', 'r')).toMatchObject({ value: 'v', reason: 'r' });
    expect(new DigestMismatchError('e', 'a')).toMatchObject({ expected: 'e', actual: 'a' });
    expect(new SizeMismatchError(1, 2, true)).toMatchObject({ expected: 1, actual: 2, overflow: true });
    expect(new DigestStateError('m', 'h').hint).toBe('h');
  });

  test('OciFormatError keeps its cause', () => {
    const cause = new SyntaxError('bad');
    expect(new OciFormatError('OCI_INVALID_MANIFEST', 'm', { cause }).cause).toBe(cause);
  });
});
