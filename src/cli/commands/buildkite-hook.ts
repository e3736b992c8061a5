import { fileURLToPath } from 'node:url';
import { Args } from '@oclif/core';
import { BaseCommand } from '../base-command.js';

const HOOKS = ['environment', 'pre-command', 'post-command', 'pre-exit'] as const;

/**
 * `container-package buildkite-hook NAME`: what the plugin's bash hooks run. Prints only shell
 * `export`/`unset` lines on stdout (the hook evaluates them, so they reach later hooks and the
 * command); everything else goes to stderr, which the agent shows in the job log.
 */
export default class BuildkiteHookCommand extends BaseCommand {
  static override hidden = true;
  static override summary = 'Run one of the Buildkite plugin hooks (called by hooks/*).';
  static override args = {
    hook: Args.string({ description: 'hook name', required: true, options: [...HOOKS] }),
  };

  async run(): Promise<void> {
    const { args } = await this.parse(BuildkiteHookCommand);
    const { environmentHook, hookContext, postCommandHook, preCommandHook, preExitHook, renderExports } =
      await import('../../ci/buildkite/hooks/index.js');
    const cli = fileURLToPath(new URL('../bin/container-package', import.meta.url));
    const context = hookContext(process.env, cli, (line) => process.stderr.write(`${line}\n`));
    switch (args.hook) {
      case 'environment':
        this.log(renderExports(await environmentHook(context)));
        return;
      case 'pre-command':
        this.log(renderExports(await preCommandHook(context)));
        return;
      case 'post-command':
        await postCommandHook(context);
        return;
      case 'pre-exit':
        this.log(renderExports(await preExitHook(context)));
        return;
    }
  }
}
