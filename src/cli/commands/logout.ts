import { Args } from '@oclif/core';
import { resolveTarget } from '../../publish/targets.js';
import { BaseCommand } from '../base-command.js';
import { registryFlags } from '../shared.js';

/** `container-package logout REGISTRY`: remove stored credentials. */
export default class LogoutCommand extends BaseCommand {
  static override summary = 'Remove the stored credentials of a registry from the docker config.';
  static override examples = ['<%= config.bin %> logout acme/images', '<%= config.bin %> logout ghcr.io'];
  static override args = { registry: Args.string({ description: 'registry to log out of', required: true }) };
  static override flags = { ...registryFlags };

  async run(): Promise<void> {
    const { logout } = await import('../../publish/index.js');
    const { args, flags } = await this.parse(LogoutCommand);
    const target = resolveTarget(args.registry, {
      ...(flags.org && { organization: flags.org }),
      ...(flags['packages-host'] && { packagesHost: flags['packages-host'] }),
    });
    const removed = await logout(target, flags['docker-config'] ? { configDir: flags['docker-config'] } : {});
    this.log(removed ? `Logged out of ${target.host}` : `Not logged in to ${target.host}`);
  }
}
