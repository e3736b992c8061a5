import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  hookContext
} from "./chunk-JSBLYXON.js";
import {
  STATE_DIR_ENV,
  readState
} from "./chunk-O2YXO4YK.js";
import "./chunk-DD32BUKB.js";
import "./chunk-DAVD5AZI.js";
import "./chunk-CRBGOO2F.js";
import "./chunk-R6VQUKQF.js";
import "./chunk-43WCQIHM.js";
import "./chunk-EZJHXTS3.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DKSL4ZNQ.js";
import "./chunk-MFDBYX32.js";

// src/ci/buildkite/hooks/run.ts
var HOOK_NAMES = [
  "environment",
  "post-checkout",
  "pre-command",
  "post-command",
  "pre-exit"
];
async function runHook(hook, env, cli, log) {
  if (hook === "environment" || hook === "post-checkout") {
    const context2 = hookContext(env, cli, log);
    return hook === "environment" ? (await import("./environment-S2GF2QDV.js")).environmentHook(context2) : (await import("./post-checkout-H7TBV7S2.js")).postCheckoutHook(context2);
  }
  const state = await readState(env[STATE_DIR_ENV]).catch(() => void 0);
  const context = hookContext(env, cli, log, state?.config);
  if (state !== void 0 && state.mode !== context.mode) return {};
  switch (hook) {
    case "pre-command":
      return (await import("./pre-command-F4XOLQNK.js")).preCommandHook(context);
    case "post-command":
      await (await import("./post-command-QVSCOSCN.js")).postCommandHook(context);
      return {};
    case "pre-exit":
      return (await import("./pre-exit-ICGGPY2O.js")).preExitHook(context);
  }
}
export {
  HOOK_NAMES,
  runHook
};
