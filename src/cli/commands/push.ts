import { Args, Flags } from '@oclif/core';
import { ContainerPackageError } from '../../errors.js';
import type { PublishedImage } from '../../render/index.js';
import { parseTag } from '../../reference/index.js';
import { COMPRESSIONS, type Compression } from '../../sources/index.js';
import { BaseCommand } from '../base-command.js';
import { Progress } from '../progress.js';
import { parseDestination, registryFlags } from '../shared.js';

/** `container-package push SOURCE --to REF`: push an image from an engine, a layout, an archive or a registry. */
export default class PushCommand extends BaseCommand {
  static override summary = 'Push an image to one or more registries and tags, and print its digest.';
  static override description = [
    'SOURCE is where the image is:',
    '  docker:REF / podman:REF            an image in the local engine (pushed with its own CLI)',
    '  oci:DIR[:NAME|@DIGEST]             an OCI image layout directory',
    '  oci-archive:FILE[:NAME]            an OCI layout in a tar file',
    '  docker-archive:FILE[:REF|:@N]      `docker save` output (layers are compressed on the way)',
    '  REF or docker://REF                an image in a registry (a copy)',
    'Each --to is host[:port]/path/name[:tag]; --tag adds tags to every destination. Credentials come',
    'from the docker config (see `container-package login`). With --json, only the result is printed.',
  ].join('\n');

  static override examples = [
    '<%= config.bin %> push docker:app:ci --to packages.buildkite.com/acme/images/app --tag 42 --tag latest',
    '<%= config.bin %> push oci:./build/image --to 127.0.0.1:5000/team/app:v1 --json',
    '<%= config.bin %> push docker-archive:app.tar --to ghcr.io/acme/app:v1 --compression zstd',
  ];

  static override args = {
    source: Args.string({ description: 'image source', required: true }),
  };

  static override flags = {
    ...registryFlags,
    to: Flags.string({ description: 'destination reference; repeatable', required: true, multiple: true }),
    tag: Flags.string({ char: 't', description: 'tag for every destination; repeatable', multiple: true }),
    json: Flags.boolean({ description: 'print the result as JSON and nothing else' }),
    compression: Flags.string({
      description: 'compression of uncompressed layers',
      options: [...COMPRESSIONS],
      default: 'gzip',
    }),
    concurrency: Flags.integer({ description: 'blobs uploaded in parallel', min: 1, default: 4 }),
    retries: Flags.integer({
      description: 'retries of a failed request (5xx, 429, resets)',
      min: 0,
      default: 5,
    }),
  };

  async run(): Promise<void> {
    const { publish } = await import('../../publish/index.js');
    const { args, flags } = await this.parse(PushCommand);
    const extraTags = (flags.tag ?? []).map((t) => parseTag(t));
    const progress = new Progress({ stream: process.stderr, ...(flags.json && { mode: 'none' as const }) });
    const results: PublishedImage[] = [];
    try {
      for (const to of flags.to) {
        const destination = parseDestination(to, flags.org);
        const tags = [...new Set([...(destination.tag ? [destination.tag] : []), ...extraTags])];
        if (tags.length === 0) tags.push('latest');
        results.push(
          ...(await publish({
            images: [{ source: args.source, name: destination.name, tags }],
            registries: [destination.target],
            ...(flags['docker-config'] && { dockerConfig: flags['docker-config'] }),
            ...(flags.org && { organization: flags.org }),
            compression: flags.compression as Compression,
            client: {
              insecure: flags.insecure ?? [],
              concurrency: flags.concurrency,
              retries: flags.retries,
            },
            onEvent: progress.onEvent,
          })),
        );
      }
    } finally {
      progress.stop();
    }
    if (results.length === 0) throw new ContainerPackageError('CLI_NOTHING_PUSHED', 'nothing was pushed');
    if (flags.json) {
      this.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
      return;
    }
    for (const result of results) {
      for (const reference of result.references) this.log(`${reference}@${result.digest}`);
    }
  }
}
