import { describe, expect, test } from 'vitest';
import {
  readCookie,
  sessionCookie,
  Sessions,
  SESSION_LIFETIME_MS,
} from '../../../../src/registry/ui/sessions.js';

describe('Sessions', () => {
  test('a session holds its token until it expires or is deleted', () => {
    let now = 1_000_000;
    const sessions = new Sessions(() => now);
    const id = sessions.create('bkpt_secret');
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(id).not.toContain('bkpt_secret');
    expect(sessions.token(id)).toBe('bkpt_secret');
    now += SESSION_LIFETIME_MS - 1;
    expect(sessions.token(id)).toBe('bkpt_secret');
    now += 1;
    expect(sessions.token(id)).toBeUndefined();
    const other = sessions.create('t2');
    sessions.delete(other);
    expect(sessions.token(other)).toBeUndefined();
    expect(sessions.size).toBe(0);
  });

  test.each([undefined, '', 'short', 'x'.repeat(43) + '!', 'a'.repeat(44)])('unknown id %j', (id) => {
    const sessions = new Sessions();
    sessions.create('t');
    expect(sessions.token(id)).toBeUndefined();
  });
});

describe('cookies', () => {
  test('readCookie finds the named cookie among others', () => {
    expect(readCookie('a=1; cp_session=abc; b=2', 'cp_session')).toBe('abc');
    expect(readCookie('xcp_session=abc', 'cp_session')).toBeUndefined();
    expect(readCookie(undefined, 'cp_session')).toBeUndefined();
  });

  test('the session cookie is HttpOnly, SameSite=Strict, scoped to /ui, short-lived, Secure over TLS', () => {
    expect(sessionCookie('abc', false)).toBe(
      'cp_session=abc; Path=/ui; HttpOnly; SameSite=Strict; Max-Age=1800',
    );
    expect(sessionCookie('abc', true)).toMatch(/; Secure$/);
    expect(sessionCookie(undefined, false)).toBe(
      'cp_session=; Path=/ui; HttpOnly; SameSite=Strict; Max-Age=0',
    );
  });
});
