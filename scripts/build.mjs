#!/usr/bin/env node
// Bundles the entry points into dist/ with esbuild: one ESM file per entry, the CommonJS script of the
// push and hook paths (dist/fast-script.cjs, see bundleFastScript) and a licenses file.
//
//   node scripts/build.mjs           write dist/
//   node scripts/build.mjs --check   build into a temp dir and fail when dist/ differs (stale bundle)
//
// dist/ is committed: the Buildkite plugin's hooks and the GitHub Action run it straight from a
// checkout, with no `npm ci` on the agent or runner.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { isBuiltin } from 'node:module';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

/**
 * Entry points: source -> bundle name under dist/. The CLI is split: each command loads the code
 * it runs (`await import()` in its `run()`) from a chunk under dist/chunks/, so `--version` or a
 * warm push does not load the registry, and `registry serve` does not load the client. The
 * launcher tries dist/fast.js first (src/cli/fast/: `registry serve`, `buildkite-hook`). The
 * action's entries stay single files (a runner loads all of main.js anyway).
 */
const builds = [
  { entries: { cli: 'src/cli/index.ts', fast: 'src/cli/fast/index.ts' }, splitting: true },
  {
    entries: { 'action/main': 'src/ci/github/main.ts', 'action/post': 'src/ci/github/post.ts' },
    splitting: false,
  },
];

// CommonJS dependencies (oclif, @actions/core) call require() at run time.
const banner = [
  "import { createRequire as __cpCreateRequire } from 'node:module';",
  'const require = __cpCreateRequire(import.meta.url);',
].join('\n');

/**
 * Sources import the root package.json for the version (User-Agent); inline only `name` and
 * `version`, so editing npm scripts does not change the bundles.
 */
const packageFields = {
  name: 'package-fields',
  setup(build) {
    const file = path.join(root, 'package.json');
    build.onLoad({ filter: /package\.json$/ }, async (args) => {
      if (args.path !== file) return undefined;
      const { name, version } = JSON.parse(await readFile(file, 'utf8'));
      return { contents: JSON.stringify({ name, version }), loader: 'json' };
    });
  },
};

/**
 * `node:http` and `node:https` are loaded with require(), not as ES modules. An ESM import of a
 * built-in builds its namespace from every export, running lazy getters: `import … from 'node:http'`
 * evaluates `http.WebSocket` and so loads Node's internal undici (+13 MB RSS, ~20 ms); the
 * same module through require() costs 3.6 MB. esbuild's CommonJS interop reads a property only
 * when the code uses it.
 */
const builtinsViaRequire = {
  name: 'builtins-via-require',
  setup(build) {
    build.onResolve({ filter: /^(node:)?https?$/ }, (args) =>
      // The require() inside the stand-in module is the real built-in.
      args.namespace === 'builtin'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * esbuild escapes non-ASCII characters in strings (its default `charset: 'ascii'`) but keeps them
 * in the comments and regular expressions it preserves (a `→` in a JSDoc comment, js-yaml's curly
 * quotes). One such character makes V8 hold the whole file as a two-byte string and Node.js
 * convert it to UTF-8 to key its compile cache: escape them as `\\uXXXX`, which means the same
 * in a comment, a string and a regular expression.
 */
function asciiOnly(code) {
  // eslint-disable-next-line no-control-regex
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * dist/fast-script.cjs (src/cli/fast/script.ts): the push and hook paths as one CommonJS script,
 * which the launcher runs through `vm.Script` with a code cache. A `vm` script has no `import()`
 * of its own, so the modules it leaves out (`LAZY`: large and rarely run) become calls of
 * `__cpImport`, which src/cli/fast/lazy.ts answers from the ES modules; `import.meta.url` becomes
 * a parameter. Every other module is in the script, and `require()` reaches only Node.js's built-ins.
 */
const fastScript = { entry: 'src/cli/fast/script.ts', out: 'fast-script.cjs' };

/** Modules left out of dist/fast-script.cjs: import specifier (or file under src/) -> lazy.ts name. */
const LAZY = {
  'src/client/transport/agent.ts': 'agent',
  execa: 'execa',
  'tar-stream': 'tar-stream',
  '@oclif/core/handle': 'oclif-handle',
  'src/registry/index.ts': 'registry',
};

const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'lazy-modules' || args.kind === 'entry-point') return undefined;
      const name = LAZY[args.path];
      if (name !== undefined) return { path: `lazy:${name}`, external: true };
      if (!args.path.startsWith('.')) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'lazy-modules',
      });
      const local = LAZY[path.relative(root, resolved.path)];
      return local === undefined ? resolved : { path: `lazy:${local}`, external: true };
    });
  },
};

async function bundleFastScript(outdir) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [fastScript.entry],
    outfile: path.join(outdir, fastScript.out),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    define: { 'import.meta.url': '__cpImportMetaUrl' },
    legalComments: 'none',
    sourcemap: false,
    minify: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [packageFields, lazyModules],
    write: false,
    external: ['typescript', 'ts-node', 'tsx'],
  });
  let code = result.outputFiles[0].text;
  const problems = [];
  if (/\brequire\("lazy:/.test(code)) problems.push('a module of LAZY is imported statically; import() it');
  code = code.replaceAll('import("lazy:', '__cpImport("lazy:');
  if (/\bimport\(/.test(code))
    problems.push('import() left in the script (a vm script has none): add the module to LAZY');
  for (const [, id] of code.matchAll(/\brequire\("([^"]+)"\)/g)) {
    if (!isBuiltin(id)) problems.push(`require("${id}") of a package: bundle it or add it to LAZY`);
  }
  if (problems.length > 0)
    throw new Error(`dist/${fastScript.out}:\n  ${[...new Set(problems)].join('\n  ')}`);
  code = asciiOnly(code);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  await writeFile(path.join(outdir, fastScript.out), `// fast-script ${hash}\n${code}`);
  return result.metafile.inputs;
}

async function bundle(outdir) {
  await mkdir(outdir, { recursive: true });
  const inputs = {};
  for (const { entries, splitting } of builds) {
    const result = await build({
      absWorkingDir: root,
      entryPoints: Object.fromEntries(
        Object.entries(entries).filter(([, src]) => existsSync(path.join(root, src))),
      ),
      outdir,
      chunkNames: 'chunks/[name]-[hash]',
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      banner: { js: banner },
      legalComments: 'none',
      sourcemap: false,
      minify: false,
      metafile: true,
      logLevel: 'warning',
      splitting,
      plugins: [packageFields, builtinsViaRequire],
      write: false,
      // oclif requires typescript only to map dist/ back to src/ in development; we never do that
      // (src/cli/index.ts turns auto-transpile off), and bundling it would add 9 MB.
      external: ['typescript', 'ts-node', 'tsx'],
    });
    for (const file of result.outputFiles) {
      await mkdir(path.dirname(file.path), { recursive: true });
      await writeFile(file.path, file.path.endsWith('.js') ? asciiOnly(file.text) : file.contents);
    }
    Object.assign(inputs, result.metafile.inputs);
  }
  Object.assign(inputs, await bundleFastScript(outdir));
  await writeFile(path.join(outdir, 'licenses.txt'), await licenses({ inputs }));
}

/** The license text of every npm package that ended up in a bundle, sorted by name. */
async function licenses(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match) continue;
    const dir = input.slice(0, match.index + match[0].length);
    packages.set(match[1], dir);
  }
  const parts = [];
  for (const [name, dir] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const pkg = JSON.parse(await readFile(path.join(root, dir, 'package.json'), 'utf8'));
    const files = await readdir(path.join(root, dir));
    const licenseFile = files.find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = licenseFile
      ? (await readFile(path.join(root, dir, licenseFile), 'utf8')).replace(/\r\n?/g, '\n').trim()
      : '';
    parts.push(`${name}@${pkg.version}\nLicense: ${pkg.license ?? 'UNKNOWN'}\n\n${text}\n`);
  }
  return `Third-party software bundled in dist/\n\n${parts.join('\n' + '-'.repeat(72) + '\n\n')}`;
}

async function listFiles(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

if (!check) {
  await rm(path.join(root, 'dist'), { recursive: true, force: true });
  await bundle(path.join(root, 'dist'));
  console.log(`built dist/: ${(await listFiles(path.join(root, 'dist'))).join(', ')}`);
} else {
  const tmp = await mkdtemp(path.join(tmpdir(), 'container-package-dist-'));
  try {
    await bundle(tmp);
    const want = await listFiles(tmp);
    const have = await listFiles(path.join(root, 'dist'));
    const problems = [];
    for (const f of new Set([...want, ...have])) {
      if (!want.includes(f)) problems.push(`dist/${f} is not produced by the sources any more`);
      else if (!have.includes(f)) problems.push(`dist/${f} is missing`);
      else if (!(await readFile(path.join(tmp, f))).equals(await readFile(path.join(root, 'dist', f))))
        problems.push(`dist/${f} differs from a fresh build`);
    }
    if (problems.length > 0) {
      console.error(`dist/ is stale:\n  ${problems.join('\n  ')}\nRun \`npm run build\` and commit dist/.`);
      process.exitCode = 1;
    } else {
      console.log(`dist/ is up to date (${want.length} files)`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
