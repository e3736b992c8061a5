import { describe, expect, it } from 'vitest';
import { checkRealm, parseTokenResponse } from '../../../../src/client/transport/token.js';

const realm = new URL('https://auth.example/token');

describe('parseTokenResponse', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    ['{"token":"t1","expires_in":300}', { token: 't1', refreshAt: now + 240_000 }],
    ['{"access_token":"t2"}', { token: 't2', refreshAt: now + 48_000 }],
    ['{"token":"","access_token":"t3","expires_in":100}', { token: 't3', refreshAt: now + 80_000 }],
    [
      '{"token":"t4","expires_in":100,"issued_at":"2024-12-31T23:59:50Z"}',
      { token: 't4', refreshAt: now - 10_000 + 80_000 },
    ],
    [
      '{"token":"t5","expires_in":100,"issued_at":"2020-01-01T00:00:00Z"}',
      { token: 't5', refreshAt: now + 80_000 },
    ],
  ])('%s', (text, expected) => {
    expect(parseTokenResponse(text, now, { realm })).toEqual(expected);
  });

  it.each(['{}', 'nope', '{"token":42}'])('refuses %s', (text) => {
    expect(() => parseTokenResponse(text, 0, { realm })).toThrow(
      expect.objectContaining({ code: 'CLIENT_TOKEN_INVALID' }),
    );
  });
});

describe('checkRealm', () => {
  const https = new URL('https://registry.example.com');
  const http = new URL('http://127.0.0.1:5000');
  it.each([
    ['https://auth.example.com/token', https],
    ['https://registry.example.com/v2/token?x=1', https],
    ['http://127.0.0.1:6000/token', http],
  ])('accepts %s', (value, origin) => {
    expect(checkRealm(value, origin).href).toBe(new URL(value).href);
  });

  it.each([
    [undefined, https, 'has no realm'],
    ['/token', https, 'not an absolute URL'],
    ['http://auth.example.com/token', https, 'https token server'],
    ['https://evil.test/token', https, 'not in the domain'],
    ['http://10.0.0.1/token', http, 'not in the domain'],
    ['ftp://127.0.0.1/token', http, 'https token server'],
  ])('refuses %s', (value, origin, message) => {
    expect(() => checkRealm(value, origin)).toThrow(expect.objectContaining({ code: 'CLIENT_AUTH_REALM' }));
    expect(() => checkRealm(value, origin)).toThrow(message);
  });
});
