import { generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fileKeySource } from '../../../../../src/registry/auth/oidc/jwks.js';
import { OidcVerifier } from '../../../../../src/registry/auth/oidc/verify-jwt.js';
import { BUILDKITE_ISSUER, createTestKeys, signJwt, writeJwks } from '../../../../support/oidc.js';
import { newTempDir } from '../../../../support/temp-dir.js';

const NOW = 1_800_000_000;
const keys = createTestKeys('rsa-1');
const payload = (extra: Record<string, unknown> = {}) => ({
  iss: BUILDKITE_ISSUER,
  sub: 'organization:acme:pipeline:web:ref:refs/heads/main',
  aud: 'https://packages.buildkite.com/acme/images',
  iat: NOW - 10,
  nbf: NOW - 10,
  exp: NOW + 290,
  ...extra,
});

function verifier(jwksPath: string) {
  return new OidcVerifier({
    issuers: [{ issuer: BUILDKITE_ISSUER, keys: fileKeySource(jwksPath) }],
    now: () => NOW * 1000,
  });
}

describe('OidcVerifier', () => {
  const dir = () => newTempDir('jwks');

  test('accepts an RS256 token signed by a published key', async () => {
    const v = verifier(writeJwks(join(dir(), 'jwks.json'), keys));
    const result = await v.verify(signJwt(payload(), keys));
    expect(result).toMatchObject({ ok: true, token: { issuer: BUILDKITE_ISSUER, expiresAt: NOW + 290 } });
  });

  test('accepts an ES256 token (P-256, raw r||s signature)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const path = join(dir(), 'jwks.json');
    writeFileSync(
      path,
      JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'ec-1', use: 'sig' }] }),
    );
    const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: 'ec-1' })).toString('base64url');
    const body = Buffer.from(JSON.stringify(payload())).toString('base64url');
    const signature = sign('sha256', Buffer.from(`${header}.${body}`), {
      key: privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    expect((await verifier(path).verify(`${header}.${body}.${signature.toString('base64url')}`)).ok).toBe(
      true,
    );
  });

  test.each([
    ['expired', payload({ iat: NOW - 400, exp: NOW - 100 }), 'OIDC token expired at'],
    [
      'lifetime over 300 s',
      payload({ iat: NOW - 10, exp: NOW + 3590 }),
      'OIDC token lifetime 3600s exceeds 300s',
    ],
    ['not yet valid', payload({ nbf: NOW + 120 }), 'OIDC token is not valid before'],
    [
      'issued in the future',
      payload({ iat: NOW + 100, exp: NOW + 200, nbf: undefined }),
      'issued in the future',
    ],
    ['no exp', payload({ exp: undefined }), 'no numeric "exp"'],
    ['no iat', payload({ iat: undefined }), 'no numeric "iat"'],
    [
      'untrusted issuer',
      payload({ iss: 'https://evil.example' }),
      'issuer "https://evil.example" is not trusted',
    ],
  ])('refuses a token that is %s', async (_name, claims, reason) => {
    const v = verifier(writeJwks(join(dir(), 'jwks.json'), keys));
    const token = signJwt(claims, keys);
    const result = await v.verify(token);
    expect(result.ok).toBe(false);
    expect((result as { reason: string }).reason).toContain(reason);
    expect((result as { reason: string }).reason).not.toContain(token);
  });

  test('expiry tolerates 30 s of clock skew', async () => {
    const v = verifier(writeJwks(join(dir(), 'jwks.json'), keys));
    expect((await v.verify(signJwt(payload({ iat: NOW - 310, exp: NOW - 20 }), keys))).ok).toBe(true);
    expect((await v.verify(signJwt(payload({ iat: NOW - 340, exp: NOW - 40 }), keys))).ok).toBe(false);
  });

  test('refuses a forged signature, alg none/HS256, and a key id the issuer does not publish', async () => {
    const path = writeJwks(join(dir(), 'jwks.json'), keys);
    const v = verifier(path);
    const other = createTestKeys('rsa-1');
    expect(await v.verify(signJwt(payload(), other))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('signature does not verify'),
    });
    for (const alg of ['none', 'HS256']) {
      const header = Buffer.from(JSON.stringify({ alg })).toString('base64url');
      const body = Buffer.from(JSON.stringify(payload())).toString('base64url');
      expect(await v.verify(`${header}.${body}.c2ln`)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('is not accepted'),
      });
    }
    const stranger = createTestKeys('rsa-2');
    expect(await v.verify(signJwt(payload(), stranger))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('key id "rsa-2"'),
    });
  });

  test('a token with a new key id makes it re-read the JWKS (key rotation)', async () => {
    const path = writeJwks(join(dir(), 'jwks.json'), keys);
    const v = verifier(path);
    expect((await v.verify(signJwt(payload(), keys))).ok).toBe(true);
    const rotated = createTestKeys('rsa-2');
    writeFileSync(path, JSON.stringify({ keys: [keys.publicJwk, rotated.publicJwk] }));
    expect((await v.verify(signJwt(payload(), rotated))).ok).toBe(true);
  });

  test('malformed tokens say so', async () => {
    const v = verifier(writeJwks(join(dir(), 'jwks.json'), keys));
    expect(await v.verify('a.b')).toMatchObject({ ok: false, reason: expect.stringContaining('not a JWT') });
    expect(await v.verify('eyJub3Q.eyJub3Q.sig')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a JSON object'),
    });
  });
});
