import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/errors.ts
var brand = /* @__PURE__ */ Symbol.for("container-package.error");
var ContainerPackageError = class extends Error {
  /** Stable code, namespaced by layer: REF_*, OCI_*, SRC_*, CLIENT_*, REGISTRY_*, CI_*, CLI_*. */
  code;
  hint;
  [brand] = true;
  constructor(code, message, details = {}) {
    super(message, details.cause === void 0 ? void 0 : { cause: details.cause });
    this.name = "ContainerPackageError";
    this.code = code;
    this.hint = details.hint;
  }
};
function isContainerPackageError(value) {
  return typeof value === "object" && value !== null && value[brand] === true;
}

export {
  ContainerPackageError,
  isContainerPackageError
};
