import { Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.js';
import { resolveConfig } from '../../serve-registry.js';
import { configFlags, requireStorage } from './shared-flags.js';
import { jsonOutput } from '../../../render/json.js';

/** `container-package registry fsck`: verify every blob and link of a registry's storage. */
export default class RegistryFsckCommand extends BaseCommand {
  static override summary = "Verify the registry storage: every blob's digest and every link.";
  static override description = [
    'Hashes every blob and checks that every layer link, manifest, tag and referrer points at',
    'content that exists. Reads only; repairs nothing. Exits 1 when it finds a problem. Safe to',
    'run while the registry serves.',
  ].join(' ');

  static override examples = [
    '<%= config.bin %> registry fsck --storage /tmp/registry',
    '<%= config.bin %> registry fsck --json',
  ];

  static override flags = {
    ...configFlags,
    json: Flags.boolean({ description: 'print the report as JSON' }),
  };

  async run(): Promise<void> {
    const { describeStorage, openStore } = await import('../../../registry/index.js');
    const { flags } = await this.parse(RegistryFsckCommand);
    const config = await resolveConfig({ config: flags.config, storage: flags.storage });
    if (config.s3 === undefined) requireStorage(config.storage);
    const store = await openStore(config);
    await store.init();
    const report = await store.fsck();
    if (flags.json) {
      this.log(jsonOutput({ storage: describeStorage(config), ...report }));
    } else {
      this.log(
        `${describeStorage(config)}: ${report.blobs} blobs (${report.blobBytes} bytes), ${report.repositories} repositories, ` +
          `${report.manifests} manifests, ${report.tags} tags, ${report.links} layer links`,
      );
      for (const problem of report.problems) this.log(`${problem.kind}: ${problem.path}: ${problem.message}`);
      this.log(report.ok ? 'ok: no problems found' : `${report.problems.length} problem(s) found`);
    }
    if (!report.ok) this.exit(1);
  }
}
