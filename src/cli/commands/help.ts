import { Args, loadHelpClass } from '@oclif/core';
import { BaseCommand } from '../base-command.js';

/** `container-package help [COMMAND...]`: the same help as `--help`, as git and docker offer it. */
export default class HelpCommand extends BaseCommand {
  static override summary = 'Show help for the CLI, a topic or a command.';
  static override examples = ['<%= config.bin %> help', '<%= config.bin %> help registry token create'];
  static override strict = false;
  static override args = { command: Args.string({ description: 'command or topic, e.g. "registry serve"' }) };

  async run(): Promise<void> {
    const Help = await loadHelpClass(this.config);
    await new Help(this.config, this.config.pjson.oclif.helpOptions).showHelp(this.argv);
  }
}
