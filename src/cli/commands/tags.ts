import { Args, Flags } from '@oclif/core';
import { parseReference } from '../../reference/index.js';
import { BaseCommand } from '../base-command.js';
import { readClient } from '../client.js';
import { registryFlags } from '../shared.js';

/** `container-package tags REPOSITORY`: list a repository's tags. */
export default class TagsCommand extends BaseCommand {
  static override summary = "List the tags of a repository, in the registry's order.";
  static override examples = ['<%= config.bin %> tags packages.buildkite.com/acme/images/app'];
  static override args = {
    repository: Args.string({ description: 'repository (a tag or digest is ignored)', required: true }),
  };
  static override flags = { ...registryFlags, json: Flags.boolean({ description: 'print a JSON array' }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(TagsCommand);
    const ref = parseReference(args.repository);
    const client = await readClient(flags);
    try {
      const tags = await client.listTags({ registry: ref.registry, repository: ref.repository });
      this.log(flags.json ? JSON.stringify(tags) : tags.join('\n'));
    } finally {
      await client.close();
    }
  }
}
