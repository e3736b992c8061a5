import { statSync } from 'node:fs';
import { Flags } from '@oclif/core';
import { ContainerPackageError } from '../../../errors.js';
import type { RegistryConfig } from '../../../registry/index.js';
import { resolveConfig } from '../../serve-registry.js';

/** `--config` and `--storage`, shared by every `registry` command. */
export const configFlags = {
  config: Flags.string({
    description: 'registry config file (YAML); see docs/registry.md. Default: none (an open registry)',
    helpValue: 'FILE',
  }),
  storage: Flags.string({
    description:
      "storage directory. Default: the config's storage, else $XDG_CACHE_HOME/container-package/registry",
    helpValue: 'DIR',
  }),
};

/** `--tokens-file`, for the `registry token` commands. */
export const tokensFileFlag = {
  'tokens-file': Flags.string({
    description: "tokens file. Default: the config's tokens-file, else tokens.json in the storage directory",
    helpValue: 'FILE',
  }),
};

/** The tokens file a `registry token` command works on. */
export async function resolveTokensFile(flags: {
  config?: string;
  storage?: string;
  'tokens-file'?: string;
}): Promise<{
  file: string;
  config: RegistryConfig;
}> {
  const config = await resolveConfig({ config: flags.config, storage: flags.storage });
  const { tokensFileOf } = await import('../../../registry/index.js');
  return { file: flags['tokens-file'] ?? tokensFileOf(config), config };
}

/**
 * `REGISTRY_STORAGE_MISSING` (exit 1) unless `storage` is a directory: `gc` and `fsck` work on the
 * storage `registry serve` made, and never create one.
 */
export function requireStorage(storage: string): void {
  const found = statSync(storage, { throwIfNoEntry: false });
  if (found?.isDirectory() === true) return;
  throw new ContainerPackageError(
    'REGISTRY_STORAGE_MISSING',
    found === undefined
      ? `no registry storage at ${storage}`
      : `no registry storage at ${storage}: it is a file, not a directory`,
    { hint: 'pass --storage DIR (the directory `registry serve` used), or --config with storage: s3:' },
  );
}
