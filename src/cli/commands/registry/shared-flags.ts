import { Flags } from '@oclif/core';
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
