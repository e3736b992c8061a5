import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  AGENT_TIMEOUT_MS,
  MAX_ANNOTATION_BYTES,
  META_DATA_MISSING_STATUS,
  createAgent,
  fitAnnotation
} from "./chunk-XGH3H5RN.js";
import "./chunk-5W3TBR2Q.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DSYMQGUV.js";
export {
  AGENT_TIMEOUT_MS,
  MAX_ANNOTATION_BYTES,
  META_DATA_MISSING_STATUS,
  createAgent,
  fitAnnotation
};
