/**
 * pre-exit hook: stop the local registry, remove the job's docker config (and with it every
 * credential the job logged in with) and the state dir, and give the shell its DOCKER_CONFIG
 * back. Safe to run when earlier hooks failed or never ran, and to run twice.
 */
import { rm } from 'node:fs/promises';
import { removeIsolatedDockerConfig } from '../../../docker-config/index.js';
import type { HookContext } from './context.js';
import type { ShellExports } from './shell.js';
import { readState, STATE_DIR_ENV } from './state.js';

/** Runs the pre-exit hook; resolves the variables to export (or unset). */
export async function preExitHook(context: HookContext): Promise<ShellExports> {
  const stateDir = context.env[STATE_DIR_ENV];
  const state = await readState(stateDir).catch(() => undefined);
  if (state === undefined || stateDir === undefined) return {};
  if (state.localRegistry) {
    const { stopLocalRegistryGracefully } = await import('../../../exec/local-registry.js');
    await stopLocalRegistryGracefully(state.localRegistry.pid);
    if (state.localRegistry.temporary)
      await rm(state.localRegistry.storage, { recursive: true, force: true });
    context.log('container-package: stopped the local registry');
  }
  if (state.dockerConfig) {
    try {
      removeIsolatedDockerConfig(state.dockerConfig);
    } catch (error) {
      context.log(
        `container-package: could not remove ${state.dockerConfig}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  await rm(stateDir, { recursive: true, force: true });
  context.log("container-package: removed the job's docker config and credentials");
  return { DOCKER_CONFIG: state.originalDockerConfig, [STATE_DIR_ENV]: undefined };
}
