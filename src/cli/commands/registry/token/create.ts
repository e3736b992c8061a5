import { Flags } from '@oclif/core';
import { BaseCommand } from '../../../base-command.js';
import { configFlags, resolveTokensFile, tokensFileFlag } from '../shared-flags.js';
import { jsonOutput } from '../../../../render/json.js';

/** `container-package registry token create`: make a registry token, print it once, store its hash. */
export default class RegistryTokenCreateCommand extends BaseCommand {
  static override summary = 'Create a registry token; it is printed once and only its hash is stored.';
  static override description = [
    'Prints the new token (bkpt_…) alone on stdout, so `TOKEN=$(… token create …)` works; the id',
    'and scopes go to stderr. Log in with username "buildkite" and the token as password. Scopes:',
    'read (pull), write (push; implies read), delete (implies read). --registry ORG/* covers every',
    'registry of the organization, like a Buildkite API access token. A running registry picks the',
    'token up at once.',
  ].join(' ');

  static override examples = [
    '<%= config.bin %> registry token create --registry acme/images --scope write --description "CI push"',
    'printf %s "$TOKEN" | docker login 127.0.0.1:5000 -u buildkite --password-stdin',
  ];

  static override flags = {
    registry: Flags.string({
      description: 'registry the token is for (ORG/REGISTRY or ORG/*); repeatable',
      multiple: true,
      required: true,
    }),
    scope: Flags.string({ description: 'read, write or delete; repeatable', multiple: true, required: true }),
    description: Flags.string({ description: 'what the token is for, shown by `token list`' }),
    json: Flags.boolean({ description: 'print {id, token, registries, scopes, ...} as JSON instead' }),
    ...tokensFileFlag,
    ...configFlags,
  };

  async run(): Promise<void> {
    const { createToken, isOpen } = await import('../../../../registry/index.js');
    const { flags } = await this.parse(RegistryTokenCreateCommand);
    const { file, config } = await resolveTokensFile(flags);
    if (flags.config !== undefined && !isOpen(config)) {
      const known = config.registries.map((r) => r.name);
      for (const wanted of flags.registry) {
        const org = wanted.endsWith('/*') ? wanted.slice(0, -1) : undefined;
        if (org === undefined ? known.includes(wanted) : known.some((k) => k.startsWith(org))) continue;
        this.error(`${wanted} is not a registry of ${flags.config} (registries: ${known.join(', ')})`, {
          exit: 2,
        });
      }
    }
    const { token, record } = await createToken(file, {
      registries: flags.registry,
      scopes: flags.scope,
      description: flags.description,
    });
    if (flags.json) {
      this.log(jsonOutput({ ...record, token, tokensFile: file }));
      return;
    }
    this.log(token);
    this.logToStderr(
      `created token ${record.id} for ${record.registries.join(', ')} (${record.scopes.join(', ')}) in ${file}; ` +
        'it is shown only now: store it in your secret manager',
    );
  }
}
