/**
 * Reading the docker CLI's config file (`$DOCKER_CONFIG/config.json`, else
 * `~/.docker/config.json`): `auths` entries (base64 `auth` of `user:password`, `identitytoken`,
 * `registrytoken`), `credHelpers` (a helper per registry) and `credsStore` (a helper for all).
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseJsonObject } from '../../json-object.js';
import { clientError } from '../errors.js';
import { keyMatches } from './host.js';
import type { Credentials } from './types.js';

/** One `auths` entry as docker writes it. */
export interface DockerAuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
  registrytoken?: string;
  [key: string]: unknown;
}

/** The parts of `config.json` this module reads; every other key is kept as is. */
export interface DockerConfigFile {
  auths?: Record<string, DockerAuthEntry>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
  [key: string]: unknown;
}

/** The config directory: `$DOCKER_CONFIG` when set and non-empty, else `~/.docker`. */
export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.DOCKER_CONFIG;
  return dir !== undefined && dir !== '' ? dir : join(homedir(), '.docker');
}

/** `<dir>/config.json`. */
export function dockerConfigPath(dir: string = dockerConfigDir()): string {
  return join(dir, 'config.json');
}

/**
 * Reads and parses a config file. A missing file is `undefined` (no credentials).
 *
 * @throws ClientError `CLIENT_CREDENTIALS_CONFIG` when the file is not a JSON object (the message
 *   names the file, never its content).
 */
export async function readDockerConfig(path: string): Promise<DockerConfigFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw clientError('CLIENT_CREDENTIALS_CONFIG', `cannot read the docker config ${path}`, { cause: error });
  }
  return parseDockerConfig(text, path);
}

/** Parses config text; `path` is only for the error message. An empty file is an empty config. */
export function parseDockerConfig(text: string, path: string): DockerConfigFile {
  const value = parseJsonObject(text);
  if (value === undefined) {
    throw clientError('CLIENT_CREDENTIALS_CONFIG', `the docker config ${path} is not a JSON object`, {
      hint: 'fix or remove the file (docker login recreates it)',
    });
  }
  return value as DockerConfigFile;
}

/** The `auths` entry for `registry` that holds a secret (entries `{}` left by a helper are skipped). */
export function findAuthEntry(config: DockerConfigFile, registry: string): Credentials | undefined {
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    if (!keyMatches(key, registry) || typeof entry !== 'object' || entry === null) continue;
    const credentials = decodeAuthEntry(entry);
    if (credentials !== undefined) return credentials;
  }
  return undefined;
}

/**
 * The credentials of one entry: `auth` (base64 `user:password`, split at the first `:`), or
 * `username`/`password`, plus `identitytoken` and `registrytoken`. `undefined` when it holds none.
 */
export function decodeAuthEntry(entry: DockerAuthEntry): Credentials | undefined {
  let username = typeof entry.username === 'string' ? entry.username : undefined;
  let password = typeof entry.password === 'string' ? entry.password : undefined;
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const pair = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = pair.indexOf(':');
    if (colon > 0) {
      username = pair.slice(0, colon);
      password = pair.slice(colon + 1);
    }
  }
  const identityToken = nonEmpty(entry.identitytoken);
  const registryToken = nonEmpty(entry.registrytoken);
  if (!username && !identityToken && !registryToken) return undefined;
  return {
    ...(username ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(identityToken ? { identityToken } : {}),
    ...(registryToken ? { registryToken } : {}),
  };
}

/** The helper for `registry`: its `credHelpers` entry, else `credsStore`, else `undefined`. */
export function helperFor(config: DockerConfigFile, registry: string): string | undefined {
  for (const [key, helper] of Object.entries(config.credHelpers ?? {})) {
    if (keyMatches(key, registry) && typeof helper === 'string' && helper !== '') return helper;
  }
  return nonEmpty(config.credsStore);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
