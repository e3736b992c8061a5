import type { RegistryDefinition } from '../auth/registries.js';
import { join, kind, type ConfigReader } from '../config/reader.js';
import { readDuration } from '../config/units.js';
import { isSafeRepository } from '../names.js';
import { MIRROR_DEFAULTS, nested } from './options.js';
import { parseUpstream, shorthandUpstream } from './upstream.js';

/** One entry of the config's `mirrors`, defaults applied. Credentials are named, never held. */
export interface MirrorConfig {
  readonly prefix: string;
  /** The upstream URL (from the entry, or derived from a shorthand prefix). */
  readonly upstream: string;
  /** `username`: with `password-env`, HTTP Basic credentials (also used for the token flow). */
  readonly username?: string;
  /** `password-env`: the environment variable holding the password. */
  readonly passwordEnv?: string;
  /** `token-env`: the environment variable holding a bearer token sent as is. */
  readonly tokenEnv?: string;
  /** `tag-max-age`: default 5 m. */
  readonly tagMaxAgeMs: number;
  /** `revalidate-timeout`: default 10 s. */
  readonly revalidateTimeoutMs: number;
}

const KEYS = [
  'prefix',
  'upstream',
  'username',
  'password-env',
  'token-env',
  'tag-max-age',
  'revalidate-timeout',
];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads `mirrors`: each item a prefix (`docker.io`, `ghcr.io/acme`: the upstream is `https://`
 * its first component, Docker Hub's API host for `docker.io`) or a mapping
 * `{prefix, upstream, username, password-env, token-env, tag-max-age, revalidate-timeout}`.
 * With `registries` (auth on), each prefix must lie inside a configured registry, where tokens
 * and policies say who may pull.
 */
export function readMirrors(
  r: ConfigReader,
  value: unknown,
  registries: readonly RegistryDefinition[],
): MirrorConfig[] {
  const mirrors: MirrorConfig[] = [];
  for (const [index, raw] of r.list(value, 'mirrors').entries()) {
    const at = join('mirrors', index);
    const entry = typeof raw === 'string' ? { prefix: raw } : r.object(raw, at, KEYS);
    const prefixAt = typeof raw === 'string' ? at : join(at, 'prefix');
    const prefix = r.requiredString(entry.prefix, prefixAt).replace(/\/+$/, '');
    if (!isSafeRepository(prefix)) {
      r.fail(
        prefixAt,
        `${JSON.stringify(prefix)} is not a repository path (lowercase components joined by "/")`,
      );
    }
    const clash = mirrors.find((m) => nested(m.prefix, prefix));
    if (clash !== undefined) r.fail(prefixAt, `${prefix} overlaps the mirror prefix ${clash.prefix}`);
    if (registries.length > 0 && !registries.some((reg) => prefix.startsWith(`${reg.name}/`))) {
      r.fail(
        prefixAt,
        `${prefix} is outside every configured registry, so nobody could be allowed to pull from it`,
        `use a prefix inside a registry, such as ${registries[0]!.name}/${prefix.replace(/[^a-z0-9]+/g, '-')}`,
      );
    }
    const upstream = r.string(entry.upstream, join(at, 'upstream')) ?? shorthandUpstream(prefix);
    const parsed = parseUpstream(prefix, upstream);
    if ('error' in parsed) r.fail(join(at, 'upstream'), parsed.error);
    const username = r.string(entry.username, join(at, 'username'));
    const passwordEnv = envName(r, entry['password-env'], join(at, 'password-env'));
    const tokenEnv = envName(r, entry['token-env'], join(at, 'token-env'));
    if (passwordEnv !== undefined && username === undefined)
      r.fail(join(at, 'password-env'), 'needs username');
    if (username !== undefined && passwordEnv === undefined)
      r.fail(join(at, 'username'), 'needs password-env');
    if (tokenEnv !== undefined && passwordEnv !== undefined) {
      r.fail(join(at, 'token-env'), 'give either token-env or username and password-env, not both');
    }
    mirrors.push({
      prefix,
      upstream,
      ...(username === undefined ? {} : { username }),
      ...(passwordEnv === undefined ? {} : { passwordEnv }),
      ...(tokenEnv === undefined ? {} : { tokenEnv }),
      tagMaxAgeMs: readDuration(
        r,
        entry['tag-max-age'],
        join(at, 'tag-max-age'),
        MIRROR_DEFAULTS.tagMaxAgeMs,
      ),
      revalidateTimeoutMs: readDuration(
        r,
        entry['revalidate-timeout'],
        join(at, 'revalidate-timeout'),
        MIRROR_DEFAULTS.revalidateTimeoutMs,
      ),
    });
  }
  return mirrors;
}

function envName(r: ConfigReader, value: unknown, at: string): string | undefined {
  const name = r.string(value, at);
  if (name !== undefined && !ENV_NAME.test(name)) {
    r.fail(at, `expected the name of an environment variable, got ${kind(name)}`);
  }
  return name;
}
