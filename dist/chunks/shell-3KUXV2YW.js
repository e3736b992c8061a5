import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import "./chunk-MFDBYX32.js";

// src/ci/buildkite/hooks/shell.ts
function shellQuote(value) {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
function renderExports(exports) {
  return Object.entries(exports).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new TypeError(`not a shell variable name: ${name}`);
    return value === void 0 ? `unset ${name}` : `export ${name}=${shellQuote(value)}`;
  }).join("\n");
}
export {
  renderExports,
  shellQuote
};
