/**
 * Sets a job up once its configuration is known: validate (the agent does not), plan, and give
 * the job its own DOCKER_CONFIG — a copy of the agent's config without credentials for our
 * registries, but with its buildx builders, contexts, CLI plugins and other registries' helpers.
 * The environment hook does it for a plugin, post-checkout for agent-level hooks.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIsolatedDockerConfig } from '../../../docker-config/index.js';
import type { RawConfig } from '../inputs.js';
import { planFrom, type HookContext } from './context.js';
import type { ShellExports } from './shell.js';
import { STATE_DIR_ENV, writeState } from './state.js';

/** Plans `raw` and creates the job's state dir and docker config; resolves the variables to export. */
export async function setUpJob(context: HookContext, raw: RawConfig, now: Date): Promise<ShellExports> {
  const plan = planFrom(context, raw, now);
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
    ...(context.mode === 'agent' && { config: raw }),
    dockerConfig: isolated.dir,
    ...(original !== undefined && { originalDockerConfig: original }),
  });
  const images = plan.images.map((i) => `${i.source} → ${i.name}:${i.tags.join(',')}`).join('; ');
  context.log(`container-package: ${plan.push.reason}; images: ${images}`);
  context.log(`container-package: this job's docker config is ${isolated.dir}`);
  return { [STATE_DIR_ENV]: stateDir, DOCKER_CONFIG: isolated.dir };
}
