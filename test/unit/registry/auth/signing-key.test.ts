import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BearerTokens } from '../../../../src/registry/auth/bearer.js';
import { readSigningKey } from '../../../../src/registry/auth/signing-key.js';
import { newTempDir } from '../../../support/temp-dir.js';

const claims = {
  subject: { kind: 'anonymous' as const },
  issuedAt: 0,
  expiresAt: Date.now() / 1000 + 300,
  access: { 'acme/app': ['pull' as const] },
  denied: {},
};

async function keyFile(content: string, mode: number): Promise<string> {
  const file = join(newTempDir('key'), 'signing.key');
  await writeFile(file, content);
  await chmod(file, mode);
  return file;
}

describe('readSigningKey', () => {
  test('replicas reading one key file accept each other’s tokens; another key does not', async () => {
    const file = await keyFile(`${'k'.repeat(48)}\n`, 0o600);
    const a = new BearerTokens(await readSigningKey(file));
    const b = new BearerTokens(await readSigningKey(file));
    expect(b.check(a.issue(claims)).ok).toBe(true);
    const other = new BearerTokens();
    expect(other.check(a.issue(claims))).toMatchObject({ ok: false, reason: /token-signing-key-file/ });
  });

  test.each([
    ['readable by others', 'k'.repeat(48), 0o644, /readable by group or others.*chmod 600/s],
    ['too short', 'short', 0o600, /holds 5 bytes; at least 32/],
  ])('refuses a key file %s', async (_what, content, mode, message) => {
    const file = await keyFile(content, mode);
    const error = (await readSigningKey(file).catch((e: unknown) => e)) as Error & {
      hint: string;
      code: string;
    };
    expect(error.code).toBe('REGISTRY_SIGNING_KEY_INVALID');
    expect(`${error.message} ${error.hint}`).toMatch(message);
  });

  test('a missing file says how to make one', async () => {
    const error = (await readSigningKey('/nonexistent/key').catch((e: unknown) => e)) as { hint: string };
    expect(error.hint).toContain('openssl rand');
  });
});
