import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  commonJsExports
} from "./chunk-4GX2ETPX.js";
import {
  printFailure
} from "./chunk-6MXR7F6Y.js";
import {
  isContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/cli/fast/fail.ts
async function failLikeOclif(error, options = {}) {
  const json = options.json ?? false;
  if (isContainerPackageError(error) || json) {
    process.exitCode = printFailure(error, { json });
    process.exit();
  }
  const { handle } = await import("./handle-EN6QVBLO.js").then(commonJsExports);
  await handle(error);
  process.exit(1);
}

export {
  failLikeOclif
};
