import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/cli/run-hook.ts
var HOOKS = ["environment", "pre-command", "post-command", "pre-exit"];
function isHookName(name) {
  return HOOKS.includes(name);
}
async function runHook(hook, cli, out) {
  const { environmentHook, hookContext, postCommandHook, preCommandHook, preExitHook, renderExports } = await import("./hooks-2H5YYM4R.js");
  const context = hookContext(process.env, cli, (line) => process.stderr.write(`${line}
`));
  switch (hook) {
    case "environment":
      out(renderExports(await environmentHook(context)));
      return;
    case "pre-command":
      out(renderExports(await preCommandHook(context)));
      return;
    case "post-command":
      await postCommandHook(context);
      return;
    case "pre-exit":
      out(renderExports(await preExitHook(context)));
      return;
  }
}

export {
  HOOKS,
  isHookName,
  runHook
};
