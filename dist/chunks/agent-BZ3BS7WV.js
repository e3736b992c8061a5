import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  AGENT_TIMEOUT_MS,
  MAX_ANNOTATION_BYTES,
  META_DATA_MISSING_STATUS,
  createAgent,
  fitAnnotation
} from "./chunk-EZJHXTS3.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DKSL4ZNQ.js";
import "./chunk-MFDBYX32.js";
export {
  AGENT_TIMEOUT_MS,
  MAX_ANNOTATION_BYTES,
  META_DATA_MISSING_STATUS,
  createAgent,
  fitAnnotation
};
