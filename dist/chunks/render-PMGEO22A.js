import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  codeBlock,
  codeSpan,
  escapeHtml,
  escapeText,
  escapeTextKeepingCode,
  formatBytes,
  parsePolicyReason,
  renderFailure,
  renderPullInstructions,
  statementFor
} from "./chunk-HMZXP7SY.js";
import "./chunk-43WCQIHM.js";
import "./chunk-P65RQTMN.js";
import "./chunk-MFDBYX32.js";
export {
  codeBlock,
  codeSpan,
  escapeHtml,
  escapeText,
  escapeTextKeepingCode,
  formatBytes,
  parsePolicyReason,
  renderFailure,
  renderPullInstructions,
  statementFor
};
