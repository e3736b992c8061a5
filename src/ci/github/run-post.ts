/**
 * The action's post step (run after the job's other steps, also when main failed or was
 * cancelled): log out of the registries main logged in to, remove the step's docker config, stop
 * the local registry. Safe when main failed early: it acts only on what main saved.
 */
import { existsSync } from 'node:fs';
import * as core from '@actions/core';
import { removeIsolatedDockerConfig } from '../../docker-config/index.js';
import { logout, resolveTarget } from '../../publish/index.js';
import { stopStepRegistry } from './local-registry.js';
import { readStepState } from './state-helper.js';

/**
 * Runs post. Never throws; a cleanup that fails is a warning (the job's outcome is decided), and
 * each cleanup runs even when another failed.
 */
export async function runPost(): Promise<void> {
  const state = readStepState();
  if (state.dockerConfig !== undefined) {
    const dir = state.dockerConfig;
    await attempt(`remove the step's docker config ${dir}`, async () => {
      if (!existsSync(dir)) return;
      for (const prefix of state.loggedIn ?? []) await logout(resolveTarget(prefix), { configDir: dir });
      removeIsolatedDockerConfig(dir);
      core.info(`Removed the step's docker config ${dir}`);
    });
  }
  if (state.localRegistry !== undefined) {
    const local = state.localRegistry;
    await attempt(`stop the local registry at ${local.address}`, async () => {
      await stopStepRegistry(local);
      core.info(`Stopped the local registry at ${local.address}`);
    });
  }
}

async function attempt(what: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    core.warning(`could not ${what}: ${(error as Error).message}`);
  }
}
