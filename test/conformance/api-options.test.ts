/** The Go-compatible pieces of the port's HTTP helper: query encoding, auth challenges, error sentinels. */
import { describe, expect, it } from 'vitest';
import { authCacheKey, parseAuthHeader } from './api-client.js';
import { encodeQuery, queryEscape, setQueryParam } from './api-options.js';
import { Kind, is, join, mark, silently, tagged, wrap } from './errors.js';

describe('Go query encoding', () => {
  it.each([
    ['sha256:abc', 'sha256%3Aabc'],
    ['a b+c', 'a+b%2Bc'],
    ['AZaz09-_.~', 'AZaz09-_.~'],
    ['ü/?&=', '%C3%BC%2F%3F%26%3D'],
  ])('QueryEscape(%j) = %j', (input, expected) => {
    expect(queryEscape(input)).toBe(expected);
  });

  it('sorts keys and keeps repeated values in order', () => {
    const params = new Map([
      ['mount', ['sha256:x']],
      ['from', ['a/b']],
      ['tag', ['t2', 't1']],
    ]);
    expect(encodeQuery(params)).toBe('from=a%2Fb&mount=sha256%3Ax&tag=t2&tag=t1');
  });

  it('re-encodes an upload location when the digest is set', () => {
    const url = new URL('http://r/v2/x/blobs/uploads/u?_state=ab%3D%3D');
    setQueryParam(url, 'digest', 'sha256:00');
    expect(url.search).toBe('?_state=ab%3D%3D&digest=sha256%3A00');
  });
});

describe('auth challenges', () => {
  it('parses a Bearer challenge', () => {
    expect(
      parseAuthHeader(
        'Bearer realm="https://auth.example/token",service="reg",scope="repository:a/b:pull,push"',
      ),
    ).toEqual({
      type: 'bearer',
      realm: 'https://auth.example/token',
      service: 'reg',
      scope: 'repository:a/b:pull,push',
    });
  });

  it('takes the scheme from the last scheme word, as the suite does', () => {
    expect(parseAuthHeader('Basic realm="registry"').type).toBe('basic');
  });

  it.each([
    ['GET', 'http://h:1/v2/', 'h:1::pull'],
    ['HEAD', 'http://h:1/v2/a/b/manifests/latest', 'h:1:a/b:pull'],
    ['PATCH', 'http://h:1/v2/a/blobs/uploads/123', 'h:1:a:push'],
    ['DELETE', 'http://h:1/v2/a/blobs/sha256:00', 'h:1:a:DELETE'],
  ])('caches %s %s as %s', (method, url, key) => {
    expect(authCacheKey(method, new URL(url))).toBe(key);
  });

  it('cannot key a path outside the registry API', () => {
    expect(authCacheKey('GET', new URL('http://h/other'))).toBeInstanceOf(Error);
  });
});

describe('error sentinels', () => {
  it('keeps sentinels through wrapping and joining, like errors.Is', () => {
    const unsupported = tagged('registry returned status 405', Kind.Unsupported);
    const failed = mark(Kind.Fail, wrap('blob delete failed', unsupported));
    expect(failed.message).toBe('blob delete failed: registry returned status 405');
    expect(is(failed, Kind.Fail) && is(failed, Kind.Unsupported)).toBe(true);
    const joined = join([undefined, silently('failed to delete blob x', failed), new Error('plain')]);
    expect(joined?.message).toBe('failed to delete blob x\nplain');
    expect(is(joined, Kind.Unsupported)).toBe(true);
    expect(is(joined, Kind.Skip)).toBe(false);
    expect(join([undefined])).toBeUndefined();
  });
});
