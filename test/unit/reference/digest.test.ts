import { describe, expect, test } from 'vitest';
import { DIGEST_HEX_LENGTH, checkDigest, isDigestAlgorithm } from '../../../src/reference/index.js';

const h = (n: number, c = 'a'): string => c.repeat(n);

describe('checkDigest', () => {
  test.each([
    [`sha256:${h(64)}`, 'sha256', h(64)],
    [`sha512:${h(128, '0')}`, 'sha512', h(128, '0')],
    [
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'sha256',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ],
  ])('accepts %s', (value, algorithm, hex) => {
    expect(checkDigest(value)).toEqual({ ok: true, algorithm, hex, value });
  });

  test.each([
    ['', /"<algorithm>:<hex>"/],
    ['sha256', /"<algorithm>:<hex>"/],
    ['sha256:', /"<algorithm>:<hex>"/],
    [`:${h(64)}`, /"<algorithm>:<hex>"/],
    [`md5:${h(32)}`, /unsupported algorithm "md5"; supported algorithms are sha256 and sha512/],
    [`sha384:${h(96)}`, /unsupported algorithm "sha384"/],
    [`SHA256:${h(64)}`, /malformed algorithm "SHA256"/],
    [`sha256:${h(64, 'A')}`, /uppercase/],
    [`sha256:${h(64, 'g')}`, /only the characters 0-9 and a-f/],
    [`sha256:${h(63)}`, /has 64 hex digits, this one has 63/],
    [`sha256:${h(65)}`, /this one has 65/],
    [`sha512:${h(64)}`, /a sha512 digest has 128 hex digits, this one has 64/],
    [`sha256:${h(64)}\n`, /only the characters/],
  ])('refuses %j', (value, reason) => {
    const check = checkDigest(value);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  test('knows exactly the two OCI-registered algorithms', () => {
    expect(DIGEST_HEX_LENGTH).toEqual({ sha256: 64, sha512: 128 });
    expect(isDigestAlgorithm('sha256')).toBe(true);
    expect(isDigestAlgorithm('sha512')).toBe(true);
    expect(isDigestAlgorithm('sha384')).toBe(false);
    expect(isDigestAlgorithm('toString')).toBe(false);
  });
});
