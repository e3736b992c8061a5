import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  failLikeOclif
} from "./chunk-FFK3GXEN.js";
import "./chunk-4GX2ETPX.js";
import {
  resolveConfig,
  serveOverrides,
  serveRegistry
} from "./chunk-OBAKSEFN.js";
import "./chunk-6MXR7F6Y.js";
import "./chunk-P65RQTMN.js";
import "./chunk-MFDBYX32.js";

// src/cli/fast/serve.ts
import { parseArgs } from "node:util";
var SERVE_FLAGS = {
  listen: { type: "string" },
  config: { type: "string" },
  storage: { type: "string" },
  "insecure-listen": { type: "boolean" },
  workers: { type: "string" }
};
async function serveFast(args) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: SERVE_FLAGS,
      strict: true,
      allowPositionals: false
    }));
  } catch {
    return false;
  }
  let config;
  try {
    config = await resolveConfig(serveOverrides(values));
  } catch {
    return false;
  }
  let listening = false;
  try {
    await serveRegistry(config, () => {
      listening = true;
    });
  } catch (error) {
    if (!listening) return false;
    return failLikeOclif(error);
  }
  return true;
}
export {
  SERVE_FLAGS,
  serveFast
};
