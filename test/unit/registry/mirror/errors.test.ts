import { describe, expect, test } from 'vitest';
import { ClientError, NetworkError, RegistryError } from '../../../../src/client/index.js';
import { apiError } from '../../../../src/registry/errors.js';
import {
  STALE_WARNING,
  isNotFound,
  pushRefused,
  upstreamFailure,
} from '../../../../src/registry/mirror/errors.js';

const where = { upstream: 'https://registry-1.docker.io', repository: 'library/alpine', reference: '3' };
const notFound = new RegistryError({ status: 404, method: 'GET', url: 'https://x/v2/', diagnostics: [] });

describe('mirror errors', () => {
  test('an upstream 404 is a 404 of the same kind naming the upstream', () => {
    expect(isNotFound(notFound)).toBe(true);
    const manifest = upstreamFailure(notFound, 'manifest', where);
    expect([manifest.status, manifest.apiCode]).toEqual([404, 'MANIFEST_UNKNOWN']);
    expect(manifest.message).toBe(
      'manifest 3 is not in the upstream https://registry-1.docker.io/library/alpine',
    );
    expect(upstreamFailure(notFound, 'blob', where).apiCode).toBe('BLOB_UNKNOWN');
  });

  test.each([
    new NetworkError('CLIENT_UNAVAILABLE', 'ECONNREFUSED', 'GET', 'https://registry-1.docker.io/v2/'),
    new ClientError('CLIENT_DIGEST_MISMATCH', 'bad bytes', { hint: 'retry' }),
    new Error('plain'),
  ])('anything else is a 502 quoting the reason: %s', (error) => {
    const failure = upstreamFailure(error, 'blob', where);
    expect([failure.status, failure.apiCode, failure.code]).toEqual([502, 'UNKNOWN', 'REGISTRY_API_UNKNOWN']);
    expect(failure.message).toContain(
      'the upstream https://registry-1.docker.io/library/alpine could not serve blob 3',
    );
    expect(failure.message).toContain(error.message);
    expect(isNotFound(error)).toBe(false);
  });

  test('registry API errors pass through', () => {
    const error = apiError('DIGEST_INVALID');
    expect(upstreamFailure(error, 'manifest', where)).toBe(error);
  });

  test('pushes into a prefix are DENIED with a message saying where to push', () => {
    const error = pushRefused('docker.io/library/alpine', 'docker.io', 'https://registry-1.docker.io');
    expect([error.status, error.apiCode]).toEqual([403, 'DENIED']);
    expect(error.message).toMatch(
      /read-only cache of https:\/\/registry-1.docker.io: push to a repository outside docker.io\//,
    );
  });

  test('the stale warning carries RFC 7234 codes 110 and 111', () => {
    expect(STALE_WARNING).toBe('110 - "response is stale", 111 - "revalidation failed"');
  });
});
