/**
 * Runs dist/fast-script.cjs (see `script.ts`) from a V8 code cache written after a run, the way
 * a browser keeps the code cache of a page's scripts.
 *
 * - The cache is one file per command (`push`, `hook-environment`, …) in the user's cache dir, named
 *   after the script's build hash (the build writes it on the script's first line), the Node.js
 *   version and the architecture. V8 checks the rest (its version, flags and the source's length)
 *   and rejects a cache that does not match; a rejected or missing cache is written again.
 * - It is written when the process exits with 0 after the command handled its input, so it holds
 *   the functions that run called, not only the ones compiled while loading. Written 0600 through
 *   a temporary file and a rename, so two jobs at once never read half a cache.
 * - `NODE_DISABLE_COMPILE_CACHE=1` (Node.js's own switch for its compile cache) turns it off.
 * - Anything that keeps the script from loading (no such file, a file the build did not write, a
 *   throw while it loads) returns undefined, and the caller runs the same code as ES modules.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { cacheDir } from '../../cache-dir.js';
import type * as FastScript from './script.js';

// Through process.getBuiltinModule, not `import`: an ES module facade of a built-in reads all its
// exports, and `node:fs`'s stream getters alone load Node.js's streams (about 7 ms here).
const fs = process.getBuiltinModule('node:fs');

/** The first line of a script the build wrote: `// fast-script <build hash>`. */
const HEADER = /^\/\/ fast-script ([0-9a-f]{16})\n/;

/** The script's parameters: CommonJS's, then `import.meta.url` and the loader of `lazy.ts`. */
const PARAMETERS = 'exports, require, module, __filename, __dirname, __cpImportMetaUrl, __cpImport';

/** A script loaded and ready. */
export interface LoadedScript {
  readonly exports: typeof FastScript;
  /**
   * Says the command handled its input: the cache, if it was missing or rejected, is written when
   * the process exits with 0.
   */
  keep(): void;
}

/** Where the script and its cache are. */
export interface ScriptFiles {
  /** dist/fast-script.cjs. */
  readonly script: string;
  /** The cache's name: one per command, since the cache holds what that command ran. */
  readonly name: string;
  /** The directory of the caches; undefined: no cache. */
  readonly cacheDirectory?: string | undefined;
}

/** The directory of the caches, or undefined when `NODE_DISABLE_COMPILE_CACHE` is set. */
export function scriptCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.NODE_DISABLE_COMPILE_CACHE ? undefined : join(cacheDir(env), 'script-cache');
}

/**
 * Loads the script with its cache; `lazyImport` answers its `lazy:` imports. Undefined when it
 * cannot be loaded (see the module comment).
 */
export function loadFastScript(
  files: ScriptFiles,
  lazyImport: (specifier: string) => Promise<unknown>,
): LoadedScript | undefined {
  let source: string;
  try {
    // esbuild's output is ASCII (scripts/build.mjs escapes the rest): latin1 is the cheapest read.
    source = fs.readFileSync(files.script, 'latin1');
  } catch {
    return undefined;
  }
  const hash = HEADER.exec(source)?.[1];
  if (hash === undefined) return undefined;
  const cacheFile =
    files.cacheDirectory === undefined
      ? undefined
      : join(files.cacheDirectory, `${files.name}-${hash}-${process.version}-${process.arch}.bin`);
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  let script: Script;
  const module = { exports: {} as typeof FastScript };
  try {
    script = new Script(`(function (${PARAMETERS}) {${source}\n})`, {
      filename: files.script,
      ...(cachedData === undefined ? {} : { cachedData }),
    });
    (script.runInThisContext() as (...args: unknown[]) => void)(
      module.exports,
      createRequire(files.script),
      module,
      files.script,
      dirname(files.script),
      pathToFileURL(files.script).href,
      lazyImport,
    );
  } catch {
    return undefined;
  }
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    keep() {
      if (cacheFile === undefined || !stale) return;
      process.once('exit', (code) => {
        if (code === 0) writeCache(cacheFile, files.name, script.createCachedData());
      });
    },
  };
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** What follows the command's name in a cache's file name. */
const CACHE_FILE = /^-[0-9a-f]{16}-v[0-9.]+-\w+\.bin$/;

/** Caches kept per command: a few builds and Node.js versions in use side by side on one agent. */
export const CACHES_PER_COMMAND = 4;

/**
 * Writes the cache of command `name`, then removes that command's oldest caches beyond
 * {@link CACHES_PER_COMMAND} (other builds of the script, other Node.js versions), so upgrades
 * do not pile them up. Best effort: a cache that cannot be written only costs the next start its time.
 */
function writeCache(file: string, name: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, file);
    const caches = fs
      .readdirSync(dirname(file))
      .filter((f) => f.startsWith(`${name}-`) && CACHE_FILE.test(f.slice(name.length)))
      .map((f) => ({ path: join(dirname(file), f), mtimeMs: fs.statSync(join(dirname(file), f)).mtimeMs }))
      .sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const old of caches.slice(CACHES_PER_COMMAND))
      if (old.path !== file) fs.rmSync(old.path, { force: true });
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // no such directory either (a cache dir that is a file, say): nothing was left behind
    }
  }
}
