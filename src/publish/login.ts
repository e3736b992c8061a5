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
import { formatReference } from '../reference/index.js';
import { targetReference, type RegistryTarget } from './targets.js';

/** Options of {@link login} and {@link logout}. */
export interface LoginOptions {
  /** The docker config dir. Default `$DOCKER_CONFIG`, else `~/.docker`. */
  readonly configDir?: string;
  /** Check the credentials with the registry before storing them. Default true. */
  readonly verify?: boolean;
  /**
   * Image names (under the target's prefix) the credentials must be able to push to: each is
   * checked by opening an upload session and cancelling it, so a token that may log in but not
   * push fails here rather than at the push. Default none (a login check only, as docker does).
   */
  readonly pushTo?: readonly string[];
  /** Client options for the check (insecure hosts, dispatcher…). */
  readonly client?: Omit<ClientOptions, 'credentials'>;
  readonly signal?: AbortSignal;
}

/**
 * Checks `credentials` against `target` and stores them for its host. The check is docker's:
 * `GET /v2/` with the credentials (after the token flow without a repository scope when the
 * registry uses one); any answer but 200 fails the login and nothing is stored. With `pushTo`,
 * a push to each of those images is proven too (see {@link LoginOptions.pushTo}): a 401 or 403
 * there fails the login, with the registry's reason.
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
    await client.checkLogin(target.host, call);
    for (const name of options.pushTo ?? []) {
      await client.checkPush(formatReference(targetReference(target, name)), call);
    }
  } finally {
    await client.close();
  }
}
