import { Args, Flags } from '@oclif/core';
import { parseReference } from '../../reference/index.js';
import { formatBytes } from '../../render/index.js';
import { BaseCommand } from '../base-command.js';
import { readClient } from '../client.js';
import { registryFlags } from '../shared.js';
import { jsonOutput } from '../../render/json.js';

/** `container-package inspect REF`: what an image in a registry is. */
export default class InspectCommand extends BaseCommand {
  static override summary =
    'Show an image in a registry: digest, platforms, size, layers, labels and checksums.';
  static override description =
    'Also shows what the Buildkite Packages details page does: MD5, SHA1, SHA256 and SHA512 checksums of ' +
    'the manifest, the package size and, with --files, the total number of files (downloads every layer).';

  static override examples = [
    '<%= config.bin %> inspect packages.buildkite.com/acme/images/app:42',
    '<%= config.bin %> inspect 127.0.0.1:5000/team/app:v1 --json --files',
  ];

  static override args = { ref: Args.string({ description: 'image reference', required: true }) };
  static override flags = {
    ...registryFlags,
    json: Flags.boolean({ description: 'print JSON' }),
    files: Flags.boolean({ description: 'count the files in every layer' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(InspectCommand);
    const { inspectImage } = await import('../../publish/index.js');
    const client = await readClient(flags);
    try {
      const result = await inspectImage(client, parseReference(args.ref, { defaultTag: true }), {
        files: flags.files,
      });
      if (flags.json) {
        this.log(jsonOutput(result));
        return;
      }
      this.log(`Reference:   ${result.reference}`);
      this.log(`Digest:      ${result.digest}`);
      this.log(`Media type:  ${result.mediaType}`);
      this.log(`Size:        ${formatBytes(result.size)} (${result.size} bytes)`);
      if (result.platforms) this.log(`Platforms:   ${result.platforms.join(', ')}`);
      if (result.totalFiles !== undefined) this.log(`Total files: ${result.totalFiles}`);
      this.log(`MD5:         ${result.checksums.md5}`);
      this.log(`SHA1:        ${result.checksums.sha1}`);
      this.log(`SHA256:      ${result.checksums.sha256}`);
      this.log(`SHA512:      ${result.checksums.sha512}`);
      for (const image of result.images) {
        this.log('');
        this.log(`${image.platform ?? 'Image'}: ${image.digest}`);
        if (image.created) this.log(`  Created: ${image.created}`);
        for (const [key, value] of Object.entries(image.labels)) this.log(`  Label:   ${key}=${value}`);
        for (const layer of image.layers) this.log(`  Layer:   ${layer.digest} ${formatBytes(layer.size)}`);
        if (image.files !== undefined) this.log(`  Files:   ${image.files}`);
      }
    } finally {
      await client.close();
    }
  }
}
