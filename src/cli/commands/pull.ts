import { Args, Flags } from '@oclif/core';
import { parseReference } from '../../reference/index.js';
import { formatBytes } from '../../render/index.js';
import { BaseCommand } from '../base-command.js';
import { readClient } from '../client.js';
import { registryFlags } from '../shared.js';

/** `container-package pull REF --output PATH`: an image from a registry into an archive or layout. */
export default class PullCommand extends BaseCommand {
  static override summary = 'Pull an image from a registry into an OCI or docker archive, or an OCI layout.';
  static override description =
    'Needs no container engine. The archive is deterministic: the same image gives the same bytes, the ' +
    "same as the bundled registry's Download for --format oci-archive. Load it with `docker load -i PATH` " +
    '(docker-archive) or `skopeo copy oci-archive:PATH …`. An index is kept whole in oci-archive and oci; ' +
    'docker-archive takes one platform (--platform, default the first) and only a container image: an ' +
    'artifact (an SBOM, a signature) is pulled as oci-archive or oci. Credentials come from the docker config.';

  static override examples = [
    '<%= config.bin %> pull packages.buildkite.com/acme/images/app:42 --output app.tar',
    '<%= config.bin %> pull 127.0.0.1:5000/team/app:v1 --output app.tar --format docker-archive && docker load -i app.tar',
    '<%= config.bin %> pull 127.0.0.1:5000/team/app:v1 --output ./app-layout --format oci',
  ];

  static override args = {
    ref: Args.string({ description: 'image reference (tag or digest)', required: true }),
  };
  static override flags = {
    ...registryFlags,
    output: Flags.string({
      char: 'o',
      description: 'file (archives) or directory (oci) to write',
      required: true,
    }),
    format: Flags.string({
      description: 'what to write',
      options: ['oci-archive', 'docker-archive', 'oci'],
      default: 'oci-archive',
    }),
    platform: Flags.string({ description: 'docker-archive of a multi-platform image: os/arch[/variant]' }),
    json: Flags.boolean({ description: 'print the result as JSON' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(PullCommand);
    const { pullImage } = await import('../../publish/index.js');
    const client = await readClient(flags);
    try {
      const result = await pullImage(client, parseReference(args.ref, { defaultTag: true }), {
        output: flags.output,
        format: flags.format as 'oci-archive' | 'docker-archive' | 'oci',
        ...(flags.platform === undefined ? {} : { platform: flags.platform }),
      });
      if (flags.json) {
        this.log(JSON.stringify(result, null, 2));
        return;
      }
      this.log(`Pulled ${result.reference} (${result.digest})`);
      this.log(`Wrote ${result.output} as ${result.format}, ${formatBytes(result.size)}`);
    } finally {
      await client.close();
    }
  }
}
