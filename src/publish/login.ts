/**
 * Logging in and out: check credentials against the registry, then keep them in the docker
 * config (`$DOCKER_CONFIG/config.json`, mode 0600) where docker, podman and our client find them.
 */
import {
  RegistryClient,
  removeCredentials,
  staticCredentials,
  storeCredentials,
  type ClientOptions,
  type LoginCredentials,
} from '../client/index.js';
import { isContainerPackageError } from '../errors.js';
import type { RegistryTarget } from './targets.js';

/** Options of {@link login} and {@link logout}. */
export interface LoginOptions {
  /** The docker config dir. Default `$DOCKER_CONFIG`, else `~/.docker`. */
  readonly configDir?: string;
  /** Check the credentials with the registry before storing them. Default true. */
  readonly verify?: boolean;
  /** Client options for the check (insecure hosts, dispatcher…). */
  readonly client?: Omit<ClientOptions, 'credentials'>;
  readonly signal?: AbortSignal;
}

/**
 * Checks `credentials` against `target` and stores them for its host. The check reads the tag
 * list of a repository under the target's prefix: 401 means the credentials are wrong (nothing
 * is stored); 200, 403 and 404 mean the registry accepted who we are.
 *
 * @returns the path of the docker config file written.
 * @throws ClientError `CLIENT_UNAUTHORIZED` (with a hint) when the registry refuses them.
 */
export async function login(
  target: RegistryTarget,
  credentials: LoginCredentials,
  options: LoginOptions = {},
): Promise<string> {
  if (options.verify ?? true) await verify(target, credentials, options);
  return storeCredentials(
    target.host,
    credentials,
    options.configDir ? { configDir: options.configDir } : {},
  );
}

/** Removes the stored credentials of `target`'s host. Resolves false when there were none. */
export async function logout(target: RegistryTarget, options: LoginOptions = {}): Promise<boolean> {
  return removeCredentials(target.host, options.configDir ? { configDir: options.configDir } : {});
}

async function verify(
  target: RegistryTarget,
  credentials: LoginCredentials,
  options: LoginOptions,
): Promise<void> {
  const client = new RegistryClient({
    ...options.client,
    credentials: staticCredentials({ [target.host]: credentials }),
  });
  const call = options.signal ? { signal: options.signal } : {};
  try {
    const ping = await client.ping(target.host, call);
    if (ping.auth === 'none') return;
    await client.listTags(`${target.prefix}/container-package-login-check`, call);
  } catch (error) {
    if (
      isContainerPackageError(error) &&
      (error.code === 'CLIENT_NOT_FOUND' || error.code === 'CLIENT_DENIED')
    )
      return;
    throw error;
  } finally {
    await client.close();
  }
}
