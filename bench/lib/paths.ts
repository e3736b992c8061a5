/** Where things are: the repository, the CLI launcher and its bundle, and the tools on PATH. */
import { accessSync, constants, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError } from './errors.js';

/** The repository root (the directory holding package.json). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** `bin/container-package`, the launcher users run. */
export const CLI = join(ROOT, 'bin', 'container-package');
/** The bundle the launcher loads. */
export const CLI_BUNDLE = join(ROOT, 'dist', 'cli.js');

/** The absolute path of `name` on PATH, or undefined. */
export function findTool(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The absolute path of `name` on PATH.
 *
 * @throws BenchError `BENCH_MISSING_TOOL` saying how to install it
 */
export function requireTool(name: string): string {
  const found = findTool(name);
  if (found === undefined) {
    throw new BenchError('BENCH_MISSING_TOOL', `${name} is not on PATH; the benchmark needs it`, {
      hint: 'run scripts/install-test-deps.sh (as root) to install skopeo and docker-registry',
    });
  }
  return found;
}

/**
 * Checks that dist/cli.js exists, and says (returns a warning) when a file under src/ is newer:
 * the benchmark then measures an older build than the sources.
 *
 * @throws BenchError `BENCH_STALE_BUILD` when dist/cli.js is missing
 */
export async function checkBuild(): Promise<string | undefined> {
  let built: number;
  try {
    built = statSync(CLI_BUNDLE).mtimeMs;
  } catch {
    throw new BenchError('BENCH_STALE_BUILD', `${CLI_BUNDLE} does not exist`, {
      hint: 'run npm run build first',
    });
  }
  const entries = await readdir(join(ROOT, 'src'), { recursive: true, withFileTypes: true });
  const newer = entries.find((e) => e.isFile() && statSync(join(e.parentPath, e.name)).mtimeMs > built);
  if (newer === undefined) return undefined;
  return `dist/cli.js is older than ${join(newer.parentPath, newer.name)}: run npm run build to measure the current sources`;
}
