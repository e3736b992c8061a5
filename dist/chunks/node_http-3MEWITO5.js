import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  require_node_http
} from "./chunk-UWDPJ3P3.js";
import "./chunk-MFDBYX32.js";
export default require_node_http();
