import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  load
} from "./chunk-DD32BUKB.js";
import {
  parseSource
} from "./chunk-DAVD5AZI.js";
import {
  targetReference
} from "./chunk-CRBGOO2F.js";
import {
  BUILDKITE_PACKAGES_HOST,
  BUILDKITE_USERNAME,
  buildkiteAudience,
  fnv1a32,
  formatReference,
  parseBuildkiteRegistry,
  parsePackagesHost,
  parseReference,
  parseRepositoryPath,
  renderTagTemplate
} from "./chunk-43WCQIHM.js";
import {
  ConfigError,
  ENV_NAME_PATTERN,
  MAX_ANNOTATION_CONTEXT,
  PLUGIN_SCHEMA,
  createAgent
} from "./chunk-EZJHXTS3.js";
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";

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

// src/publish/plan/default-name.ts
function defaultImageName(spec) {
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

// src/publish/plan/tags.ts
var DEFAULT_TAG_TEMPLATES = ["{{build.number}}"];
function renderTags(templates, context) {
  const tags = [];
  const skipped = [];
  for (const template of templates.length > 0 ? templates : DEFAULT_TAG_TEMPLATES) {
    const tag = renderTagTemplate(template, context, { missing: "skip" });
    if (tag === void 0) skipped.push(template);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  return { tags, skipped };
}

// src/publish/plan/images.ts
var PlanError = class extends ContainerPackageError {
  index;
  /** For `PUBLISH_DUPLICATE_NAME`: the position of the first image with that name. */
  earlier;
  /** The image's name, once known. */
  imageName;
  constructor(code, index, message, details = {}) {
    super(code, message, details);
    this.name = "PlanError";
    this.index = index;
    this.earlier = details.earlier;
    this.imageName = details.imageName;
  }
};
function planImageSet(images, registries, context) {
  const names = /* @__PURE__ */ new Map();
  return images.map((image, index) => {
    const name = imageName(image, index);
    const earlier = names.get(name);
    if (earlier !== void 0) {
      throw new PlanError("PUBLISH_DUPLICATE_NAME", index, `two images are named ${JSON.stringify(name)}`, {
        earlier,
        imageName: name,
        hint: "give each image its own name: the name is the repository under each registry"
      });
    }
    names.set(name, index);
    const { tags, skipped } = renderTags(image.templates, context);
    if (tags.length === 0) {
      throw new PlanError(
        "PUBLISH_NO_TAG",
        index,
        `no tag is left for ${name}: every template needs a value this build does not have (${skipped.join(", ")})`,
        { hint: 'add a tag every build has, such as "{{build.number}}" or "latest"' }
      );
    }
    const references = registries.flatMap(
      (target) => tags.map((tag) => {
        try {
          return formatReference(targetReference(target, name, tag));
        } catch (error) {
          throw new PlanError(
            "PUBLISH_INVALID_NAME",
            index,
            `${name} cannot be pushed to ${target.prefix}: ${error.message}`,
            { cause: error, hint: 'use a shorter, lowercase name such as "app"' }
          );
        }
      })
    );
    return { source: image.source, spec: image.spec, name, tags, skippedTags: skipped, references };
  });
}
function imageName(image, index) {
  const name = image.name ?? defaultImageName(image.spec);
  if (name === void 0) {
    throw new PlanError(
      "PUBLISH_NAME_REQUIRED",
      index,
      `cannot take an image name from the source ${JSON.stringify(image.source)}`
    );
  }
  try {
    return parseRepositoryPath(name);
  } catch (error) {
    throw new PlanError(
      "PUBLISH_INVALID_NAME",
      index,
      `invalid image name ${JSON.stringify(name)}: ${error.message}`,
      {
        cause: error,
        hint: 'a name is lowercase letters, digits and ".", "_", "-", with "/" between parts: "app", "team/app"'
      }
    );
  }
}

// src/ci/buildkite/plan-images.ts
var DEFAULT_TAGS = DEFAULT_TAG_TEMPLATES;
function planImages(config, registries, context, outputPrefix) {
  const images = (config.images ?? []).map((item) => {
    const { source, name, tags } = typeof item === "string" ? { source: item, name: void 0, tags: void 0 } : item;
    return { source, spec: parseSource(source), name, templates: tags ?? config.tags ?? DEFAULT_TAGS };
  });
  let planned;
  try {
    planned = planImageSet(
      images,
      registries.map((r) => r.target),
      context
    );
  } catch (error) {
    throw error instanceof PlanError ? configError(error, images[error.index]?.source ?? "") : error;
  }
  return planned.map((image) => ({
    ...image,
    outputKeys: outputPrefix === void 0 ? void 0 : {
      digest: `${outputPrefix}:${image.name}:digest`,
      references: `${outputPrefix}:${image.name}:references`
    }
  }));
}
function configError(error, source) {
  const path = `images[${error.index}]`;
  switch (error.code) {
    case "PUBLISH_DUPLICATE_NAME": {
      const message = `\`images[${error.earlier ?? 0}]\` and \`${path}\` are both named ${JSON.stringify(error.imageName)}: give each image its own \`name\``;
      return new ConfigError("CI_CONFIG_CONFLICT", message, {
        issues: [{ path, message }],
        hint: "Set `name` on one of them; the name is the repository under each registry."
      });
    }
    case "PUBLISH_NAME_REQUIRED":
      return unresolvable(
        `\`${path}\`: ${error.message}`,
        path,
        `Add \`name: app\` to the image (${source}).`,
        error
      );
    case "PUBLISH_NO_TAG":
      return unresolvable(
        `\`${path}\`: ${error.message}`,
        path,
        'Add a tag that every build has, such as "{{build.number}}" or "latest".',
        error
      );
    default:
      return unresolvable(
        `\`${path}\`: ${error.message}`,
        path,
        'Set `name` to a lowercase name such as "app".',
        error
      );
  }
}
function unresolvable(message, path, hint, cause) {
  return new ConfigError("CI_CONFIG_UNRESOLVABLE", message, { issues: [{ path, message }], hint, cause });
}

// src/ci/buildkite/plan-registries.ts
var OIDC_LIFETIME_SECONDS = 300;
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
  const hash = fnv1a32(context);
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
  if (issues.length > 0) throw configError2("CI_CONFIG_INVALID", origin, issues);
  const conflicts = checkConflicts(raw);
  if (conflicts.length > 0) throw configError2("CI_CONFIG_CONFLICT", origin, conflicts);
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
function configError2(code, origin, issues) {
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

export {
  hookContext,
  readConfig,
  planFrom,
  loadPlan
};
