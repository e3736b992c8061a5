import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseJwks, urlKeySource } from '../../../../../src/registry/auth/oidc/jwks.js';
import { createTestKeys } from '../../../../support/oidc.js';

const a = createTestKeys('a');
const b = createTestKeys('b');

describe('parseJwks', () => {
  test('keeps RSA and EC signing keys and skips the rest', () => {
    const keys = parseJwks(
      JSON.stringify({
        keys: [
          a.publicJwk,
          { kty: 'oct', k: 'c2VjcmV0' },
          { ...b.publicJwk, use: 'enc' },
          { kty: 'RSA', n: '!!' },
        ],
      }),
      'test',
    );
    expect(keys.map((k) => k.kid)).toEqual(['a']);
  });

  test.each([
    ['not json', 'is not JSON'],
    ['{"nokeys":1}', 'has no "keys" array'],
    ['{"keys":[]}', 'holds no RSA or EC signing key'],
  ])('%s → REGISTRY_JWKS_INVALID (%s)', (text, message) => {
    expect(() => parseJwks(text, 'https://issuer/jwks')).toThrow(
      expect.objectContaining({ code: 'REGISTRY_JWKS_INVALID', message: expect.stringContaining(message) }),
    );
  });
});

describe('urlKeySource', () => {
  let served: object = { keys: [a.publicJwk] };
  let hits = 0;
  let url = '';
  const server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(served));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('fetches once, shares concurrent fetches, and rate-limits refreshes', async () => {
    hits = 0;
    const source = urlKeySource(url, { minRefreshIntervalMs: 60_000 });
    const [x, y] = await Promise.all([source.keys(), source.keys()]);
    expect(x.map((k) => k.kid)).toEqual(['a']);
    expect(y).toBe(x);
    expect(hits).toBe(1);
    served = { keys: [a.publicJwk, b.publicJwk] };
    expect((await source.keys(true)).map((k) => k.kid)).toEqual(['a']); // refreshed too recently
    expect(hits).toBe(1);
    const eager = urlKeySource(url, { minRefreshIntervalMs: 0 });
    await eager.keys();
    expect((await eager.keys(true)).map((k) => k.kid)).toEqual(['a', 'b']);
  });

  test('an unreachable URL is an error naming it; once fetched, old keys survive an outage', async () => {
    const dead = urlKeySource('http://127.0.0.1:1/jwks', { timeoutMs: 2000 });
    await expect(dead.keys()).rejects.toMatchObject({
      code: 'REGISTRY_JWKS_INVALID',
      message: expect.stringContaining('127.0.0.1:1'),
    });
    served = { keys: [a.publicJwk] };
    const source = urlKeySource(url, { minRefreshIntervalMs: 0 });
    await source.keys();
    served = { broken: true };
    expect((await source.keys(true)).map((k) => k.kid)).toEqual(['a']);
  });
});
