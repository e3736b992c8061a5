import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  require_errors
} from "./chunk-PCZ4D2Y6.js";
import "./chunk-THNKL6YB.js";
import "./chunk-DSYMQGUV.js";
export default require_errors();
