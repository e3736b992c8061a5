import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/common-js.ts
function commonJsExports(namespace) {
  const fallback = namespace.default;
  return Object.keys(namespace).some((key) => key !== "default") || fallback === void 0 ? namespace : fallback;
}

export {
  commonJsExports
};
