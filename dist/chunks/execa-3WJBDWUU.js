import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  loadExeca
} from "./chunk-DKSL4ZNQ.js";
import "./chunk-MFDBYX32.js";
export {
  loadExeca
};
