import { describe, expect, test } from 'vitest';
import { isContainerPackageError } from '../../../../src/errors.js';
import {
  ActionError,
  conflictingInputs,
  invalidInput,
  missingInput,
} from '../../../../src/ci/github/index.js';

describe('ActionError', () => {
  test.each([
    [invalidInput('tags', 'bad tag', 'fix it'), 'CI_INPUT_INVALID', 'tags', 'fix it'],
    [missingInput('token', 'no token'), 'CI_INPUT_MISSING', 'token', undefined],
    [conflictingInputs('auth', 'two logins', 'pick one'), 'CI_INPUT_CONFLICT', 'auth', 'pick one'],
    [new ActionError('CI_OIDC_UNAVAILABLE', 'no oidc'), 'CI_OIDC_UNAVAILABLE', undefined, undefined],
  ])('%s', (error, code, input, hint) => {
    expect(error).toBeInstanceOf(Error);
    expect(isContainerPackageError(error)).toBe(true);
    expect(error.name).toBe('ActionError');
    expect(error.code).toBe(code);
    expect(error.input).toBe(input);
    expect(error.hint).toBe(hint);
  });

  test('keeps the cause', () => {
    const cause = new Error('inner');
    expect(invalidInput('registry', 'outer', undefined, cause).cause).toBe(cause);
  });
});
