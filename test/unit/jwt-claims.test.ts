import { describe, expect, test } from 'vitest';
import { jwtClaims, jwtExpiresAt } from '../../src/jwt-claims.js';

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('jwtClaims and jwtExpiresAt (no verification)', () => {
  test('read the payload of a JWT', () => {
    const token = `${part({ alg: 'RS256' })}.${part({ exp: 1_700_000_000, pipeline_slug: 'web' })}.c2ln`;
    expect(jwtClaims(token)).toEqual({ exp: 1_700_000_000, pipeline_slug: 'web' });
    expect(jwtExpiresAt(token)).toBe(1_700_000_000_000);
  });

  test.each([
    ['a plain token', 'bkpt_0123456789abcdef'],
    ['two parts', `${part({})}.${part({ exp: 1 })}`],
    ['a payload that is not JSON', `${part({})}.bm90IGpzb24.c2ln`],
    ['a payload that is an array', `${part({})}.${part([1])}.c2ln`],
    ['characters outside base64url', `${part({})}.${part({ exp: 1 })}.c2ln=`],
  ])('%s: no claims, no expiry', (_name, token) => {
    expect(jwtClaims(token)).toBeUndefined();
    expect(jwtExpiresAt(token)).toBeUndefined();
  });

  test('a JWT without a numeric exp never expires', () => {
    expect(jwtExpiresAt(`${part({})}.${part({ exp: '1700000000' })}.c2ln`)).toBeUndefined();
  });
});
