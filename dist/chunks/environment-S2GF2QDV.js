import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  setUpJob
} from "./chunk-VPAGBYVR.js";
import "./chunk-JMKGX62C.js";
import {
  readConfig
} from "./chunk-JSBLYXON.js";
import "./chunk-O2YXO4YK.js";
import "./chunk-DD32BUKB.js";
import "./chunk-WQLW65TX.js";
import "./chunk-DAVD5AZI.js";
import "./chunk-CRBGOO2F.js";
import "./chunk-R6VQUKQF.js";
import "./chunk-43WCQIHM.js";
import "./chunk-EZJHXTS3.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DKSL4ZNQ.js";
import "./chunk-MFDBYX32.js";

// src/ci/buildkite/hooks/environment.ts
async function environmentHook(context, now = /* @__PURE__ */ new Date()) {
  if (context.mode === "agent") return {};
  return setUpJob(context, readConfig(context) ?? { value: {}, origin: "the plugin (no settings)" }, now);
}
export {
  environmentHook
};
