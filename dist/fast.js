import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import "./chunks/chunk-MFDBYX32.js";

// src/cli/fast/index.ts
import { fileURLToPath } from "node:url";
var CLI = fileURLToPath(new URL("../bin/container-package", import.meta.url));
async function runFast(args) {
  if (args[0] === "--version") {
    const { versionFast } = await import("./chunks/version-WRYX5IF2.js");
    return versionFast();
  }
  if (args[0] === "registry" && args[1] === "serve") {
    const { serveFast } = await import("./chunks/serve-AEUGRTRF.js");
    return serveFast(args.slice(2));
  }
  if (args[0] === "push") {
    const { pushFast } = await import("./chunks/push-SZNY4MF5.js");
    return pushFast(args.slice(1));
  }
  if (args[0] === "buildkite-hook") {
    const { hookFast } = await import("./chunks/hook-BNPYQ5E3.js");
    return hookFast(args.slice(1), CLI);
  }
  return false;
}
export {
  runFast
};
