import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  cacheDir
} from "./chunk-B343HUJE.js";
import "./chunk-MFDBYX32.js";

// src/cli/fast/script-runner.ts
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";
var fs = process.getBuiltinModule("node:fs");
var HEADER = /^\/\/ fast-script ([0-9a-f]{16})\n/;
var PARAMETERS = "exports, require, module, __filename, __dirname, __cpImportMetaUrl, __cpImport";
function scriptCacheDir(env = process.env) {
  return env.NODE_DISABLE_COMPILE_CACHE ? void 0 : join(cacheDir(env), "script-cache");
}
function loadFastScript(files, lazyImport) {
  let source;
  try {
    source = fs.readFileSync(files.script, "latin1");
  } catch {
    return void 0;
  }
  const hash = HEADER.exec(source)?.[1];
  if (hash === void 0) return void 0;
  const cacheFile = files.cacheDirectory === void 0 ? void 0 : join(files.cacheDirectory, `${files.name}-${hash}-${process.version}-${process.arch}.bin`);
  const cachedData = cacheFile === void 0 ? void 0 : readCache(cacheFile);
  let script;
  const module = { exports: {} };
  try {
    script = new Script(`(function (${PARAMETERS}) {${source}
})`, {
      filename: files.script,
      ...cachedData === void 0 ? {} : { cachedData }
    });
    script.runInThisContext()(
      module.exports,
      createRequire(files.script),
      module,
      files.script,
      dirname(files.script),
      pathToFileURL(files.script).href,
      lazyImport
    );
  } catch {
    return void 0;
  }
  const stale = cachedData === void 0 || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    keep() {
      if (cacheFile === void 0 || !stale) return;
      process.once("exit", (code) => {
        if (code === 0) writeCache(cacheFile, files.name, script.createCachedData());
      });
    }
  };
}
function readCache(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return void 0;
  }
}
var CACHE_FILE = /^-[0-9a-f]{16}-v[0-9.]+-\w+\.bin$/;
var CACHES_PER_COMMAND = 4;
function writeCache(file, name, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dirname(file), { recursive: true, mode: 448 });
    fs.writeFileSync(temporary, data, { mode: 384 });
    fs.renameSync(temporary, file);
    const caches = fs.readdirSync(dirname(file)).filter((f) => f.startsWith(`${name}-`) && CACHE_FILE.test(f.slice(name.length))).map((f) => ({ path: join(dirname(file), f), mtimeMs: fs.statSync(join(dirname(file), f)).mtimeMs })).sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const old of caches.slice(CACHES_PER_COMMAND))
      if (old.path !== file) fs.rmSync(old.path, { force: true });
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
    }
  }
}
export {
  CACHES_PER_COMMAND,
  loadFastScript,
  scriptCacheDir
};
