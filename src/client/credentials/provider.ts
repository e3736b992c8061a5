/** Ready-made credential providers: the docker config, a fixed map, and anonymous. */
import {
  decodeAuthEntry,
  dockerConfigDir,
  dockerConfigPath,
  findAuthEntry,
  helperFor,
  readDockerConfig,
} from './docker-config.js';
import { helperCredentials } from './helper.js';
import { keyMatches } from './host.js';
import type { CredentialProvider, Credentials } from './types.js';

/** Options of {@link dockerConfigCredentials}. */
export interface DockerConfigCredentialsOptions {
  /** The config directory. Default: `$DOCKER_CONFIG`, else `~/.docker`, read at each lookup. */
  readonly configDir?: string;
  /** Environment for the directory default and for credential helpers. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Credentials from the docker config, looked up in this order: an `auths` entry holding a secret
 * (what `storeCredentials` and `docker login` without a store write), then the registry's
 * `credHelpers` helper, then `credsStore`. No file, or no match, is anonymous.
 */
export function dockerConfigCredentials(options: DockerConfigCredentialsOptions = {}): CredentialProvider {
  return async (registry) => {
    const env = options.env ?? process.env;
    const path = dockerConfigPath(options.configDir ?? dockerConfigDir(env));
    const config = await readDockerConfig(path);
    if (config === undefined) return undefined;
    const fromFile = findAuthEntry(config, registry);
    if (fromFile !== undefined) return fromFile;
    const helper = helperFor(config, registry);
    return helper === undefined ? undefined : helperCredentials(helper, registry, { env });
  };
}

/**
 * Fixed credentials per registry, keyed like docker config `auths` (`host[:port]`, or any Docker
 * Hub alias). Values may also be docker config entries (`{auth: base64}`).
 */
export function staticCredentials(
  map: Readonly<Record<string, Credentials | { auth: string }>>,
): CredentialProvider {
  return async (registry) => {
    for (const [key, value] of Object.entries(map)) {
      if (!keyMatches(key, registry)) continue;
      return 'auth' in value ? decodeAuthEntry(value) : value;
    }
    return undefined;
  };
}

/** Never any credentials. */
export const anonymousCredentials: CredentialProvider = async () => undefined;
