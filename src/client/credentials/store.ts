/**
 * Writing credentials to the docker config (what `login` and `logout` use): the file is rewritten
 * atomically (a temp file in the same directory, mode 0600, then renamed over it) and every key
 * the file already had is kept. Secrets are never logged and never put in error messages.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { clientError } from '../errors.js';
import {
  type DockerConfigFile,
  dockerConfigDir,
  dockerConfigPath,
  parseDockerConfig,
} from './docker-config.js';
import { credentialKey, keyMatches } from './host.js';

/** Where to write. */
export interface StoreOptions {
  /** The config directory. Default: `$DOCKER_CONFIG`, else `~/.docker`. Created (0700) when missing. */
  readonly configDir?: string;
}

/** A username and password (or token) to store. */
export interface LoginCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Stores `username:password` for `registry` as a base64 `auth` entry under docker's key for it
 * (`https://index.docker.io/v1/` for Docker Hub, else `host[:port]`). Other entries that name the
 * same registry (older keys with a scheme or path) are removed so they cannot shadow it.
 *
 * @returns the path of the config file written
 * @throws ClientError `CLIENT_INVALID_CREDENTIALS` for an empty username or password, or a
 *   username with `:`; `CLIENT_CREDENTIALS_CONFIG` when the existing file is not a JSON object
 *   (it is left untouched) or cannot be written.
 */
export async function storeCredentials(
  registry: string,
  credentials: LoginCredentials,
  options: StoreOptions = {},
): Promise<string> {
  const { username, password } = credentials;
  if (username === '' || username.includes(':') || password === '') {
    throw clientError(
      'CLIENT_INVALID_CREDENTIALS',
      `cannot store credentials for ${registry}: ${
        username === ''
          ? 'the username is empty'
          : password === ''
            ? 'the password is empty'
            : 'the username contains ":"'
      }`,
      { hint: 'give a non-empty username without ":" and a non-empty password or token' },
    );
  }
  return updateConfig(options, (config) => {
    const auths = { ...config.auths };
    for (const key of Object.keys(auths)) if (keyMatches(key, registry)) delete auths[key];
    auths[credentialKey(registry)] = {
      auth: Buffer.from(`${username}:${password}`, 'utf8').toString('base64'),
    };
    return { ...config, auths };
  });
}

/**
 * Removes every `auths` entry naming `registry`. Credentials held by a credential helper are not
 * touched. A missing file stays missing.
 *
 * @returns true when an entry was removed
 */
export async function removeCredentials(registry: string, options: StoreOptions = {}): Promise<boolean> {
  let removed = false;
  await updateConfig(options, (config) => {
    const auths = { ...config.auths };
    for (const key of Object.keys(auths)) {
      if (keyMatches(key, registry)) {
        delete auths[key];
        removed = true;
      }
    }
    return removed ? { ...config, auths } : undefined;
  });
  return removed;
}

/** Reads the config, applies `change` (undefined: no write) and writes it back atomically. */
async function updateConfig(
  options: StoreOptions,
  change: (config: DockerConfigFile) => DockerConfigFile | undefined,
): Promise<string> {
  const path = dockerConfigPath(options.configDir ?? dockerConfigDir());
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw clientError('CLIENT_CREDENTIALS_CONFIG', `cannot read the docker config ${path}`, {
        cause: error,
      });
    }
  }
  const next = change(parseDockerConfig(text, path));
  if (next === undefined) return path;
  await writeAtomically(path, `${JSON.stringify(next, null, '\t')}\n`);
  return path;
}

async function writeAtomically(path: string, content: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(temp, content, { mode: 0o600, flag: 'wx' });
    await chmod(temp, 0o600);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw clientError('CLIENT_CREDENTIALS_CONFIG', `cannot write the docker config ${path}`, {
      cause: error,
      hint: `check that ${dirname(path)} is writable (or set DOCKER_CONFIG to a directory that is)`,
    });
  }
}
