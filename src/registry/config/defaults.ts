import { homedir } from 'node:os';
import { join } from 'node:path';
import { cacheDir } from '../../cache-dir.js';

/** Default listen address: loopback only. */
export const DEFAULT_LISTEN = '127.0.0.1:5000';

/**
 * The default storage directory: `$XDG_CACHE_HOME/container-package/registry`, else
 * `~/.cache/container-package/registry` (`%LOCALAPPDATA%\container-package\registry` on Windows).
 * A cache dir because the bundled registry is meant for pipeline-local caching and tests.
 */
export function defaultStorageDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  return join(cacheDir(env, home), 'registry');
}

/** The default tokens file: `tokens.json` in the storage directory. */
export function defaultTokensFile(storage: string): string {
  return join(storage, 'tokens.json');
}
