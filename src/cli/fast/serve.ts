/**
 * The fast path for `container-package registry serve` (see `index.ts`): the same flags read with `node:util`'s parseArgs instead of oclif, so
 * the long-running registry neither waits for oclif to load nor keeps it in memory (about 16 MiB
 * of its 100 MiB budget while streaming: see bench/README.md). Anything it does not take as is
 * (help, a flag it does not know, a value oclif would reject) and any failure before the registry
 * listens is left to the oclif command, which runs the same steps and reports the error in the
 * CLI's usual form.
 */
import { parseArgs } from 'node:util';
import { resolveConfig, serveOverrides, serveRegistry } from '../serve-registry.js';
import { failLikeOclif } from './fail.js';

/** Flags of `registry serve`, as its oclif command declares them (a test keeps the two equal). */
export const SERVE_FLAGS = {
  listen: { type: 'string' },
  config: { type: 'string' },
  storage: { type: 'string' },
  'insecure-listen': { type: 'boolean' },
  workers: { type: 'string' },
} as const;

/**
 * Serves the registry when `args` (what follows `registry serve`) are plain flags it knows, until
 * a signal stops it, and returns true; returns false, having done nothing, otherwise.
 */
export async function serveFast(args: readonly string[]): Promise<boolean> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: SERVE_FLAGS,
      strict: true,
      allowPositionals: false,
    }));
  } catch {
    return false;
  }
  let config;
  try {
    config = await resolveConfig(serveOverrides(values));
  } catch {
    return false;
  }
  let listening = false;
  try {
    await serveRegistry(config, () => {
      listening = true;
    });
  } catch (error) {
    if (!listening) return false;
    // A failure once it serves (workers that keep dying: REGISTRY_WORKER_FAILED) is printed as
    // the oclif command prints it, not thrown to the launcher (Node's dump of an uncaught error).
    return failLikeOclif(error);
  }
  return true;
}
