import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-MFDBYX32.js";

// builtin:node:http
var require_node_http = __commonJS({
  "builtin:node:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

export {
  require_node_http
};
