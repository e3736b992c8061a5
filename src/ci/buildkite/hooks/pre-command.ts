/**
 * pre-command hook: log in to every registry the job pushes to (so the command itself can pull
 * from or push to them with docker), proving that each image may be pushed there (so a token or
 * OIDC policy that does not allow it fails the job before the command runs), and start the local registry when asked, exporting its
 * address to the command; with `mirror`, as a pull-through cache of those registries (a config
 * file written to the job's state dir), exporting the image prefix to pull through and a BuildKit
 * cache reference.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ContainerPackageError } from '../../../errors.js';
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
      // The client loads only for a registry the job logs in to; the registry only when one starts.
      const { login } = await import('../../../publish/index.js');
      await login(target, credentials, {
        ...(state.dockerConfig && { configDir: state.dockerConfig }),
        // Prove the push, not just the login: a policy that does not match fails here, before the command.
        // (With `push: never` nothing will be pushed, so only the login is checked.)
        pushTo: plan.push.push ? [...new Set(plan.images.map((image) => image.name))] : [],
        client: { retries: plan.retries },
      });
    } catch (error) {
      if (typeof error === 'object' && error !== null && !('publishTarget' in error)) {
        Object.defineProperty(error, 'publishTarget', { value: target, enumerable: false });
      }
      await reportFailure(context, plan, error, 'login');
      throw error;
    }
    const proven = plan.push.push ? `; it may push ${plan.images.map((i) => i.name).join(', ')}` : '';
    context.log(`container-package: logged in to ${target.prefix} (${planned.auth.method})${proven}`);
  }

  const local = plan.localRegistry;
  if (local === undefined) return {};
  const [{ startLocalRegistry }, { localRegistryEnv, MIRROR_PREFIXES_ENV }] = await Promise.all([
    import('../../../exec/local-registry.js'),
    import('../../../publish/index.js'),
  ]);
  const storage = local.storage ?? join(stateDir, 'registry');
  await mkdir(storage, { recursive: true });
  const args = local.mirrors.length > 0 ? ['--config', await writeMirrorConfig(stateDir, local.mirrors)] : [];
  const registry = await startLocalRegistry({
    cli: context.cli,
    port: local.port,
    storage,
    logDir: stateDir,
    args,
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
  const exports: Record<string, string> = {
    [local.exportAs]: registry.address,
    ...localRegistryEnv(registry.address, local.mirrors, context.env.BUILDKITE_PIPELINE_SLUG),
  };
  const prefixes = exports[MIRROR_PREFIXES_ENV]?.split(' ') ?? [];
  const mirrors =
    prefixes.length === 0 ? '' : `, mirroring ${local.mirrors.join(', ')} at ${prefixes.join(' ')}`;
  context.log(
    `container-package: local registry at ${registry.url} (exported as ${local.exportAs})${mirrors}`,
  );
  return exports;
}

/**
 * Writes the registry config of a mirroring local registry to the job's state dir (see
 * `localMirrorConfig`: `docker.io` caches Docker Hub, `ghcr.io` caches https://ghcr.io).
 *
 * @throws ContainerPackageError `CI_LOCAL_REGISTRY_MIRROR` naming the entry and what is wrong
 */
async function writeMirrorConfig(stateDir: string, mirrors: readonly string[]): Promise<string> {
  const { localMirrorConfig } = await import('../../../registry/index.js');
  let text: string;
  try {
    text = localMirrorConfig(mirrors);
  } catch (error) {
    throw new ContainerPackageError(
      'CI_LOCAL_REGISTRY_MIRROR',
      (error as Error).message.replace('mirrors[', 'mirror['),
      {
        hint: 'list registry hosts to cache, such as docker.io, ghcr.io or packages.buildkite.com/ORG/REGISTRY (lowercase, no port)',
        cause: error,
      },
    );
  }
  const file = join(stateDir, 'registry.yaml');
  await writeFile(file, text, { mode: 0o600 });
  return file;
}
