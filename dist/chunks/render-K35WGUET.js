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
} from "./chunk-B6IIPYON.js";
import "./chunk-H7VNZ2OX.js";
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
