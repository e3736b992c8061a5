import { Flags } from '@oclif/core';
import { BaseCommand } from '../../../base-command.js';
import { configFlags, resolveTokensFile, tokensFileFlag } from '../shared-flags.js';
import { jsonOutput } from '../../../../render/json.js';

/** `container-package registry token list`: show the tokens of a tokens file (never the tokens). */
export default class RegistryTokenListCommand extends BaseCommand {
  static override summary = 'List registry tokens: id, registries, scopes, creation time, description.';
  static override examples = [
    '<%= config.bin %> registry token list',
    '<%= config.bin %> registry token list --json',
  ];

  static override flags = {
    json: Flags.boolean({ description: 'print a JSON array' }),
    ...tokensFileFlag,
    ...configFlags,
  };

  async run(): Promise<void> {
    const { listTokens } = await import('../../../../registry/index.js');
    const { flags } = await this.parse(RegistryTokenListCommand);
    const { file } = await resolveTokensFile(flags);
    const tokens = await listTokens(file);
    if (flags.json) {
      this.log(jsonOutput(tokens.map(({ sha256: _hash, ...rest }) => rest)));
      return;
    }
    if (tokens.length === 0) {
      this.logToStderr(`no tokens in ${file}`);
      return;
    }
    for (const t of tokens) {
      this.log(
        [t.id, t.registries.join(','), t.scopes.join(','), t.createdAt, t.description].join('\t').trimEnd(),
      );
    }
  }
}
