import { describe, expect, test } from 'vitest';
import { FreshCredentials } from '../../../src/publish/fresh-credentials.js';

/** An unsigned JWT-shaped token expiring at `exp` (seconds): only `exp` is read. */
const jwt = (exp: number, n: number): string =>
  [{ alg: 'none' }, { exp, n }].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.') +
  '.c2ln';

describe('FreshCredentials', () => {
  test('mints again only when less than a minute of the token is left', async () => {
    let now = 1_000_000_000;
    let mints = 0;
    const fresh = new FreshCredentials(
      async () => ({ username: 'buildkite', password: jwt(now / 1000 + 300, ++mints) }),
      () => now,
    );
    const first = await fresh.renew();
    expect(first?.expiresAt).toBe(now + 300_000);
    expect(await fresh.get()).toBe(first);
    now += 239_000; // 61 s left
    expect(await fresh.get()).toBe(first);
    now += 2_000; // 59 s left
    const second = await fresh.get();
    expect(second).not.toBe(first);
    expect(mints).toBe(2);
  });

  test('a token shorter than a minute is minted afresh for every use; concurrent users share a mint', async () => {
    const now = 1_000_000_000;
    let mints = 0;
    const fresh = new FreshCredentials(
      async () => {
        mints++;
        await new Promise((resolve) => setTimeout(resolve, 10));
        return { username: 'buildkite', password: jwt(now / 1000 + 3, mints) };
      },
      () => now,
    );
    const [a, b] = await Promise.all([fresh.get(), fresh.get()]);
    expect(a).toBe(b);
    expect(mints).toBe(1);
    await fresh.get();
    expect(mints).toBe(2);
  });

  test('a password that is not a JWT never expires; a failed mint is tried again', async () => {
    let calls = 0;
    const fresh = new FreshCredentials(async () => {
      calls++;
      if (calls === 1) throw new Error('agent down');
      return { username: 'me', password: 'plain-token' };
    });
    await expect(fresh.get()).rejects.toThrow('agent down');
    const ok = await fresh.get();
    expect(ok).toEqual({ username: 'me', password: 'plain-token' });
    expect(await fresh.get()).toBe(ok);
    expect(calls).toBe(2);
  });
});
