import { fileURLToPath } from 'node:url';
import { Args } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { HOOKS, runHook } from '../run-hook.js';

/**
 * `container-package buildkite-hook NAME`: what the plugin's bash hooks run. Prints only shell
 * `export`/`unset` lines on stdout (the hook evaluates them, so they reach later hooks and the
 * command); everything else goes to stderr, which the agent shows in the job log. The launcher
 * normally runs it without oclif (src/cli/fast/); this command serves `--help` and odd input.
 */
export default class BuildkiteHookCommand extends BaseCommand {
  static override hidden = true;
  static override summary = 'Run one of the Buildkite plugin hooks (called by hooks/*).';
  static override args = {
    hook: Args.string({ description: 'hook name', required: true, options: [...HOOKS] }),
  };

  async run(): Promise<void> {
    const { args } = await this.parse(BuildkiteHookCommand);
    const cli = fileURLToPath(new URL('../bin/container-package', import.meta.url));
    await runHook(args.hook as (typeof HOOKS)[number], cli, (line) => this.log(line));
  }
}
