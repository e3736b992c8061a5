import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  fromDockerArchive
} from "./chunk-NHGELSUY.js";
import "./chunk-EXMP6CA5.js";
import "./chunk-BTFJLG4I.js";
import "./chunk-3Z4QJIGU.js";
import "./chunk-JXV47CFG.js";
import "./chunk-4GX2ETPX.js";
import "./chunk-DAVD5AZI.js";
import "./chunk-R6VQUKQF.js";
import "./chunk-43WCQIHM.js";
import "./chunk-P65RQTMN.js";
import "./chunk-MFDBYX32.js";
export {
  fromDockerArchive
};
