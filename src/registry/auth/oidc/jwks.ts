import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { RegistryAuthError } from '../errors.js';

/** A public key of a JWKS with what the JWK says about it. */
export interface Jwk {
  readonly kid: string | undefined;
  /** `RSA` or `EC`. */
  readonly kty: string;
  /** For EC keys, the curve (`P-256`). */
  readonly crv: string | undefined;
  /** The JWK's `alg`, when it names one. */
  readonly alg: string | undefined;
  readonly key: KeyObject;
}

/** Where an issuer's signing keys come from. */
export interface KeySource {
  /** What to call the source in messages: the file path or URL. */
  readonly origin: string;
  /**
   * The keys; `refresh: true` asks for a fresh copy because a token named a key id that was not
   * known (the issuer rotated its keys). Sources may rate-limit refreshes.
   */
  keys(refresh?: boolean): Promise<readonly Jwk[]>;
}

/**
 * Parses a JWKS document (`{"keys":[...]}`). Keys that are not RSA or EC signing keys, or that
 * node:crypto cannot import, are skipped; a document with no usable key is an error.
 *
 * @throws RegistryAuthError `REGISTRY_JWKS_INVALID`
 */
export function parseJwks(text: string, origin: string): Jwk[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw jwksError(origin, 'is not JSON', error);
  }
  const keys = (doc as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw jwksError(origin, 'has no "keys" array');
  const out: Jwk[] = [];
  for (const raw of keys as Record<string, unknown>[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    if (raw.use !== undefined && raw.use !== 'sig') continue;
    if (raw.kty !== 'RSA' && raw.kty !== 'EC') continue;
    try {
      const key = createPublicKey({ key: raw as JsonWebKey, format: 'jwk' });
      out.push({
        kid: typeof raw.kid === 'string' ? raw.kid : undefined,
        kty: raw.kty,
        crv: typeof raw.crv === 'string' ? raw.crv : undefined,
        alg: typeof raw.alg === 'string' ? raw.alg : undefined,
        key,
      });
    } catch {
      // not importable: skip, like other verifiers do
    }
  }
  if (out.length === 0) throw jwksError(origin, 'holds no RSA or EC signing key');
  return out;
}

/** Keys read from a JWKS file, re-read when the file changes (checked on refresh requests). */
export function fileKeySource(path: string): KeySource {
  let cached: { signature: string; keys: Jwk[] } | undefined;
  return {
    origin: path,
    async keys(refresh = false) {
      if (cached !== undefined && !refresh) return cached.keys;
      let signature: string;
      try {
        const info = await stat(path);
        signature = `${info.ino}:${info.size}:${info.mtimeMs}`;
      } catch (error) {
        throw jwksError(path, `cannot be read: ${(error as Error).message}`, error);
      }
      if (cached?.signature === signature) return cached.keys;
      cached = { signature, keys: parseJwks(await readFile(path, 'utf8'), path) };
      return cached.keys;
    },
  };
}

/** Options of {@link urlKeySource}. */
export interface UrlKeySourceOptions {
  /** Keys are fetched again after this long. Default 10 minutes. */
  readonly maxAgeMs?: number;
  /** A refresh asked for by an unknown key id happens at most this often. Default 30 s. */
  readonly minRefreshIntervalMs?: number;
  /** Give up on a fetch after this long. Default 10 s. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/**
 * Keys fetched from a JWKS URL and cached. Concurrent callers share one fetch. When a fetch fails
 * and keys were fetched before, the old keys stay in use.
 */
export function urlKeySource(url: string, options: UrlKeySourceOptions = {}): KeySource {
  const maxAge = options.maxAgeMs ?? 10 * 60_000;
  const minInterval = options.minRefreshIntervalMs ?? 30_000;
  const timeout = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;
  let cached: { at: number; keys: Jwk[] } | undefined;
  let inFlight: Promise<Jwk[]> | undefined;

  const load = async (): Promise<Jwk[]> => {
    let text: string;
    try {
      const response = await doFetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeout),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      throw jwksError(url, `cannot be fetched: ${(error as Error).message}`, error);
    }
    const keys = parseJwks(text, url);
    cached = { at: Date.now(), keys };
    return keys;
  };

  return {
    origin: url,
    async keys(refresh = false) {
      const age = cached === undefined ? Infinity : Date.now() - cached.at;
      const stale = age > maxAge || (refresh && age > minInterval);
      if (cached !== undefined && !stale) return cached.keys;
      inFlight ??= load().finally(() => {
        inFlight = undefined;
      });
      try {
        return await inFlight;
      } catch (error) {
        if (cached !== undefined) return cached.keys;
        throw error;
      }
    },
  };
}

function jwksError(origin: string, what: string, cause?: unknown): RegistryAuthError {
  return new RegistryAuthError('REGISTRY_JWKS_INVALID', `the JWKS ${origin} ${what}`, {
    hint: "point oidc.issuers[].jwks-file or jwks-url at the issuer's key set (for Buildkite: https://agent.buildkite.com/.well-known/jwks)",
    cause,
  });
}
