import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  startLocalRegistry,
  stopLocalRegistryGracefully
} from "./chunk-NFG7LC2R.js";
import "./chunk-UMIJCHBN.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DSYMQGUV.js";
export {
  startLocalRegistry,
  stopLocalRegistryGracefully
};
