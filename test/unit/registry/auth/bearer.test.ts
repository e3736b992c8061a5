import { describe, expect, test } from 'vitest';
import { BearerTokens, type BearerClaims } from '../../../../src/registry/auth/bearer.js';

const claims = (now: number): BearerClaims => ({
  subject: { kind: 'token', id: 'tok_000000000001' },
  issuedAt: now,
  expiresAt: now + 300,
  access: { 'acme/images/web': ['pull', 'push'] },
  denied: {},
});

describe('BearerTokens', () => {
  test('a token it issued checks out with its claims until it expires', () => {
    let clock = 1_700_000_000_000;
    const tokens = new BearerTokens(undefined, () => clock);
    const token = tokens.issue(claims(clock / 1000));
    expect(BearerTokens.owns(token)).toBe(true);
    expect(tokens.check(token)).toEqual({ ok: true, claims: claims(1_700_000_000) });
    clock += 300_000;
    expect(tokens.check(token)).toEqual({ ok: false, reason: 'the bearer token expired: log in again' });
  });

  test('a token signed with another key (another process) or tampered with is refused', () => {
    const now = Date.now();
    const a = new BearerTokens();
    const b = new BearerTokens();
    const token = a.issue(claims(now / 1000));
    expect(b.check(token).ok).toBe(false);
    const [prefix, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...claims(now / 1000), access: { 'acme/images/web': ['pull', 'push', 'delete'] } }),
    ).toString('base64url');
    expect(a.check(`${prefix}.${forged}.${signature}`)).toMatchObject({ ok: false });
    expect(a.check(`${prefix}.${payload}`)).toMatchObject({
      ok: false,
      reason: 'the bearer token is malformed',
    });
    expect(BearerTokens.owns('bkpt_abc')).toBe(false);
  });
});
