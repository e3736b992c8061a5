import { Args, Flags } from '@oclif/core';
import { familiarReference, formatReference, parseReference } from '../../reference/index.js';
import { BaseCommand } from '../base-command.js';
import { jsonOutput } from '../../render/json.js';

/** `container-package reference REF`: parse and normalise an image reference the way docker does. */
export default class ReferenceCommand extends BaseCommand {
  static override summary = 'Parse and normalise an image reference the way docker does.';
  static override description = [
    'Prints the canonical form (registry, repository, tag, digest) of REF, or a clear error naming',
    'the invalid part. A bare "{registry}/{image}" is read as docker reads it (a Docker Hub',
    'repository): only explicit "packages.buildkite.com/{org}/{registry}/{image}" names are',
    'Buildkite Packages references.',
  ].join(' ');

  static override examples = [
    '<%= config.bin %> reference alpine',
    '<%= config.bin %> reference packages.buildkite.com/acme/images/app:v1 --json',
  ];

  static override args = {
    ref: Args.string({
      description: 'image reference, e.g. alpine:3.20 or host:5000/team/app@sha256:…',
      required: true,
    }),
  };

  static override flags = {
    json: Flags.boolean({ description: 'print the parsed reference as JSON' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ReferenceCommand);
    const ref = parseReference(args.ref);
    if (flags.json) {
      this.log(
        jsonOutput(
          {
            registry: ref.registry,
            repository: ref.repository,
            tag: ref.tag ?? null,
            digest: ref.digest ?? null,
            canonical: formatReference(ref),
            familiar: familiarReference(ref),
          },
          { compact: true },
        ),
      );
      return;
    }
    this.log(formatReference(ref));
  }
}
