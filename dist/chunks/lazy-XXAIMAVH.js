import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import "./chunk-MFDBYX32.js";

// src/cli/fast/lazy.ts
var MODULES = {
  agent: () => import("./agent-63T2TI2P.js"),
  execa: () => import("./execa-3WJBDWUU.js").then(({ loadExeca }) => loadExeca()),
  "tar-stream": () => import("./tar-stream-2YMVAJFE.js").then(({ loadTarStream }) => loadTarStream()),
  "oclif-handle": () => import("./handle-EN6QVBLO.js"),
  registry: () => import("./registry-2H4WCBAE.js")
};
var LAZY_MODULES = Object.keys(MODULES);
function loadLazy(specifier) {
  const load = specifier.startsWith("lazy:") ? MODULES[specifier.slice("lazy:".length)] : void 0;
  return load === void 0 ? Promise.reject(new Error(`container-package: no lazily loaded module ${specifier}`)) : load();
}
export {
  LAZY_MODULES,
  loadLazy
};
