import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  commonJsExports
} from "./chunk-4GX2ETPX.js";

// src/sources/tar-stream.ts
async function loadTarStream() {
  return commonJsExports(await import("./tar-stream-ZUEET2CZ.js"));
}

export {
  loadTarStream
};
