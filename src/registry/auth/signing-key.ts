import { readFile, stat } from 'node:fs/promises';
import { ContainerPackageError } from '../../errors.js';

/** The fewest bytes a shared bearer signing key may hold (HMAC-SHA256 wants at least 32). */
export const MIN_SIGNING_KEY_BYTES = 32;

/**
 * Reads the shared bearer signing key (`token-signing-key-file`): every replica reading the same
 * key accepts the tokens any of them issued. The file holds at least 32 bytes of secret (for
 * example `openssl rand -base64 48`; surrounding whitespace is ignored) and is readable by its
 * owner only.
 *
 * @throws ContainerPackageError `REGISTRY_SIGNING_KEY_INVALID` when it is missing, short, or
 *   readable by group or others
 */
export async function readSigningKey(file: string): Promise<Buffer> {
  let mode: number;
  let text: string;
  try {
    mode = (await stat(file)).mode;
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    throw invalid(
      `cannot be read: ${(error as Error).message}`,
      'create it with `openssl rand -base64 48`',
      error,
    );
  }
  if ((mode & 0o077) !== 0) {
    throw invalid(
      `is readable by group or others (mode ${(mode & 0o777).toString(8)})`,
      `run chmod 600 ${file}`,
    );
  }
  const key = Buffer.from(text, 'utf8');
  if (key.length < MIN_SIGNING_KEY_BYTES) {
    throw invalid(
      `holds ${key.length} bytes; at least ${MIN_SIGNING_KEY_BYTES} are needed`,
      'write `openssl rand -base64 48` into it',
    );
  }
  return key;

  function invalid(what: string, hint: string, cause?: unknown): ContainerPackageError {
    return new ContainerPackageError(
      'REGISTRY_SIGNING_KEY_INVALID',
      `token signing key file ${file} ${what}`,
      {
        hint,
        cause,
      },
    );
  }
}
