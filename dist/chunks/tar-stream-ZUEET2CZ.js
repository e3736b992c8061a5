import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  require_tar_stream
} from "./chunk-ZF4LR3CR.js";
import "./chunk-MFDBYX32.js";
export default require_tar_stream();
