import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  parseReference
} from "./chunk-43WCQIHM.js";

// src/render/bytes.ts
var UNITS = ["KiB", "MiB", "GiB", "TiB"];
function formatBytes(bytes) {
  if (!Number.isFinite(bytes) || bytes < 0) return "unknown size";
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (Math.round(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, "");
  return `${text} ${UNITS[unit]}`;
}

// src/render/markdown.ts
function escapeText(text) {
  return text.replace(/\r\n?|\n/g, " ").replace(/[\\`*_{}[\]()#+\-.!|~:]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeTextKeepingCode(text) {
  const flat = text.replace(/\r\n?|\n/g, " ");
  const out = [];
  let last = 0;
  for (const match of flat.matchAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    out.push(escapeText(flat.slice(last, match.index)), match[0]);
    last = match.index + match[0].length;
  }
  out.push(escapeText(flat.slice(last)));
  return out.join("");
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function codeSpan(text) {
  const flat = text.replace(/\r\n?|\n/g, " ");
  const fence = "`".repeat(longestRun(flat, "`") + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || /^ .* $/.test(flat) ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
function codeBlock(text, language = "") {
  const fence = "`".repeat(Math.max(3, longestRun(text, "`") + 1));
  const body = text.endsWith("\n") ? text : `${text}
`;
  return `${fence}${language}
${body}${fence}`;
}
function longestRun(text, char) {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

// src/render/oidc-failure.ts
var DEFAULT_CLAIMS = {
  "https://agent.buildkite.com": ["organization_slug", "pipeline_slug"],
  "https://token.actions.githubusercontent.com": ["repository", "ref"]
};
function parsePolicyReason(message) {
  const found = /matches claims ((?:[\w.-]+=[^\s;]*\s?)+)(?:;\s*claims that did not match: ([\w.,\s-]+))?/.exec(message);
  if (!found) return void 0;
  const compared = found[1].trim().split(/\s+/).map((pair) => pair.slice(0, pair.indexOf("=")));
  const unmatched = (found[2] ?? "").split(",").map((name) => name.trim()).filter((name) => /^[\w.-]+$/.test(name));
  return { compared, unmatched };
}
function oidcFix(status, message, token) {
  const said = status === void 0 ? "" : ` (${status})`;
  const out = [`The registry refused this job's OIDC token${said}.`, ""];
  const reason = parsePolicyReason(message);
  if (/audience/i.test(message) && token.audience !== void 0) {
    out.push(
      `- **Audience**: the token was minted for ${codeSpan(token.audience)}; the registry expects another. Check the registry's host (\`packages-host\`) and name.`
    );
  }
  if (/expired/i.test(message)) {
    out.push("- **Expired**: the token expired before the registry read it; retry the job.");
  }
  if (reason && reason.unmatched.length > 0) {
    const shown = reason.unmatched.map(
      (name) => `${codeSpan(name)} (this job: ${codeSpan(show(token.claims[name]))})`
    );
    out.push(
      `- **Policy**: no statement of the registry's OIDC policy matches this job. Claims that did not match: ${shown.join(", ")}.`
    );
  } else {
    out.push(
      "- **Policy**: the registry's OIDC policy (registry settings \u2192 OIDC Policy) must have a statement this job matches, with `scopes: [read_packages, write_packages]` to push."
    );
  }
  const iss = typeof token.claims.iss === "string" ? token.claims.iss : "";
  const names = reason && reason.compared.length > 0 ? reason.compared : DEFAULT_CLAIMS[iss] ?? ["organization_slug", "pipeline_slug"];
  out.push("", "A statement this job would match:", "", codeBlock(statementFor(token.claims, names), "yaml"));
  return out;
}
function statementFor(claims, names) {
  const iss = typeof claims.iss === "string" ? claims.iss : "https://agent.buildkite.com";
  const lines = [`- iss: ${yamlScalar(iss)}`, "  scopes: [read_packages, write_packages]", "  claims:"];
  for (const name of names) {
    const value = claims[name];
    if (value === void 0 || value === null || typeof value === "object") continue;
    lines.push(`    ${name}: ${yamlScalar(String(value))}`);
  }
  return lines.join("\n");
}
function yamlScalar(value) {
  return /^[\w./:@-]+$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[\d.]+)$/i.test(value) ? value : JSON.stringify(value);
}
function show(value) {
  if (value === void 0 || value === null) return "(missing)";
  return (typeof value === "string" ? value : JSON.stringify(value)).slice(0, 100);
}

// src/render/published-image.ts
function registryPath(registry) {
  if (registry.kind === "buildkite" && registry.organization !== void 0 && registry.registry !== void 0) {
    return `${registry.host}/${registry.organization}/${registry.registry}`;
  }
  return registry.host;
}

// src/render/failure.ts
var WORDS = {
  plugin: {
    token: "`token-env` or `secret`",
    username: "the `username`",
    before: "The step's command must build it under that name before the plugin runs:",
    retries: "raise `retries`"
  },
  action: {
    token: "the `token` input",
    username: "the `username` input",
    before: "An earlier step of the job must build it under that name:",
    retries: "raise the `retries` input"
  }
};
var UNAUTHORIZED = /* @__PURE__ */ new Set([
  "CLIENT_UNAUTHORIZED",
  "CLIENT_TOKEN_INVALID",
  "CLIENT_INVALID_CREDENTIALS",
  "SRC_ENGINE_UNAUTHORIZED"
]);
var DENIED = /* @__PURE__ */ new Set(["CLIENT_DENIED", "SRC_ENGINE_DENIED"]);
var MISSING_SOURCE = /* @__PURE__ */ new Set(["SRC_NOT_FOUND", "SRC_ENGINE_IMAGE_NOT_FOUND", "SRC_NO_MATCH"]);
var UNREACHABLE = /* @__PURE__ */ new Set([
  "CLIENT_UNAVAILABLE",
  "CLIENT_NETWORK_ERROR",
  "CLIENT_TIMEOUT",
  "CLIENT_RETRIES_EXHAUSTED"
]);
function renderFailure(failure, options = {}) {
  const level = "#".repeat(Math.min(6, Math.max(1, options.headingLevel ?? 3)));
  const out = [`${level} ${escapeText(options.title ?? "Publishing container images failed")}`, ""];
  const where = failure.registry === void 0 ? "" : ` (${codeSpan(registryPath(failure.registry))})`;
  if (failure.message.includes("\n")) {
    out.push(`**Cause** ${codeSpan(failure.code)}${where}:`, "", codeBlock(failure.message, "text"));
  } else {
    out.push(`**Cause** ${codeSpan(failure.code)}${where}: ${escapeText(failure.message)}`);
  }
  const fix = fixFor(failure, WORDS[options.words ?? "plugin"]);
  if (fix.length > 0) out.push("", "**Fix**", "", ...fix);
  const refusalFixed = fix.length > 0 && isRefusal(failure);
  if (failure.hint !== void 0 && failure.hint !== "" && !refusalFixed)
    out.push("", escapeTextKeepingCode(failure.hint));
  out.push("");
  return out.join("\n");
}
function fixFor(failure, words) {
  const { code, status, registry } = failure;
  if (failure.oidc !== void 0 && isRefusal(failure)) return oidcFix(status, failure.message, failure.oidc);
  if (status === 401 || UNAUTHORIZED.has(code))
    return registry?.kind === "buildkite" ? buildkite401(failure, words) : generic401(words);
  if (status === 403 || DENIED.has(code))
    return registry?.kind === "buildkite" ? buildkite403() : generic403();
  if (MISSING_SOURCE.has(code)) return missingSource(failure.source, words);
  if (status === 429 || code === "CLIENT_RATE_LIMITED") {
    return [
      `The registry is rate limiting this agent. Retry the job later, or ${words.retries} to wait longer between attempts.`
    ];
  }
  if (UNREACHABLE.has(code) || status !== void 0 && status >= 500) {
    return [
      "The registry could not be reached or kept failing after every retry. Check its status and the agent's network (proxies, DNS), then retry the job."
    ];
  }
  return [];
}
function isRefusal({ code, status }) {
  return status === 401 || status === 403 || UNAUTHORIZED.has(code) || DENIED.has(code);
}
function buildkite401(failure, words) {
  const registry = failure.registry;
  const org = registry.organization ?? "ORG";
  const audience = `https://${registry.host}/${org}/${registry.registry ?? "REGISTRY"}`;
  const policy = [
    "- iss: https://agent.buildkite.com",
    "  scopes: [read_packages, write_packages]",
    "  claims:",
    `    organization_slug: ${org}`,
    `    pipeline_slug: ${failure.pipeline ?? "PIPELINE"}`
  ].join("\n");
  return [
    `The registry refused the credentials (401).`,
    "",
    `- **OIDC** (the default): the token's audience must be exactly ${codeSpan(audience)}, and the registry's OIDC policy (registry settings \u2192 OIDC Policy) must have a statement this job matches, for example:`,
    "",
    codeBlock(policy, "yaml"),
    "",
    `- **Token** (${words.token}): check that the token is current (not revoked or expired) and that the login user is \`buildkite\`.`
  ];
}
function buildkite403() {
  return [
    "The registry accepted the credentials but does not let them push (403).",
    "",
    "- **OIDC**: the matching policy statement needs `scopes: [read_packages, write_packages]`.",
    "- **API access token**: it needs the **Write Packages** scope; registry tokens can only read."
  ];
}
function generic401(words) {
  return [
    `The registry refused the credentials (401). Check the token (${words.token}), ${words.username}, and for OIDC the \`audience\` the registry expects.`
  ];
}
function generic403() {
  return [
    "The registry accepted the credentials but does not let them push here (403). Give the token push (write) permission on this repository."
  ];
}
function missingSource(source, words) {
  const which = source === void 0 ? "The image source" : `The image source ${codeSpan(source)}`;
  const engine = /^(docker|podman):(.+)$/.exec(source ?? "");
  const build = engine ? `- ${codeSpan(`${engine[1]} build -t ${engine[2]} .`)} makes ${codeSpan(source)} (check with ${codeSpan(`${engine[1]} image ls`)});` : "- `docker build -t app:ci .` makes `docker:app:ci` (check with `docker image ls`);";
  return [
    `${which} was not found. ${words.before}`,
    "",
    build,
    "- `docker buildx build --output type=oci,dest=image.tar .` makes `oci-archive:image.tar`;",
    "- `docker save app:ci -o app.tar` makes `docker-archive:app.tar`."
  ];
}

// src/render/pull-instructions.ts
function renderPullInstructions(results, options = {}) {
  const level = "#".repeat(Math.min(6, Math.max(1, options.headingLevel ?? 3)));
  const out = [`${level} ${escapeText(options.title ?? "Container images published")}`, ""];
  if (results.length === 0) {
    out.push("No images were pushed.", "");
    return out.join("\n");
  }
  for (const image of results) out.push(...renderImage(image), "");
  const logins = /* @__PURE__ */ new Map();
  for (const { registry } of results) {
    if (registry.visibility !== "public") logins.set(registryPath(registry), registry);
  }
  if (logins.size > 0) {
    const token = options.tokenVariable ?? "TOKEN";
    out.push(
      logins.size === 1 ? "To pull from a private registry, log in first:" : "To pull from private registries, log in first:",
      ""
    );
    const commands = [...logins].map(([target, registry]) => loginCommand(target, registry, token));
    out.push(codeBlock(commands.join("\n"), "sh"), "");
    out.push(tokenNote(token, [...logins.values()]), "");
  }
  return out.join("\n");
}
function renderImage(image) {
  const pinned = pinnedReference(image);
  const facts = [formatBytes(image.size)];
  if (image.platforms !== void 0 && image.platforms.length > 1)
    facts.push(image.platforms.map(codeSpan).join(", "));
  const lines = [
    `**${escapeText(image.name)}** from ${codeSpan(image.source)} \xB7 ${facts.join(" \xB7 ")}`,
    "",
    codeBlock(`docker pull ${pinned}`, "sh")
  ];
  const tags = image.references.map(tagOf).filter((tag) => tag !== void 0);
  if (tags.length > 0) lines.push("", `Tags: ${tags.map(codeSpan).join(", ")}`);
  const all = [...image.references, pinned];
  lines.push(
    "",
    `<details><summary>All references of ${escapeHtml(image.name)} (${all.length})</summary>`,
    "",
    ...all.map((reference) => `- ${codeSpan(reference)}`),
    "",
    "</details>"
  );
  return lines;
}
function pinnedReference(image) {
  const first = image.references[0];
  if (first === void 0) return image.digest;
  const ref = parseReference(first);
  return `${ref.registry}/${ref.repository}@${image.digest}`;
}
function tagOf(reference) {
  try {
    return parseReference(reference).tag;
  } catch {
    return void 0;
  }
}
function loginCommand(target, registry, token) {
  const user = registry.kind === "buildkite" ? "buildkite" : registry.username ?? "USERNAME";
  return `echo "$${token}" | docker login ${target} -u ${shellWord(user)} --password-stdin`;
}
function tokenNote(token, registries) {
  const buildkite = registries.some((r) => r.kind === "buildkite");
  const what = buildkite ? "a Buildkite API access token with the Read Packages scope, or a registry token" : "a token that may read the registry";
  return `where ${codeSpan(`$${token}`)} holds ${what}.`;
}
function shellWord(word) {
  return /^[A-Za-z0-9_.@%+=:,/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export {
  formatBytes,
  escapeText,
  escapeTextKeepingCode,
  escapeHtml,
  codeSpan,
  codeBlock,
  parsePolicyReason,
  statementFor,
  renderFailure,
  renderPullInstructions
};
