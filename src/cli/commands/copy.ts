import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { interruptible } from '../interrupt.js';
import { Progress } from '../progress.js';
import { parseDestination } from '../destination.js';
import { registryFlags } from '../shared.js';
import { jsonOutput } from '../../render/json.js';

/** `container-package copy SOURCE DESTINATION`: copy an image between registries or repositories. */
export default class CopyCommand extends BaseCommand {
  static override summary = 'Copy an image (every platform) from one registry or repository to another.';
  static override description =
    'Blobs stream from SOURCE to DESTINATION without touching the disk; blobs DESTINATION already has ' +
    'are skipped, and the manifests are copied byte for byte, so the digest stays the same. SOURCE may ' +
    'be any push source.';

  static override examples = [
    '<%= config.bin %> copy 127.0.0.1:5000/cache/app:42 packages.buildkite.com/acme/images/app:42',
  ];

  static override args = {
    source: Args.string({ description: 'source reference (or any push source)', required: true }),
    destination: Args.string({ description: 'destination reference host/path/name[:tag]', required: true }),
  };

  static override flags = {
    ...registryFlags,
    json: Flags.boolean({ description: 'print the result as JSON and nothing else' }),
  };

  async run(): Promise<void> {
    const { publish } = await import('../../publish/index.js');
    const { args, flags } = await this.parse(CopyCommand);
    const destination = parseDestination(args.destination, flags.org, flags['packages-host']);
    const progress = new Progress({ stream: process.stderr, ...(flags.json && { mode: 'none' as const }) });
    try {
      const [result] = await interruptible((signal) =>
        publish({
          images: [{ source: args.source, name: destination.name, tags: [destination.tag ?? 'latest'] }],
          registries: [destination.target],
          ...(flags['docker-config'] && { dockerConfig: flags['docker-config'] }),
          ...(flags.org && { organization: flags.org }),
          compression: 'none',
          client: { insecure: flags.insecure ?? [] },
          onEvent: progress.onEvent,
          signal,
        }),
      );
      this.log(flags.json ? jsonOutput(result) : `${result!.references[0]}@${result!.digest}`);
    } finally {
      progress.stop();
    }
  }
}
