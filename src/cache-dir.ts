import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's own cache directory for container-package: `$XDG_CACHE_HOME/container-package` (an
 * absolute `XDG_CACHE_HOME` only, as the XDG spec asks), `%LOCALAPPDATA%\container-package` on
 * Windows, else `~/.cache/container-package`. Never a shared directory another user could write.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && xdg.startsWith('/')) return join(xdg, 'container-package');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'container-package');
  return join(home, '.cache', 'container-package');
}
