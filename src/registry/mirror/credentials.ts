import type { CredentialProvider } from '../../client/index.js';
import { RegistryConfigError } from '../config/errors.js';
import type { MirrorConfig } from './config.js';
import type { MirrorOptions } from './options.js';

/**
 * The mirrors of a config as {@link MirrorOptions}, their credentials read from the environment
 * now: `username` + `password-env` become Basic credentials (the client also sends them to a
 * token server), `token-env` a bearer token sent as is, neither the docker config's entry for the
 * upstream host (`$DOCKER_CONFIG/config.json` of `env`, credential helpers included).
 *
 * @throws RegistryConfigError when a named variable is unset or empty
 */
export function mirrorOptionsOf(
  mirrors: readonly MirrorConfig[],
  env: NodeJS.ProcessEnv,
  source?: string,
): MirrorOptions[] {
  return mirrors.map((mirror, index) => {
    const read = (name: string, key: string): string => {
      const value = env[name];
      if (value === undefined || value === '') {
        throw new RegistryConfigError(`mirrors[${index}].${key}`, `environment variable ${name} is not set`, {
          source,
          hint: `export ${name} with the credential for ${mirror.upstream} before starting the registry`,
        });
      }
      return value;
    };
    // The client code (and its docker config reader) loads on the first upstream request.
    let credentials: CredentialProvider = async (registry) => {
      const { dockerConfigCredentials } = await import('../../client/index.js');
      return dockerConfigCredentials({ env })(registry);
    };
    if (mirror.passwordEnv !== undefined) {
      const found = { username: mirror.username!, password: read(mirror.passwordEnv, 'password-env') };
      credentials = async () => found;
    } else if (mirror.tokenEnv !== undefined) {
      const found = { registryToken: read(mirror.tokenEnv, 'token-env') };
      credentials = async () => found;
    }
    return {
      prefix: mirror.prefix,
      upstream: mirror.upstream,
      tagMaxAgeMs: mirror.tagMaxAgeMs,
      revalidateTimeoutMs: mirror.revalidateTimeoutMs,
      credentials,
    };
  });
}
