import { BaseCommand } from '../base-command.js';
import { runPush } from '../push-action.js';
import { PUSH_ARG_SPECS, PUSH_FLAG_SPECS } from '../flag-specs.js';
import { oclifArgs, oclifFlags } from '../oclif-flags.js';

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
    'Each --to is host[:port]/path/name[:tag]; --tag adds tags to every destination. Credentials come ' +
      'from the docker config (see `container-package login`). With --json, only the result is printed.',
  ].join('\n');

  static override examples = [
    '<%= config.bin %> push docker:app:ci --to packages.buildkite.com/acme/images/app --tag 42 --tag latest',
    '<%= config.bin %> push oci:./build/image --to 127.0.0.1:5000/team/app:v1 --json',
    '<%= config.bin %> push docker-archive:app.tar --to ghcr.io/acme/app:v1 --compression zstd',
  ];

  static override args = oclifArgs(PUSH_ARG_SPECS);
  static override flags = oclifFlags(PUSH_FLAG_SPECS);

  async run(): Promise<void> {
    const { args, flags } = await this.parse(PushCommand);
    await runPush({ ...flags, source: args.source }, (line) => this.log(line));
  }
}
