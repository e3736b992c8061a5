/** htpasswd files for registries with basic auth. */
import { writeFileSync } from 'node:fs';
import { HarnessError } from './errors.js';
import { runTool } from './run.js';
import { toolPath } from './tools.js';

/** A username and password for basic auth. */
export interface Credentials {
  username: string;
  password: string;
}

/**
 * One `user:$2y$...` htpasswd line with a bcrypt hash (the only scheme distribution accepts),
 * made by `htpasswd -nBi` from apache2-utils. The password goes through stdin, never argv.
 *
 * @throws HarnessError `HARNESS_BAD_CREDENTIALS` for an empty username or one containing `:`.
 * @throws MissingToolError when `htpasswd` is not installed.
 */
export async function bcryptLine({ username, password }: Credentials): Promise<string> {
  if (username === '' || username.includes(':') || /\s/.test(username)) {
    throw new HarnessError(
      'HARNESS_BAD_CREDENTIALS',
      `invalid htpasswd username ${JSON.stringify(username)}`,
      {
        hint: 'use a non-empty username without ":" or whitespace',
      },
    );
  }
  const { stdout } = await runTool(toolPath('htpasswd'), ['-nBi', username], { input: password });
  const line = stdout.trim();
  if (!line.startsWith(`${username}:$2`)) {
    throw new HarnessError('HARNESS_HTPASSWD', `htpasswd printed an unexpected line: ${line.slice(0, 40)}`);
  }
  return line;
}

/** Writes an htpasswd file with one bcrypt line per user and returns its path. */
export async function writeHtpasswd(file: string, users: readonly Credentials[]): Promise<string> {
  const lines = await Promise.all(users.map(bcryptLine));
  writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
  return file;
}
