/**
 * The bundled registry for the rest of the job: started by main (`registry serve` of this
 * action's own checkout, on a free 127.0.0.1 port, with storage under `RUNNER_TEMP`) and stopped
 * by post, which checks that the PID is still that registry before signalling it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalRegistry, stopLocalRegistryGracefully } from '../../exec/local-registry.js';
import { localMirrorConfig } from '../../registry/index.js';
import { ActionError } from './errors.js';
import type { LocalRegistryState } from './state-helper.js';

/**
 * `bin/container-package` of the checkout this code runs from: the first directory above this
 * module (`dist/action/` in the bundle, `src/ci/github/` in development) that holds it next to
 * `action.yml`.
 *
 * @throws {ActionError} `CI_ACTION_INCOMPLETE` when the checkout lacks it
 */
export function actionCli(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    const cli = join(dir, 'bin', 'container-package');
    if (existsSync(cli) && existsSync(join(dir, 'action.yml'))) return cli;
    dir = dirname(dir);
  }
  throw new ActionError(
    'CI_ACTION_INCOMPLETE',
    `cannot find bin/container-package above ${from}: the action's checkout is incomplete`,
    {
      hint: 'Use the action by a release tag or commit (`uses: ORG/container-package@v1`), which includes bin/ and dist/.',
    },
  );
}

/**
 * Starts the registry: storage and log in a new `container-package-registry-*` directory under
 * `tmpRoot` (`RUNNER_TEMP`), removed by {@link stopStepRegistry}.
 *
 * @throws ExecError `EXEC_FAILED` with the log's tail when it does not start
 */
export async function startStepRegistry(
  tmpRoot: string,
  cli: string = actionCli(),
  mirrors: readonly string[] = [],
): Promise<LocalRegistryState> {
  const storage = mkdtempSync(join(tmpRoot, 'container-package-registry-'));
  try {
    const args: string[] = [];
    if (mirrors.length > 0) {
      // Checked here (a bad entry names the input) before the registry reads it.
      const config = join(storage, 'registry.yml');
      writeFileSync(config, localMirrorConfig(mirrors, 'local-registry-mirror'), { mode: 0o600 });
      args.push('--config', config);
    }
    const started = await startLocalRegistry({
      cli,
      port: 0,
      storage: join(storage, 'data'),
      logDir: storage,
      args,
    });
    return { pid: started.pid, address: started.address, storage };
  } catch (error) {
    rmSync(storage, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Stops the registry main started and removes its storage. A PID that is no longer that
 * registry (it exited and the PID was reused) is not signalled. Safe to call twice.
 */
export async function stopStepRegistry(state: LocalRegistryState): Promise<void> {
  if (isOurRegistry(state)) await stopLocalRegistryGracefully(state.pid);
  rmSync(state.storage, { recursive: true, force: true });
}

/** True when `pid`'s command line names the registry's storage (Linux `/proc`); without `/proc`, trusts the state. */
function isOurRegistry(state: LocalRegistryState): boolean {
  if (!existsSync('/proc/self/cmdline')) return true;
  try {
    const argv = readFileSync(`/proc/${state.pid}/cmdline`, 'utf8').split('\0');
    return argv.includes('serve') && argv.some((arg) => arg.startsWith(state.storage));
  } catch {
    return false;
  }
}
