import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import "./chunks/chunk-DSYMQGUV.js";

// src/cli/fast/index.ts
import { fileURLToPath } from "node:url";
var CLI = fileURLToPath(new URL("../bin/container-package", import.meta.url));
async function runFast(args) {
  if (args[0] === "registry" && args[1] === "serve") {
    const { serveFast } = await import("./chunks/serve-5Z65MDA3.js");
    return serveFast(args.slice(2));
  }
  if (args[0] === "push") {
    const { pushFast } = await import("./chunks/push-K3BE74IG.js");
    return pushFast(args.slice(1));
  }
  if (args[0] === "buildkite-hook") {
    const { hookFast } = await import("./chunks/hook-UL33JFBC.js");
    return hookFast(args.slice(1), CLI);
  }
  return false;
}
export {
  runFast
};
