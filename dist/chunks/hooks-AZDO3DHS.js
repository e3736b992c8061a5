import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  MIRROR_PREFIXES_ENV,
  localRegistryEnv,
  login,
  publish
} from "./chunk-KDNPSKSG.js";
import {
  jwtClaims,
  parseJsonObject
} from "./chunk-3P7JECV3.js";
import {
  parseSource
} from "./chunk-5S2BU6U6.js";
import "./chunk-W2BKWXYY.js";
import {
  load,
  localMirrorConfig
} from "./chunk-F4SYFCO3.js";
import "./chunk-CPQIE4UP.js";
import "./chunk-DXY4KYQT.js";
import "./chunk-L2IY4NZN.js";
import {
  resolveTarget
} from "./chunk-3FQQXFBF.js";
import "./chunk-DNCUJAQG.js";
import {
  renderFailure,
  renderPullInstructions
} from "./chunk-Y46B76NK.js";
import {
  BUILDKITE_PACKAGES_HOST,
  buildkiteAudience,
  formatReference,
  imageInRegistry,
  parseBuildkiteRegistry,
  parsePackagesHost,
  parseReference,
  renderTagTemplate
} from "./chunk-IGTCLVDV.js";
import "./chunk-BOB5LCPH.js";
import {
  ConfigError,
  ENV_NAME_PATTERN,
  MAX_ANNOTATION_CONTEXT,
  PLUGIN_SCHEMA,
  createAgent
} from "./chunk-XGH3H5RN.js";
import "./chunk-5W3TBR2Q.js";
import {
  startLocalRegistry,
  stopLocalRegistryGracefully
} from "./chunk-NFG7LC2R.js";
import "./chunk-UMIJCHBN.js";
import {
  ContainerPackageError,
  isContainerPackageError
} from "./chunk-P65RQTMN.js";
import "./chunk-DSYMQGUV.js";

// src/ci/buildkite/inputs.ts
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";

// src/ci/buildkite/flattened-env.ts
function envKey(key) {
  return key.toUpperCase().replace(/[-\s]/g, "_");
}
function fromFlattenedEnv(env, prefix, schema) {
  const names = Object.keys(env).filter((name) => name.startsWith(`${prefix}_`) && env[name] !== void 0);
  if (names.length === 0) return void 0;
  return readNode(env, names, prefix, schema) ?? {};
}
function readNode(env, names, at, node) {
  const scalar = env[at];
  const below = names.filter((name) => name.startsWith(`${at}_`));
  if (node.anyOf !== void 0) {
    const scalars = node.anyOf.filter((b) => b.type !== "array" && b.type !== "object");
    const wanted = scalar !== void 0 ? scalars.find((b) => coerce(scalar, b) !== scalar) ?? scalars[0] : below.some((name) => new RegExp(`^${at}_\\d+(?:_|$)`).test(name)) ? node.anyOf.find((b) => b.type === "array") : node.anyOf.find((b) => b.type === "object");
    return wanted === void 0 ? void 0 : readNode(env, names, at, wanted);
  }
  if (node.type === "object") return below.length === 0 ? void 0 : readObject(env, below, at, node);
  if (node.type === "array") {
    if (below.length === 0) return void 0;
    const items = [];
    for (let i = 0; below.some((name) => name === `${at}_${i}` || name.startsWith(`${at}_${i}_`)); i++) {
      items.push(
        node.items === void 0 ? env[`${at}_${i}`] : readNode(env, names, `${at}_${i}`, node.items)
      );
    }
    return items;
  }
  return scalar === void 0 ? void 0 : coerce(scalar, node);
}
function readObject(env, below, at, node) {
  const out = {};
  const claimed = /* @__PURE__ */ new Set();
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const sub = `${at}_${envKey(key)}`;
    const mine = below.filter((name) => name === sub || canNest(child) && name.startsWith(`${sub}_`));
    mine.forEach((name) => claimed.add(name));
    const value = readNode(env, mine, sub, child);
    if (value !== void 0) out[key] = value;
  }
  for (const name of below) {
    if (claimed.has(name)) continue;
    const key = name.slice(at.length + 1).replace(/_\d+(?:_.*)?$/, "").toLowerCase().replace(/_/g, "-");
    if (key !== "" && !Object.hasOwn(out, key)) out[key] = env[name];
  }
  return out;
}
function canNest(node) {
  return node.type === "object" || node.type === "array" || (node.anyOf ?? []).some(canNest);
}
function coerce(text, node) {
  if (node.type === "boolean" && (text === "true" || text === "false")) return text === "true";
  if ((node.type === "integer" || node.type === "number") && /^-?\d+$/.test(text)) return Number(text);
  return text;
}

// src/ci/buildkite/inputs.ts
var PLUGIN_CONFIGURATION_ENV = "BUILDKITE_PLUGIN_CONFIGURATION";
var PLUGIN_ENV_PREFIX = "BUILDKITE_PLUGIN_CONTAINER_PACKAGE";
var AGENT_HOOK_CONFIGURATION_ENV = "CONTAINER_PACKAGE_CONFIGURATION";
var AGENT_HOOK_FILE_ENV = "CONTAINER_PACKAGE_CONFIGURATION_FILE";
var AGENT_HOOK_ENV_PREFIX = "CONTAINER_PACKAGE_CONFIG";
var DEFAULT_CONFIG_FILE = ".buildkite/container-package.yml";
function readPluginConfig(env = process.env) {
  const json = env[PLUGIN_CONFIGURATION_ENV];
  if (json !== void 0 && json.trim() !== "") {
    return { value: parseJson(json, PLUGIN_CONFIGURATION_ENV) ?? {}, origin: PLUGIN_CONFIGURATION_ENV };
  }
  const flat = fromFlattenedEnv(env, PLUGIN_ENV_PREFIX, PLUGIN_SCHEMA);
  if (flat !== void 0) return { value: flat, origin: `${PLUGIN_ENV_PREFIX}_* variables` };
  return { value: {}, origin: "the plugin (no settings)" };
}
function readAgentHookConfig(env = process.env, options = {}) {
  const named = nonEmpty(env[AGENT_HOOK_FILE_ENV]);
  const file = named ?? DEFAULT_CONFIG_FILE;
  const base = options.cwd ?? nonEmpty(env.BUILDKITE_BUILD_CHECKOUT_PATH) ?? process.cwd();
  const path = isAbsolute(file) ? file : join(base, file);
  const fromFile = readYamlFile(path, named !== void 0);
  const json = nonEmpty(env[AGENT_HOOK_CONFIGURATION_ENV]);
  const fromEnv = json !== void 0 ? { value: parseJson(json, AGENT_HOOK_CONFIGURATION_ENV), origin: AGENT_HOOK_CONFIGURATION_ENV } : mapOrUndefined(
    fromFlattenedEnv(env, AGENT_HOOK_ENV_PREFIX, PLUGIN_SCHEMA),
    `${AGENT_HOOK_ENV_PREFIX}_* variables`
  );
  if (fromFile === void 0) return fromEnv;
  if (fromEnv === void 0) return { value: fromFile, origin: path };
  if (!isMapping(fromEnv.value)) return fromEnv;
  return { value: { ...fromFile, ...fromEnv.value }, origin: `${path} with ${fromEnv.origin}` };
}
function readBuildEnv(env = process.env) {
  const status = nonEmpty(env.BUILDKITE_COMMAND_EXIT_STATUS);
  const entries = {
    organization: nonEmpty(env.BUILDKITE_ORGANIZATION_SLUG),
    pipeline: nonEmpty(env.BUILDKITE_PIPELINE_SLUG),
    branch: nonEmpty(env.BUILDKITE_BRANCH),
    tag: nonEmpty(env.BUILDKITE_TAG),
    commit: nonEmpty(env.BUILDKITE_COMMIT),
    buildNumber: nonEmpty(env.BUILDKITE_BUILD_NUMBER),
    buildId: nonEmpty(env.BUILDKITE_BUILD_ID),
    jobId: nonEmpty(env.BUILDKITE_JOB_ID),
    stepKey: nonEmpty(env.BUILDKITE_STEP_KEY),
    label: nonEmpty(env.BUILDKITE_LABEL),
    packagesHost: nonEmpty(env.CONTAINER_PACKAGE_PACKAGES_HOST),
    commandExitStatus: status !== void 0 && /^-?\d+$/.test(status) ? Number(status) : void 0
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== void 0));
}
function readYamlFile(path, required) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (!required && error.code === "ENOENT") return void 0;
    throw new ConfigError("CI_CONFIG_UNREADABLE", `cannot read the configuration file ${path}`, {
      cause: error,
      hint: `Check ${AGENT_HOOK_FILE_ENV}; a relative path starts at the checkout directory.`
    });
  }
  let value;
  try {
    value = load(text, { filename: path });
  } catch (error) {
    const { reason, mark } = error;
    const where = mark === void 0 ? "" : ` at line ${mark.line + 1}, column ${mark.column + 1}`;
    throw new ConfigError(
      "CI_CONFIG_UNREADABLE",
      `${path} is not valid YAML${where}: ${reason ?? "parse error"}`
    );
  }
  if (value === void 0 || value === null) return {};
  if (!isMapping(value)) {
    throw new ConfigError(
      "CI_CONFIG_UNREADABLE",
      `${path} must hold a mapping of options (registry:, images:, ...)`,
      {
        hint: "Write the same options as the plugin takes in pipeline YAML, at the top level of the file."
      }
    );
  }
  return value;
}
function parseJson(text, name) {
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigError("CI_CONFIG_UNREADABLE", `${name} is not valid JSON`, {
      hint: `${name} is normally written by the Buildkite agent from the step's plugin settings; if you set it yourself, give a JSON object.`
    });
  }
}
function isMapping(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function mapOrUndefined(value, origin) {
  return value === void 0 ? void 0 : { value, origin };
}
function nonEmpty(value) {
  return value === void 0 || value === "" ? void 0 : value;
}

// src/ci/buildkite/plan.ts
import { createHash } from "node:crypto";

// src/ci/buildkite/plan-images.ts
var DEFAULT_TAGS = ["{{build.number}}"];
function planImages(config, registries, context, outputPrefix) {
  const names = /* @__PURE__ */ new Map();
  return (config.images ?? []).map((item, i) => {
    const {
      source,
      name: given,
      tags: own
    } = typeof item === "string" ? { source: item, name: void 0, tags: void 0 } : item;
    const path = `images[${i}]`;
    const spec = parseSource(source);
    const name = given ?? defaultName(spec);
    if (name === void 0) {
      throw unresolvable(
        `\`${path}\`: cannot take an image name from the source ${JSON.stringify(source)}`,
        path,
        "Add `name: app` to the image."
      );
    }
    const earlier = names.get(name);
    if (earlier !== void 0) {
      const message = `\`images[${earlier}]\` and \`${path}\` are both named ${JSON.stringify(name)}: give each image its own \`name\``;
      throw new ConfigError("CI_CONFIG_CONFLICT", message, {
        issues: [{ path, message }],
        hint: "Set `name` on one of them; the name is the repository under each registry."
      });
    }
    names.set(name, i);
    const templates = own ?? config.tags ?? DEFAULT_TAGS;
    const { tags, skipped } = renderTags(templates, context);
    if (tags.length === 0) {
      throw unresolvable(
        `\`${path}\`: no tag is left for ${name}: every template needs a value this build does not have (${skipped.join(", ")})`,
        path,
        'Add a tag that every build has, such as "{{build.number}}" or "latest".'
      );
    }
    const references = registries.flatMap(
      ({ target }) => tags.map((tag) => {
        try {
          return formatReference(imageInRegistry(target, name, tag));
        } catch (error) {
          throw unresolvable(
            `\`${path}\`: ${error.message}`,
            path,
            'Set `name` to a lowercase name such as "app".',
            error
          );
        }
      })
    );
    const outputKeys = outputPrefix === void 0 ? void 0 : { digest: `${outputPrefix}:${name}:digest`, references: `${outputPrefix}:${name}:references` };
    return { source, spec, name, tags, skippedTags: skipped, references, outputKeys };
  });
}
function renderTags(templates, context) {
  const tags = [];
  const skipped = [];
  for (const template of templates) {
    const tag = renderTagTemplate(template, context, { missing: "skip" });
    if (tag === void 0) skipped.push(template);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  return { tags, skipped };
}
function defaultName(spec) {
  switch (spec.kind) {
    case "docker":
    case "podman":
    case "registry":
      return lastComponent(spec.reference.repository);
    case "docker-archive":
      if (spec.select.by === "reference")
        return lastComponent(parseReference(spec.select.reference).repository);
      return fileStem(spec.path);
    case "oci":
    case "oci-archive":
      return fileStem(spec.path);
  }
}
function lastComponent(repository) {
  return repository.slice(repository.lastIndexOf("/") + 1);
}
function fileStem(path) {
  const base = path.replace(/\/+$/, "").split("/").pop() ?? "";
  const stem = base.replace(/\.(tar\.gz|tgz|tar|oci)$/i, "");
  const name = stem.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  return /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(name) ? name : void 0;
}
function unresolvable(message, path, hint, cause) {
  return new ConfigError("CI_CONFIG_UNRESOLVABLE", message, { issues: [{ path, message }], hint, cause });
}

// src/ci/buildkite/plan-registries.ts
var OIDC_LIFETIME_SECONDS = 300;
var BUILDKITE_USERNAME = "buildkite";
function planRegistries(config, organization, packagesHost) {
  const host = checkPackagesHost(packagesHost);
  const items = config.registry === void 0 ? [] : Array.isArray(config.registry) ? config.registry : [config.registry];
  const seen = /* @__PURE__ */ new Map();
  return items.map((item, i) => {
    const options = typeof item === "string" ? { url: item } : item;
    const path = Array.isArray(config.registry) ? typeof item === "string" ? `registry[${i}]` : `registry[${i}].url` : "registry";
    const target = parseTarget(options.url, organization, host, path);
    const earlier = seen.get(target.prefix);
    if (earlier !== void 0) {
      throw conflict(
        `\`${path}\` and \`${earlier}\` are the same registry (${target.prefix}): list it once`,
        path
      );
    }
    seen.set(target.prefix, path);
    return { target, auth: planAuth(target, config, options, path) };
  });
}
function checkPackagesHost(value) {
  if (value === void 0) return void 0;
  try {
    return parsePackagesHost(value);
  } catch (error) {
    const { message, hint } = error;
    throw new ConfigError("CI_CONFIG_UNRESOLVABLE", `\`packages-host\`: ${message}`, {
      cause: error,
      issues: [{ path: "packages-host", message }],
      ...hint === void 0 ? {} : { hint }
    });
  }
}
function parseTarget(url, organization, packagesHost, path) {
  try {
    return parseBuildkiteRegistry(url, {
      ...organization !== void 0 && { organization },
      ...packagesHost !== void 0 && { packagesHost }
    });
  } catch (error) {
    const { message, hint } = error;
    throw new ConfigError("CI_CONFIG_UNRESOLVABLE", `\`${path}\`: ${message}`, {
      cause: error,
      issues: [{ path, message }],
      ...hint === void 0 ? {} : { hint }
    });
  }
}
function planAuth(target, top, item, path) {
  const own = item.auth !== void 0 || item["token-env"] !== void 0 || item.secret !== void 0;
  const group = own ? item : top;
  const buildkite = target.kind === "buildkite";
  const method = group.auth ?? (group["token-env"] !== void 0 ? "token-env" : group.secret !== void 0 ? "secret" : buildkite ? "oidc" : "docker-config");
  switch (method) {
    case "oidc":
      return {
        method: "oidc",
        audience: oidcAudience(target, top, item, path),
        lifetimeSeconds: OIDC_LIFETIME_SECONDS
      };
    case "token-env":
    case "secret": {
      const source = method === "token-env" ? { kind: "env", name: group["token-env"] } : { kind: "secret", name: group.secret };
      return {
        method: "token",
        source,
        username: item.username ?? top.username ?? (buildkite ? BUILDKITE_USERNAME : void 0)
      };
    }
    case "docker-config":
      return { method: "docker-config" };
    case "none":
      return { method: "none" };
  }
}
function oidcAudience(target, top, item, path) {
  if (target.kind === "buildkite") {
    const audience2 = buildkiteAudience(target.organization, target.registry, target.host);
    if (item.audience !== void 0 && item.audience !== audience2) {
      throw conflict(
        `\`${path}\` is a Buildkite Packages registry, whose OIDC audience is always ${audience2}; remove \`audience: ${item.audience}\``,
        path
      );
    }
    return audience2;
  }
  const audience = item.audience ?? top.audience;
  if (audience === void 0) {
    throw new ConfigError(
      "CI_CONFIG_UNRESOLVABLE",
      `\`${path}\` (${target.host}) uses OIDC but has no \`audience\``,
      {
        issues: [{ path, message: "OIDC outside Buildkite Packages needs an audience" }],
        hint: "Set `audience` to the value the registry expects in the token, or use `token-env`/`secret`."
      }
    );
  }
  if (audience.replace(/^https:\/\//, "").toLowerCase().startsWith(`${BUILDKITE_PACKAGES_HOST}/`)) {
    throw conflict(
      `\`${path}\` (${target.host}) asks for an OIDC token meant for Buildkite Packages (${audience}); such a token is only ever sent to ${BUILDKITE_PACKAGES_HOST}`,
      path
    );
  }
  return audience;
}
function conflict(message, path) {
  return new ConfigError("CI_CONFIG_CONFLICT", message, { issues: [{ path, message }] });
}

// src/ci/buildkite/plan.ts
var PLAN_DEFAULTS = {
  push: "success",
  retries: 3,
  compression: "gzip",
  annotationStyle: "success",
  /** Prefix of meta-data keys: `container-package:app:digest`. */
  metaDataPrefix: "container-package",
  /** Annotation context: `container-package-{step key or job ID}`. */
  contextPrefix: "container-package",
  localRegistryPort: 0,
  localRegistryEnv: "CONTAINER_PACKAGE_LOCAL_REGISTRY"
};
function planPublish(config, build, options = {}) {
  const registries = planRegistries(
    config,
    build.organization,
    config["packages-host"] ?? build.packagesHost
  );
  const outputs = metaData(config);
  const images = planImages(config, registries, tagContext(build, options.now), outputs?.prefix);
  return {
    registries,
    images,
    push: pushDecision(config, build),
    retries: config.retries ?? PLAN_DEFAULTS.retries,
    compression: config.compression ?? PLAN_DEFAULTS.compression,
    summary: summary(config, build),
    outputs,
    localRegistry: localRegistry(config),
    credentialScopes: registries.filter(({ auth }) => auth.method === "oidc" || auth.method === "token").map(({ target }) => target.prefix)
  };
}
function tagContext(build, now) {
  const context = {
    branch: build.branch,
    buildNumber: build.buildNumber,
    commit: build.commit,
    gitTag: build.tag,
    pipeline: build.pipeline,
    buildId: build.buildId,
    jobId: build.jobId,
    date: now
  };
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== void 0));
}
function pushDecision(config, build) {
  const when = config.push ?? PLAN_DEFAULTS.push;
  const status = build.commandExitStatus;
  if (when === "never") return { when, push: false, reason: 'push is "never": nothing is pushed' };
  if (when === "always") {
    const after = status === void 0 || status === 0 ? "" : ` (the command failed with exit status ${status})`;
    return { when, push: true, reason: `push is "always": pushing${after}` };
  }
  if (status === void 0) return { when, push: true, reason: "pushing if the command succeeds" };
  if (status === 0) return { when, push: true, reason: "the command succeeded: pushing" };
  return {
    when,
    push: false,
    reason: `the command failed with exit status ${status}, so nothing is pushed (set push: always to push anyway)`
  };
}
function summary(config, build) {
  if (config.annotate === false) return void 0;
  const options = typeof config.annotate === "object" ? config.annotate : {};
  const id = build.stepKey ?? build.jobId ?? "job";
  return {
    context: options.context ?? fitContext(`${PLAN_DEFAULTS.contextPrefix}-${id}`),
    successStyle: options.style ?? PLAN_DEFAULTS.annotationStyle,
    priority: options.priority
  };
}
function fitContext(context) {
  if (context.length <= MAX_ANNOTATION_CONTEXT) return context;
  const hash = createHash("sha256").update(context).digest("hex").slice(0, 8);
  return `${context.slice(0, MAX_ANNOTATION_CONTEXT - 9)}-${hash}`;
}
function metaData(config) {
  const option = config["meta-data"];
  if (option === false) return void 0;
  return { prefix: (typeof option === "object" ? option.prefix : void 0) ?? PLAN_DEFAULTS.metaDataPrefix };
}
function localRegistry(config) {
  const option = config["local-registry"];
  if (option === void 0 || option === false) return void 0;
  const options = option === true ? {} : option;
  return {
    port: options.port ?? PLAN_DEFAULTS.localRegistryPort,
    mirrors: options.mirror ?? [],
    storage: options.storage,
    exportAs: options["export-as"] ?? PLAN_DEFAULTS.localRegistryEnv
  };
}

// src/ci/buildkite/describe-value.ts
function formatPath(path) {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
var TOKEN_PREFIXES = [
  "bkua_",
  "bkct_",
  "bkaa_",
  "bkar_",
  "bkaj_",
  "ghp_",
  "gho_",
  "ghs_",
  "ghu_",
  "ghr_",
  "github_pat_",
  "glpat-",
  "xox",
  "AKIA",
  "eyJ",
  "-----BEGIN"
];
function looksSecret(value) {
  if (TOKEN_PREFIXES.some((prefix) => value.startsWith(prefix))) return true;
  return value.length >= 24 && /^[A-Za-z0-9_\-+/=.]+$/.test(value) && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}
function isSecretKeyName(key) {
  return /token|passw|secret|api[-_]?key|credential|private[-_]?key/i.test(key);
}
var MAX_QUOTED = 80;
function describeValue(value, hide = false) {
  if (value === null || value === void 0) return "nothing";
  if (typeof value === "string") {
    if (hide || looksSecret(value)) return "a value that is not shown (it may be a secret)";
    const cut = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}\u2026` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  return "a mapping";
}
function jsonType(value) {
  if (value === null || value === void 0) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "string" || typeof value === "boolean") return typeof value;
  return "object";
}
function closest(word, candidates) {
  const norm = (s) => s.toLowerCase().replace(/_/g, "-");
  const target = norm(word);
  let best;
  let bestDistance = Math.max(1, Math.floor(target.length / 3));
  for (const candidate of candidates) {
    const distance = editDistance(target, norm(candidate));
    if (distance <= bestDistance && (best === void 0 || distance < editDistance(target, norm(best)))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

// src/ci/buildkite/check-schema.ts
var TYPE_WORDS = {
  string: "text",
  boolean: "true or false",
  integer: "a whole number",
  number: "a number",
  array: "a list",
  object: "a mapping"
};
function checkSchema(value, schema, options = {}) {
  const issues = [];
  visit(value, schema, [], options, issues);
  return issues;
}
function visit(value, node, path, options, issues) {
  const where = formatPath(path);
  const hide = path.some((segment) => typeof segment === "string" && isSecretKeyName(segment));
  const issue = (message) => void issues.push({ path: where, message });
  if (node.anyOf !== void 0) {
    const branches = node.anyOf.filter(
      (branch) => branch.type === void 0 || typeMatches(value, branch.type)
    );
    if (branches.length === 0) {
      const expected = node.anyOf.map((branch) => TYPE_WORDS[branch.type]).join(" or ");
      return issue(`${label(where)} must be ${expected}, got ${describeValue(value, hide)}${explain(node)}`);
    }
    const results = branches.map((branch) => checkSchemaAt(value, branch, path, options));
    const best = results.reduce((a, b) => b.length < a.length ? b : a);
    issues.push(...best);
    return;
  }
  if (node.type !== void 0 && !typeMatches(value, node.type)) {
    return issue(
      `${label(where)} must be ${TYPE_WORDS[node.type]}, got ${describeValue(value, hide)}${explain(node)}`
    );
  }
  if (node.enum !== void 0 && !node.enum.includes(value)) {
    const allowed = node.enum.map(String);
    const guess = typeof value === "string" ? closest(value, allowed) : void 0;
    const suggestion = guess === void 0 ? "" : ` (did you mean ${guess}?)`;
    return issue(
      `${label(where)} must be one of ${allowed.join(", ")}; got ${describeValue(value, hide)}${suggestion}`
    );
  }
  if (typeof value === "string") checkString(value, node, where, hide, options, issue);
  if (typeof value === "number") checkNumber(value, node, where, issue);
  if (Array.isArray(value)) {
    if (node.minItems !== void 0 && value.length < node.minItems) {
      issue(
        `${label(where)} must list at least ${node.minItems} item${node.minItems === 1 ? "" : "s"}${explain(node)}`
      );
    }
    if (node.items !== void 0)
      value.forEach((item, i) => visit(item, node.items, [...path, i], options, issues));
  }
  if (jsonType(value) === "object")
    checkObject(value, node, path, options, issues);
}
function checkSchemaAt(value, node, path, options) {
  const issues = [];
  visit(value, node, path, options, issues);
  return issues;
}
function checkString(value, node, where, hide, options, issue) {
  if (node.minLength !== void 0 && [...value].length < node.minLength) {
    issue(`${label(where)} must not be empty${explain(node)}`);
  } else if (node.pattern !== void 0 && !new RegExp(node.pattern, "u").test(value)) {
    const rule = options.patterns?.[node.pattern] ?? `text matching ${node.pattern}`;
    issue(`${label(where)} must be ${rule}; got ${describeValue(value, hide)}`);
  }
}
function checkNumber(value, node, where, issue) {
  const { minimum, maximum } = node;
  const below = minimum !== void 0 && value < minimum;
  const above = maximum !== void 0 && value > maximum;
  if (!below && !above) return;
  const range = minimum !== void 0 && maximum !== void 0 ? `between ${minimum} and ${maximum}` : minimum !== void 0 ? `at least ${minimum}` : `at most ${maximum}`;
  issue(`${label(where)} must be ${range}, got ${value}`);
}
function checkObject(value, node, path, options, issues) {
  const where = formatPath(path);
  const properties = node.properties ?? {};
  const known = Object.keys(properties);
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(properties, key)) {
      visit(value[key], properties[key], [...path, key], options, issues);
    } else if (node.additionalProperties === false) {
      const custom = options.unknownKey?.(key, where);
      const guess = closest(key, known);
      const suggestion = guess === void 0 ? "" : ` (did you mean \`${guess}\`?)`;
      const place = where === "" ? "" : ` in \`${where}\``;
      const message = custom ?? `unknown option \`${key}\`${place}${suggestion}; the options here are ${known.join(", ")}`;
      issues.push({ path: formatPath([...path, key]), message });
    }
  }
  for (const key of node.required ?? []) {
    if (!Object.hasOwn(value, key)) {
      const what = properties[key]?.description;
      const place = where === "" ? "the configuration" : `\`${where}\``;
      issues.push({
        path: where,
        message: `${place} needs \`${key}\`${what === void 0 ? "" : ` (${what})`}`
      });
    }
  }
}
function typeMatches(value, type) {
  const actual = jsonType(value);
  return actual === type || type === "number" && actual === "integer";
}
function label(where) {
  return where === "" ? "the configuration" : `\`${where}\``;
}
function explain(node) {
  const description = node.description ?? node.anyOf?.find((branch) => branch.description)?.description;
  return description === void 0 ? "" : `. ${description}`;
}

// src/ci/buildkite/validate.ts
var PATTERNS = {
  [ENV_NAME_PATTERN]: "the name of an environment variable or secret (letters, digits and _, not starting with a digit)"
};
var NO_LITERAL_TOKENS = "a token never goes in pipeline YAML (the YAML is stored with every build and shown in the UI). Put it in an environment variable and write `token-env: NAME`, or store it as a Buildkite secret and write `secret: NAME`";
var SAMPLE_CONTEXT = {
  branch: "main",
  buildNumber: 1,
  buildId: "b",
  jobId: "j",
  commit: "0123456789abcdef",
  gitTag: "v1",
  pipeline: "p",
  date: /* @__PURE__ */ new Date(0)
};
function validatePluginConfig(raw, origin = "the plugin configuration") {
  const issues = checkSchema(raw, PLUGIN_SCHEMA, { patterns: PATTERNS, unknownKey });
  if (issues.length === 0) issues.push(...checkValues(raw));
  if (issues.length > 0) throw configError("CI_CONFIG_INVALID", origin, issues);
  const conflicts = checkConflicts(raw);
  if (conflicts.length > 0) throw configError("CI_CONFIG_CONFLICT", origin, conflicts);
  return raw;
}
function unknownKey(key, where) {
  if (!isSecretKeyName(key)) return void 0;
  const at = where === "" ? key : `${where}.${key}`;
  return `\`${at}\` is not an option: ${NO_LITERAL_TOKENS}`;
}
function checkValues(config) {
  const issues = [];
  const authIssues = (options, path) => {
    for (const key of ["token-env", "secret"]) {
      const value = options[key];
      if (value !== void 0 && looksSecret(value)) {
        const where = formatPath([...path, key]);
        issues.push({
          path: where,
          message: `\`${where}\` takes the NAME of where the token is, and this value looks like a token itself (not shown): ${NO_LITERAL_TOKENS}. If it was a real token, revoke it.`
        });
      }
    }
  };
  authIssues(config, []);
  if (Array.isArray(config.registry)) {
    config.registry.forEach((item, i) => {
      if (typeof item !== "string") authIssues(item, ["registry", i]);
    });
  }
  const templates = (tags, path) => tags?.forEach((template, i) => {
    try {
      renderTagTemplate(template, SAMPLE_CONTEXT);
    } catch (error) {
      const where = formatPath([...path, i]);
      issues.push({ path: where, message: `\`${where}\`: ${error.message}` });
    }
  });
  templates(config.tags, ["tags"]);
  config.images?.forEach((image, i) => {
    const source = typeof image === "string" ? image : image.source;
    const path = typeof image === "string" ? ["images", i] : ["images", i, "source"];
    try {
      parseSource(source);
    } catch (error) {
      const where = formatPath(path);
      issues.push({ path: where, message: `\`${where}\`: ${error.message}` });
    }
    if (typeof image !== "string") templates(image.tags, ["images", i, "tags"]);
  });
  const context = typeof config.annotate === "object" ? config.annotate.context : void 0;
  if (context !== void 0 && context.length > MAX_ANNOTATION_CONTEXT) {
    issues.push({
      path: "annotate.context",
      message: `\`annotate.context\` must be at most ${MAX_ANNOTATION_CONTEXT} characters, got ${context.length}`
    });
  }
  return issues;
}
function checkConflicts(config) {
  const issues = [];
  const auth = (options, path) => {
    const at = (key) => formatPath([...path, key]);
    const method = options.auth;
    const tokenEnv = options["token-env"] !== void 0;
    const secret = options.secret !== void 0;
    if (tokenEnv && secret) {
      issues.push({
        path: at("secret"),
        message: `\`${at("token-env")}\` and \`${at("secret")}\` are two sources for one token: keep one`
      });
    } else if (method === "token-env" && !tokenEnv) {
      issues.push({
        path: at("auth"),
        message: `\`${at("auth")}: token-env\` needs \`${at("token-env")}: NAME\`, the environment variable that holds the token`
      });
    } else if (method === "secret" && !secret) {
      issues.push({
        path: at("auth"),
        message: `\`${at("auth")}: secret\` needs \`${at("secret")}: NAME\`, the Buildkite secret that holds the token`
      });
    } else if (method !== void 0 && method !== "token-env" && method !== "secret" && (tokenEnv || secret)) {
      const key = tokenEnv ? "token-env" : "secret";
      issues.push({
        path: at(key),
        message: `\`${at("auth")}: ${method}\` uses no token, but \`${at(key)}\` is set: remove one of them`
      });
    }
    const effective = method ?? (tokenEnv ? "token-env" : secret ? "secret" : void 0);
    if (options.audience !== void 0 && effective !== void 0 && effective !== "oidc") {
      issues.push({
        path: at("audience"),
        message: `\`${at("audience")}\` is for OIDC logins, but this login is ${effective}`
      });
    }
  };
  auth(config, []);
  if (Array.isArray(config.registry)) {
    config.registry.forEach((item, i) => {
      if (typeof item !== "string") auth(item, ["registry", i]);
    });
  }
  if (config.images !== void 0 && config.registry === void 0) {
    issues.push({
      path: "registry",
      message: "`images` are listed but no `registry` to push them to: add `registry: {org}/{registry}`"
    });
  }
  if (config.registry === void 0 && config.images === void 0 && !config["local-registry"]) {
    issues.push({
      path: "",
      message: "the configuration does nothing: give `registry` and `images` to push, `registry` alone to log in for the command, or `local-registry: true`"
    });
  }
  return issues;
}
function configError(code, origin, issues) {
  const lines = issues.map((issue) => `  - ${issue.message}`).join("\n");
  const count = issues.length === 1 ? "a problem" : `${issues.length} problems`;
  return new ConfigError(code, `the container-package configuration (${origin}) has ${count}:
${lines}`, {
    issues,
    hint: "Fix the plugin's settings in the pipeline YAML; plugin.yml and docs/buildkite-plugin.md list every option."
  });
}

// src/ci/buildkite/hooks/context.ts
function hookMode(env) {
  const explicit = env.CONTAINER_PACKAGE_MODE;
  if (explicit === "agent" || explicit === "plugin") return explicit;
  const plugin = !!env.BUILDKITE_PLUGIN_NAME || !!env.BUILDKITE_PLUGIN_CONFIGURATION || Object.keys(env).some((name) => name.startsWith("BUILDKITE_PLUGIN_CONTAINER_PACKAGE_"));
  return plugin ? "plugin" : "agent";
}
function hookContext(env, cli, log, saved) {
  return { env, mode: hookMode(env), agent: createAgent({ env }), log, cli, ...saved && { saved } };
}
function readConfig(context) {
  if (context.saved) return context.saved;
  return context.mode === "agent" ? readAgentHookConfig(context.env) : readPluginConfig(context.env);
}
function planFrom(context, raw, now) {
  const config = validatePluginConfig(raw.value, raw.origin);
  return planPublish(config, readBuildEnv(context.env), { now });
}
function loadPlan(context, now) {
  const raw = readConfig(context);
  return raw === void 0 ? void 0 : planFrom(context, raw, now);
}

// src/ci/buildkite/hooks/set-up-job.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join4 } from "node:path";

// src/docker-config/errors.ts
var DockerConfigError = class extends ContainerPackageError {
  /** The directory or file concerned. */
  path;
  constructor(code, path, message, details = {}) {
    super(code, message, details);
    this.name = "DockerConfigError";
    this.path = path;
  }
};

// src/docker-config/scope.ts
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
function splitServerAddress(address) {
  const bare = address.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const slash = bare.indexOf("/");
  const rawHost = (slash < 0 ? bare : bare.slice(0, slash)).toLowerCase();
  const host = DOCKER_HUB_ALIASES.has(rawHost) ? "docker.io" : rawHost;
  const path = (slash < 0 ? "" : bare.slice(slash + 1)).replace(/^\/+|\/+$/g, "");
  return { host, path: /^v[12]$/.test(path) ? "" : path };
}
function keyConcernsScope(key, scope) {
  const k = splitServerAddress(key);
  const s = splitServerAddress(scope);
  if (k.host !== s.host) return false;
  if (k.path === "" || s.path === "") return true;
  return k.path === s.path || s.path.startsWith(`${k.path}/`) || k.path.startsWith(`${s.path}/`);
}

// src/docker-config/filter.ts
function isolatedConfig(agent, scopes) {
  const config = structuredClone(agent);
  const concerns = (key) => scopes.some((scope) => keyConcernsScope(key, scope));
  const dropped = [];
  const auths = isRecord(config.auths) ? config.auths : void 0;
  const helpers = isRecord(config.credHelpers) ? config.credHelpers : void 0;
  for (const table of [auths, helpers]) {
    for (const key of Object.keys(table ?? {})) {
      if (!concerns(key)) continue;
      delete table[key];
      if (!dropped.includes(key)) dropped.push(key);
    }
  }
  const store = typeof config.credsStore === "string" && config.credsStore !== "" ? config.credsStore : void 0;
  if (store !== void 0) {
    delete config.credsStore;
    const converted = { ...helpers };
    for (const key of Object.keys(auths ?? {})) converted[key] ??= store;
    if (Object.keys(converted).length > 0) config.credHelpers = converted;
  }
  return { config, report: { dropped, credsStore: store } };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/docker-config/isolate.ts
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync as readFileSync2,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join as join2, resolve } from "node:path";
var LINKED_DIRS = ["buildx", "contexts", "cli-plugins"];
var MARKER_FILE = ".container-package-docker-config";
function createIsolatedDockerConfig(options = {}) {
  const env = options.env ?? process.env;
  const given = resolve(options.source ?? (env.DOCKER_CONFIG || join2(homedir(), ".docker")));
  const source = originalSource(given) ?? given;
  const { config, report } = isolatedConfig(readAgentConfig(source), options.registriesToDrop ?? []);
  let dir;
  try {
    dir = mkdtempSync(join2(options.tmpRoot ?? tmpdir(), "container-package-docker-"));
  } catch (error) {
    throw new DockerConfigError(
      "DOCKER_CONFIG_WRITE_FAILED",
      options.tmpRoot ?? tmpdir(),
      "cannot create the job's docker config directory",
      {
        cause: error,
        hint: "Check that the temp directory exists and is writable (TMPDIR)."
      }
    );
  }
  const configPath = join2(dir, "config.json");
  try {
    writeFileSync(join2(dir, MARKER_FILE), `${JSON.stringify({ source })}
`, { mode: 384 });
    writeFileSync(configPath, `${JSON.stringify(config, null, "	")}
`, { mode: 384 });
    for (const name of LINKED_DIRS) {
      const target = join2(source, name);
      if (existsSync(target) && lstatSync(target).isDirectory()) symlinkSync(target, join2(dir, name), "dir");
    }
  } catch (error) {
    removeTree(dir);
    throw new DockerConfigError(
      "DOCKER_CONFIG_WRITE_FAILED",
      dir,
      `cannot write the job's docker config in ${dir}`,
      { cause: error }
    );
  }
  return { dir, configPath, source, report, dispose: () => removeTree(dir) };
}
function removeIsolatedDockerConfig(dir) {
  if (!existsSync(dir)) return;
  if (!existsSync(join2(dir, MARKER_FILE))) {
    throw new DockerConfigError(
      "DOCKER_CONFIG_NOT_OURS",
      dir,
      `${dir} was not made by container-package, so it is not removed`,
      {
        hint: "DOCKER_CONFIG points somewhere else than the job's config; check what changed it."
      }
    );
  }
  removeTree(dir);
}
function removeTree(dir) {
  rmSync(dir, { recursive: true, force: true });
}
function originalSource(dir) {
  try {
    const marker = JSON.parse(readFileSync2(join2(dir, MARKER_FILE), "utf8"));
    return typeof marker.source === "string" ? marker.source : void 0;
  } catch {
    return void 0;
  }
}
function readAgentConfig(source) {
  const path = join2(source, "config.json");
  let text;
  try {
    text = readFileSync2(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return {};
    throw new DockerConfigError(
      "DOCKER_CONFIG_UNREADABLE",
      path,
      `cannot read the agent's docker config ${path}`,
      { cause: error }
    );
  }
  const value = parseJsonObject(text);
  if (value === void 0) {
    throw new DockerConfigError(
      "DOCKER_CONFIG_UNREADABLE",
      path,
      `the agent's docker config ${path} is not a JSON object`,
      {
        hint: "Fix or remove that file (docker login recreates it)."
      }
    );
  }
  return value;
}

// src/ci/buildkite/hooks/state.ts
import { existsSync as existsSync2 } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join as join3 } from "node:path";
var STATE_DIR_ENV = "CONTAINER_PACKAGE_STATE_DIR";
var FILE = "state.json";
async function readState(dir) {
  if (!dir || !existsSync2(join3(dir, FILE))) return void 0;
  return JSON.parse(await readFile(join3(dir, FILE), "utf8"));
}
async function writeState(dir, state) {
  const tmp = join3(dir, `${FILE}.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(state, null, 2), { mode: 384 });
  await rename(tmp, join3(dir, FILE));
}

// src/ci/buildkite/hooks/set-up-job.ts
async function setUpJob(context, raw, now) {
  const plan = planFrom(context, raw, now);
  const stateDir = await mkdtemp(join4(context.env.TMPDIR || tmpdir2(), "container-package-job-"));
  const original = context.env.DOCKER_CONFIG;
  const isolated = createIsolatedDockerConfig({
    ...original ? { source: original } : {},
    registriesToDrop: [...plan.credentialScopes],
    tmpRoot: stateDir,
    env: context.env
  });
  await writeState(stateDir, {
    startedAt: now.toISOString(),
    mode: context.mode,
    ...context.mode === "agent" && { config: raw },
    dockerConfig: isolated.dir,
    ...original !== void 0 && { originalDockerConfig: original }
  });
  const images = plan.images.map((i) => `${i.source} \u2192 ${i.name}:${i.tags.join(",")}`).join("; ");
  context.log(`container-package: ${plan.push.reason}; images: ${images}`);
  context.log(`container-package: this job's docker config is ${isolated.dir}`);
  return { [STATE_DIR_ENV]: stateDir, DOCKER_CONFIG: isolated.dir };
}

// src/ci/buildkite/hooks/environment.ts
async function environmentHook(context, now = /* @__PURE__ */ new Date()) {
  if (context.mode === "agent") return {};
  return setUpJob(context, readConfig(context) ?? { value: {}, origin: "the plugin (no settings)" }, now);
}

// src/ci/buildkite/hooks/post-checkout.ts
async function postCheckoutHook(context, now = /* @__PURE__ */ new Date()) {
  if (context.mode !== "agent") return {};
  if (context.env[STATE_DIR_ENV]) {
    context.log(
      "container-package: this step uses the container-package plugin: the agent's hooks leave it to the plugin"
    );
    return {};
  }
  const raw = readConfig(context);
  return raw === void 0 ? {} : setUpJob(context, raw, now);
}

// src/ci/buildkite/hooks/pre-command.ts
import { mkdir, writeFile as writeFile2 } from "node:fs/promises";
import { join as join5 } from "node:path";

// src/ci/buildkite/hooks/credentials.ts
var minted = /* @__PURE__ */ new WeakMap();
function remember(context, prefix, facts) {
  let byPrefix = minted.get(context);
  if (byPrefix === void 0) minted.set(context, byPrefix = /* @__PURE__ */ new Map());
  byPrefix.set(prefix, facts);
}
function mintedOidcToken(context, prefix) {
  return minted.get(context)?.get(prefix);
}
function publishTarget(planned) {
  const audience = planned.auth.method === "oidc" ? planned.auth.audience : void 0;
  const { target } = planned;
  if (target.kind === "buildkite") {
    return {
      prefix: target.prefix,
      host: target.host,
      kind: "buildkite",
      organization: target.organization,
      registry: target.registry,
      ...audience !== void 0 && { audience }
    };
  }
  return resolveTarget(target.prefix, audience ? { audience } : {});
}
async function credentialsFor(context, planned) {
  const auth = planned.auth;
  switch (auth.method) {
    case "oidc": {
      const token = await context.agent.requestOidcToken({
        audience: auth.audience,
        lifetimeSeconds: auth.lifetimeSeconds
      });
      await context.agent.redact(token);
      remember(context, planned.target.prefix, { claims: jwtClaims(token) ?? {}, audience: auth.audience });
      return { username: "buildkite", password: token };
    }
    case "token": {
      const token = auth.source.kind === "env" ? context.env[auth.source.name] : await context.agent.secretGet(auth.source.name);
      if (!token) {
        throw new ContainerPackageError(
          "CI_TOKEN_MISSING",
          auth.source.kind === "env" ? `the token variable ${auth.source.name} for ${planned.target.prefix} is not set or empty` : `the Buildkite secret ${auth.source.name} for ${planned.target.prefix} is empty`,
          { hint: "set it in the pipeline (env, or a Buildkite secret) or change token-env / secret" }
        );
      }
      await context.agent.redact(token);
      return { username: auth.username ?? "buildkite", password: token };
    }
    default:
      return void 0;
  }
}

// src/ci/buildkite/hooks/report-failure.ts
async function reportFailure(context, plan, error, stage = "push") {
  const coded = isContainerPackageError(error);
  const message = error instanceof Error ? error.message : String(error);
  context.log(`container-package: ${stage} failed: ${message}`);
  if (coded && error.hint) context.log(`container-package: ${error.hint}`);
  if (!plan.summary) return;
  const status = error.status;
  const where = error;
  const registry = where.publishTarget ?? (plan.registries[0] && publishTarget(plan.registries[0]));
  const oidc = registry && mintedOidcToken(context, registry.prefix);
  const body = renderFailure(
    {
      code: coded ? error.code : "UNKNOWN",
      message,
      ...coded && error.hint ? { hint: error.hint } : {},
      ...typeof status === "number" ? { status } : {},
      ...registry && { registry },
      ...where.publishSource && { source: where.publishSource },
      ...context.env.BUILDKITE_PIPELINE_SLUG && { pipeline: context.env.BUILDKITE_PIPELINE_SLUG },
      ...oidc && { oidc }
    },
    stage === "login" ? { title: "Logging in to the registry failed (before the command ran)" } : {}
  );
  await context.agent.annotate(body, { style: "error", context: plan.summary.context }).catch((e) => {
    context.log(
      `container-package: could not annotate the failure: ${e instanceof Error ? e.message : String(e)}`
    );
  });
}

// src/ci/buildkite/hooks/pre-command.ts
async function preCommandHook(context) {
  const stateDir = context.env[STATE_DIR_ENV];
  const state = await readState(stateDir);
  if (state === void 0 || stateDir === void 0) return {};
  const plan = loadPlan(context, new Date(state.startedAt));
  if (plan === void 0) return {};
  for (const planned of plan.registries) {
    const target = publishTarget(planned);
    try {
      const credentials = await credentialsFor(context, planned);
      if (credentials === void 0) continue;
      await login(target, credentials, {
        ...state.dockerConfig && { configDir: state.dockerConfig },
        // Prove the push, not just the login: a policy that does not match fails here, before the command.
        // (With `push: never` nothing will be pushed, so only the login is checked.)
        pushTo: plan.push.push ? [...new Set(plan.images.map((image) => image.name))] : [],
        client: { retries: plan.retries }
      });
    } catch (error) {
      if (typeof error === "object" && error !== null && !("publishTarget" in error)) {
        Object.defineProperty(error, "publishTarget", { value: target, enumerable: false });
      }
      await reportFailure(context, plan, error, "login");
      throw error;
    }
    const proven = plan.push.push ? `; it may push ${plan.images.map((i) => i.name).join(", ")}` : "";
    context.log(`container-package: logged in to ${target.prefix} (${planned.auth.method})${proven}`);
  }
  const local = plan.localRegistry;
  if (local === void 0) return {};
  const storage = local.storage ?? join5(stateDir, "registry");
  await mkdir(storage, { recursive: true });
  const args = local.mirrors.length > 0 ? ["--config", await writeMirrorConfig(stateDir, local.mirrors)] : [];
  const registry = await startLocalRegistry({
    cli: context.cli,
    port: local.port,
    storage,
    logDir: stateDir,
    args
  });
  const next = {
    ...state,
    localRegistry: {
      pid: registry.pid,
      address: registry.address,
      storage,
      temporary: local.storage === void 0
    }
  };
  await writeState(stateDir, next);
  const exports = {
    [local.exportAs]: registry.address,
    ...localRegistryEnv(registry.address, local.mirrors, context.env.BUILDKITE_PIPELINE_SLUG)
  };
  const prefixes = exports[MIRROR_PREFIXES_ENV]?.split(" ") ?? [];
  const mirrors = prefixes.length === 0 ? "" : `, mirroring ${local.mirrors.join(", ")} at ${prefixes.join(" ")}`;
  context.log(
    `container-package: local registry at ${registry.url} (exported as ${local.exportAs})${mirrors}`
  );
  return exports;
}
async function writeMirrorConfig(stateDir, mirrors) {
  let text;
  try {
    text = localMirrorConfig(mirrors);
  } catch (error) {
    throw new ContainerPackageError(
      "CI_LOCAL_REGISTRY_MIRROR",
      error.message.replace("mirrors[", "mirror["),
      {
        hint: "list registry hosts to cache, such as docker.io, ghcr.io or packages.buildkite.com/ORG/REGISTRY (lowercase, no port)",
        cause: error
      }
    );
  }
  const file = join5(stateDir, "registry.yaml");
  await writeFile2(file, text, { mode: 384 });
  return file;
}

// src/ci/buildkite/hooks/post-command.ts
async function postCommandHook(context) {
  const state = await readState(context.env[STATE_DIR_ENV]);
  if (state === void 0) {
    context.log("container-package: the environment hook did not run for this job: nothing to push");
    return [];
  }
  const plan = loadPlan(context, new Date(state.startedAt));
  if (plan === void 0) return [];
  if (!plan.push.push) {
    context.log(`container-package: ${plan.push.reason}`);
    return [];
  }
  const byPrefix = new Map(plan.registries.map((r) => [r.target.prefix, r]));
  let results;
  try {
    results = await publish({
      images: plan.images.map((i) => ({ source: i.source, name: i.name, tags: i.tags })),
      registries: plan.registries.map(publishTarget),
      credentials: (target) => credentialsFor(context, byPrefix.get(target.prefix)),
      ...state.dockerConfig && { dockerConfig: state.dockerConfig },
      compression: plan.compression,
      engineRetries: plan.retries,
      client: { retries: plan.retries },
      ...context.env.BUILDKITE_ORGANIZATION_SLUG && {
        organization: context.env.BUILDKITE_ORGANIZATION_SLUG
      },
      onEvent: logEvent(context)
    });
  } catch (error) {
    await reportFailure(context, plan, error);
    throw error;
  }
  await reportSuccess(context, plan, results);
  return results;
}
function logEvent(context) {
  return (event) => {
    if (event.type === "image-start") context.log(`--- :docker: pushing ${event.source} to ${event.target}`);
    else if (event.type === "engine-line") context.log(event.line);
    else if (event.type === "image-done") {
      context.log(`pushed ${event.image.references.join(", ")} @ ${event.image.digest}`);
    } else if (event.event.type === "blob-done" || event.event.type === "blob-mounted" || event.event.type === "blob-skipped") {
      const what = { "blob-done": "pushed", "blob-mounted": "mounted", "blob-skipped": "already there" }[event.event.type];
      context.log(`  ${event.event.digest.slice(0, 19)} ${what} (${event.event.total} bytes)`);
    }
  };
}
async function reportSuccess(context, plan, results) {
  if (plan.summary) {
    await context.agent.annotate(renderPullInstructions(results), {
      style: plan.summary.successStyle,
      context: plan.summary.context,
      ...plan.summary.priority !== void 0 && { priority: plan.summary.priority }
    });
  }
  for (const image of plan.images) {
    if (image.outputKeys === void 0) continue;
    const mine = results.filter((r) => r.source === image.source && r.name === image.name);
    if (mine.length === 0) continue;
    await context.agent.setMetaData(image.outputKeys.digest, mine[0].digest);
    const references = mine.flatMap((r) => r.references.map((ref) => `${ref}@${r.digest}`));
    await context.agent.setMetaData(image.outputKeys.references, references.join("\n"));
  }
}

// src/ci/buildkite/hooks/pre-exit.ts
import { rm } from "node:fs/promises";
async function preExitHook(context) {
  const stateDir = context.env[STATE_DIR_ENV];
  const state = await readState(stateDir).catch(() => void 0);
  if (state === void 0 || stateDir === void 0) return {};
  if (state.localRegistry) {
    await stopLocalRegistryGracefully(state.localRegistry.pid);
    if (state.localRegistry.temporary)
      await rm(state.localRegistry.storage, { recursive: true, force: true });
    context.log("container-package: stopped the local registry");
  }
  if (state.dockerConfig) {
    try {
      removeIsolatedDockerConfig(state.dockerConfig);
    } catch (error) {
      context.log(
        `container-package: could not remove ${state.dockerConfig}: ${error instanceof Error ? error.message : String(error)}`
      );
    }
  }
  await rm(stateDir, { recursive: true, force: true });
  context.log("container-package: removed the job's docker config and credentials");
  return { DOCKER_CONFIG: state.originalDockerConfig, [STATE_DIR_ENV]: void 0 };
}

// src/ci/buildkite/hooks/run.ts
var HOOK_NAMES = [
  "environment",
  "post-checkout",
  "pre-command",
  "post-command",
  "pre-exit"
];
async function runHook(hook, env, cli, log) {
  if (hook === "environment" || hook === "post-checkout") {
    const context2 = hookContext(env, cli, log);
    return hook === "environment" ? environmentHook(context2) : postCheckoutHook(context2);
  }
  const state = await readState(env[STATE_DIR_ENV]).catch(() => void 0);
  const context = hookContext(env, cli, log, state?.config);
  if (state !== void 0 && state.mode !== context.mode) return {};
  switch (hook) {
    case "pre-command":
      return preCommandHook(context);
    case "post-command":
      await postCommandHook(context);
      return {};
    case "pre-exit":
      return preExitHook(context);
  }
}

// src/ci/buildkite/hooks/shell.ts
function shellQuote(value) {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
function renderExports(exports) {
  return Object.entries(exports).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new TypeError(`not a shell variable name: ${name}`);
    return value === void 0 ? `unset ${name}` : `export ${name}=${shellQuote(value)}`;
  }).join("\n");
}
export {
  HOOK_NAMES,
  STATE_DIR_ENV,
  environmentHook,
  hookContext,
  hookMode,
  loadPlan,
  postCheckoutHook,
  postCommandHook,
  preCommandHook,
  preExitHook,
  readConfig,
  readState,
  renderExports,
  runHook,
  setUpJob,
  shellQuote
};
