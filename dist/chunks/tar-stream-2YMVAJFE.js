import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  loadTarStream
} from "./chunk-JXV47CFG.js";
import "./chunk-4GX2ETPX.js";
import "./chunk-MFDBYX32.js";
export {
  loadTarStream
};
