import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  failLikeOclif
} from "./chunk-FFK3GXEN.js";
import "./chunk-4GX2ETPX.js";
import {
  isHookName,
  runHook
} from "./chunk-W3JHR7UD.js";
import "./chunk-6MXR7F6Y.js";
import "./chunk-P65RQTMN.js";
import "./chunk-MFDBYX32.js";

// src/cli/fast/hook.ts
async function hookFast(args, cli) {
  const [hook, ...rest] = args;
  if (rest.length > 0 || !isHookName(hook)) return false;
  try {
    await runHook(hook, cli, (line) => process.stdout.write(`${line}
`));
  } catch (error) {
    await failLikeOclif(error);
  }
  return true;
}
export {
  hookFast
};
