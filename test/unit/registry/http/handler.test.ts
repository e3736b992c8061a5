import { describe, expect, test } from 'vitest';
import { accessFor } from '../../../../src/registry/http/handler.js';
import type { Route } from '../../../../src/registry/http/router.js';
import { fromStoreError } from '../../../../src/registry/http/store-errors.js';
import { StoreError } from '../../../../src/registry/storage/errors.js';

const d = `sha256:${'a'.repeat(64)}`;

describe('accessFor', () => {
  test.each<[Route, string, string[]]>([
    [{ kind: 'base' }, 'GET', []],
    [{ kind: 'catalog' }, 'GET', ['pull']],
    [{ kind: 'blob', name: 'r', digest: d }, 'GET', ['pull']],
    [{ kind: 'blob', name: 'r', digest: d }, 'HEAD', ['pull']],
    [{ kind: 'blob', name: 'r', digest: d }, 'DELETE', ['delete']],
    [{ kind: 'uploads', name: 'r' }, 'POST', ['push']],
    [{ kind: 'upload', name: 'r', id: 'x' }, 'GET', ['push']],
    [{ kind: 'upload', name: 'r', id: 'x' }, 'DELETE', ['push']],
    [{ kind: 'manifest', name: 'r', reference: 'v1' }, 'PUT', ['push']],
    [{ kind: 'manifest', name: 'r', reference: 'v1' }, 'DELETE', ['delete']],
    [{ kind: 'tags', name: 'r' }, 'GET', ['pull']],
    [{ kind: 'referrers', name: 'r', digest: d }, 'GET', ['pull']],
  ])('%o %s → %o', (route, method, actions) => {
    const name = 'name' in route ? route.name : '';
    expect(accessFor(route, method, name)).toEqual({ repository: name, actions });
  });
});

describe('fromStoreError', () => {
  test.each([
    ['REGISTRY_UPLOAD_UNKNOWN', 'BLOB_UPLOAD_UNKNOWN', 404],
    ['REGISTRY_UPLOAD_LENGTH_MISMATCH', 'SIZE_INVALID', 400],
    ['REGISTRY_DIGEST_MISMATCH', 'DIGEST_INVALID', 400],
  ] as const)('%s → %s %i', (code, apiCode, status) => {
    expect(fromStoreError(new StoreError(code, 'x'))).toMatchObject({ apiCode, status });
  });

  test('an out-of-order chunk is a 416 that says where the session stands', () => {
    const id = '0b8e4f1c-4f9e-4a55-9f57-8f1c2b3a4d5e';
    const error = fromStoreError(new StoreError('REGISTRY_UPLOAD_OUT_OF_ORDER', 'x', { size: 22 }), {
      repository: 'r',
      id,
    });
    expect(error).toMatchObject({
      apiCode: 'BLOB_UPLOAD_INVALID',
      status: 416,
      headers: { Range: '0-21', Location: `/v2/r/blobs/uploads/${id}`, 'Docker-Upload-UUID': id },
    });
  });

  test('other errors pass through untouched', () => {
    const plain = new Error('disk');
    expect(fromStoreError(plain)).toBe(plain);
  });
});
