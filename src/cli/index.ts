/**
 * The CLI's entry point, bundled into dist/cli.js. oclif's "explicit" command strategy reads the
 * COMMANDS export of this very bundle (package.json `oclif.commands`), so the whole CLI ships as
 * one file with no command directory to scan at start-up.
 */
import { execute, settings } from '@oclif/core';
import { printFailure } from './report-error.js';
import { unknownCommand } from './unknown-command.js';
import BuildkiteHookCommand from './commands/buildkite-hook.js';
import CopyCommand from './commands/copy.js';
import ExampleCommand from './commands/example.js';
import HelpCommand from './commands/help.js';
import InspectCommand from './commands/inspect.js';
import LoginCommand from './commands/login.js';
import LogoutCommand from './commands/logout.js';
import PullCommand from './commands/pull.js';
import PushCommand from './commands/push.js';
import ReferenceCommand from './commands/reference.js';
import RegistryFsckCommand from './commands/registry/fsck.js';
import RegistryGcCommand from './commands/registry/gc.js';
import RegistryServeCommand from './commands/registry/serve.js';
import RegistryTokenCreateCommand from './commands/registry/token/create.js';
import RegistryTokenListCommand from './commands/registry/token/list.js';
import RegistryTokenRevokeCommand from './commands/registry/token/revoke.js';
import TagCommand from './commands/tag.js';
import TagsCommand from './commands/tags.js';
import VersionCommand from './commands/version.js';

/** Command ids (topics separated by `:`, typed with spaces) mapped to their classes. */
export const COMMANDS = {
  'buildkite-hook': BuildkiteHookCommand,
  copy: CopyCommand,
  example: ExampleCommand,
  help: HelpCommand,
  inspect: InspectCommand,
  login: LoginCommand,
  logout: LogoutCommand,
  pull: PullCommand,
  push: PushCommand,
  reference: ReferenceCommand,
  'registry:fsck': RegistryFsckCommand,
  'registry:gc': RegistryGcCommand,
  'registry:serve': RegistryServeCommand,
  'registry:token:create': RegistryTokenCreateCommand,
  'registry:token:list': RegistryTokenListCommand,
  'registry:token:revoke': RegistryTokenRevokeCommand,
  tag: TagCommand,
  tags: TagsCommand,
  version: VersionCommand,
};

/** Runs the CLI with the given arguments (without `node` and the script path). */
export async function run(args: string[]): Promise<void> {
  // The CLI always runs from its bundle: never look for TypeScript sources or a TS loader (oclif
  // would, under NODE_ENV=test or development, and warn when typescript is not installed).
  settings.enableAutoTranspile = false;
  const unknown = unknownCommand(args, Object.keys(COMMANDS));
  if (unknown !== undefined) {
    process.exitCode = printFailure(unknown, { json: args.includes('--json') });
    return;
  }
  await execute({ args, dir: import.meta.url });
}
