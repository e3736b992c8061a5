/** What several commands share: the registry flags, reading a secret from stdin. */
import { ContainerPackageError } from '../errors.js';
import { REGISTRY_FLAG_SPECS } from './flag-specs.js';
import { oclifFlags } from './oclif-flags.js';

/** Flags of every command that talks to registries. */
export const registryFlags = oclifFlags(REGISTRY_FLAG_SPECS);

/** Reads all of stdin as text, without its final newline. Refuses an interactive terminal. */
export async function readStdinSecret(what: string): Promise<string> {
  if (process.stdin.isTTY) {
    throw new ContainerPackageError(
      'CLI_STDIN_IS_TTY',
      `${what} is read from stdin, but stdin is a terminal`,
      {
        hint: `pipe it in: printf '%s' "$TOKEN" | container-package …`,
      },
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  const value = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (value === '') {
    throw new ContainerPackageError('CLI_EMPTY_SECRET', `${what} read from stdin is empty`, {
      hint: 'check that the variable you pipe in is set',
    });
  }
  return value;
}
