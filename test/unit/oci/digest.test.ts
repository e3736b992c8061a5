import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  InvalidDigestError,
  assertDigest,
  createDigester,
  digestBytes,
  isDigest,
  parseDigest,
  parseDigestAlgorithm,
} from '../../../src/oci/index.js';

const EMPTY_SHA256 = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const EMPTY_SHA512 =
  'sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';
const ABC_SHA256 = 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('digestBytes', () => {
  test.each([
    ['', 'sha256', EMPTY_SHA256],
    ['', 'sha512', EMPTY_SHA512],
    ['abc', 'sha256', ABC_SHA256],
    [new Uint8Array([0x61, 0x62, 0x63]), 'sha256', ABC_SHA256],
    [new Uint8Array(0), 'sha256', EMPTY_SHA256],
  ] as const)('digestBytes(%j, %s) is a known vector', (data, algorithm, expected) => {
    expect(digestBytes(data, algorithm)).toBe(expected);
  });

  test('defaults to sha256 and hashes strings as UTF-8', () => {
    expect(digestBytes('é')).toBe(
      `sha256:${createHash('sha256').update(Buffer.from('é', 'utf8')).digest('hex')}`,
    );
  });
});

describe('parseDigest', () => {
  test('splits a valid digest', () => {
    expect(parseDigest(EMPTY_SHA256)).toEqual({
      algorithm: 'sha256',
      hex: EMPTY_SHA256.slice(7),
      value: EMPTY_SHA256,
    });
    expect(parseDigest(EMPTY_SHA512).algorithm).toBe('sha512');
    expect(assertDigest(ABC_SHA256)).toBe(ABC_SHA256);
    expect(isDigest(ABC_SHA256)).toBe(true);
  });

  test.each([
    ['', /"<algorithm>:<hex>"/],
    ['sha256', /"<algorithm>:<hex>"/],
    [`md5:${'a'.repeat(32)}`, /supported algorithms are sha256 and sha512/],
    [EMPTY_SHA256.toUpperCase().replace('SHA256', 'sha256'), /uppercase/],
    [EMPTY_SHA256.slice(0, -1), /has 64 hex digits, this one has 63/],
    [`sha512:${'a'.repeat(64)}`, /128 hex digits/],
    [`sha256:${'z'.repeat(64)}`, /0-9 and a-f/],
  ])('refuses %j with OCI_INVALID_DIGEST', (value, reason) => {
    expect(() => parseDigest(value)).toThrow(InvalidDigestError);
    expect(() => parseDigest(value)).toThrow(expect.objectContaining({ code: 'OCI_INVALID_DIGEST', value }));
    expect(() => parseDigest(value)).toThrow(reason);
    expect(() => assertDigest(value)).toThrow(reason);
    expect(isDigest(value)).toBe(false);
  });

  test('isDigest is false for non-strings', () => {
    expect(isDigest(undefined)).toBe(false);
    expect(isDigest(42)).toBe(false);
  });

  test('parseDigestAlgorithm accepts sha256 and sha512 only', () => {
    expect(parseDigestAlgorithm('sha512')).toBe('sha512');
    expect(() => parseDigestAlgorithm('sha1')).toThrow(/supported algorithms are sha256 and sha512/);
  });
});

describe('createDigester', () => {
  test('counts bytes and returns the same digest on every call', () => {
    const digester = createDigester();
    digester.update('ab');
    digester.update(new Uint8Array([0x63]));
    expect(digester.size).toBe(3);
    expect(digester.digest()).toBe(ABC_SHA256);
    expect(digester.digest()).toBe(ABC_SHA256);
    expect(digester.algorithm).toBe('sha256');
  });

  test('counts UTF-8 bytes of strings', () => {
    const digester = createDigester('sha512');
    digester.update('é');
    expect(digester.size).toBe(2);
  });

  test('refuses more data after the digest was taken', () => {
    const digester = createDigester();
    digester.digest();
    expect(() => digester.update('x')).toThrow(expect.objectContaining({ code: 'OCI_DIGEST_STATE' }));
  });

  test('refuses an unsupported algorithm', () => {
    expect(() => createDigester('md5' as 'sha256')).toThrow(
      expect.objectContaining({ code: 'OCI_INVALID_DIGEST' }),
    );
  });

  test('chunked hashing equals one-shot hashing, however the bytes are split', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2048 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.constantFrom('sha256' as const, 'sha512' as const),
        (bytes, cuts, algorithm) => {
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const digester = createDigester(algorithm);
          let start = 0;
          for (const point of [...points, bytes.length]) {
            digester.update(bytes.subarray(start, point));
            start = point;
          }
          expect(digester.size).toBe(bytes.length);
          expect(digester.digest()).toBe(digestBytes(bytes, algorithm));
        },
      ),
      { numRuns: 300 },
    );
  });
});
