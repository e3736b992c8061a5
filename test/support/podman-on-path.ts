/**
 * Code under test runs `podman` from PATH (the engine source does); this puts a wrapper first on
 * PATH that runs it the harness's way: private /var/lib/containers, the test's storage,
 * registries.conf and policy.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerTools } from './containers.js';
import { newTempDir } from './temp-dir.js';

/** An environment (over `process.env` and the tools' own) whose `podman` is the harness's. */
export async function podmanOnPath(tools: ContainerTools): Promise<NodeJS.ProcessEnv> {
  const line = await tools.commandLine('podman', []);
  const bin = join(newTempDir('podman-bin'), 'bin');
  mkdirSync(bin);
  const quoted = [line.command, ...line.args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  writeFileSync(join(bin, 'podman'), `#!/bin/sh\nexec ${quoted} "$@"\n`);
  chmodSync(join(bin, 'podman'), 0o755);
  return { ...process.env, ...tools.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
}
