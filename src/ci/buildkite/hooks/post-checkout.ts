/**
 * post-checkout hook: agent-level hooks read their configuration here, after the agent checked
 * out this build's commit (`.buildkite/container-package.yml`, or `CONTAINER_PACKAGE_CONFIGURATION_FILE`,
 * with the agent's `CONTAINER_PACKAGE_CONFIG*` variables), and set the job up. A job with no
 * configuration is left alone, silently; so is a step that uses this plugin itself (its
 * environment hook already set the job up). Plugins have nothing to do here.
 */
import { readConfig, type HookContext } from './context.js';
import { setUpJob } from './set-up-job.js';
import type { ShellExports } from './shell.js';
import { STATE_DIR_ENV } from './state.js';

/** Runs the post-checkout hook; resolves the variables to export. */
export async function postCheckoutHook(context: HookContext, now = new Date()): Promise<ShellExports> {
  if (context.mode !== 'agent') return {};
  if (context.env[STATE_DIR_ENV]) {
    context.log(
      "container-package: this step uses the container-package plugin: the agent's hooks leave it to the plugin",
    );
    return {};
  }
  const raw = readConfig(context);
  return raw === undefined ? {} : setUpJob(context, raw, now);
}
