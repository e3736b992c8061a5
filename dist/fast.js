import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import "./chunks/chunk-MFDBYX32.js";

// src/cli/fast/index.ts
import { fileURLToPath } from "node:url";
var CLI = fileURLToPath(new URL("../bin/container-package", import.meta.url));
var SCRIPT = fileURLToPath(new URL("./fast-script.cjs", import.meta.url));
async function runFast(args) {
  if (args[0] === "registry" && args[1] === "serve") {
    const { serveFast } = await import("./chunks/serve-YPP27Y5D.js");
    return serveFast(args.slice(2));
  }
  if (args[0] === "push") {
    const script = await loadScript("push");
    const { pushFast } = script?.exports ?? await import("./chunks/push-4RVACTJM.js");
    return kept(script, await pushFast(args.slice(1)));
  }
  if (args[0] === "buildkite-hook") {
    const script = await loadScript(`hook-${args[1] ?? ""}`);
    const { hookFast } = script?.exports ?? await import("./chunks/hook-6OTVUWQX.js");
    return kept(script, await hookFast(args.slice(1), CLI));
  }
  return false;
}
async function loadScript(name) {
  const { loadFastScript, scriptCacheDir } = await import("./chunks/script-runner-S4ZI3NLM.js");
  const cacheDirectory = /^[a-z-]+$/.test(name) ? scriptCacheDir() : void 0;
  return loadFastScript(
    { script: SCRIPT, name, cacheDirectory },
    (specifier) => import("./chunks/lazy-XXAIMAVH.js").then(({ loadLazy }) => loadLazy(specifier))
  );
}
function kept(script, handled) {
  if (handled) script?.keep();
  return handled;
}
export {
  runFast
};
