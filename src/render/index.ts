/** Text for people: Markdown pull instructions and failures. No I/O. Import from here. */
export { formatBytes } from './bytes.js';
export { renderFailure, type FailureInput, type FailureOptions } from './failure.js';
export { codeBlock, codeSpan, escapeHtml, escapeText, escapeTextKeepingCode } from './markdown.js';
export { renderPullInstructions, type PullInstructionsOptions } from './pull-instructions.js';
export type { PublishedImage, PublishedRegistry } from './published-image.js';
export { parsePolicyReason, statementFor, type OidcTokenFacts, type PolicyReason } from './oidc-failure.js';
