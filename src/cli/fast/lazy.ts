/**
 * The modules dist/fast-script.cjs leaves out (see `script.ts`), loaded from dist/'s ES modules when
 * the script asks for one: scripts/build.mjs turns the script's `import()` of each into a call of
 * {@link loadLazy} with `lazy:` and the name it has here. Leaf modules only, whose values cross
 * into the script as plain data, functions and branded errors (see `isContainerPackageError`),
 * never through `instanceof` of a class the script holds its own copy of.
 */
const MODULES: Readonly<Record<string, () => Promise<unknown>>> = {
  agent: () => import('../../client/transport/agent.js'),
  execa: () => import('../../exec/execa.js').then(({ loadExeca }) => loadExeca()),
  'tar-stream': () => import('../../sources/tar-stream.js').then(({ loadTarStream }) => loadTarStream()),
  'oclif-handle': () => import('@oclif/core/handle'),
  registry: () => import('../../registry/index.js'),
};

/** The names of the modules left out. */
export const LAZY_MODULES: readonly string[] = Object.keys(MODULES);

/** Loads the module the script names `lazy:NAME`. */
export function loadLazy(specifier: string): Promise<unknown> {
  const load = specifier.startsWith('lazy:') ? MODULES[specifier.slice('lazy:'.length)] : undefined;
  return load === undefined
    ? Promise.reject(new Error(`container-package: no lazily loaded module ${specifier}`))
    : load();
}
