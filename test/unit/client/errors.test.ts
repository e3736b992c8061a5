import { describe, expect, it } from 'vitest';
import { isContainerPackageError } from '../../../src/errors.js';
import {
  ContentMismatchError,
  NetworkError,
  RegistryError,
  RetriesExhaustedError,
  clientError,
  registryErrorCode,
} from '../../../src/client/errors.js';
import { parseDiagnostics } from '../../../src/client/transport/check.js';
import { toNetworkError } from '../../../src/client/transport/http.js';

const base = { method: 'PUT', url: 'https://r.example/v2/team/app/manifests/v1', diagnostics: [] };

describe('RegistryError', () => {
  it.each([
    [401, [], 'CLIENT_UNAUTHORIZED', false],
    [403, [], 'CLIENT_DENIED', false],
    [404, [], 'CLIENT_NOT_FOUND', false],
    [400, [{ code: 'MANIFEST_UNKNOWN', message: '' }], 'CLIENT_NOT_FOUND', false],
    [400, [{ code: 'DENIED', message: '' }], 'CLIENT_DENIED', false],
    [429, [], 'CLIENT_RATE_LIMITED', true],
    [500, [], 'CLIENT_REGISTRY_ERROR', true],
    [501, [], 'CLIENT_REGISTRY_ERROR', false],
    [503, [], 'CLIENT_REGISTRY_ERROR', true],
    [400, [{ code: 'DIGEST_INVALID', message: '' }], 'CLIENT_REGISTRY_ERROR', false],
  ] as const)('HTTP %i %j is %s (temporary: %s)', (status, diagnostics, code, temporary) => {
    expect(registryErrorCode(status, diagnostics)).toBe(code);
    const error = new RegistryError({ ...base, status, diagnostics });
    expect(error).toMatchObject({ name: 'RegistryError', code, status, method: 'PUT' });
    expect(error.isTemporary()).toBe(temporary);
    expect(isContainerPackageError(error)).toBe(true);
  });

  it('says what failed and what to do', () => {
    const denied = new RegistryError({
      ...base,
      status: 403,
      diagnostics: [{ code: 'DENIED', message: 'requested access to the resource is denied' }],
      registry: 'packages.buildkite.com',
      repository: 'acme/images/app',
    });
    expect(denied.message).toBe(
      'PUT https://r.example/v2/team/app/manifests/v1: HTTP 403 Forbidden: DENIED: requested access to the resource is denied',
    );
    expect(denied.hint).toContain('write_packages');
    expect(denied.hint).toContain('"acme/images/app"');
    const unauthorized = new RegistryError({ ...base, status: 401 });
    expect(unauthorized.hint).toContain('OIDC');
    expect(unauthorized.hint).toContain('audience');
    const raw = new RegistryError({ ...base, status: 502, body: '<html>bad gateway</html>' });
    expect(raw.message).toBe(
      'PUT https://r.example/v2/team/app/manifests/v1: HTTP 502 Bad Gateway: <html>bad gateway</html>',
    );
  });
});

describe('parseDiagnostics', () => {
  it.each([
    [
      '{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown","detail":{"digest":"x"}}]}',
      [{ code: 'BLOB_UNKNOWN', message: 'blob unknown', detail: { digest: 'x' } }],
    ],
    ['{"errors":[{"code":"DENIED"},{"message":"no code"}]}', [{ code: 'DENIED', message: '' }]],
    ['{"errors":[]}', []],
    ['{"error":"x"}', undefined],
    ['not json', undefined],
    ['null', undefined],
  ])('%s', (text, expected) => {
    expect(parseDiagnostics(text)).toEqual(expected);
  });
});

describe('other client errors', () => {
  it('NetworkError is temporary until the retry layer exhausts it', () => {
    const error = new NetworkError('CLIENT_UNAVAILABLE', 'ECONNREFUSED', 'GET', 'http://127.0.0.1:1/v2/');
    expect(error).toMatchObject({ name: 'NetworkError', code: 'CLIENT_UNAVAILABLE', reason: 'ECONNREFUSED' });
    expect(error.message).toBe('GET http://127.0.0.1:1/v2/: cannot connect (ECONNREFUSED)');
    expect(error.isTemporary()).toBe(true);
    const final = error.exhausted(6);
    expect(final.isTemporary()).toBe(false);
    expect(final.message).toBe('GET http://127.0.0.1:1/v2/: cannot connect (ECONNREFUSED) after 6 attempts');
    expect(new NetworkError('CLIENT_NETWORK_ERROR', 'UND_ERR_INVALID_ARG', 'GET', 'x').isTemporary()).toBe(
      false,
    );
  });

  it('RetriesExhaustedError carries the last failure', () => {
    const cause = new RegistryError({ ...base, status: 503 });
    const error = new RetriesExhaustedError('pushing blob sha256:x', 6, cause);
    expect(error).toMatchObject({
      name: 'RetriesExhaustedError',
      code: 'CLIENT_RETRIES_EXHAUSTED',
      attempts: 6,
      cause,
    });
    expect(error.message).toBe(`pushing blob sha256:x: gave up after 6 attempts: ${cause.message}`);
    expect(error.isTemporary()).toBe(false);
  });

  it('ContentMismatchError and clientError', () => {
    expect(new ContentMismatchError('m', 'a', 'b')).toMatchObject({
      name: 'ContentMismatchError',
      code: 'CLIENT_DIGEST_MISMATCH',
    });
    expect(clientError('CLIENT_BAD_LOCATION', 'x', { hint: 'h' })).toMatchObject({
      name: 'ClientError',
      code: 'CLIENT_BAD_LOCATION',
      hint: 'h',
    });
  });
});

describe('toNetworkError', () => {
  const request = { method: 'GET', url: new URL('https://r.example/v2/?_state=s') };
  it.each([
    [
      Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
      'CLIENT_UNAVAILABLE',
      'ECONNREFUSED',
      true,
    ],
    [
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
      'CLIENT_UNAVAILABLE',
      'ECONNREFUSED',
      true,
    ],
    [
      Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
      'CLIENT_NETWORK_ERROR',
      'UND_ERR_SOCKET',
      true,
    ],
    [
      Object.assign(new Error('t'), { code: 'UND_ERR_HEADERS_TIMEOUT' }),
      'CLIENT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      true,
    ],
    [
      new Error('wrap', { cause: Object.assign(new Error('x'), { code: 'EPIPE' }) }),
      'CLIENT_NETWORK_ERROR',
      'EPIPE',
      true,
    ],
    [
      Object.assign(new Error('self signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      'CLIENT_NETWORK_ERROR',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      false,
    ],
  ])('%s -> %s', (error, code, reason, temporary) => {
    const mapped = toNetworkError(error, request) as NetworkError;
    expect(mapped).toMatchObject({
      code,
      reason,
      url: 'https://r.example/v2/?_state=REDACTED',
      cause: error,
    });
    expect(mapped.isTemporary()).toBe(temporary);
  });

  it('gives TLS failures a hint, and passes aborts and coded errors through', () => {
    const tls = toNetworkError(
      Object.assign(new Error('x'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }),
      request,
    );
    expect((tls as NetworkError).hint).toContain('--insecure');
    const coded = new ContentMismatchError('m', 'a', 'b');
    expect(toNetworkError(coded, request)).toBe(coded);
    const reason = new Error('stop');
    expect(toNetworkError(new Error('aborted'), { ...request, signal: AbortSignal.abort(reason) })).toBe(
      reason,
    );
    const plain = new TypeError('bug');
    expect(toNetworkError(plain, request)).toBe(plain);
  });
});
