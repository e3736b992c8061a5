import { Flags } from '@oclif/core';
import { formatBytes } from '../../../render/bytes.js';
import { BaseCommand } from '../../base-command.js';
import { resolveConfig } from '../../serve-registry.js';
import { configFlags, requireStorage } from './shared-flags.js';
import { jsonOutput } from '../../../render/json.js';

/** `container-package registry gc`: free the content no manifest references. */
export default class RegistryGcCommand extends BaseCommand {
  static override summary =
    'Free registry storage no manifest references (or, with --dry-run, say how much).';
  static override description = [
    'Marks every blob reached from a manifest of any repository (configs, layers, index children;',
    'tagged or not), then removes the rest: content of deleted manifests, abandoned uploads. Content',
    'written or read within the grace period is kept, so it is safe while the registry serves as long',
    'as pushes take less than the grace period. A running registry also collects by itself (gc.interval).',
    'Refused while another collection runs on the same storage directory.',
  ].join(' ');

  static override examples = [
    '<%= config.bin %> registry gc --storage /var/lib/registry --dry-run',
    '<%= config.bin %> registry gc --grace 10m --json',
  ];

  static override flags = {
    ...configFlags,
    'dry-run': Flags.boolean({ description: 'only count what would be freed' }),
    grace: Flags.string({
      description:
        "keep content written or read within this long (30s, 10m, 1h). Default: the config's gc.grace, else 1h",
      helpValue: 'DURATION',
    }),
    json: Flags.boolean({ description: 'print the report as JSON' }),
  };

  async run(): Promise<void> {
    const { collectGarbageAt, describeStorage, openStore, parseDurationFlag } =
      await import('../../../registry/index.js');
    const { flags } = await this.parse(RegistryGcCommand);
    const config = await resolveConfig({ config: flags.config, storage: flags.storage });
    const graceMs = flags.grace === undefined ? config.gc.graceMs : parseDurationFlag('--grace', flags.grace);
    if (config.s3 === undefined) requireStorage(config.storage);
    const store = await openStore(config);
    await store.init();
    const report = await collectGarbageAt(store, { dryRun: flags['dry-run'], graceMs });
    if (flags.json) {
      this.log(jsonOutput({ storage: describeStorage(config), ...report }));
      return;
    }
    const verb = report.dryRun ? 'would free' : 'freed';
    this.log(
      `${describeStorage(config)}: ${report.blobs} blobs (${formatBytes(report.bytes)}), ${report.liveBlobs} referenced; ` +
        `${verb} ${report.freedBlobs} (${formatBytes(report.freedBytes)}); ` +
        `kept ${report.keptRecent} unreferenced blob(s) used within ${duration(graceMs)}` +
        (report.danglingLinks > 0
          ? `; removed ${report.danglingLinks} layer link(s) to missing content`
          : '') +
        (report.derivedRemoved > 0
          ? `; ${report.dryRun ? 'would remove' : 'removed'} ${report.derivedRemoved} cached file list(s) of deleted images`
          : ''),
    );
  }
}

/** `1h30m`, `10m`, `45s`, `500ms`, `0s`: the config's own duration syntax. */
function duration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}
