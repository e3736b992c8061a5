import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  require_handle
} from "./chunk-NOKZGMFI.js";
import "./chunk-DSYMQGUV.js";
export default require_handle();
