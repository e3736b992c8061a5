import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  cliErrorOptions
} from "./chunk-3G4PBLPP.js";
import {
  isContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/cli/fast/fail.ts
async function failLikeOclif(error) {
  const [errors, handler] = await Promise.all([
    import("./errors-K63EYYZL.js").then(commonJs),
    import("./handle-4Q7XXUDL.js").then(commonJs)
  ]);
  const { error: toOclifError } = errors;
  const { handle } = handler;
  let failure = error;
  if (isContainerPackageError(error)) {
    try {
      toOclifError(error.message, cliErrorOptions(error));
    } catch (made) {
      failure = made;
    }
  }
  await handle(failure);
  process.exit(1);
}
function commonJs(namespace) {
  const fallback = namespace.default;
  return Object.keys(namespace).some((key) => key !== "default") || fallback === void 0 ? namespace : fallback;
}

export {
  failLikeOclif
};
