import { describe, expect, test } from 'vitest';
import { isContainerPackageError } from '../../../src/errors.js';
import {
  ERROR_TABLE,
  RegistryApiError,
  apiError,
  errorBody,
  isRegistryApiError,
} from '../../../src/registry/errors.js';

describe('the error table', () => {
  test('holds every code of the distribution-spec with its status', () => {
    const spec = {
      BLOB_UNKNOWN: 404,
      BLOB_UPLOAD_INVALID: 400,
      BLOB_UPLOAD_UNKNOWN: 404,
      DIGEST_INVALID: 400,
      MANIFEST_BLOB_UNKNOWN: 400,
      MANIFEST_INVALID: 400,
      MANIFEST_UNKNOWN: 404,
      NAME_INVALID: 400,
      NAME_UNKNOWN: 404,
      SIZE_INVALID: 400,
      UNAUTHORIZED: 401,
      DENIED: 403,
      UNSUPPORTED: 405,
      TOOMANYREQUESTS: 429,
    };
    for (const [code, status] of Object.entries(spec)) {
      expect(ERROR_TABLE[code as keyof typeof ERROR_TABLE].status).toBe(status);
    }
    expect(ERROR_TABLE.RANGE_INVALID.status).toBe(416);
  });

  test('every entry has a message', () => {
    for (const entry of Object.values(ERROR_TABLE)) expect(entry.message.length).toBeGreaterThan(5);
  });
});

describe('RegistryApiError', () => {
  test('defaults come from the table', () => {
    const error = apiError('BLOB_UNKNOWN');
    expect(error).toBeInstanceOf(RegistryApiError);
    expect(error.name).toBe('RegistryApiError');
    expect(error.code).toBe('REGISTRY_API_BLOB_UNKNOWN');
    expect(error.apiCode).toBe('BLOB_UNKNOWN');
    expect(error.status).toBe(404);
    expect(error.message).toBe('blob unknown to registry');
    expect(isContainerPackageError(error)).toBe(true);
    expect(isRegistryApiError(error)).toBe(true);
  });

  test('status, message, detail and headers can be overridden', () => {
    const error = apiError('SIZE_INVALID', {
      status: 413,
      message: 'too big',
      detail: { limit: 1 },
      headers: { A: 'b' },
    });
    expect([error.status, error.message, error.detail, error.headers]).toEqual([
      413,
      'too big',
      { limit: 1 },
      { A: 'b' },
    ]);
  });

  test('the body is the OCI error JSON, detail only when given', () => {
    expect(JSON.parse(errorBody(apiError('NAME_UNKNOWN')))).toEqual({
      errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }],
    });
    expect(JSON.parse(errorBody(apiError('DIGEST_INVALID', { detail: { digest: 'x' } })))).toEqual({
      errors: [
        {
          code: 'DIGEST_INVALID',
          message: 'provided digest did not match uploaded content',
          detail: { digest: 'x' },
        },
      ],
    });
  });

  test('plain errors are not API errors', () => {
    expect(isRegistryApiError(new Error('x'))).toBe(false);
  });
});
