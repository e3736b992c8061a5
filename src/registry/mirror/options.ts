import type { CredentialProvider } from '../../client/index.js';
import { isSafeRepository } from '../names.js';
import { parseUpstream, type Upstream } from './upstream.js';

/** Defaults of a mirror (applied by {@link resolveMirrors} and the config reader). */
export const MIRROR_DEFAULTS = {
  /** A cached tag is served without asking the upstream for this long after it was last checked. */
  tagMaxAgeMs: 5 * 60 * 1000,
  /** Longest wait for the upstream when re-checking a cached tag; then the cached one is served. */
  revalidateTimeoutMs: 10_000,
  /** After a failed re-check, a cached tag is served stale without asking again for this long. */
  failureBackoffMs: 30_000,
  /** Retries of a failed upstream request (the client's backoff: 200 ms doubling, at most 2 s). */
  retries: 2,
} as const;

/** One pull-through mirror (`createRegistry({ mirrors: [...] })`). */
export interface MirrorOptions {
  /**
   * Repository path prefix the mirror answers for: `docker.io` makes `HOST/docker.io/library/alpine`
   * a cache of Docker Hub's `library/alpine`. A valid repository path; prefixes may not overlap.
   */
  readonly prefix: string;
  /**
   * The upstream registry's URL, e.g. `https://registry-1.docker.io`; a path is the repository
   * namespace the prefix stands for (see `parseUpstream`). Plain http is fine for loopback and
   * for hosts you trust.
   */
  readonly upstream: string;
  /** Credentials for the upstream. Default: the docker config (`$DOCKER_CONFIG`, `~/.docker`). */
  readonly credentials?: CredentialProvider;
  /** See {@link MIRROR_DEFAULTS.tagMaxAgeMs} (default 5 minutes); 0 re-checks every tag pull. */
  readonly tagMaxAgeMs?: number;
  /** See {@link MIRROR_DEFAULTS.revalidateTimeoutMs} (default 10 s). */
  readonly revalidateTimeoutMs?: number;
  /** See {@link MIRROR_DEFAULTS.retries} (default 2). */
  readonly retries?: number;
}

/** A mirror with its defaults applied and its upstream parsed. */
export interface ResolvedMirror {
  readonly prefix: string;
  readonly upstream: Upstream;
  readonly credentials: CredentialProvider | undefined;
  readonly tagMaxAgeMs: number;
  readonly revalidateTimeoutMs: number;
  readonly retries: number;
}

/**
 * Applies defaults and checks every mirror: prefixes are valid repository paths and neither
 * repeat nor nest (`a` and `a/b`), upstream URLs parse, numbers are in range.
 *
 * @returns the mirrors, or the first problem as `{ option, error }` (`mirrors[1].prefix`)
 */
export function resolveMirrors(
  mirrors: readonly MirrorOptions[],
): ResolvedMirror[] | { option: string; error: string } {
  const resolved: ResolvedMirror[] = [];
  for (const [index, mirror] of mirrors.entries()) {
    const at = `mirrors[${index}]`;
    if (!isSafeRepository(mirror.prefix)) {
      return { option: `${at}.prefix`, error: `${JSON.stringify(mirror.prefix)} is not a repository path` };
    }
    const clash = resolved.find((m) => nested(m.prefix, mirror.prefix));
    if (clash !== undefined) {
      return { option: `${at}.prefix`, error: `${mirror.prefix} overlaps the mirror prefix ${clash.prefix}` };
    }
    const upstream = parseUpstream(mirror.prefix, mirror.upstream);
    if ('error' in upstream) return { option: `${at}.upstream`, error: upstream.error };
    const numbers = {
      tagMaxAgeMs: mirror.tagMaxAgeMs ?? MIRROR_DEFAULTS.tagMaxAgeMs,
      revalidateTimeoutMs: mirror.revalidateTimeoutMs ?? MIRROR_DEFAULTS.revalidateTimeoutMs,
      retries: mirror.retries ?? MIRROR_DEFAULTS.retries,
    };
    for (const [name, value] of Object.entries(numbers)) {
      if (!Number.isSafeInteger(value) || value < 0 || (name === 'retries' && value > 10)) {
        const range = name === 'retries' ? 'from 0 to 10' : 'of at least 0';
        return { option: `${at}.${name}`, error: `expected a whole number ${range}, got ${String(value)}` };
      }
    }
    resolved.push({ prefix: mirror.prefix, upstream, credentials: mirror.credentials, ...numbers });
  }
  return resolved;
}

/** True when one prefix equals the other or contains it as a leading path. */
export function nested(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
