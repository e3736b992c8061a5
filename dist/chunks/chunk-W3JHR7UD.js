import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/cli/run-hook.ts
var HOOKS = ["environment", "post-checkout", "pre-command", "post-command", "pre-exit"];
function isHookName(name) {
  return HOOKS.includes(name);
}
async function runHook(hook, cli, out) {
  const [{ runHook: runBuildkiteHook }, { renderExports }] = await Promise.all([
    import("./run-GNBJMBTG.js"),
    import("./shell-3KUXV2YW.js")
  ]);
  const exports = await runBuildkiteHook(hook, process.env, cli, (line) => process.stderr.write(`${line}
`));
  if (hook !== "post-command") out(renderExports(exports));
}

export {
  HOOKS,
  isHookName,
  runHook
};
