import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  fromOciArchive
} from "./chunk-TDZ27Q7A.js";
import "./chunk-FTYFUAYH.js";
import "./chunk-JXV47CFG.js";
import "./chunk-4GX2ETPX.js";
import "./chunk-DHIAIFG4.js";
import "./chunk-Q7IBMI42.js";
import "./chunk-R6VQUKQF.js";
import "./chunk-HKF4XW5O.js";
import "./chunk-P65RQTMN.js";
import "./chunk-MFDBYX32.js";
export {
  fromOciArchive
};
