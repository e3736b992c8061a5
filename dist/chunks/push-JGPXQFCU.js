import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  failLikeOclif
} from "./chunk-TOXHGV5K.js";
import {
  PUSH_ARGS,
  PUSH_FLAGS,
  require_parser,
  runPush
} from "./chunk-IZQGO2D4.js";
import "./chunk-6MXR7F6Y.js";
import "./chunk-B6IIPYON.js";
import "./chunk-EMWTN7W3.js";
import "./chunk-WG7PG4TE.js";
import "./chunk-PCKQ7FT6.js";
import "./chunk-R6VQUKQF.js";
import "./chunk-H7VNZ2OX.js";
import "./chunk-P65RQTMN.js";
import {
  __toESM
} from "./chunk-MFDBYX32.js";

// src/cli/fast/push.ts
var import_parser = __toESM(require_parser(), 1);
async function pushFast(args) {
  if (args.some((arg) => arg === "--help" || arg === "-h")) return false;
  let parsed;
  try {
    parsed = await (0, import_parser.parse)([...args], { args: PUSH_ARGS, flags: PUSH_FLAGS, strict: true });
  } catch {
    return false;
  }
  try {
    await runPush(
      { ...parsed.flags, source: parsed.args.source },
      (line) => process.stdout.write(`${line}
`)
    );
  } catch (error) {
    await failLikeOclif(error, { json: parsed.flags.json });
  }
  return true;
}
export {
  pushFast
};
