import { createHash, randomBytes } from 'node:crypto';

/** Name of the session cookie (scoped to `/ui`). */
export const SESSION_COOKIE = 'cp_session';

/** How long a session lasts from sign-in: 30 minutes. Short, since it stands for a token. */
export const SESSION_LIFETIME_MS = 30 * 60 * 1000;

/** Sessions kept at most; the oldest go first. */
const MAX_SESSIONS = 10_000;

interface Session {
  /** The registry or API token the visitor signed in with; judged again on every request. */
  readonly token: string;
  readonly expiresAt: number;
}

/**
 * Sign-in sessions of the pages, in memory: a restart signs everyone out. The cookie holds a
 * random id (32 bytes); the map is keyed by its SHA-256, so the ids themselves are kept nowhere.
 * The token is kept in memory only and checked like a pull's password on every request, so a
 * revoked token stops working at once.
 */
export class Sessions {
  readonly #byHash = new Map<string, Session>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Starts a session for `token`; returns the cookie value. */
  create(token: string): string {
    this.#sweep();
    const id = randomBytes(32).toString('base64url');
    this.#byHash.set(hash(id), { token, expiresAt: this.#now() + SESSION_LIFETIME_MS });
    while (this.#byHash.size > MAX_SESSIONS) this.#byHash.delete(this.#byHash.keys().next().value!);
    return id;
  }

  /** The token of a live session, or undefined (unknown or expired id). */
  token(id: string | undefined): string | undefined {
    if (id === undefined || !/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const key = hash(id);
    const session = this.#byHash.get(key);
    if (session === undefined) return undefined;
    if (session.expiresAt <= this.#now()) {
      this.#byHash.delete(key);
      return undefined;
    }
    return session.token;
  }

  /** Ends a session. */
  delete(id: string | undefined): void {
    if (id !== undefined) this.#byHash.delete(hash(id));
  }

  /** Live sessions (for tests). */
  get size(): number {
    this.#sweep();
    return this.#byHash.size;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, session] of this.#byHash) if (session.expiresAt <= now) this.#byHash.delete(key);
  }
}

function hash(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

/** The value of cookie `name` in a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The `Set-Cookie` value of a session: HttpOnly, SameSite=Strict, scoped to `/ui`, `Secure` when
 * the page was served over TLS. `value` undefined clears the cookie.
 */
export function sessionCookie(value: string | undefined, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${value ?? ''}`,
    'Path=/ui',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${value === undefined ? 0 : SESSION_LIFETIME_MS / 1000}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
