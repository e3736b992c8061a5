import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  codeBlock,
  codeSpan,
  escapeHtml,
  escapeText,
  formatBytes,
  parsePolicyReason,
  renderFailure,
  renderPullInstructions,
  statementFor
} from "./chunk-Y46B76NK.js";
import "./chunk-IGTCLVDV.js";
import "./chunk-BOB5LCPH.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DSYMQGUV.js";
export {
  codeBlock,
  codeSpan,
  escapeHtml,
  escapeText,
  formatBytes,
  parsePolicyReason,
  renderFailure,
  renderPullInstructions,
  statementFor
};
