/**
 * environment hook: validate the configuration (the agent does not), plan, and give the job its
 * own DOCKER_CONFIG — a copy of the agent's config without credentials for our registries, but
 * with its buildx builders, contexts, CLI plugins and other registries' helpers.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIsolatedDockerConfig } from '../../../docker-config/index.js';
import { loadPlan, type HookContext } from './context.js';
import type { ShellExports } from './shell.js';
import { STATE_DIR_ENV, writeState } from './state.js';

/** Runs the environment hook; resolves the variables to export. */
export async function environmentHook(context: HookContext, now = new Date()): Promise<ShellExports> {
  const plan = loadPlan(context, now);
  if (plan === undefined) {
    context.log('container-package: no configuration for this job (agent-level hook): nothing to do');
    return {};
  }
  const stateDir = await mkdtemp(join(context.env.TMPDIR || tmpdir(), 'container-package-job-'));
  const original = context.env.DOCKER_CONFIG;
  const isolated = createIsolatedDockerConfig({
    ...(original ? { source: original } : {}),
    registriesToDrop: [...plan.credentialScopes],
    tmpRoot: stateDir,
    env: context.env,
  });
  await writeState(stateDir, {
    startedAt: now.toISOString(),
    mode: context.mode,
    dockerConfig: isolated.dir,
    ...(original !== undefined && { originalDockerConfig: original }),
  });
  const images = plan.images.map((i) => `${i.source} → ${i.name}:${i.tags.join(',')}`).join('; ');
  context.log(`container-package: ${plan.push.reason}; images: ${images}`);
  context.log(`container-package: this job's docker config is ${isolated.dir}`);
  return { [STATE_DIR_ENV]: stateDir, DOCKER_CONFIG: isolated.dir };
}
