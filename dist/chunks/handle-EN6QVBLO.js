import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  require_handle
} from "./chunk-WG7PG4TE.js";
import "./chunk-MFDBYX32.js";
export default require_handle();
