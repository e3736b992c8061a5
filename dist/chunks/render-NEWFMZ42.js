import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  codeBlock,
  codeSpan,
  escapeHtml,
  escapeText,
  formatBytes,
  renderFailure,
  renderPullInstructions
} from "./chunk-XFSTPHN3.js";
import "./chunk-HUKKYD2D.js";
import "./chunk-BOB5LCPH.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DSYMQGUV.js";
export {
  codeBlock,
  codeSpan,
  escapeHtml,
  escapeText,
  formatBytes,
  renderFailure,
  renderPullInstructions
};
