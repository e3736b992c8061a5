import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
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
  const { handle } = await import("./handle-EN6QVBLO.js").then(commonJs);
  await handle(error);
  process.exit(1);
}
function commonJs(namespace) {
  const fallback = namespace.default;
  return Object.keys(namespace).some((key) => key !== "default") || fallback === void 0 ? namespace : fallback;
}

export {
  failLikeOclif
};
