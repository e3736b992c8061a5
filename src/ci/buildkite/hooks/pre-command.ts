/**
 * pre-command hook: log in to every registry the job pushes to (so the command itself can pull
 * from or push to them with docker), and start the local registry when asked, exporting its
 * address to the command.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ContainerPackageError } from '../../../errors.js';
import { startLocalRegistry } from '../../../exec/local-registry.js';
import { login } from '../../../publish/index.js';
import { loadPlan, type HookContext } from './context.js';
import { credentialsFor, publishTarget } from './credentials.js';
import { reportFailure } from './report-failure.js';
import type { ShellExports } from './shell.js';
import { readState, STATE_DIR_ENV, writeState, type JobState } from './state.js';

/** Runs the pre-command hook; resolves the variables to export. */
export async function preCommandHook(context: HookContext): Promise<ShellExports> {
  const stateDir = context.env[STATE_DIR_ENV];
  const state = await readState(stateDir);
  if (state === undefined || stateDir === undefined) return {};
  const plan = loadPlan(context, new Date(state.startedAt));
  if (plan === undefined) return {};

  for (const planned of plan.registries) {
    const target = publishTarget(planned);
    try {
      const credentials = await credentialsFor(context, planned);
      if (credentials === undefined) continue;
      await login(target, credentials, { ...(state.dockerConfig && { configDir: state.dockerConfig }) });
    } catch (error) {
      if (typeof error === 'object' && error !== null && !('publishTarget' in error)) {
        Object.defineProperty(error, 'publishTarget', { value: target, enumerable: false });
      }
      await reportFailure(context, plan, error);
      throw error;
    }
    context.log(`container-package: logged in to ${target.prefix} (${planned.auth.method})`);
  }

  const local = plan.localRegistry;
  if (local === undefined) return {};
  if (local.mirrors.length > 0) {
    throw new ContainerPackageError(
      'CI_LOCAL_REGISTRY_MIRROR',
      'local-registry.mirror is not available yet',
      {
        hint: 'remove `mirror:` to start a plain local registry (pull-through caching lands in a later release)',
      },
    );
  }
  const storage = local.storage ?? join(stateDir, 'registry');
  await mkdir(storage, { recursive: true });
  const registry = await startLocalRegistry({
    cli: context.cli,
    port: local.port,
    storage,
    logDir: stateDir,
  });
  const next: JobState = {
    ...state,
    localRegistry: {
      pid: registry.pid,
      address: registry.address,
      storage,
      temporary: local.storage === undefined,
    },
  };
  await writeState(stateDir, next);
  context.log(`container-package: local registry at ${registry.url} (exported as ${local.exportAs})`);
  return { [local.exportAs]: registry.address };
}
