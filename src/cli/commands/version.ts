import { BaseCommand } from '../base-command.js';

/** `container-package version` (also `-v` and `--version`): the version line. */
export default class VersionCommand extends BaseCommand {
  static override summary = 'Print the version (also -v and --version).';

  async run(): Promise<void> {
    this.log(this.config.userAgent);
  }
}
