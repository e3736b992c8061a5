import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  fromOciArchive
} from "./chunk-GFBE3ZET.js";
import "./chunk-6JUUWSI3.js";
import "./chunk-T2Y4H2CM.js";
import "./chunk-VDES3EJE.js";
import "./chunk-R6VQUKQF.js";
import "./chunk-H7VNZ2OX.js";
import "./chunk-P65RQTMN.js";
import "./chunk-MFDBYX32.js";
export {
  fromOciArchive
};
