/**
 * The launcher's fast paths (bundled as dist/fast.js): commands that automation runs over and
 * over (`push`, `buildkite-hook`, `registry serve`; the launcher answers `--version` itself), served without loading oclif (about 60 ms of every start, and 16 MiB that a long-running
 * registry would keep). `bin/container-package` calls {@link runFast} first and loads the full
 * CLI only when it returns false. Each path takes only input it can read exactly as the oclif
 * command would, and leaves anything else (`--help`, an unknown flag, a bad value) to it;
 * failures are printed by report-error.ts, as the oclif commands print them, so they read and exit the same.
 */
import { fileURLToPath } from 'node:url';
import type { LoadedScript } from './script-runner.js';

/** The launcher, for processes the hooks start (this file is dist/fast.js). */
const CLI = fileURLToPath(new URL('../bin/container-package', import.meta.url));

/** The push and hook paths as one script with a code cache (see `script.ts`). */
const SCRIPT = fileURLToPath(new URL('./fast-script.cjs', import.meta.url));

/**
 * Runs `args` (what follows `container-package`) when a fast path takes them, and returns true
 * once it is done; returns false, having done nothing, otherwise.
 */
export async function runFast(args: readonly string[]): Promise<boolean> {
  if (args[0] === 'registry' && args[1] === 'serve') {
    const { serveFast } = await import('./serve.js');
    return serveFast(args.slice(2));
  }
  if (args[0] === 'push') {
    const script = await loadScript('push');
    const { pushFast } = script?.exports ?? (await import('./push.js'));
    return kept(script, await pushFast(args.slice(1)));
  }
  if (args[0] === 'buildkite-hook') {
    const script = await loadScript(`hook-${args[1] ?? ''}`);
    const { hookFast } = script?.exports ?? (await import('./hook.js'));
    return kept(script, await hookFast(args.slice(1), CLI));
  }
  return false;
}

/** dist/fast-script.cjs with the cache `name`; undefined when it cannot be loaded. */
async function loadScript(name: string): Promise<LoadedScript | undefined> {
  const { loadFastScript, scriptCacheDir } = await import('./script-runner.js');
  const cacheDirectory = /^[a-z-]+$/.test(name) ? scriptCacheDir() : undefined;
  return loadFastScript({ script: SCRIPT, name, cacheDirectory }, (specifier) =>
    import('./lazy.js').then(({ loadLazy }) => loadLazy(specifier)),
  );
}

/** Keeps the script's cache once the command has handled its input. */
function kept(script: LoadedScript | undefined, handled: boolean): boolean {
  if (handled) script?.keep();
  return handled;
}
