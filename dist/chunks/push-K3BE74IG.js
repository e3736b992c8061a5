import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  failLikeOclif
} from "./chunk-KEMPBGPR.js";
import {
  PUSH_ARGS,
  PUSH_FLAGS,
  require_parser,
  runPush
} from "./chunk-M7ES5NTS.js";
import "./chunk-3G4PBLPP.js";
import "./chunk-3FQQXFBF.js";
import "./chunk-DNCUJAQG.js";
import "./chunk-Y46B76NK.js";
import "./chunk-IGTCLVDV.js";
import "./chunk-BOB5LCPH.js";
import "./chunk-NJNQFZME.js";
import "./chunk-NOKZGMFI.js";
import "./chunk-P65RQTMN.js";
import {
  __toESM
} from "./chunk-DSYMQGUV.js";

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
    await failLikeOclif(error);
  }
  return true;
}
export {
  pushFast
};
