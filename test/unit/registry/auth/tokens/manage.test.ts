import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createToken, listTokens, revokeToken } from '../../../../../src/registry/auth/tokens/manage.js';
import { hashToken } from '../../../../../src/registry/auth/tokens/token-format.js';
import { TokenStore } from '../../../../../src/registry/auth/tokens/token-store.js';
import { newTempDir } from '../../../../support/temp-dir.js';

describe('registry tokens', () => {
  test('create prints a bkpt_ token once and stores only its SHA-256, in a 0600 file', async () => {
    const file = join(newTempDir('tokens'), 'tokens.json');
    const { token, record } = await createToken(file, {
      registries: ['acme/images'],
      scopes: ['write'],
      description: 'ci',
    });
    expect(token).toMatch(/^bkpt_[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({
      id: expect.stringMatching(/^tok_[0-9a-f]{12}$/),
      registries: ['acme/images'],
      scopes: ['read_packages', 'write_packages'],
      description: 'ci',
    });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(5));
    expect(text).toContain(hashToken(token).toString('hex'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  test('list and revoke; revoking an unknown id says how to find ids', async () => {
    const file = join(newTempDir('tokens'), 'tokens.json');
    const one = await createToken(file, { registries: ['acme/*'], scopes: ['read'] });
    const two = await createToken(file, { registries: ['acme/images', 'acme/other'], scopes: ['delete'] });
    expect((await listTokens(file)).map((t) => t.id)).toEqual([one.record.id, two.record.id]);
    await revokeToken(file, one.record.id);
    expect((await listTokens(file)).map((t) => t.id)).toEqual([two.record.id]);
    await expect(revokeToken(file, 'tok_nope')).rejects.toMatchObject({
      code: 'REGISTRY_TOKEN_NOT_FOUND',
      hint: expect.stringContaining('token list'),
    });
  });

  test('concurrent creates all land (the file is locked while it changes)', async () => {
    const file = join(newTempDir('tokens'), 'tokens.json');
    await Promise.all(
      Array.from({ length: 8 }, () => createToken(file, { registries: ['acme/images'], scopes: ['read'] })),
    );
    expect(await listTokens(file)).toHaveLength(8);
  });

  test.each([
    [{ registries: [], scopes: ['read'] }, 'at least one --registry'],
    [{ registries: ['acme'], scopes: ['read'] }, 'invalid registry "acme"'],
    [{ registries: ['Acme/Images'], scopes: ['read'] }, 'invalid registry'],
    [{ registries: ['acme/images'], scopes: [] }, 'at least one --scope'],
    [{ registries: ['acme/images'], scopes: ['admin'] }, 'invalid scope "admin"'],
  ])('bad input %j: REGISTRY_TOKEN_INVALID_INPUT', async (input, message) => {
    const file = join(newTempDir('tokens'), 'tokens.json');
    await expect(createToken(file, input)).rejects.toMatchObject({
      code: 'REGISTRY_TOKEN_INVALID_INPUT',
      message: expect.stringContaining(message),
    });
  });

  test('a malformed tokens file is an error naming the file and the entry', async () => {
    const file = join(newTempDir('tokens'), 'tokens.json');
    writeFileSync(file, '{"version":1,"tokens":[{"id":"x"}]}');
    await expect(listTokens(file)).rejects.toMatchObject({
      code: 'REGISTRY_TOKENS_FILE_INVALID',
      message: expect.stringContaining('tokens[0]'),
    });
    writeFileSync(file, 'nope');
    await expect(listTokens(file)).rejects.toMatchObject({
      code: 'REGISTRY_TOKENS_FILE_INVALID',
      message: expect.stringContaining('is not JSON'),
    });
  });
});

describe('TokenStore', () => {
  test('finds tokens by hash and sees creates and revokes without a restart', async () => {
    const file = join(newTempDir('tokens'), 'tokens.json');
    const errors: unknown[] = [];
    const store = new TokenStore(file, (e) => errors.push(e));
    expect(await store.find('bkpt_anything')).toBeUndefined();
    const { token, record } = await createToken(file, { registries: ['acme/images'], scopes: ['read'] });
    expect((await store.find(token))?.id).toBe(record.id);
    expect(await store.find(`${token}x`)).toBeUndefined();
    expect(await store.has(record.id)).toBe(true);
    await revokeToken(file, record.id);
    expect(await store.find(token)).toBeUndefined();
    expect(await store.has(record.id)).toBe(false);
    const again = await createToken(file, { registries: ['acme/images'], scopes: ['read'] });
    expect((await store.find(again.token))?.id).toBe(again.record.id);
    writeFileSync(file, 'garbage that is longer than before so the size changes for sure');
    expect((await store.find(again.token))?.id).toBe(again.record.id); // last good content stays
    expect(errors).toHaveLength(1);
  });
});
