/**
 * The Buildkite plugin's `local-registry: { mirror: [...] }`: pre-command starts the bundled
 * registry (the real CLI bundle, detached) as a mirror from a generated config, and exports the
 * registry address, the image prefix to pull through and a BuildKit cache reference; pushes to
 * the cache reference work while pushes into the mirror prefix are refused; pre-exit stops it.
 * A mirror entry that cannot be a prefix fails pre-command with the entry named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgent } from '../../src/ci/buildkite/agent.js';
import type { HookContext } from '../../src/ci/buildkite/hooks/context.js';
import { preCommandHook } from '../../src/ci/buildkite/hooks/pre-command.js';
import { preExitHook } from '../../src/ci/buildkite/hooks/pre-exit.js';
import { writeState } from '../../src/ci/buildkite/hooks/state.js';
import { newTempDir } from '../support/temp-dir.js';
import { BIN, requireBundle } from './registry-cli-support.js';
import { pullImage, pushLayeredImage } from './registry-mirror-support.js';
import { send } from './registry-support.js';

async function job(config: unknown): Promise<{ context: HookContext; stateDir: string; lines: string[] }> {
  const stateDir = newTempDir('state');
  await writeState(stateDir, { startedAt: new Date().toISOString(), mode: 'plugin' });
  const env = {
    BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify(config),
    BUILDKITE_PIPELINE_SLUG: 'Web App',
    BUILDKITE_BUILD_NUMBER: '7',
    CONTAINER_PACKAGE_STATE_DIR: stateDir,
  };
  const lines: string[] = [];
  const context: HookContext = {
    env,
    mode: 'plugin',
    agent: createAgent({ env }),
    log: (l) => lines.push(l),
    cli: BIN,
  };
  return { context, stateDir, lines };
}

describe('local-registry with mirror (Buildkite pre-command)', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('starts a mirroring registry and exports its address, mirror prefixes and a BuildKit cache ref', async () => {
    requireBundle();
    const { context, stateDir, lines } = await job({
      'local-registry': { mirror: ['docker.io', 'ghcr.io'] },
    });
    const exports = await preCommandHook(context);
    cleanups.push(() => preExitHook(context));
    const address = exports.CONTAINER_PACKAGE_LOCAL_REGISTRY!;
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(exports).toEqual({
      CONTAINER_PACKAGE_LOCAL_REGISTRY: address,
      CONTAINER_PACKAGE_MIRROR_PREFIX: `${address}/docker.io`,
      CONTAINER_PACKAGE_MIRROR_PREFIXES: `${address}/docker.io ${address}/ghcr.io`,
      CONTAINER_PACKAGE_BUILDKIT_CACHE: `${address}/cache/web-app:buildcache`,
    });
    expect(readFileSync(join(stateDir, 'registry.yaml'), 'utf8')).toBe(
      'mirrors:\n  - docker.io\n  - ghcr.io\n',
    );
    expect(lines.at(-1)).toContain(`mirroring docker.io, ghcr.io at ${address}/docker.io ${address}/ghcr.io`);

    const base = `http://${address}`;
    const cache = await pushLayeredImage(base, 'cache/web-app', 'buildcache', [4096], 1);
    expect((await pullImage(base, 'cache/web-app', 'buildcache')).digest).toBe(cache.digest);
    const refused = await send(base, 'POST', '/v2/docker.io/library/postgres/blobs/uploads/');
    expect([refused.status, refused.errorCode]).toEqual([403, 'DENIED']);

    // The registry says which upstream each prefix caches (checked without reaching Docker Hub).
    const log = readFileSync(join(stateDir, 'registry.log'), 'utf8').split('\n');
    const announced = log.filter((line) => line.includes('"msg":"mirrors"')).map((line) => JSON.parse(line));
    expect(announced.map((line) => line.mirrors)).toEqual([
      [
        { prefix: 'docker.io', upstream: 'https://registry-1.docker.io' },
        { prefix: 'ghcr.io', upstream: 'https://ghcr.io' },
      ],
    ]);
  });

  it('a plain local registry exports the BuildKit cache ref and no mirror prefix', async () => {
    requireBundle();
    const { context } = await job({ 'local-registry': true });
    const exports = await preCommandHook(context);
    cleanups.push(() => preExitHook(context));
    const address = exports.CONTAINER_PACKAGE_LOCAL_REGISTRY!;
    expect(Object.keys(exports).sort()).toEqual([
      'CONTAINER_PACKAGE_BUILDKIT_CACHE',
      'CONTAINER_PACKAGE_LOCAL_REGISTRY',
    ]);
    const pushed = await pushLayeredImage(`http://${address}`, 'docker.io/library/postgres', '16', [1024], 2);
    expect((await pullImage(`http://${address}`, 'docker.io/library/postgres', '16')).digest).toBe(
      pushed.digest,
    );
  });

  it('refuses a mirror entry that cannot be a prefix, naming it', async () => {
    const { context } = await job({ 'local-registry': { mirror: ['localhost:5000'] } });
    await expect(preCommandHook(context)).rejects.toMatchObject({
      code: 'CI_LOCAL_REGISTRY_MIRROR',
      message: expect.stringContaining('mirror[0]: "localhost:5000" is not a repository path'),
    });
  });
});
