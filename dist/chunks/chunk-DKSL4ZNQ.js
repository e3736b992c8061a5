import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/exec/execa.ts
function loadExeca() {
  return import("./execa-UIBH5AOZ.js");
}

export {
  loadExeca
};
