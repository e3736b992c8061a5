import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/reference/errors.ts
var InvalidReferenceError = class extends ContainerPackageError {
  input;
  part;
  constructor(code, message, details) {
    super(code, message, details.hint === void 0 ? {} : { hint: details.hint });
    this.name = "InvalidReferenceError";
    this.input = details.input;
    this.part = details.part;
  }
};
function invalid(code, what, part, input, rule, hint) {
  const where = part === input ? "" : ` in ${JSON.stringify(input)}`;
  const message = `invalid ${what} ${JSON.stringify(part)}${where}: ${rule}`;
  return new InvalidReferenceError(
    code,
    message,
    hint === void 0 ? { input, part } : { input, part, hint }
  );
}
var TagTemplateError = class extends ContainerPackageError {
  template;
  placeholder;
  constructor(code, message, details) {
    super(code, message, details.hint === void 0 ? {} : { hint: details.hint });
    this.name = "TagTemplateError";
    this.template = details.template;
    this.placeholder = details.placeholder;
  }
};

// src/reference/digest.ts
var DIGEST_ALGORITHMS = ["sha256", "sha512"];
var DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 };
var ALGORITHM_GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/;
var LOWER_HEX = /^[a-f0-9]*$/;
var ANY_HEX = /^[a-fA-F0-9]*$/;
var REFERENCE_DIGEST_HEX_LENGTH = {
  sha256: 64,
  sha384: 96,
  sha512: 128
};
function checkReferenceDigest(value) {
  const colon = value.indexOf(":");
  const algorithm = colon > 0 ? value.slice(0, colon) : "";
  const expected = Object.hasOwn(REFERENCE_DIGEST_HEX_LENGTH, algorithm) ? REFERENCE_DIGEST_HEX_LENGTH[algorithm] : void 0;
  if (expected === void 0 || isDigestAlgorithm(algorithm)) {
    const check = checkDigest(value);
    if (check.ok || expected !== void 0) return check;
    return {
      ok: false,
      reason: check.reason.replace(
        `supported algorithms are ${DIGEST_ALGORITHMS.join(" and ")}`,
        `registered algorithms are ${Object.keys(REFERENCE_DIGEST_HEX_LENGTH).join(", ")}`
      )
    };
  }
  const hex = value.slice(colon + 1);
  if (!LOWER_HEX.test(hex))
    return { ok: false, reason: `the hex part of a ${algorithm} digest is lowercase 0-9 and a-f` };
  if (hex.length !== expected)
    return {
      ok: false,
      reason: `a ${algorithm} digest has ${expected} hex digits, this one has ${hex.length}`
    };
  return { ok: true };
}
function isDigestAlgorithm(name) {
  return name === "sha256" || name === "sha512";
}
function checkDigest(value) {
  const colon = value.indexOf(":");
  if (colon <= 0 || colon === value.length - 1) {
    return {
      ok: false,
      reason: 'a digest is "<algorithm>:<hex>", for example "sha256:" followed by 64 hex digits'
    };
  }
  const algorithm = value.slice(0, colon);
  const hex = value.slice(colon + 1);
  if (!isDigestAlgorithm(algorithm)) {
    const shape = ALGORITHM_GRAMMAR.test(algorithm) ? "unsupported" : "malformed";
    return {
      ok: false,
      reason: `${shape} algorithm ${JSON.stringify(algorithm)}; supported algorithms are ${DIGEST_ALGORITHMS.join(" and ")}`
    };
  }
  const expected = DIGEST_HEX_LENGTH[algorithm];
  if (!LOWER_HEX.test(hex)) {
    const reason = ANY_HEX.test(hex) ? `the hex part has uppercase letters; ${algorithm} digests use lowercase hex` : `the hex part may hold only the characters 0-9 and a-f`;
    return { ok: false, reason };
  }
  if (hex.length !== expected) {
    return {
      ok: false,
      reason: `a ${algorithm} digest has ${expected} hex digits, this one has ${hex.length}`
    };
  }
  return { ok: true, algorithm, hex, value };
}

// src/reference/buildkite-names.ts
var BUILDKITE_PACKAGES_HOST = "packages.buildkite.com";
var BUILDKITE_USERNAME = "buildkite";
var SLUG = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
function parseSlug(kind, slug, input = slug) {
  if (SLUG.test(slug)) return slug;
  const lower = slug.toLowerCase();
  const hint = SLUG.test(lower) ? `Slugs are lowercase: use ${JSON.stringify(lower)}.` : `Copy the slug from the registry's URL on buildkite.com.`;
  throw invalid(
    "REF_INVALID_SLUG",
    `Buildkite ${kind} slug`,
    slug,
    input,
    "a slug is lowercase letters, digits and '-', starting and ending with a letter or digit",
    hint
  );
}
function isBuildkiteHost(host) {
  return host.toLowerCase() === BUILDKITE_PACKAGES_HOST;
}

// src/reference/grammar.ts
var TAG_MAX_LENGTH = 128;
var REPOSITORY_MAX_LENGTH = 255;
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_LEGACY = "index.docker.io";
var OFFICIAL_PREFIX = "library/";
var DEFAULT_TAG = "latest";
var alphanumeric = "[a-z0-9]+";
var separator = "(?:[._]|__|-+)";
var pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
var domainComponent = "[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*";
var domainName = `${domainComponent}(?:\\.${domainComponent})*`;
var ipv6 = "\\[[a-fA-F0-9:]+\\]";
var port = "(?::[0-9]+)?";
var PATH_COMPONENT = new RegExp(`^${pathComponent}$`);
var REPOSITORY_PATH = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);
var DOMAIN = new RegExp(`^(?:${domainName}|${ipv6})${port}$`);
var TAG = /^[\w][\w.-]{0,127}$/;
var HEX_IDENTIFIER = /^[a-f0-9]{64}$/;
var TAG_RULE = "a tag is at most 128 characters of letters, digits, '_', '.' and '-', not starting with '.' or '-'";
var PATH_RULE = "each '/'-separated part of a repository path is lowercase letters and digits, joined by a single '.', one or two '_', or any number of '-', and must start and end with a letter or digit";
var HOST_RULE = "a registry is a host name (letters, digits, '-' and '.'), an IPv4 address, or an IPv6 address in brackets, optionally followed by ':' and a numeric port";
function isValidTag(tag) {
  return TAG.test(tag);
}
function isValidDomain(domain) {
  return DOMAIN.test(domain);
}
function looksLikeHost(component) {
  return component === "localhost" || component.includes(".") || component.includes(":") || component.toLowerCase() !== component;
}

// src/reference/repository.ts
function checkRepositoryComponents(path, input = path) {
  if (path === "") {
    throw invalid(
      "REF_INVALID_REPOSITORY",
      "repository path",
      path,
      input,
      "a repository path cannot be empty"
    );
  }
  if (path.toLowerCase() !== path) {
    throw invalid(
      "REF_UPPERCASE_REPOSITORY",
      "repository path",
      path,
      input,
      "repository names must be lowercase (tags may use uppercase)",
      `Use ${JSON.stringify(path.toLowerCase())} instead.`
    );
  }
  for (const component of path.split("/")) {
    if (component === "") {
      throw invalid(
        "REF_INVALID_REPOSITORY",
        "repository path",
        path,
        input,
        "it has an empty part: a path cannot start or end with '/' or contain '//'"
      );
    }
    if (!PATH_COMPONENT.test(component)) {
      throw invalid("REF_INVALID_REPOSITORY", "repository path component", component, input, PATH_RULE);
    }
  }
}
function checkRepositoryLength(path, input = path, part = path, added = "") {
  if (path.length <= REPOSITORY_MAX_LENGTH) return;
  const counting = added === "" ? "" : ` counting the ${JSON.stringify(added)} put in front of it`;
  throw invalid(
    "REF_NAME_TOO_LONG",
    "repository path",
    part,
    input,
    `a repository path is at most ${REPOSITORY_MAX_LENGTH} characters, this one has ${path.length}${counting}`
  );
}
function parseRepositoryPath(path) {
  checkRepositoryComponents(path);
  checkRepositoryLength(path);
  return path;
}

// src/reference/tag.ts
function parseTag(tag, input = tag) {
  if (TAG.test(tag)) return tag;
  throw invalid("REF_INVALID_TAG", "tag", tag, input, tagRule(tag));
}
function tagRule(tag) {
  if (tag === "") return `the tag is empty; ${TAG_RULE}`;
  if (tag.length > TAG_MAX_LENGTH) return `${TAG_RULE}; this one has ${tag.length}`;
  if (tag.includes("/")) return `${TAG_RULE} ('/' is not allowed; sanitize branch names into tags)`;
  return TAG_RULE;
}

// src/reference/normalize.ts
function splitDockerName(name, input) {
  const slash = name.indexOf("/");
  if (slash < 0) return hub(name);
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  if (first === DOCKER_HUB_LEGACY) return hub(rest);
  if (!looksLikeHost(first)) return hub(name);
  if (!isValidDomain(first)) throw badHost(first, name, input);
  return { registry: first, typedPath: rest, path: first === DOCKER_HUB ? officialPath(rest) : rest };
}
function hub(typedPath) {
  return { registry: DOCKER_HUB, typedPath, path: officialPath(typedPath) };
}
function officialPath(path) {
  return path.includes("/") ? path : OFFICIAL_PREFIX + path;
}
function badHost(first, name, input) {
  const colon = first.indexOf(":");
  const before = first.slice(0, colon);
  const after = first.slice(colon + 1);
  if (colon > 0 && !before.includes(".") && before !== "localhost" && /^\w[\w.-]*$/.test(after) && !/^[0-9]+$/.test(after)) {
    return invalid(
      "REF_INVALID_TAG",
      "tag",
      name.slice(colon + 1),
      input,
      `${TAG_RULE} ('/' is not allowed in a tag)`
    );
  }
  if (!first.includes(".") && !first.includes(":") && first !== "localhost") {
    return invalid(
      "REF_UPPERCASE_REPOSITORY",
      "repository path",
      name,
      input,
      "repository names must be lowercase (tags may use uppercase)",
      `Use ${JSON.stringify(name.toLowerCase())} instead.`
    );
  }
  const ipv62 = /:.*:/.test(first) && !first.startsWith("[");
  const hint = ipv62 ? 'Put an IPv6 address in brackets: "[fc00::1]:5000/app".' : void 0;
  return invalid("REF_INVALID_HOST", "registry host", first, input, HOST_RULE, hint);
}
function familiarName(registry, repository) {
  if (registry !== DOCKER_HUB) return `${registry}/${repository}`;
  if (repository.startsWith(OFFICIAL_PREFIX)) {
    const rest = repository.slice(OFFICIAL_PREFIX.length);
    if (!rest.includes("/") && !HEX_IDENTIFIER.test(rest)) return rest;
  }
  const slash = repository.indexOf("/");
  if (slash >= 0 && looksLikeHost(repository.slice(0, slash))) return `${registry}/${repository}`;
  return repository;
}

// src/reference/reference.ts
function parseReference(input, options = {}) {
  checkShape(input);
  const at = input.indexOf("@");
  const namePart = at < 0 ? input : input.slice(0, at);
  const digest = at < 0 ? void 0 : parseReferenceDigest(input.slice(at + 1), input);
  if (namePart === "") {
    throw invalid("REF_INVALID_FORMAT", "reference", input, input, "there is no repository name before '@'");
  }
  if (namePart.startsWith("[") && !namePart.includes("/")) {
    throw invalid(
      "REF_INVALID_FORMAT",
      "reference",
      input,
      input,
      'a registry host must be followed by "/" and a repository'
    );
  }
  const lastSlash = namePart.lastIndexOf("/");
  const colon = namePart.indexOf(":", lastSlash + 1);
  const name = colon < 0 ? namePart : namePart.slice(0, colon);
  const tag = colon < 0 ? void 0 : parseTag(namePart.slice(colon + 1), input);
  if (name === "") {
    throw invalid("REF_INVALID_FORMAT", "reference", input, input, "there is no repository name before ':'");
  }
  const split = splitDockerName(name, input);
  checkRepositoryComponents(split.typedPath, input);
  const repository = expandBuildkite(split.registry, split.path, input, options.buildkiteOrganization);
  const added = repository.slice(0, repository.length - split.typedPath.length);
  checkRepositoryLength(repository, input, split.typedPath, added);
  const ref = makeReference(split.registry, repository, tag, digest);
  return options.defaultTag === true ? withDefaultTag(ref) : ref;
}
function checkShape(input) {
  if (input === "") {
    throw new InvalidReferenceError("REF_EMPTY", 'invalid reference "": an image reference cannot be empty', {
      input,
      part: "",
      hint: 'Give an image such as "alpine:3.20" or "registry.example.com/team/app:1.0".'
    });
  }
  if (/\s/.test(input)) {
    throw invalid(
      "REF_INVALID_FORMAT",
      "reference",
      input,
      input,
      "it contains whitespace; a reference is [registry/]repository[:tag][@digest] with no spaces",
      "Remove the spaces or newlines (check for a trailing newline in the variable that holds it)."
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    throw invalid(
      "REF_INVALID_FORMAT",
      "reference",
      input,
      input,
      "a reference is [registry/]repository[:tag][@digest], not a URL",
      'Leave out the scheme ("https://" or similar).'
    );
  }
  if (HEX_IDENTIFIER.test(input)) {
    throw invalid(
      "REF_HEX_REPOSITORY",
      "repository name",
      input,
      input,
      "a 64-character hexadecimal name is reserved for image IDs and cannot be a repository name",
      'Name the image by repository (for example "app@sha256:<hex>") rather than by ID.'
    );
  }
}
function parseReferenceDigest(digest, input) {
  const check = checkReferenceDigest(digest);
  if (check.ok) return digest;
  throw invalid("REF_INVALID_DIGEST", "digest", digest, input, check.reason);
}
function expandBuildkite(registry, path, input, organization) {
  if (!isBuildkiteHost(registry)) return path;
  const count = path.split("/").length;
  if (count >= 3) return path;
  if (count === 2 && organization !== void 0 && organization !== "") {
    return `${parseSlug("organization", organization)}/${path}`;
  }
  const rule = `Buildkite images are ${BUILDKITE_PACKAGES_HOST}/{org}/{registry}/{image}`;
  if (count === 2) {
    const hint = "Add the organization slug to the path, or set BUILDKITE_ORGANIZATION_SLUG.";
    throw invalid("REF_ORGANIZATION_REQUIRED", "Buildkite image path", path, input, rule, hint);
  }
  throw invalid("REF_INVALID_REPOSITORY", "Buildkite image path", path, input, rule);
}
function makeReference(registry, repository, tag, digest) {
  const ref = {
    registry,
    repository
  };
  if (tag !== void 0) ref.tag = tag;
  if (digest !== void 0) ref.digest = digest;
  return Object.freeze(ref);
}
function withDefaultTag(ref) {
  if (ref.tag !== void 0 || ref.digest !== void 0) return ref;
  return makeReference(ref.registry, ref.repository, DEFAULT_TAG);
}
function repositoryName(ref) {
  return `${ref.registry}/${ref.repository}`;
}
function formatReference(ref) {
  return repositoryName(ref) + suffix(ref);
}
function familiarReference(ref) {
  return familiarName(ref.registry, ref.repository) + suffix(ref);
}
function suffix(ref) {
  return (ref.tag === void 0 ? "" : `:${ref.tag}`) + (ref.digest === void 0 ? "" : `@${ref.digest}`);
}

// src/reference/buildkite.ts
var FORMS = `"{org}/{registry}", "{registry}" with the organization set, "${BUILDKITE_PACKAGES_HOST}/{org}/{registry}", or "host[:port][/path]" for another registry`;
function parseBuildkiteRegistry(input, options = {}) {
  const trimmed = input.replace(/^https:\/\//, "").replace(/\/$/, "");
  if (trimmed === "" || /\s/.test(trimmed) || /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    const hint = "Leave out any URL scheme other than https://, and any spaces.";
    throw invalid("REF_INVALID_REGISTRY", "registry", input, input, `a registry is one of ${FORMS}`, hint);
  }
  const parts = trimmed.split("/");
  const first = parts[0];
  const isHost = first === "localhost" || first.includes(".") || first.includes(":");
  const packagesHost = options.packagesHost ? parsePackagesHost(options.packagesHost) : BUILDKITE_PACKAGES_HOST;
  if (!isHost) return buildkite(parts, input, options, packagesHost);
  if (isBuildkiteHost(first)) return buildkite(parts.slice(1), input, options, BUILDKITE_PACKAGES_HOST);
  if (first.toLowerCase() === packagesHost) return buildkite(parts.slice(1), input, options, packagesHost);
  if (!isValidDomain(first)) throw invalid("REF_INVALID_HOST", "registry host", first, input, HOST_RULE);
  const pathPrefix = parts.slice(1).join("/");
  if (pathPrefix !== "") checkRepositoryComponents(pathPrefix, input);
  const host = first === DOCKER_HUB_LEGACY ? DOCKER_HUB : first;
  return Object.freeze({
    kind: "generic",
    host,
    pathPrefix,
    prefix: pathPrefix === "" ? host : `${host}/${pathPrefix}`
  });
}
function buildkite(parts, input, options, host) {
  const fallback = options.organization === "" ? void 0 : options.organization;
  if (parts.length === 1 && fallback === void 0) {
    throw new InvalidReferenceError(
      "REF_ORGANIZATION_REQUIRED",
      `invalid registry ${JSON.stringify(input)}: a Buildkite registry needs its organization, as "{org}/${parts[0]}"`,
      { input, part: input, hint: 'Write "{org}/{registry}", or set BUILDKITE_ORGANIZATION_SLUG.' }
    );
  }
  if (parts.length === 0 || parts.length > 2) {
    throw invalid("REF_INVALID_REGISTRY", "registry", input, input, `a registry is one of ${FORMS}`);
  }
  const organization = parseSlug("organization", parts.length === 2 ? parts[0] : fallback, input);
  const registry = parseSlug("registry", parts[parts.length - 1], input);
  return Object.freeze({
    kind: "buildkite",
    host,
    organization,
    registry,
    prefix: `${host}/${organization}/${registry}`
  });
}
function parsePackagesHost(value) {
  const host = value.trim().replace(/^https:\/\//i, "").replace(/\/$/, "").toLowerCase();
  if (host === "" || host.includes("/") || /\s/.test(host) || !isValidDomain(host)) {
    throw invalid(
      "REF_INVALID_HOST",
      "Packages host",
      value,
      value,
      `${HOST_RULE}, without a path`,
      `Write the host alone, such as ${BUILDKITE_PACKAGES_HOST} or 127.0.0.1:5000.`
    );
  }
  return host;
}
function buildkiteAudience(organization, registry, host = BUILDKITE_PACKAGES_HOST) {
  return `https://${host}/${parseSlug("organization", organization)}/${parseSlug("registry", registry)}`;
}

// src/reference/fnv.ts
function fnv1a32(value) {
  let hash = 2166136261;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

// src/reference/sanitize-tag.ts
var HASH_SUFFIX_LENGTH = 9;
function sanitizeTag(value) {
  const replaced = value.replace(/[^A-Za-z0-9_.]+/g, (run, offset) => {
    if (/^-+$/.test(run)) return run;
    const atEdge = offset === 0 || offset + run.length === value.length;
    return atEdge ? "" : "-";
  });
  const tag = replaced.replace(/^[.-]+/, "");
  if (tag === "") {
    const rule = value === "" ? "cannot make a tag from an empty value" : "nothing is left once characters outside letters, digits, '_', '.' and '-' are removed";
    throw invalid("REF_INVALID_TAG", "tag source", value, value, rule);
  }
  if (tag.length <= TAG_MAX_LENGTH) return tag;
  const head = tag.slice(0, TAG_MAX_LENGTH - HASH_SUFFIX_LENGTH).replace(/[.-]+$/, "");
  return `${head}-${fnv1a32(tag)}`;
}

// src/reference/tag-template.ts
var pad = (n, width = 2) => String(n).padStart(width, "0");
var ymd = (d) => `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
var hms = (d) => `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
var validDate = (d) => d !== void 0 && !Number.isNaN(d.getTime()) ? d : void 0;
var text = (value) => value === void 0 || value === "" ? void 0 : String(value);
var buildNumber = {
  source: "the build number (BUILDKITE_BUILD_NUMBER / GITHUB_RUN_NUMBER)",
  value: (c) => text(c.buildNumber)
};
var commitSource = "the commit (BUILDKITE_COMMIT / GITHUB_SHA)";
var dateSource = "the build's time (context.date, which the CI adapter sets)";
var PLACEHOLDERS = {
  branch: { source: "the branch (BUILDKITE_BRANCH / GITHUB_REF_NAME)", value: (c) => text(c.branch) },
  build: buildNumber,
  "build.number": buildNumber,
  "build.id": { source: "the build ID (BUILDKITE_BUILD_ID / GITHUB_RUN_ID)", value: (c) => text(c.buildId) },
  "job.id": { source: "the job ID (BUILDKITE_JOB_ID)", value: (c) => text(c.jobId) },
  commit: { source: commitSource, value: (c) => text(c.commit) },
  "commit.short": { source: commitSource, value: (c) => text(c.commit)?.slice(0, 7) },
  tag: { source: "a git tag (BUILDKITE_TAG / GITHUB_REF_NAME on tag builds)", value: (c) => text(c.gitTag) },
  pipeline: {
    source: "the pipeline (BUILDKITE_PIPELINE_SLUG / GITHUB_REPOSITORY)",
    value: (c) => text(c.pipeline)
  },
  date: { source: dateSource, value: (c) => validDate(c.date) ? ymd(c.date) : void 0 },
  timestamp: {
    source: dateSource,
    value: (c) => validDate(c.date) ? ymd(c.date) + hms(c.date) : void 0
  }
};
var TAG_PLACEHOLDERS = Object.keys(PLACEHOLDERS);
var KNOWN = TAG_PLACEHOLDERS.map((name) => `{{${name}}}`).join(", ");
function renderTagTemplate(template, context, options = {}) {
  let out = "";
  for (const segment of parseTemplate(template)) {
    if (typeof segment === "string") {
      out += segment;
      continue;
    }
    const value = segment.placeholder.value(context);
    if (value !== void 0) {
      out += value;
    } else if (options.missing === "skip") {
      return void 0;
    } else {
      throw new TagTemplateError(
        "REF_TEMPLATE_MISSING_VALUE",
        `{{${segment.name}}} in tag template ${JSON.stringify(template)} needs ${segment.placeholder.source}, which this build does not have`,
        {
          template,
          placeholder: segment.name,
          hint: `Drop {{${segment.name}}} from the template, or render it with missing: 'skip'.`
        }
      );
    }
  }
  return sanitizeTag(out);
}
function parseTemplate(template) {
  const segments = [];
  let rest = template;
  for (let open = rest.indexOf("{{"); open >= 0; open = rest.indexOf("{{")) {
    const close = rest.indexOf("}}", open + 2);
    if (close < 0) {
      throw new TagTemplateError(
        "REF_TEMPLATE_SYNTAX",
        `tag template ${JSON.stringify(template)} has a "{{" without a closing "}}"`,
        { template, placeholder: "", hint: `Placeholders are written ${KNOWN}.` }
      );
    }
    const name = rest.slice(open + 2, close).trim();
    const placeholder = Object.hasOwn(PLACEHOLDERS, name) ? PLACEHOLDERS[name] : void 0;
    if (placeholder === void 0) {
      throw new TagTemplateError(
        "REF_TEMPLATE_UNKNOWN_PLACEHOLDER",
        `unknown placeholder {{${name}}} in tag template ${JSON.stringify(template)}; known placeholders are ${KNOWN}`,
        { template, placeholder: name }
      );
    }
    segments.push(rest.slice(0, open), { name, placeholder });
    rest = rest.slice(close + 2);
  }
  segments.push(rest);
  return segments;
}

export {
  TagTemplateError,
  REPOSITORY_PATH,
  DOMAIN,
  isValidTag,
  DIGEST_ALGORITHMS,
  isDigestAlgorithm,
  checkDigest,
  BUILDKITE_PACKAGES_HOST,
  BUILDKITE_USERNAME,
  parseRepositoryPath,
  parseTag,
  parseReference,
  formatReference,
  familiarReference,
  parseBuildkiteRegistry,
  parsePackagesHost,
  buildkiteAudience,
  fnv1a32,
  renderTagTemplate
};
