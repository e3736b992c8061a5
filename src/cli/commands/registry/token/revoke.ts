import { Args } from '@oclif/core';
import { BaseCommand } from '../../../base-command.js';
import { configFlags, resolveTokensFile, tokensFileFlag } from '../shared-flags.js';

/** `container-package registry token revoke ID`: delete a token; a running registry refuses it at once. */
export default class RegistryTokenRevokeCommand extends BaseCommand {
  static override summary =
    'Revoke a registry token by id; the running registry refuses it from its next request.';
  static override examples = ['<%= config.bin %> registry token revoke tok_1a2b3c4d5e6f'];

  static override args = {
    id: Args.string({ description: 'token id (tok_…), as `token list` shows it', required: true }),
  };

  static override flags = { ...tokensFileFlag, ...configFlags };

  async run(): Promise<void> {
    const { revokeToken } = await import('../../../../registry/index.js');
    const { args, flags } = await this.parse(RegistryTokenRevokeCommand);
    const { file } = await resolveTokensFile(flags);
    const record = await revokeToken(file, args.id);
    this.log(`revoked ${record.id} (${record.registries.join(', ')})`);
  }
}
