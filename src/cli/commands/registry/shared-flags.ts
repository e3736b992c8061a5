import { Flags } from '@oclif/core';
import {
  defaultConfig,
  loadConfigFile,
  tokensFileOf,
  withOverrides,
  type ConfigOverrides,
  type RegistryConfig,
} from '../../../registry/index.js';

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

/** The config a command runs with: the `--config` file (or the defaults) with flags applied over it. */
export async function resolveConfig(flags: { config?: string } & ConfigOverrides): Promise<RegistryConfig> {
  const base = flags.config === undefined ? defaultConfig() : await loadConfigFile(flags.config);
  return withOverrides(base, flags);
}

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
  return { file: flags['tokens-file'] ?? tokensFileOf(config), config };
}
