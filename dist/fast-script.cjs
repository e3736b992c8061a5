// fast-script 9c80c67bfce6a8f1
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/errors.ts
function isContainerPackageError(value) {
  return typeof value === "object" && value !== null && value[brand] === true;
}
var brand, ContainerPackageError;
var init_errors = __esm({
  "src/errors.ts"() {
    brand = /* @__PURE__ */ Symbol.for("container-package.error");
    ContainerPackageError = class extends Error {
      /** Stable code, namespaced by layer: REF_*, OCI_*, SRC_*, CLIENT_*, REGISTRY_*, CI_*, CLI_*. */
      code;
      hint;
      [brand] = true;
      constructor(code, message, details2 = {}) {
        super(message, details2.cause === void 0 ? void 0 : { cause: details2.cause });
        this.name = "ContainerPackageError";
        this.code = code;
        this.hint = details2.hint;
      }
    };
  }
});

// src/sources/errors.ts
var SourceError, SOURCE_FORMS, InvalidSourceSpecError, SourceNotFoundError, ImageSelectionError, BlobIntegrityError;
var init_errors2 = __esm({
  "src/sources/errors.ts"() {
    init_errors();
    SourceError = class extends ContainerPackageError {
      path;
      constructor(code, message, details2 = {}) {
        super(code, message, details2);
        this.name = "SourceError";
        this.path = details2.path;
      }
    };
    SOURCE_FORMS = [
      "oci:DIR[:NAME|:@INDEX|@DIGEST]      an OCI image layout directory",
      "oci-archive:FILE[:NAME|:@INDEX|@DIGEST]  an OCI image layout in a tar file",
      "docker-archive:FILE[:REF|:@INDEX]   `docker save` / `podman save` output",
      "docker:REF (or docker-daemon:REF)   an image in the Docker Engine",
      "podman:REF                          an image in Podman storage",
      "REF or docker://REF                 an image in a registry"
    ];
    InvalidSourceSpecError = class extends SourceError {
      spec;
      part;
      constructor(spec, part, reason, cause) {
        super("SRC_INVALID_SPEC", `invalid image source ${JSON.stringify(spec)}: ${reason}`, {
          hint: `Use one of:
  ${SOURCE_FORMS.join("\n  ")}`,
          cause
        });
        this.name = "InvalidSourceSpecError";
        this.spec = spec;
        this.part = part;
      }
    };
    SourceNotFoundError = class extends SourceError {
      constructor(path2, what, hint, cause) {
        super("SRC_NOT_FOUND", `${what} not found: ${path2}`, { path: path2, hint, cause });
        this.name = "SourceNotFoundError";
      }
    };
    ImageSelectionError = class extends SourceError {
      available;
      constructor(code, message, available, path2, hint) {
        const list = available.length === 0 ? " (it holds no image)" : `; it holds:
  ${available.join("\n  ")}`;
        super(code, message + list, { path: path2, hint });
        this.name = "ImageSelectionError";
        this.available = available;
      }
    };
    BlobIntegrityError = class extends SourceError {
      expected;
      actual;
      constructor(code, path2, expected, actual, cause) {
        const what = code === "SRC_DIGEST_MISMATCH" ? "digest" : "size";
        super(code, `blob ${path2} is corrupted: expected ${what} ${expected}, got ${actual}`, {
          path: path2,
          hint: "The file was changed or truncated after it was written; export the image again.",
          cause
        });
        this.name = "BlobIntegrityError";
        this.expected = expected;
        this.actual = actual;
      }
    };
  }
});

// src/sources/compress-options.ts
function resolveCompressOptions(options = {}) {
  const compression = options.compression ?? "gzip";
  if (!COMPRESSIONS.includes(compression)) {
    throw invalidOption(
      `unknown compression ${JSON.stringify(compression)}`,
      `Use one of ${COMPRESSIONS.join(", ")}.`
    );
  }
  const range = LEVELS[compression];
  const level = options.level ?? range.default;
  if (compression !== "none" && (!Number.isInteger(level) || level < range.min || level > range.max)) {
    throw invalidOption(
      `${compression} level ${level} is out of range`,
      `Use an integer from ${range.min} to ${range.max}.`
    );
  }
  const concurrency = options.concurrency ?? (0, import_node_os.availableParallelism)();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw invalidOption(`concurrency ${concurrency} is not a positive integer`, "Use 1 or more.");
  }
  return { compression, level, concurrency, tmpDir: options.tmpDir, signal: options.signal };
}
function invalidOption(message, hint) {
  return new SourceError("SRC_INVALID_OPTION", message, { hint });
}
var import_node_os, COMPRESSIONS, LEVELS;
var init_compress_options = __esm({
  "src/sources/compress-options.ts"() {
    import_node_os = require("node:os");
    init_errors2();
    COMPRESSIONS = ["gzip", "zstd", "none"];
    LEVELS = {
      gzip: { min: 0, max: 9, default: 6 },
      zstd: { min: 1, max: 22, default: 3 },
      none: { min: 0, max: 0, default: 0 }
    };
  }
});

// src/reference/errors.ts
function invalid(code, what, part, input, rule, hint) {
  const where2 = part === input ? "" : ` in ${JSON.stringify(input)}`;
  const message = `invalid ${what} ${JSON.stringify(part)}${where2}: ${rule}`;
  return new InvalidReferenceError(
    code,
    message,
    hint === void 0 ? { input, part } : { input, part, hint }
  );
}
var InvalidReferenceError, TagTemplateError;
var init_errors3 = __esm({
  "src/reference/errors.ts"() {
    init_errors();
    InvalidReferenceError = class extends ContainerPackageError {
      input;
      part;
      constructor(code, message, details2) {
        super(code, message, details2.hint === void 0 ? {} : { hint: details2.hint });
        this.name = "InvalidReferenceError";
        this.input = details2.input;
        this.part = details2.part;
      }
    };
    TagTemplateError = class extends ContainerPackageError {
      template;
      placeholder;
      constructor(code, message, details2) {
        super(code, message, details2.hint === void 0 ? {} : { hint: details2.hint });
        this.name = "TagTemplateError";
        this.template = details2.template;
        this.placeholder = details2.placeholder;
      }
    };
  }
});

// src/reference/grammar.ts
function isValidDomain(domain) {
  return DOMAIN.test(domain);
}
function looksLikeHost(component) {
  return component === "localhost" || component.includes(".") || component.includes(":") || component.toLowerCase() !== component;
}
var TAG_MAX_LENGTH, REPOSITORY_MAX_LENGTH, DOCKER_HUB, DOCKER_HUB_LEGACY, OFFICIAL_PREFIX, DEFAULT_TAG, alphanumeric, separator, pathComponent, domainComponent, domainName, ipv6, port, PATH_COMPONENT, REPOSITORY_PATH, DOMAIN, TAG, HEX_IDENTIFIER, TAG_RULE, PATH_RULE, HOST_RULE;
var init_grammar = __esm({
  "src/reference/grammar.ts"() {
    TAG_MAX_LENGTH = 128;
    REPOSITORY_MAX_LENGTH = 255;
    DOCKER_HUB = "docker.io";
    DOCKER_HUB_LEGACY = "index.docker.io";
    OFFICIAL_PREFIX = "library/";
    DEFAULT_TAG = "latest";
    alphanumeric = "[a-z0-9]+";
    separator = "(?:[._]|__|-+)";
    pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
    domainComponent = "[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*";
    domainName = `${domainComponent}(?:\\.${domainComponent})*`;
    ipv6 = "\\[[a-fA-F0-9:]+\\]";
    port = "(?::[0-9]+)?";
    PATH_COMPONENT = new RegExp(`^${pathComponent}$`);
    REPOSITORY_PATH = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);
    DOMAIN = new RegExp(`^(?:${domainName}|${ipv6})${port}$`);
    TAG = /^[\w][\w.-]{0,127}$/;
    HEX_IDENTIFIER = /^[a-f0-9]{64}$/;
    TAG_RULE = "a tag is at most 128 characters of letters, digits, '_', '.' and '-', not starting with '.' or '-'";
    PATH_RULE = "each '/'-separated part of a repository path is lowercase letters and digits, joined by a single '.', one or two '_', or any number of '-', and must start and end with a letter or digit";
    HOST_RULE = "a registry is a host name (letters, digits, '-' and '.'), an IPv4 address, or an IPv6 address in brackets, optionally followed by ':' and a numeric port";
  }
});

// src/reference/digest.ts
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
var DIGEST_ALGORITHMS, DIGEST_HEX_LENGTH, ALGORITHM_GRAMMAR, LOWER_HEX, ANY_HEX, REFERENCE_DIGEST_HEX_LENGTH;
var init_digest = __esm({
  "src/reference/digest.ts"() {
    DIGEST_ALGORITHMS = ["sha256", "sha512"];
    DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 };
    ALGORITHM_GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/;
    LOWER_HEX = /^[a-f0-9]*$/;
    ANY_HEX = /^[a-fA-F0-9]*$/;
    REFERENCE_DIGEST_HEX_LENGTH = {
      sha256: 64,
      sha384: 96,
      sha512: 128
    };
  }
});

// src/reference/buildkite-names.ts
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
var BUILDKITE_PACKAGES_HOST, BUILDKITE_USERNAME, SLUG;
var init_buildkite_names = __esm({
  "src/reference/buildkite-names.ts"() {
    init_errors3();
    BUILDKITE_PACKAGES_HOST = "packages.buildkite.com";
    BUILDKITE_USERNAME = "buildkite";
    SLUG = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
  }
});

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
function officialPath(path2) {
  return path2.includes("/") ? path2 : OFFICIAL_PREFIX + path2;
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
var init_normalize = __esm({
  "src/reference/normalize.ts"() {
    init_errors3();
    init_grammar();
  }
});

// src/reference/repository.ts
function checkRepositoryComponents(path2, input = path2) {
  if (path2 === "") {
    throw invalid(
      "REF_INVALID_REPOSITORY",
      "repository path",
      path2,
      input,
      "a repository path cannot be empty"
    );
  }
  if (path2.toLowerCase() !== path2) {
    throw invalid(
      "REF_UPPERCASE_REPOSITORY",
      "repository path",
      path2,
      input,
      "repository names must be lowercase (tags may use uppercase)",
      `Use ${JSON.stringify(path2.toLowerCase())} instead.`
    );
  }
  for (const component of path2.split("/")) {
    if (component === "") {
      throw invalid(
        "REF_INVALID_REPOSITORY",
        "repository path",
        path2,
        input,
        "it has an empty part: a path cannot start or end with '/' or contain '//'"
      );
    }
    if (!PATH_COMPONENT.test(component)) {
      throw invalid("REF_INVALID_REPOSITORY", "repository path component", component, input, PATH_RULE);
    }
  }
}
function checkRepositoryLength(path2, input = path2, part = path2, added = "") {
  if (path2.length <= REPOSITORY_MAX_LENGTH) return;
  const counting = added === "" ? "" : ` counting the ${JSON.stringify(added)} put in front of it`;
  throw invalid(
    "REF_NAME_TOO_LONG",
    "repository path",
    part,
    input,
    `a repository path is at most ${REPOSITORY_MAX_LENGTH} characters, this one has ${path2.length}${counting}`
  );
}
function parseRepositoryPath(path2) {
  checkRepositoryComponents(path2);
  checkRepositoryLength(path2);
  return path2;
}
var init_repository = __esm({
  "src/reference/repository.ts"() {
    init_errors3();
    init_grammar();
  }
});

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
var init_tag = __esm({
  "src/reference/tag.ts"() {
    init_errors3();
    init_grammar();
    init_grammar();
  }
});

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
function expandBuildkite(registry, path2, input, organization) {
  if (!isBuildkiteHost(registry)) return path2;
  const count = path2.split("/").length;
  if (count >= 3) return path2;
  if (count === 2 && organization !== void 0 && organization !== "") {
    return `${parseSlug("organization", organization)}/${path2}`;
  }
  const rule = `Buildkite images are ${BUILDKITE_PACKAGES_HOST}/{org}/{registry}/{image}`;
  if (count === 2) {
    const hint = "Add the organization slug to the path, or set BUILDKITE_ORGANIZATION_SLUG.";
    throw invalid("REF_ORGANIZATION_REQUIRED", "Buildkite image path", path2, input, rule, hint);
  }
  throw invalid("REF_INVALID_REPOSITORY", "Buildkite image path", path2, input, rule);
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
var init_reference = __esm({
  "src/reference/reference.ts"() {
    init_buildkite_names();
    init_digest();
    init_errors3();
    init_grammar();
    init_normalize();
    init_repository();
    init_tag();
  }
});

// src/reference/buildkite.ts
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
var FORMS;
var init_buildkite = __esm({
  "src/reference/buildkite.ts"() {
    init_buildkite_names();
    init_errors3();
    init_grammar();
    init_reference();
    init_repository();
    init_buildkite_names();
    FORMS = `"{org}/{registry}", "{registry}" with the organization set, "${BUILDKITE_PACKAGES_HOST}/{org}/{registry}", or "host[:port][/path]" for another registry`;
  }
});

// src/reference/fnv.ts
function fnv1a32(value) {
  let hash = 2166136261;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
var init_fnv = __esm({
  "src/reference/fnv.ts"() {
  }
});

// src/reference/sanitize-tag.ts
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
var HASH_SUFFIX_LENGTH;
var init_sanitize_tag = __esm({
  "src/reference/sanitize-tag.ts"() {
    init_errors3();
    init_grammar();
    init_fnv();
    HASH_SUFFIX_LENGTH = 9;
  }
});

// src/reference/tag-template.ts
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
  for (let open4 = rest.indexOf("{{"); open4 >= 0; open4 = rest.indexOf("{{")) {
    const close = rest.indexOf("}}", open4 + 2);
    if (close < 0) {
      throw new TagTemplateError(
        "REF_TEMPLATE_SYNTAX",
        `tag template ${JSON.stringify(template)} has a "{{" without a closing "}}"`,
        { template, placeholder: "", hint: `Placeholders are written ${KNOWN}.` }
      );
    }
    const name = rest.slice(open4 + 2, close).trim();
    const placeholder = Object.hasOwn(PLACEHOLDERS, name) ? PLACEHOLDERS[name] : void 0;
    if (placeholder === void 0) {
      throw new TagTemplateError(
        "REF_TEMPLATE_UNKNOWN_PLACEHOLDER",
        `unknown placeholder {{${name}}} in tag template ${JSON.stringify(template)}; known placeholders are ${KNOWN}`,
        { template, placeholder: name }
      );
    }
    segments.push(rest.slice(0, open4), { name, placeholder });
    rest = rest.slice(close + 2);
  }
  segments.push(rest);
  return segments;
}
var pad, ymd, hms, validDate, text, buildNumber, commitSource, dateSource, PLACEHOLDERS, TAG_PLACEHOLDERS, KNOWN;
var init_tag_template = __esm({
  "src/reference/tag-template.ts"() {
    init_errors3();
    init_sanitize_tag();
    pad = (n, width = 2) => String(n).padStart(width, "0");
    ymd = (d) => `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
    hms = (d) => `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
    validDate = (d) => d !== void 0 && !Number.isNaN(d.getTime()) ? d : void 0;
    text = (value) => value === void 0 || value === "" ? void 0 : String(value);
    buildNumber = {
      source: "the build number (BUILDKITE_BUILD_NUMBER / GITHUB_RUN_NUMBER)",
      value: (c) => text(c.buildNumber)
    };
    commitSource = "the commit (BUILDKITE_COMMIT / GITHUB_SHA)";
    dateSource = "the build's time (context.date, which the CI adapter sets)";
    PLACEHOLDERS = {
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
    TAG_PLACEHOLDERS = Object.keys(PLACEHOLDERS);
    KNOWN = TAG_PLACEHOLDERS.map((name) => `{{${name}}}`).join(", ");
  }
});

// src/reference/index.ts
var init_reference2 = __esm({
  "src/reference/index.ts"() {
    init_errors3();
    init_grammar();
    init_digest();
    init_reference();
    init_repository();
    init_tag();
    init_normalize();
    init_buildkite();
    init_buildkite_names();
    init_fnv();
    init_sanitize_tag();
    init_tag_template();
  }
});

// src/render/bytes.ts
function formatBytes(bytes) {
  if (!Number.isFinite(bytes) || bytes < 0) return "unknown size";
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (Math.round(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text2 = value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, "");
  return `${text2} ${UNITS[unit]}`;
}
var UNITS;
var init_bytes = __esm({
  "src/render/bytes.ts"() {
    UNITS = ["KiB", "MiB", "GiB", "TiB"];
  }
});

// src/render/markdown.ts
function escapeText(text2) {
  return text2.replace(/\r\n?|\n/g, " ").replace(/[\\`*_{}[\]()#+\-.!|~:]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeTextKeepingCode(text2) {
  const flat = text2.replace(/\r\n?|\n/g, " ");
  const out = [];
  let last = 0;
  for (const match of flat.matchAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    out.push(escapeText(flat.slice(last, match.index)), match[0]);
    last = match.index + match[0].length;
  }
  out.push(escapeText(flat.slice(last)));
  return out.join("");
}
function escapeHtml(text2) {
  return text2.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function codeSpan(text2) {
  const flat = text2.replace(/\r\n?|\n/g, " ");
  const fence = "`".repeat(longestRun(flat, "`") + 1);
  const pad2 = flat.startsWith("`") || flat.endsWith("`") || /^ .* $/.test(flat) ? " " : "";
  return `${fence}${pad2}${flat}${pad2}${fence}`;
}
function codeBlock(text2, language = "") {
  const fence = "`".repeat(Math.max(3, longestRun(text2, "`") + 1));
  const body = text2.endsWith("\n") ? text2 : `${text2}
`;
  return `${fence}${language}
${body}${fence}`;
}
function longestRun(text2, char) {
  let longest = 0;
  let run = 0;
  for (const c of text2) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
var init_markdown = __esm({
  "src/render/markdown.ts"() {
  }
});

// src/render/oidc-failure.ts
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
var DEFAULT_CLAIMS;
var init_oidc_failure = __esm({
  "src/render/oidc-failure.ts"() {
    init_markdown();
    DEFAULT_CLAIMS = {
      "https://agent.buildkite.com": ["organization_slug", "pipeline_slug"],
      "https://token.actions.githubusercontent.com": ["repository", "ref"]
    };
  }
});

// src/render/published-image.ts
function registryPath(registry) {
  if (registry.kind === "buildkite" && registry.organization !== void 0 && registry.registry !== void 0) {
    return `${registry.host}/${registry.organization}/${registry.registry}`;
  }
  return registry.host;
}
var init_published_image = __esm({
  "src/render/published-image.ts"() {
  }
});

// src/render/failure.ts
function renderFailure(failure, options = {}) {
  const level = "#".repeat(Math.min(6, Math.max(1, options.headingLevel ?? 3)));
  const out = [`${level} ${escapeText(options.title ?? "Publishing container images failed")}`, ""];
  const where2 = failure.registry === void 0 ? "" : ` (${codeSpan(registryPath(failure.registry))})`;
  if (failure.message.includes("\n")) {
    out.push(`**Cause** ${codeSpan(failure.code)}${where2}:`, "", codeBlock(failure.message, "text"));
  } else {
    out.push(`**Cause** ${codeSpan(failure.code)}${where2}: ${escapeText(failure.message)}`);
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
  const build2 = engine ? `- ${codeSpan(`${engine[1]} build -t ${engine[2]} .`)} makes ${codeSpan(source)} (check with ${codeSpan(`${engine[1]} image ls`)});` : "- `docker build -t app:ci .` makes `docker:app:ci` (check with `docker image ls`);";
  return [
    `${which} was not found. ${words.before}`,
    "",
    build2,
    "- `docker buildx build --output type=oci,dest=image.tar .` makes `oci-archive:image.tar`;",
    "- `docker save app:ci -o app.tar` makes `docker-archive:app.tar`."
  ];
}
var WORDS, UNAUTHORIZED, DENIED, MISSING_SOURCE, UNREACHABLE;
var init_failure = __esm({
  "src/render/failure.ts"() {
    init_markdown();
    init_oidc_failure();
    init_published_image();
    WORDS = {
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
    UNAUTHORIZED = /* @__PURE__ */ new Set([
      "CLIENT_UNAUTHORIZED",
      "CLIENT_TOKEN_INVALID",
      "CLIENT_INVALID_CREDENTIALS",
      "SRC_ENGINE_UNAUTHORIZED"
    ]);
    DENIED = /* @__PURE__ */ new Set(["CLIENT_DENIED", "SRC_ENGINE_DENIED"]);
    MISSING_SOURCE = /* @__PURE__ */ new Set(["SRC_NOT_FOUND", "SRC_ENGINE_IMAGE_NOT_FOUND", "SRC_NO_MATCH"]);
    UNREACHABLE = /* @__PURE__ */ new Set([
      "CLIENT_UNAVAILABLE",
      "CLIENT_NETWORK_ERROR",
      "CLIENT_TIMEOUT",
      "CLIENT_RETRIES_EXHAUSTED"
    ]);
  }
});

// src/render/pull-instructions.ts
function renderPullInstructions(results, options = {}) {
  const level = "#".repeat(Math.min(6, Math.max(1, options.headingLevel ?? 3)));
  const out = [`${level} ${escapeText(options.title ?? "Container images published")}`, ""];
  if (results.length === 0) {
    out.push("No images were pushed.", "");
    return out.join("\n");
  }
  for (const image2 of results) out.push(...renderImage(image2), "");
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
function renderImage(image2) {
  const pinned = pinnedReference(image2);
  const facts = [formatBytes(image2.size)];
  if (image2.platforms !== void 0 && image2.platforms.length > 1)
    facts.push(image2.platforms.map(codeSpan).join(", "));
  const lines = [
    `**${escapeText(image2.name)}** from ${codeSpan(image2.source)} \xB7 ${facts.join(" \xB7 ")}`,
    "",
    codeBlock(`docker pull ${pinned}`, "sh")
  ];
  const tags = image2.references.map(tagOf).filter((tag) => tag !== void 0);
  if (tags.length > 0) lines.push("", `Tags: ${tags.map(codeSpan).join(", ")}`);
  const all = [...image2.references, pinned];
  lines.push(
    "",
    `<details><summary>All references of ${escapeHtml(image2.name)} (${all.length})</summary>`,
    "",
    ...all.map((reference2) => `- ${codeSpan(reference2)}`),
    "",
    "</details>"
  );
  return lines;
}
function pinnedReference(image2) {
  const first = image2.references[0];
  if (first === void 0) return image2.digest;
  const ref = parseReference(first);
  return `${ref.registry}/${ref.repository}@${image2.digest}`;
}
function tagOf(reference2) {
  try {
    return parseReference(reference2).tag;
  } catch {
    return void 0;
  }
}
function loginCommand(target, registry, token) {
  const user = registry.kind === "buildkite" ? "buildkite" : registry.username ?? "USERNAME";
  return `echo "$${token}" | docker login ${target} -u ${shellWord(user)} --password-stdin`;
}
function tokenNote(token, registries) {
  const buildkite2 = registries.some((r) => r.kind === "buildkite");
  const what = buildkite2 ? "a Buildkite API access token with the Read Packages scope, or a registry token" : "a token that may read the registry";
  return `where ${codeSpan(`$${token}`)} holds ${what}.`;
}
function shellWord(word) {
  return /^[A-Za-z0-9_.@%+=:,/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
var init_pull_instructions = __esm({
  "src/render/pull-instructions.ts"() {
    init_reference2();
    init_bytes();
    init_markdown();
    init_published_image();
  }
});

// src/render/index.ts
var render_exports = {};
__export(render_exports, {
  codeBlock: () => codeBlock,
  codeSpan: () => codeSpan,
  escapeHtml: () => escapeHtml,
  escapeText: () => escapeText,
  escapeTextKeepingCode: () => escapeTextKeepingCode,
  formatBytes: () => formatBytes,
  parsePolicyReason: () => parsePolicyReason,
  renderFailure: () => renderFailure,
  renderPullInstructions: () => renderPullInstructions,
  statementFor: () => statementFor
});
var init_render = __esm({
  "src/render/index.ts"() {
    init_bytes();
    init_failure();
    init_markdown();
    init_pull_instructions();
    init_oidc_failure();
  }
});

// src/publish/targets.ts
function resolveTarget(input, options = {}) {
  const parsed = parseBuildkiteRegistry(input, {
    ...options.organization && { organization: options.organization },
    ...options.packagesHost && { packagesHost: options.packagesHost }
  });
  if (parsed.kind === "buildkite") {
    return {
      prefix: parsed.prefix,
      host: parsed.host,
      kind: "buildkite",
      organization: parsed.organization,
      registry: parsed.registry,
      audience: options.audience ?? buildkiteAudience(parsed.organization, parsed.registry, parsed.host)
    };
  }
  return {
    prefix: parsed.prefix,
    host: parsed.host,
    kind: "generic",
    ...options.audience !== void 0 && { audience: options.audience }
  };
}
function targetReference(target, name, tag) {
  return parseReference(`${target.prefix}/${name}${tag === void 0 ? "" : `:${tag}`}`);
}
var PACKAGES_HOST_ENV;
var init_targets = __esm({
  "src/publish/targets.ts"() {
    init_reference2();
    PACKAGES_HOST_ENV = "CONTAINER_PACKAGE_PACKAGES_HOST";
  }
});

// src/oci/errors.ts
var OciFormatError, InvalidDigestError, DigestMismatchError, SizeMismatchError, DigestStateError;
var init_errors4 = __esm({
  "src/oci/errors.ts"() {
    init_errors();
    OciFormatError = class extends ContainerPackageError {
      constructor(code, message, details2 = {}) {
        super(code, message, details2);
        this.name = "OciFormatError";
      }
    };
    InvalidDigestError = class extends ContainerPackageError {
      value;
      reason;
      constructor(value, reason) {
        super("OCI_INVALID_DIGEST", `invalid digest ${JSON.stringify(value)}: ${reason}`);
        this.name = "InvalidDigestError";
        this.value = value;
        this.reason = reason;
      }
    };
    DigestMismatchError = class extends ContainerPackageError {
      expected;
      actual;
      constructor(expected, actual) {
        super("OCI_DIGEST_MISMATCH", `content digest mismatch: expected ${expected}, got ${actual}`);
        this.name = "DigestMismatchError";
        this.expected = expected;
        this.actual = actual;
      }
    };
    SizeMismatchError = class extends ContainerPackageError {
      expected;
      actual;
      overflow;
      constructor(expected, actual, overflow = false) {
        const got = overflow ? `more than ${expected} (at least ${actual})` : String(actual);
        super("OCI_SIZE_MISMATCH", `content size mismatch: expected ${expected} bytes, got ${got}`);
        this.name = "SizeMismatchError";
        this.expected = expected;
        this.actual = actual;
        this.overflow = overflow;
      }
    };
    DigestStateError = class extends ContainerPackageError {
      constructor(message, hint) {
        super("OCI_DIGEST_STATE", message, hint === void 0 ? {} : { hint });
        this.name = "DigestStateError";
      }
    };
  }
});

// src/oci/digest.ts
function parseDigest(value) {
  const check = checkDigest(value);
  if (!check.ok) throw new InvalidDigestError(value, check.reason);
  return { algorithm: check.algorithm, hex: check.hex, value };
}
function isDigest(value) {
  return typeof value === "string" && checkDigest(value).ok;
}
function parseDigestAlgorithm(algorithm) {
  if (isDigestAlgorithm(algorithm)) return algorithm;
  throw new InvalidDigestError(
    `${algorithm}:`,
    `supported algorithms are ${DIGEST_ALGORITHMS.join(" and ")}`
  );
}
function digestBytes(data, algorithm = "sha256") {
  return `${algorithm}:${(0, import_node_crypto.createHash)(algorithm).update(data).digest("hex")}`;
}
function createDigester(algorithm = "sha256") {
  parseDigestAlgorithm(algorithm);
  const hash = (0, import_node_crypto.createHash)(algorithm);
  let size = 0;
  let result;
  return {
    algorithm,
    get size() {
      return size;
    },
    update(chunk) {
      if (result !== void 0)
        throw new DigestStateError("cannot hash more data after the digest was taken");
      size += typeof chunk === "string" ? import_node_buffer.Buffer.byteLength(chunk) : chunk.byteLength;
      hash.update(chunk);
    },
    digest() {
      result ??= `${algorithm}:${hash.digest("hex")}`;
      return result;
    }
  };
}
var import_node_buffer, import_node_crypto;
var init_digest2 = __esm({
  "src/oci/digest.ts"() {
    import_node_buffer = require("node:buffer");
    import_node_crypto = require("node:crypto");
    init_digest();
    init_errors4();
    init_digest();
  }
});

// src/oci/digest-stream.ts
var import_node_stream, DigestStream, VerifyingStream;
var init_digest_stream = __esm({
  "src/oci/digest-stream.ts"() {
    import_node_stream = require("node:stream");
    init_digest2();
    init_errors4();
    DigestStream = class extends import_node_stream.Transform {
      algorithm;
      #digester;
      #digest;
      /** @param algorithm `sha256` by default */
      constructor(algorithm = "sha256", options = {}) {
        super({ ...options, objectMode: false, decodeStrings: true });
        this.algorithm = algorithm;
        this.#digester = createDigester(algorithm);
      }
      /** Bytes seen so far. */
      get size() {
        return this.#digester.size;
      }
      /**
       * The digest of all bytes, `algorithm:hex`.
       *
       * @throws {DigestStateError} `OCI_DIGEST_STATE` when read before the stream has flushed
       */
      get digest() {
        if (this.#digest === void 0) {
          throw new DigestStateError(
            "the digest is not known until the stream has ended",
            "Read `digest` after the stream's 'finish' or 'end' event, or use digestOfStream()."
          );
        }
        return this.#digest;
      }
      _transform(chunk, _encoding, callback) {
        this.#digester.update(chunk);
        callback(null, chunk);
      }
      _flush(callback) {
        this.#digest = this.#digester.digest();
        callback();
      }
    };
    VerifyingStream = class extends DigestStream {
      expected;
      /** @throws {InvalidDigestError} `OCI_INVALID_DIGEST` when `expected.digest` is malformed */
      constructor(expected, options = {}) {
        super(parseDigest(expected.digest).algorithm, options);
        this.expected = Object.freeze({ ...expected });
      }
      _transform(chunk, encoding, callback) {
        const limit = this.expected.size;
        if (limit !== void 0 && this.size + chunk.length > limit) {
          callback(new SizeMismatchError(limit, this.size + chunk.length, true));
          return;
        }
        super._transform(chunk, encoding, callback);
      }
      _flush(callback) {
        super._flush((error) => {
          if (error) return callback(error);
          const { digest, size } = this.expected;
          if (size !== void 0 && this.size !== size) return callback(new SizeMismatchError(size, this.size));
          if (this.digest !== digest) return callback(new DigestMismatchError(digest, this.digest));
          callback();
        });
      }
    };
  }
});

// src/oci/media-types.ts
function isIndexMediaType(mediaType) {
  return mediaType === MediaType.ociIndex || mediaType === MediaType.dockerManifestList;
}
function isImageManifestMediaType(mediaType) {
  return mediaType === MediaType.ociManifest || mediaType === MediaType.dockerManifest;
}
function isImageConfigMediaType(mediaType) {
  return mediaType === MediaType.ociConfig || mediaType === MediaType.dockerConfig;
}
function isManifestMediaType(mediaType) {
  return isIndexMediaType(mediaType) || isImageManifestMediaType(mediaType);
}
function layerCompression(mediaType) {
  if (mediaType.endsWith("+gzip") || mediaType.endsWith(".tar.gzip")) return "gzip";
  if (mediaType.endsWith("+zstd")) return "zstd";
  return "none";
}
var MediaType, manifestAcceptTypes;
var init_media_types = __esm({
  "src/oci/media-types.ts"() {
    MediaType = {
      ociManifest: "application/vnd.oci.image.manifest.v1+json",
      ociIndex: "application/vnd.oci.image.index.v1+json",
      ociConfig: "application/vnd.oci.image.config.v1+json",
      ociLayer: "application/vnd.oci.image.layer.v1.tar",
      ociLayerGzip: "application/vnd.oci.image.layer.v1.tar+gzip",
      ociLayerZstd: "application/vnd.oci.image.layer.v1.tar+zstd",
      ociLayerNondistributable: "application/vnd.oci.image.layer.nondistributable.v1.tar",
      ociLayerNondistributableGzip: "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
      ociEmpty: "application/vnd.oci.empty.v1+json",
      dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
      dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
      dockerConfig: "application/vnd.docker.container.image.v1+json",
      dockerLayerGzip: "application/vnd.docker.image.rootfs.diff.tar.gzip",
      dockerLayerForeignGzip: "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"
    };
    manifestAcceptTypes = [
      MediaType.ociIndex,
      MediaType.ociManifest,
      MediaType.dockerManifestList,
      MediaType.dockerManifest
    ];
  }
});

// src/oci/descriptor.ts
function formatPlatform(platform) {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
}
function isForeign(descriptor) {
  return (descriptor.urls?.length ?? 0) > 0 || descriptor.mediaType.includes("nondistributable") || descriptor.mediaType.includes(".foreign.");
}
var init_descriptor = __esm({
  "src/oci/descriptor.ts"() {
  }
});

// src/oci/manifest.ts
function parseManifest(bytes, contentType2) {
  const text2 = typeof bytes === "string" ? bytes : new TextDecoder().decode(bytes);
  let value;
  try {
    value = JSON.parse(text2);
  } catch (cause) {
    throw new OciFormatError("OCI_INVALID_MANIFEST", "manifest is not valid JSON", { cause });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new OciFormatError("OCI_INVALID_MANIFEST", "manifest is not a JSON object");
  }
  const object = value;
  if (object.schemaVersion !== 2) {
    throw new OciFormatError(
      "OCI_INVALID_MANIFEST",
      `unsupported manifest schemaVersion ${JSON.stringify(object.schemaVersion)}: only schema 2 (OCI, Docker v2) is supported`
    );
  }
  const declared = typeof object.mediaType === "string" ? object.mediaType : void 0;
  const isList = Array.isArray(object.manifests);
  const mediaType = declared ?? (contentType2 && (isIndexMediaType(contentType2) || isImageManifestMediaType(contentType2)) ? contentType2 : isList ? "application/vnd.oci.image.index.v1+json" : "application/vnd.oci.image.manifest.v1+json");
  if (isList) {
    return { mediaType, manifest: object, kind: "index" };
  }
  if (typeof object.config !== "object" || object.config === null || !Array.isArray(object.layers)) {
    throw new OciFormatError(
      "OCI_INVALID_MANIFEST",
      'an image manifest needs a "config" descriptor and a "layers" array'
    );
  }
  return { mediaType, manifest: object, kind: "image" };
}
var init_manifest = __esm({
  "src/oci/manifest.ts"() {
    init_errors4();
    init_media_types();
  }
});

// src/oci/image.ts
function blobsOf(artifact) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  const visit2 = (a) => {
    if (a.kind === "index") {
      a.children.forEach(visit2);
      return;
    }
    for (const blob of [a.config, ...a.layers]) {
      if (seen.has(blob.descriptor.digest)) continue;
      seen.add(blob.descriptor.digest);
      out.push(blob);
    }
  };
  visit2(artifact);
  return out;
}
var init_image = __esm({
  "src/oci/image.ts"() {
  }
});

// src/oci/archive/tar.ts
function paddingOf(size) {
  return (BLOCK - size % BLOCK) % BLOCK;
}
function padding(size) {
  return Buffer.alloc(paddingOf(size));
}
function tarHeader(name, size, type2 = "file") {
  const nameBytes = Buffer.from(name, "utf8");
  if (nameBytes.length <= 100) return ustar(name, size, type2 === "file" ? "0" : "5");
  const record = paxRecord("path", name);
  const pax = Buffer.concat([ustar("PaxHeader", record.length, "x"), record, padding(record.length)]);
  return Buffer.concat([
    pax,
    ustar(nameBytes.subarray(0, 100).toString("latin1"), size, type2 === "file" ? "0" : "5", true)
  ]);
}
function tarHeaderLength(name) {
  if (Buffer.byteLength(name, "utf8") <= 100) return BLOCK;
  const record = paxRecord("path", name);
  return BLOCK + record.length + paddingOf(record.length) + BLOCK;
}
function paxRecord(key2, value) {
  const body = ` ${key2}=${value}
`;
  const bodyLength = Buffer.byteLength(body, "utf8");
  let length = bodyLength + 1;
  while (String(length).length + bodyLength !== length) length++;
  return Buffer.from(`${length}${body}`, "utf8");
}
function ustar(name, size, typeflag, latin1Name = false) {
  const header2 = Buffer.alloc(BLOCK);
  header2.write(name, 0, 100, latin1Name ? "latin1" : "utf8");
  header2.write(typeflag === "5" ? "0000755\0" : "0000644\0", 100, "ascii");
  header2.write("0000000\0", 108, "ascii");
  header2.write("0000000\0", 116, "ascii");
  writeSize(header2, size);
  header2.write("00000000000\0", 136, "ascii");
  header2.write("        ", 148, "ascii");
  header2.write(typeflag, 156, "ascii");
  header2.write("ustar\0", 257, "ascii");
  header2.write("00", 263, "ascii");
  let sum = 0;
  for (const byte of header2) sum += byte;
  header2.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return header2;
}
function writeSize(header2, size) {
  if (size < 8589934591) {
    header2.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "ascii");
    return;
  }
  let value = BigInt(size);
  for (let i = 135; i > 124; i--) {
    header2[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  header2[124] = 128;
}
var BLOCK, TAR_END;
var init_tar = __esm({
  "src/oci/archive/tar.ts"() {
    BLOCK = 512;
    TAR_END = Buffer.alloc(2 * BLOCK);
  }
});

// src/oci/archive/image-archive.ts
function planArchive(input) {
  const entries = [];
  const json2 = (name, value) => {
    entries.push({ kind: "bytes", name, data: Buffer.from(JSON.stringify(value), "utf8") });
  };
  json2("oci-layout", { imageLayoutVersion: "1.0.0" });
  const descriptor = {
    mediaType: input.root.mediaType,
    digest: input.root.digest,
    size: input.root.size,
    ...input.refName === void 0 ? {} : { annotations: { "org.opencontainers.image.ref.name": input.refName } }
  };
  json2("index.json", { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [descriptor] });
  if (input.format === "docker-archive") {
    if (input.docker === void 0) throw new Error("a docker-archive needs its image (config and layers)");
    json2("manifest.json", [
      {
        Config: blobPath(input.docker.config),
        RepoTags: input.repoTags ?? [],
        Layers: input.docker.layers.map(blobPath)
      }
    ]);
  }
  const blobs = /* @__PURE__ */ new Map();
  for (const blob of input.blobs) blobs.set(blob.digest, blob);
  const sorted = [...blobs.values()].sort((a, b) => a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0);
  entries.push({ kind: "directory", name: "blobs/" });
  let algorithm = "";
  for (const blob of sorted) {
    const next = parseDigest(blob.digest).algorithm;
    if (next !== algorithm) entries.push({ kind: "directory", name: `blobs/${next}/` });
    algorithm = next;
    entries.push({ kind: "blob", name: blobPath(blob.digest), blob });
  }
  let length = TAR_END.length;
  for (const entry of entries) {
    const size = sizeOf(entry);
    length += tarHeaderLength(entry.name) + size + padding(size).length;
  }
  return { entries, length };
}
function archiveStream(plan, open4) {
  return import_node_stream2.Readable.from(archiveChunks(plan, open4), { objectMode: false });
}
async function* archiveChunks(plan, open4) {
  for (const entry of plan.entries) {
    const size = sizeOf(entry);
    yield tarHeader(entry.name, size, entry.kind === "directory" ? "directory" : "file");
    if (entry.kind === "bytes") yield entry.data;
    if (entry.kind === "blob") {
      let seen = 0;
      for await (const chunk of await open4(entry.blob)) {
        seen += chunk.length;
        if (seen > size) break;
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
      if (seen !== size) {
        throw new Error(`blob ${entry.blob.digest} gave ${seen} bytes, expected ${size}`);
      }
    }
    if (size % 512 !== 0) yield padding(size);
  }
  yield TAR_END;
}
function sizeOf(entry) {
  return entry.kind === "bytes" ? entry.data.length : entry.kind === "blob" ? entry.blob.size : 0;
}
function blobPath(digest) {
  const { algorithm, hex } = parseDigest(digest);
  return `blobs/${algorithm}/${hex}`;
}
var import_node_stream2;
var init_image_archive = __esm({
  "src/oci/archive/image-archive.ts"() {
    import_node_stream2 = require("node:stream");
    init_digest2();
    init_media_types();
    init_tar();
  }
});

// src/oci/archive/from-artifact.ts
function archiveOfArtifact(artifact, format, names = {}, platform) {
  const root = format === "docker-archive" && artifact.kind === "index" ? pickImage(artifact, platform) : artifact;
  if (format === "docker-archive" && root.kind === "image") refuseArtifact(root);
  const sources = /* @__PURE__ */ new Map();
  const visit2 = (a) => {
    sources.set(a.digest, a.bytes);
    if (a.kind === "index") a.children.forEach(visit2);
    else for (const blob of [a.config, ...a.layers]) sources.set(blob.descriptor.digest, blob);
  };
  visit2(root);
  const blobs = [...sources].map(([digest, source]) => ({
    digest,
    size: source instanceof Uint8Array ? source.length : source.descriptor.size
  }));
  const input = {
    format,
    root: { digest: root.digest, mediaType: root.mediaType, size: root.bytes.length },
    ...names.refName === void 0 ? {} : { refName: names.refName },
    ...format === "docker-archive" && root.kind === "image" ? {
      docker: {
        config: root.config.descriptor.digest,
        layers: root.layers.map((l) => l.descriptor.digest)
      }
    } : {},
    repoTags: format === "docker-archive" ? names.repoTags ?? [] : [],
    blobs
  };
  const open4 = async (blob) => {
    const source = sources.get(blob.digest);
    if (source === void 0) throw new Error(`no blob ${blob.digest} in the image`);
    return source instanceof Uint8Array ? import_node_stream3.Readable.from([Buffer.from(source)]) : source.open();
  };
  return { input, open: open4 };
}
function pickImage(index, platform) {
  const descriptors = parseManifest(index.bytes, index.mediaType).manifest.manifests;
  const name = (d) => d?.platform === void 0 ? "unknown" : [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join("/");
  const images = index.children.map((child, i) => ({ child, name: name(descriptors[i]) })).filter(
    (c) => c.child.kind === "image" && c.name !== "unknown/unknown"
  );
  const found = platform === void 0 ? images[0] : images.find((c) => c.name === platform) ?? images.find((c) => c.name.startsWith(`${platform}/`));
  if (found === void 0) {
    throw new OciFormatError(
      "OCI_PLATFORM_NOT_FOUND",
      `no image for platform ${platform ?? "(any)"} in the index; platforms: ${images.map((c) => c.name).join(", ") || "none"}`,
      { hint: "pick one with --platform, or use --format oci-archive to keep every platform" }
    );
  }
  return found.child;
}
function refuseArtifact(image2) {
  const configType = image2.config.descriptor.mediaType;
  if (isImageConfigMediaType(configType)) return;
  let type2 = configType;
  try {
    const { manifest } = parseManifest(image2.bytes, image2.mediaType);
    if ("artifactType" in manifest && typeof manifest.artifactType === "string") type2 = manifest.artifactType;
  } catch {
  }
  throw new OciFormatError(
    "OCI_NOT_AN_IMAGE",
    `${image2.digest} is an artifact (${type2}), not a container image: docker load cannot read a docker-archive of it`,
    { hint: "use --format oci-archive (or --format oci) to keep it as it is stored" }
  );
}
var import_node_stream3;
var init_from_artifact = __esm({
  "src/oci/archive/from-artifact.ts"() {
    import_node_stream3 = require("node:stream");
    init_errors4();
    init_manifest();
    init_media_types();
  }
});

// src/oci/index.ts
var init_oci = __esm({
  "src/oci/index.ts"() {
    init_digest2();
    init_digest_stream();
    init_errors4();
    init_media_types();
    init_descriptor();
    init_manifest();
    init_image();
    init_image_archive();
    init_tar();
    init_from_artifact();
  }
});

// src/client/errors.ts
function isTemporaryStatus(status) {
  return TEMPORARY_STATUSES.has(status);
}
function registryErrorCode(status, diagnostics) {
  const codes = new Set(diagnostics.map((d) => d.code));
  if (status === 401 || codes.has("UNAUTHORIZED")) return "CLIENT_UNAUTHORIZED";
  if (status === 403 || codes.has("DENIED")) return "CLIENT_DENIED";
  if (status === 404 || [...codes].some((c) => NOT_FOUND_CODES.has(c))) return "CLIENT_NOT_FOUND";
  if (status === 429 || codes.has("TOOMANYREQUESTS")) return "CLIENT_RATE_LIMITED";
  return "CLIENT_REGISTRY_ERROR";
}
function registryErrorMessage(init) {
  const statusText = import_node_http.STATUS_CODES[init.status];
  const head = `${init.method} ${init.url}: HTTP ${init.status}${statusText ? ` ${statusText}` : ""}`;
  if (init.diagnostics.length > 0) {
    const list = init.diagnostics.map((d) => d.message ? `${d.code}: ${d.message}` : d.code).join("; ");
    return `${head}: ${list}`;
  }
  const body = init.body?.trim();
  return body ? `${head}: ${body.length > 300 ? `${body.slice(0, 300)}\u2026` : body}` : head;
}
function registryErrorHint(code, init) {
  const registry = init.registry ?? "the registry";
  const repository = init.repository === void 0 ? "this repository" : `"${init.repository}"`;
  switch (code) {
    case "CLIENT_UNAUTHORIZED":
      return `check the credentials for ${registry} (log in again, passing the password on stdin); for an OIDC token, check that its audience is the registry URL exactly and that it has not expired`;
    case "CLIENT_DENIED":
      return `the credentials for ${registry} were accepted but lack access to ${repository}: for Buildkite Packages the token needs the write_packages scope (or an OIDC policy that grants it)`;
    case "CLIENT_NOT_FOUND":
      return `check the repository name ${repository} and the tag or digest`;
    case "CLIENT_RATE_LIMITED":
      return `${registry} is rate limiting this client: retry later or lower the concurrency`;
    default:
      return TEMPORARY_STATUSES.has(init.status) ? `${registry} had a temporary failure: retry later` : void 0;
  }
}
function describeReason(code, reason) {
  if (code === "CLIENT_UNAVAILABLE") return `cannot connect (${reason})`;
  if (code === "CLIENT_TIMEOUT") return `timed out (${reason})`;
  return `connection failed (${reason})`;
}
function clientError(code, message, details2 = {}) {
  return new ClientError(code, message, details2);
}
var import_node_http, ClientError, TEMPORARY_STATUSES, NOT_FOUND_CODES, RegistryError, TEMPORARY_REASONS, NetworkError, UNAVAILABLE_HINT, RetriesExhaustedError, ContentMismatchError;
var init_errors5 = __esm({
  "src/client/errors.ts"() {
    import_node_http = require("node:http");
    init_errors();
    ClientError = class extends ContainerPackageError {
      constructor(code, message, details2 = {}) {
        super(code, message, details2);
        this.name = "ClientError";
      }
      /** True when the same request may succeed if sent again later (the retry layer asks this). */
      isTemporary() {
        return false;
      }
    };
    TEMPORARY_STATUSES = /* @__PURE__ */ new Set([408, 425, 429, 500, 502, 503, 504]);
    NOT_FOUND_CODES = /* @__PURE__ */ new Set(["MANIFEST_UNKNOWN", "BLOB_UNKNOWN", "NAME_UNKNOWN", "NOT_FOUND"]);
    RegistryError = class extends ClientError {
      status;
      method;
      url;
      diagnostics;
      body;
      retryAfterMs;
      constructor(init) {
        const code = registryErrorCode(init.status, init.diagnostics);
        super(code, registryErrorMessage(init), { hint: registryErrorHint(code, init) });
        this.name = "RegistryError";
        this.status = init.status;
        this.method = init.method;
        this.url = init.url;
        this.diagnostics = init.diagnostics;
        this.body = init.body;
        this.retryAfterMs = init.retryAfterMs;
      }
      /** 408, 425, 429, 500, 502, 503, 504 (501 and 505 will not change on a retry). */
      isTemporary() {
        return isTemporaryStatus(this.status);
      }
    };
    TEMPORARY_REASONS = /* @__PURE__ */ new Set([
      "ECONNRESET",
      "ECONNREFUSED",
      "EPIPE",
      "ETIMEDOUT",
      "EAI_AGAIN",
      "ENETUNREACH",
      "EHOSTUNREACH",
      "UND_ERR_SOCKET",
      "UND_ERR_CLOSED",
      "UND_ERR_CONNECT_TIMEOUT",
      "UND_ERR_HEADERS_TIMEOUT",
      "UND_ERR_BODY_TIMEOUT",
      "UND_ERR_REQ_RETRY"
    ]);
    NetworkError = class _NetworkError extends ClientError {
      /** The low-level code, e.g. `ECONNRESET`, `UND_ERR_SOCKET`. */
      reason;
      method;
      url;
      /** How many times the request was sent, once the retry layer gave up; else `undefined`. */
      attempts;
      constructor(code, reason, method, url, details2 = {}) {
        const tries = details2.attempts === void 0 ? "" : ` after ${details2.attempts} attempts`;
        super(code, `${method} ${url}: ${describeReason(code, reason)}${tries}`, {
          hint: details2.hint ?? (code === "CLIENT_UNAVAILABLE" ? UNAVAILABLE_HINT : void 0),
          cause: details2.cause
        });
        this.name = "NetworkError";
        this.reason = reason;
        this.method = method;
        this.url = url;
        this.attempts = details2.attempts;
      }
      /** Temporary for resets, refusals and timeouts, unless the retry layer already gave up on it. */
      isTemporary() {
        return this.attempts === void 0 && TEMPORARY_REASONS.has(this.reason);
      }
      /** The same failure, marked final after `attempts` tries (no longer temporary). */
      exhausted(attempts) {
        return new _NetworkError(this.code, this.reason, this.method, this.url, {
          attempts,
          cause: this.cause,
          hint: this.hint
        });
      }
    };
    UNAVAILABLE_HINT = "check that the registry is running and reachable, and whether it speaks http or https (plain http is used only for loopback addresses, and for hosts given to the CLI with --insecure)";
    RetriesExhaustedError = class extends ClientError {
      attempts;
      /** @param what the operation, when `cause`'s message does not already name it */
      constructor(what, attempts, cause) {
        const prefix = what === void 0 ? "" : `${what}: `;
        super("CLIENT_RETRIES_EXHAUSTED", `${prefix}gave up after ${attempts} attempts: ${cause.message}`, {
          cause,
          hint: "the registry kept failing with temporary errors: retry later, or raise the retries option"
        });
        this.name = "RetriesExhaustedError";
        this.attempts = attempts;
      }
    };
    ContentMismatchError = class extends ClientError {
      expected;
      actual;
      constructor(message, expected, actual, hint) {
        super("CLIENT_DIGEST_MISMATCH", message, {
          hint: hint ?? "the content changed since its manifest was written: rebuild or re-export the image"
        });
        this.name = "ContentMismatchError";
        this.expected = expected;
        this.actual = actual;
      }
    };
  }
});

// src/client/repository.ts
function toRepositoryName(repo) {
  if (typeof repo !== "string") return { registry: repo.registry, repository: repo.repository };
  const ref = parseReference(repo);
  if (ref.tag !== void 0 || ref.digest !== void 0) {
    throw clientError(
      "CLIENT_INVALID_REPOSITORY",
      `expected a repository without tag or digest, got ${JSON.stringify(repo)}`,
      {
        hint: `use ${JSON.stringify(`${ref.registry}/${ref.repository}`)}`
      }
    );
  }
  return { registry: ref.registry, repository: ref.repository };
}
function formatRepository(repo) {
  return `${repo.registry}/${repo.repository}`;
}
function pullScope(repo) {
  return `repository:${repo.repository}:pull`;
}
function pushScope(repo) {
  return `repository:${repo.repository}:pull,push`;
}
function deleteScope(repo) {
  return `repository:${repo.repository}:delete`;
}
function apiPath(repo, ...segments) {
  return `/v2/${repo.repository}/${segments.map((s) => encodeURIComponent(s).replace(/%3A/gi, ":")).join("/")}`;
}
var init_repository2 = __esm({
  "src/client/repository.ts"() {
    init_reference2();
    init_errors5();
  }
});

// src/client/transport/backoff.ts
function backoffDelay(retry, policy, random = Math.random) {
  const exponent = Math.max(0, retry - 1);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  return Math.floor(random() * ceiling);
}
function parseRetryAfter(value, now = Date.now()) {
  if (value === void 0) return void 0;
  const text2 = value.trim();
  if (text2 === "") return void 0;
  if (/^\d+(\.\d+)?$/.test(text2)) return Math.round(Number(text2) * 1e3);
  if (!/[a-z]/i.test(text2)) return void 0;
  const date = Date.parse(text2);
  if (Number.isNaN(date)) return void 0;
  return Math.max(0, date - now);
}
function retryDelay(retry, policy, retryAfterMs, random = Math.random) {
  if (retryAfterMs !== void 0) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return backoffDelay(retry, policy, random);
}
function sleep(ms, signal) {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve2, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve2();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
var init_backoff = __esm({
  "src/client/transport/backoff.ts"() {
  }
});

// src/client/transport/redact.ts
function redactUrl(url) {
  let parsed;
  try {
    parsed = new URL(url.toString());
  } catch {
    return redactText(url.toString());
  }
  if (parsed.username !== "" || parsed.password !== "") {
    parsed.username = "";
    parsed.password = "";
  }
  for (const key2 of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.has(key2.toLowerCase())) parsed.searchParams.set(key2, REDACTED);
  }
  return parsed.toString();
}
function redactText(text2, secrets = []) {
  let out = text2.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`).replace(
    /("(?:token|access_token|refresh_token|identitytoken|password|secret|auth)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    `$1"${REDACTED}"`
  ).replace(/(\/\/)[^/\s:@]+:[^/\s@]+@/g, `$1${REDACTED}@`).replace(
    /\b(token|access_token|refresh_token|password|passwd|secret)(\s*[=:]\s*)(?!REDACTED)[^\s&"',;]+/gi,
    `$1$2${REDACTED}`
  ).replace(
    /([?&])([A-Za-z_-]+)=([^&\s"']*)/g,
    (match, sep, key2) => SECRET_PARAMS.has(key2.toLowerCase()) ? `${sep}${key2}=${REDACTED}` : match
  );
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
var SECRET_PARAMS, REDACTED;
var init_redact = __esm({
  "src/client/transport/redact.ts"() {
    SECRET_PARAMS = /* @__PURE__ */ new Set([
      "_state",
      "token",
      "access_token",
      "refresh_token",
      "password",
      "secret",
      "signature",
      "x-amz-signature",
      "x-amz-credential",
      "x-amz-security-token",
      "sig",
      "code"
    ]);
    REDACTED = "REDACTED";
  }
});

// src/client/transport/types.ts
function isReplayable(body) {
  return body === void 0 || typeof body === "string" || typeof body === "function" || body instanceof Uint8Array;
}
function header(response, name) {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
function headerValues(response, name) {
  const value = response.headers[name.toLowerCase()];
  if (value === void 0) return [];
  return Array.isArray(value) ? value : [value];
}
async function discard(response) {
  try {
    await response.body.dump({ limit: 256 * 1024 });
  } catch {
  }
}
var init_types = __esm({
  "src/client/transport/types.ts"() {
  }
});

// src/client/transport/check.ts
async function readCapped(body, limit = ERROR_BODY_LIMIT) {
  const chunks = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      const room = limit - total;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      total += Math.min(chunk.length, room);
      if (total >= limit) {
        body.destroy();
        break;
      }
    }
  } catch {
  }
  return Buffer.concat(chunks).toString("utf8");
}
function parseDiagnostics(text2) {
  let value;
  try {
    value = JSON.parse(text2);
  } catch {
    return void 0;
  }
  const errors = value?.errors;
  if (!Array.isArray(errors)) return void 0;
  return errors.filter(
    (e) => typeof e === "object" && e !== null && typeof e.code === "string"
  ).map((e) => ({
    code: e.code,
    message: typeof e.message === "string" ? redactText(e.message) : "",
    ...e.detail === void 0 ? {} : { detail: e.detail }
  }));
}
async function readRegistryError(response, context = {}) {
  const text2 = response.method === "HEAD" ? "" : await readCapped(response.body);
  if (response.method === "HEAD") await response.body.dump().catch(() => void 0);
  const diagnostics = parseDiagnostics(text2);
  const retryAfterMs = parseRetryAfter(header(response, "retry-after"));
  return new RegistryError({
    status: response.status,
    method: response.method,
    url: redactUrl(response.url),
    diagnostics: diagnostics ?? [],
    ...diagnostics === void 0 && text2.trim() !== "" ? { body: redactText(text2) } : {},
    ...retryAfterMs === void 0 ? {} : { retryAfterMs },
    ...context
  });
}
async function expectStatus(response, expected, context = {}) {
  if (expected.includes(response.status)) return;
  throw await readRegistryError(response, context);
}
var ERROR_BODY_LIMIT;
var init_check = __esm({
  "src/client/transport/check.ts"() {
    init_errors5();
    init_backoff();
    init_redact();
    init_types();
    ERROR_BODY_LIMIT = 64 * 1024;
  }
});

// src/client/blobs/get-blob.ts
async function getBlob(ctx, digest, size) {
  const { algorithm } = parseDigest(digest);
  let url = ctx.session.url(apiPath(ctx.repo, "blobs", digest));
  let response;
  for (let redirects = 0; ; redirects++) {
    response = await ctx.session.transport({
      method: "GET",
      url,
      bulk: true,
      scopes: [pullScope(ctx.repo)],
      ...ctx.signal ? { signal: ctx.signal } : {}
    });
    const location = header(response, "location");
    if (response.status < 300 || response.status >= 400 || location === void 0) break;
    await discard(response);
    const next = new URL(location, url);
    if (redirects >= MAX_REDIRECTS || url.protocol === "https:" && next.protocol !== "https:") {
      throw clientError(
        "CLIENT_BAD_LOCATION",
        `refusing redirect ${redirects + 1} for blob ${digest} to ${next.protocol}//${next.host}`
      );
    }
    url = next;
  }
  await expectStatus(response, [200], { registry: ctx.session.registry, repository: ctx.repo.repository });
  const verifier = new BlobVerifier(digest, createDigester(algorithm), size);
  response.body.on("error", (error) => verifier.destroy(error));
  return response.body.pipe(verifier);
}
var import_node_stream4, MAX_REDIRECTS, BlobVerifier;
var init_get_blob = __esm({
  "src/client/blobs/get-blob.ts"() {
    import_node_stream4 = require("node:stream");
    init_oci();
    init_errors5();
    init_repository2();
    init_check();
    init_types();
    MAX_REDIRECTS = 5;
    BlobVerifier = class extends import_node_stream4.Transform {
      #digest;
      #digester;
      #size;
      constructor(digest, digester, size) {
        super();
        this.#digest = digest;
        this.#digester = digester;
        this.#size = size;
      }
      _transform(chunk, _encoding, callback) {
        if (this.#size !== void 0 && this.#digester.size + chunk.length > this.#size) {
          callback(this.#mismatch(`more than ${this.#size} bytes`));
          return;
        }
        this.#digester.update(chunk);
        callback(null, chunk);
      }
      _flush(callback) {
        if (this.#size !== void 0 && this.#digester.size !== this.#size) {
          callback(this.#mismatch(`${this.#digester.size} bytes, not ${this.#size}`));
          return;
        }
        const actual = this.#digester.digest();
        callback(actual === this.#digest ? null : this.#mismatch(`bytes hashing to ${actual}`));
      }
      #mismatch(what) {
        return new ContentMismatchError(
          `blob ${this.#digest} was served as ${what}`,
          this.#digest,
          what,
          "retry the download; the registry or a proxy corrupted it"
        );
      }
    };
  }
});

// src/client/progress.ts
function report(observer, event) {
  if (observer === void 0) return;
  try {
    observer(event);
  } catch {
  }
}
var init_progress = __esm({
  "src/client/progress.ts"() {
  }
});

// src/client/blobs/attempts.ts
function isRestartable(error) {
  if (!(error instanceof ClientError)) return false;
  if (error.isTemporary()) return true;
  return error instanceof RegistryError && (error.status === 416 || error.diagnostics.some((d) => LOST_UPLOAD_CODES.has(d.code)));
}
var LOST_UPLOAD_CODES, Attempts;
var init_attempts = __esm({
  "src/client/blobs/attempts.ts"() {
    init_errors5();
    init_backoff();
    LOST_UPLOAD_CODES = /* @__PURE__ */ new Set(["BLOB_UPLOAD_UNKNOWN", "BLOB_UPLOAD_INVALID"]);
    Attempts = class {
      #what;
      #options;
      #signal;
      #failures = 0;
      constructor(what, options, signal) {
        this.#what = what;
        this.#options = options;
        this.#signal = signal;
      }
      /**
       * Records `error`. Rethrows it when it is not worth retrying (`retryable` false), throws
       * `CLIENT_RETRIES_EXHAUSTED` when the budget is spent, else waits the backoff (or the
       * registry's `Retry-After`) and returns.
       */
      async failed(error, retryable = isRestartable(error)) {
        if (this.#signal?.aborted) throw this.#signal.reason;
        if (!retryable) throw error;
        this.#failures++;
        if (this.#failures > this.#options.retries) {
          throw new RetriesExhaustedError(this.#what, this.#failures, error);
        }
        const retryAfterMs = error instanceof RegistryError ? error.retryAfterMs : void 0;
        const policy = {
          baseMs: this.#options.backoffBaseMs,
          maxMs: this.#options.backoffMaxMs,
          maxRetryAfterMs: this.#options.maxRetryAfterMs
        };
        await sleep(retryDelay(this.#failures, policy, retryAfterMs), this.#signal);
      }
    };
  }
});

// src/client/transport/location.ts
function nextLocation(response, origin) {
  const value = header(response, "location");
  if (value === void 0 || value === "") {
    throw clientError(
      "CLIENT_BAD_LOCATION",
      `${response.method} ${redactUrl(response.url)} answered ${response.status} without a Location header`,
      { hint: "the registry does not follow the distribution API for uploads" }
    );
  }
  return sameOrigin(value, response.url, origin, "Location");
}
function sameOrigin(value, base2, origin, what) {
  let url;
  try {
    url = new URL(value, base2);
  } catch {
    throw clientError("CLIENT_BAD_LOCATION", `the registry sent an invalid ${what}: ${redactUrl(value)}`);
  }
  if (url.origin !== origin.origin) {
    throw clientError(
      "CLIENT_BAD_LOCATION",
      `refusing to follow ${what} ${redactUrl(url)}: it leaves the registry ${origin.host}`,
      {
        hint: "the registry redirected an upload or listing to another host; this client only talks to the registry named"
      }
    );
  }
  return url;
}
function nextLink(linkHeader) {
  if (linkHeader === void 0) return void 0;
  for (const part of linkHeader.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel\s*=\s*"?next"?/i.test(match[2])) return match[1];
  }
  return void 0;
}
var init_location = __esm({
  "src/client/transport/location.ts"() {
    init_errors5();
    init_redact();
    init_types();
  }
});

// src/client/blobs/steps.ts
function base(ctx, scopes = [pushScope(ctx.repo)]) {
  return { scopes, ...ctx.signal ? { signal: ctx.signal } : {} };
}
async function checkExistingBlob(ctx, digest, scopes) {
  const response = await ctx.session.send(
    { method: "HEAD", url: ctx.session.url(apiPath(ctx.repo, "blobs", digest)), ...base(ctx, scopes) },
    [200, 404, ...REDIRECTS],
    { repository: ctx.repo.repository }
  );
  await discard(response);
  return response.status !== 404;
}
async function initiateUpload(ctx, mount) {
  const url = ctx.session.url(apiPath(ctx.repo, "blobs", "uploads") + "/");
  const scopes = [pushScope(ctx.repo)];
  if (mount) {
    url.searchParams.set("mount", mount.digest);
    url.searchParams.set("from", mount.from.repository);
    scopes.push(pullScope(mount.from));
  }
  ctx.signal?.throwIfAborted();
  const response = await ctx.session.send(
    {
      method: "POST",
      url,
      headers: { "content-length": "0" },
      scopes,
      signal: AbortSignal.timeout(INITIATE_TIMEOUT_MS)
    },
    mount ? [201, 202] : [202],
    { repository: ctx.repo.repository }
  );
  if (response.status === 201) {
    await discard(response);
    return { mounted: true };
  }
  const location = nextLocation(response, ctx.session.origin);
  await discard(response);
  if (ctx.signal?.aborted) {
    await cancelUpload(ctx, location);
    ctx.signal.throwIfAborted();
  }
  return { mounted: false, location };
}
async function uploadStatus(ctx, location) {
  const response = await ctx.session.send({ method: "GET", url: location, ...base(ctx) }, [204, 200], {
    repository: ctx.repo.repository
  });
  await discard(response);
  const next = header(response, "location") === void 0 ? location : nextLocation(response, ctx.session.origin);
  return { offset: parseRangeEnd(header(response, "range")), location: next };
}
function parseRangeEnd(range) {
  const match = /^(?:bytes=)?0-(-?\d+)$/.exec(range?.trim() ?? "");
  if (!match) return 0;
  const end = Number(match[1]);
  return end <= 0 ? 0 : end + 1;
}
async function cancelUpload(ctx, location) {
  try {
    const response = await ctx.session.transport({
      method: "DELETE",
      url: location,
      scopes: [pushScope(ctx.repo)],
      signal: AbortSignal.timeout(CANCEL_TIMEOUT_MS),
      retry: false
    });
    await discard(response);
  } catch {
  }
}
function withDigest2(location, digest) {
  const url = new URL(location);
  url.searchParams.set("digest", digest);
  return url;
}
async function commitUpload(ctx, location, digest) {
  const response = await ctx.session.send(
    { method: "PUT", url: withDigest2(location, digest), headers: { "content-length": "0" }, ...base(ctx) },
    [201],
    { repository: ctx.repo.repository }
  );
  await discard(response);
  checkDigestHeader(response, digest);
}
function checkDigestHeader(response, digest) {
  const answered = header(response, "docker-content-digest");
  if (answered !== void 0 && answered !== "" && answered !== digest) {
    throw new ContentMismatchError(
      `the registry stored ${answered} where ${digest} was sent`,
      digest,
      answered,
      "the registry changed the content on the way: check proxies between this host and the registry"
    );
  }
}
var REDIRECTS, INITIATE_TIMEOUT_MS, CANCEL_TIMEOUT_MS;
var init_steps = __esm({
  "src/client/blobs/steps.ts"() {
    init_errors5();
    init_repository2();
    init_location();
    init_types();
    REDIRECTS = [301, 302, 303, 307, 308];
    INITIATE_TIMEOUT_MS = 6e4;
    CANCEL_TIMEOUT_MS = 5e3;
  }
});

// src/client/blobs/cursor.ts
async function openSource(blob, signal) {
  try {
    return await blob.open(signal);
  } catch (error) {
    throw sourceError(error, blob.descriptor.digest, signal);
  }
}
function sourceError(error, digest, signal) {
  if (signal?.aborted || isContainerPackageError(error)) return error;
  const why = error instanceof Error ? error.message : String(error);
  return clientError("CLIENT_SOURCE_READ", `cannot read blob ${digest} from its source: ${why}`, {
    cause: error,
    hint: "the image source changed or went away during the push (a deleted file or temporary directory?)"
  });
}
function checksItself(stream, descriptor) {
  return stream instanceof VerifyingStream && stream.expected.digest === descriptor.digest && stream.expected.size === descriptor.size;
}
function toBuffer(value) {
  if (typeof value === "string") return Buffer.from(value);
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
var BlobHasher, BlobCursor;
var init_cursor = __esm({
  "src/client/blobs/cursor.ts"() {
    init_errors();
    init_oci();
    init_errors5();
    BlobHasher = class {
      descriptor;
      #digester;
      #hashed = 0;
      /** Some positions came from a source that checks itself and were not hashed (see {@link feed}). */
      #unhashed = false;
      constructor(descriptor) {
        this.descriptor = descriptor;
        this.#digester = createDigester(parseDigest(descriptor.digest).algorithm);
      }
      /** Bytes read so far (the positions below this one), hashed or checked by their source. */
      get hashed() {
        return this.#hashed;
      }
      /**
       * Hashes the part of `chunk` (which starts at `position`) not hashed yet; with `hash` false,
       * only counts it (its source checks the digest itself), and {@link verify} can no longer be used.
       */
      feed(position, chunk, hash = true) {
        const end = position + chunk.length;
        if (end <= this.#hashed) return;
        if (position > this.#hashed) throw new Error(`internal: hashing gap at ${this.#hashed}, got ${position}`);
        if (hash) this.#digester.update(chunk.subarray(this.#hashed - position));
        else this.#unhashed = true;
        this.#hashed = end;
      }
      /**
       * Checks the digest once every byte is hashed.
       *
       * @throws ContentMismatchError `CLIENT_DIGEST_MISMATCH`
       */
      verify() {
        if (this.#unhashed)
          throw new Error("internal: verify() of a blob whose source checked some bytes itself");
        const actual = this.#digester.digest();
        if (actual !== this.descriptor.digest) {
          throw new ContentMismatchError(
            `blob ${this.descriptor.digest} does not match its content: the bytes hash to ${actual}`,
            this.descriptor.digest,
            actual
          );
        }
      }
    };
    BlobCursor = class {
      #stream;
      #iterator;
      #hasher;
      #signal;
      /** The stream checks the digest and size itself (see the module comment): no second hash. */
      #checksItself;
      #pending;
      #position = 0;
      constructor(stream, hasher, signal) {
        this.#stream = stream;
        this.#signal = signal;
        this.#iterator = stream[Symbol.asyncIterator]();
        this.#hasher = hasher;
        this.#checksItself = checksItself(stream, hasher.descriptor);
      }
      /** Bytes read so far (the offset of the next byte). */
      get position() {
        return this.#position;
      }
      get size() {
        return this.#hasher.descriptor.size;
      }
      /** Reads and drops `count` bytes (to resume an upload at an offset). */
      async skip(count) {
        for await (const _ of this.take(count)) {
        }
      }
      /**
       * Yields exactly `count` more bytes. Before the piece that reaches the end of the blob, checks
       * that the source has no more bytes and that the digest matches. `onBytes` is told the new
       * position after each piece.
       *
       * @throws ContentMismatchError `CLIENT_DIGEST_MISMATCH` when the source is shorter or longer
       *   than `descriptor.size`, or hashes to another digest.
       */
      async *take(count, onBytes) {
        if (this.#position + count > this.size)
          throw new Error(`internal: read past the end of ${this.size} bytes`);
        if (count === 0 && this.#position === this.size) await this.#verifyEnd();
        let remaining = count;
        while (remaining > 0) {
          let chunk = await this.#read();
          if (chunk === void 0) throw this.#sizeError(`ends after ${this.#position} bytes`);
          if (chunk.length > remaining) {
            this.#pending = chunk.subarray(remaining);
            chunk = chunk.subarray(0, remaining);
          }
          this.#hasher.feed(this.#position, chunk, !this.#checksItself);
          this.#position += chunk.length;
          remaining -= chunk.length;
          if (this.#position === this.size) await this.#verifyEnd();
          yield chunk;
          onBytes?.(this.#position);
        }
      }
      /** Destroys the source stream. */
      close() {
        this.#stream.destroy();
      }
      async #read() {
        if (this.#pending !== void 0) {
          const pending = this.#pending;
          this.#pending = void 0;
          return pending;
        }
        for (; ; ) {
          let next;
          try {
            next = await this.#iterator.next();
          } catch (error) {
            throw sourceError(error, this.#hasher.descriptor.digest, this.#signal);
          }
          if (next.done) return void 0;
          const chunk = toBuffer(next.value);
          if (chunk.length > 0) return chunk;
        }
      }
      async #verifyEnd() {
        const extra = await this.#read();
        if (extra !== void 0) throw this.#sizeError("has more bytes");
        if (!this.#checksItself) this.#hasher.verify();
      }
      #sizeError(what) {
        const { digest, size } = this.#hasher.descriptor;
        return new ContentMismatchError(
          `blob ${digest} should be ${size} bytes but its source ${what}`,
          `${size} bytes`,
          what
        );
      }
    };
  }
});

// src/client/blobs/upload.ts
async function uploadMonolithic(ctx, blob, location) {
  const { digest, size } = blob.descriptor;
  const body = async (signal) => {
    const cursor = new BlobCursor(await openSource(blob, signal), new BlobHasher(blob.descriptor), signal);
    return import_node_stream5.Readable.from(closing(cursor, cursor.take(size, ctx.onBytes)), { objectMode: false });
  };
  const response = await ctx.session.send(
    {
      method: "PUT",
      url: withDigest2(location, digest),
      headers: { "content-type": "application/octet-stream", "content-length": String(size) },
      body,
      retry: false,
      scopes: [pushScope(ctx.repo)],
      ...ctx.signal ? { signal: ctx.signal } : {}
    },
    [201],
    { repository: ctx.repo.repository }
  );
  await discard(response);
  checkDigestHeader(response, digest);
}
async function uploadChunked(ctx, blob, start, attempts) {
  const { digest, size } = blob.descriptor;
  const hasher = new BlobHasher(blob.descriptor);
  let location = start;
  let cursor = new BlobCursor(await openSource(blob, ctx.signal), hasher, ctx.signal);
  try {
    while (cursor.position < size) {
      const offset = cursor.position;
      const count = Math.min(ctx.chunkSize, size - offset);
      try {
        location = await patchChunk(ctx, location, offset, count, cursor);
      } catch (error) {
        await attempts.failed(error);
        const status = await uploadStatus(ctx, location);
        if (status.offset > hasher.hashed || status.offset > size) {
          throw new ContentMismatchError(
            `the registry reports ${status.offset} bytes of ${digest} stored, more than the ${hasher.hashed} sent`,
            `${hasher.hashed} bytes`,
            `${status.offset} bytes`,
            "the upload session is inconsistent: retry the push"
          );
        }
        location = status.location;
        cursor.close();
        cursor = new BlobCursor(await openSource(blob, ctx.signal), hasher, ctx.signal);
        await cursor.skip(status.offset);
        ctx.onBytes?.(status.offset);
      }
    }
    if (size === 0) await cursor.skip(0);
  } finally {
    cursor.close();
  }
  await commitUpload(ctx, location, digest);
}
async function patchChunk(ctx, location, offset, count, cursor) {
  const response = await ctx.session.send(
    {
      method: "PATCH",
      url: location,
      headers: {
        "content-type": "application/octet-stream",
        "content-length": String(count),
        "content-range": `${offset}-${offset + count - 1}`
      },
      body: import_node_stream5.Readable.from(cursor.take(count, ctx.onBytes), { objectMode: false }),
      scopes: [pushScope(ctx.repo)],
      ...ctx.signal ? { signal: ctx.signal } : {}
    },
    [202, 204],
    { repository: ctx.repo.repository }
  );
  await discard(response);
  return nextLocation(response, ctx.session.origin);
}
async function* closing(cursor, pieces) {
  try {
    yield* pieces;
  } finally {
    cursor.close();
  }
}
var import_node_stream5;
var init_upload = __esm({
  "src/client/blobs/upload.ts"() {
    import_node_stream5 = require("node:stream");
    init_errors5();
    init_location();
    init_types();
    init_cursor();
    init_steps();
    init_repository2();
  }
});

// src/client/blobs/push-blob.ts
async function pushBlobTo(ctx, blob, options = {}) {
  const { digest, size } = blob.descriptor;
  parseDigest(digest);
  const { session, repo, signal } = ctx;
  const repository = formatRepository(repo);
  const event = (type2, bytes, from) => report(options.onProgress, { type: type2, repository, digest, bytes, total: size, ...from ? { from } : {} });
  const source = options.mountFrom?.find(
    (r) => r.registry === repo.registry && r.repository !== repo.repository
  );
  const attempts = new Attempts(`pushing blob ${digest} to ${repository}`, session.options, signal);
  for (; ; ) {
    let location;
    try {
      if (await checkExistingBlob(ctx, digest)) {
        event("blob-skipped", size);
        return "existing";
      }
      const started = await initiateWithFallback(ctx, digest, source);
      if (started.mounted) {
        event("blob-mounted", size, source && formatRepository(source));
        return "mounted";
      }
      location = started.location;
      event("blob-start", 0);
      const upload = {
        ...ctx,
        chunkSize: session.options.chunkSize,
        onBytes: (bytes) => event("blob-progress", bytes)
      };
      if (size <= session.options.monolithicThreshold) {
        await uploadMonolithic(upload, blob, location);
      } else {
        await uploadChunked(upload, blob, location, attempts);
      }
      event("blob-done", size);
      return "uploaded";
    } catch (error) {
      if (location !== void 0) await cancelUpload(ctx, location);
      await attempts.failed(error);
    }
  }
}
async function initiateWithFallback(ctx, digest, from) {
  if (from === void 0) return initiateUpload(ctx);
  try {
    return await initiateUpload(ctx, { digest, from });
  } catch (error) {
    if (error.isTemporary?.() === true) throw error;
    return initiateUpload(ctx);
  }
}
var init_push_blob = __esm({
  "src/client/blobs/push-blob.ts"() {
    init_oci();
    init_progress();
    init_repository2();
    init_attempts();
    init_steps();
    init_upload();
  }
});

// src/client/blobs/stream-blob.ts
async function uploadStream(ctx, stream, options = {}) {
  const repository = formatRepository(ctx.repo);
  const id = options.progressId ?? "";
  const event = (type2, bytes, total) => report(options.onProgress, { type: type2, repository, digest: id, bytes, total });
  let location;
  try {
    ctx.signal?.throwIfAborted();
    const started = await initiateUpload(ctx);
    if (started.mounted) throw new Error("internal: a plain upload was answered as a mount");
    location = started.location;
    const expected = options.expectedSize ?? 0;
    event("blob-start", 0, expected);
    let reported = 0;
    const hasher = new ProgressDigestStream(options.algorithm ?? "sha256", (bytes) => {
      if (bytes - reported < PROGRESS_STEP) return;
      reported = bytes;
      event("blob-progress", bytes, Math.max(expected, bytes));
    });
    (0, import_node_stream6.pipeline)(stream, hasher, () => void 0);
    const response = await ctx.session.send(
      {
        method: "PATCH",
        url: location,
        headers: { "content-type": "application/octet-stream" },
        body: hasher,
        retry: false,
        scopes: [pushScope(ctx.repo)],
        ...ctx.signal ? { signal: ctx.signal } : {}
      },
      [202, 204],
      { repository: ctx.repo.repository }
    );
    await discard(response);
    location = nextLocation(response, ctx.session.origin);
    if (!hasher.readableEnded) {
      throw clientError(
        "CLIENT_UPLOAD_INCOMPLETE",
        `${repository}: the registry answered the streamed upload before it received all of it`,
        { hint: "the registry or a proxy in front of it cut the upload short: retry the push" }
      );
    }
    const uploaded = { digest: hasher.digest, size: hasher.size };
    await commitUpload(ctx, location, uploaded.digest);
    event("blob-done", uploaded.size, uploaded.size);
    return uploaded;
  } catch (error) {
    stream.destroy();
    if (location !== void 0) await cancelUpload(ctx, location);
    throw error;
  }
}
var import_node_stream6, PROGRESS_STEP, ProgressDigestStream;
var init_stream_blob = __esm({
  "src/client/blobs/stream-blob.ts"() {
    import_node_stream6 = require("node:stream");
    init_oci();
    init_errors5();
    init_progress();
    init_repository2();
    init_location();
    init_types();
    init_steps();
    PROGRESS_STEP = 1024 * 1024;
    ProgressDigestStream = class extends DigestStream {
      #onBytes;
      constructor(algorithm, onBytes) {
        super(algorithm);
        this.#onBytes = onBytes;
      }
      _transform(chunk, encoding, callback) {
        super._transform(chunk, encoding, callback);
        this.#onBytes(this.size);
      }
    };
  }
});

// src/client/listing.ts
async function listTags(ctx, options = {}) {
  const first = ctx.session.url(apiPath(ctx.repo, "tags", "list"));
  if (options.pageSize !== void 0) first.searchParams.set("n", String(options.pageSize));
  const tags = [];
  await eachPage(ctx, first, {}, [200], (page) => {
    const list = page?.tags;
    if (Array.isArray(list)) tags.push(...list.filter((t) => typeof t === "string"));
  });
  return tags;
}
async function listReferrers(ctx, digest, artifactType) {
  const first = ctx.session.url(apiPath(ctx.repo, "referrers", digest));
  if (artifactType !== void 0) first.searchParams.set("artifactType", artifactType);
  const manifests = [];
  const filters = /* @__PURE__ */ new Set();
  const supported = await eachPage(
    ctx,
    first,
    { accept: MediaType.ociIndex },
    [200, 404],
    (page, response) => {
      const list = page?.manifests;
      if (Array.isArray(list)) manifests.push(...list);
      for (const f of (header(response, "oci-filters-applied") ?? "").split(","))
        if (f.trim()) filters.add(f.trim());
    }
  );
  return { supported, manifests, filtersApplied: [...filters] };
}
async function eachPage(ctx, first, headers, expected, onPage) {
  let url = first;
  for (let pages = 0; url !== void 0; pages++) {
    if (pages >= MAX_PAGES) {
      throw clientError("CLIENT_TOO_MANY_PAGES", `stopped after ${MAX_PAGES} pages of ${first.pathname}`);
    }
    const response = await ctx.session.send(
      {
        method: "GET",
        url,
        headers,
        scopes: [pullScope(ctx.repo)],
        ...ctx.signal ? { signal: ctx.signal } : {}
      },
      expected,
      { repository: ctx.repo.repository }
    );
    if (response.status === 404) {
      await response.body.dump().catch(() => void 0);
      return false;
    }
    const text2 = await readCapped(response.body, PAGE_LIMIT);
    let page;
    try {
      page = JSON.parse(text2);
    } catch {
      throw clientError("CLIENT_BAD_RESPONSE", `${first.pathname} answered something that is not JSON`);
    }
    onPage(page, response);
    const next = nextLink(header(response, "link"));
    url = next === void 0 ? void 0 : sameOrigin(next, url, ctx.session.origin, "Link");
  }
  return true;
}
var MAX_PAGES, PAGE_LIMIT;
var init_listing = __esm({
  "src/client/listing.ts"() {
    init_media_types();
    init_errors5();
    init_check();
    init_location();
    init_repository2();
    init_types();
    MAX_PAGES = 1e4;
    PAGE_LIMIT = 16 * 1024 * 1024;
  }
});

// src/client/login-check.ts
async function checkLogin(session, signal) {
  const response = await session.send(
    { method: "GET", url: session.url("/v2/"), scopes: [], ...signal ? { signal } : {} },
    [200]
  );
  await discard(response);
}
async function checkPush(ctx) {
  const started = await initiateUpload(ctx);
  if (!started.mounted) await cancelUpload(ctx, started.location);
}
var init_login_check = __esm({
  "src/client/login-check.ts"() {
    init_steps();
    init_types();
  }
});

// src/client/manifests.ts
function opts(ctx, scope) {
  return { scopes: [scope], ...ctx.signal ? { signal: ctx.signal } : {} };
}
async function putManifest(ctx, reference2, bytes, mediaType, tagAlgorithm = "sha256") {
  const algorithm = isDigest(reference2) ? parseDigest(reference2).algorithm : tagAlgorithm;
  const digest = digestBytes(bytes, algorithm);
  if (isDigest(reference2) && reference2 !== digest) {
    throw new ContentMismatchError(`manifest bytes hash to ${digest}, not ${reference2}`, reference2, digest);
  }
  const response = await ctx.session.send(
    {
      method: "PUT",
      url: ctx.session.url(apiPath(ctx.repo, "manifests", reference2)),
      headers: { "content-type": mediaType, "content-length": String(bytes.byteLength) },
      body: bytes,
      ...opts(ctx, pushScope(ctx.repo))
    },
    [201, 200, 202],
    { repository: ctx.repo.repository }
  );
  await discard(response);
  checkAnswerDigest(response, digest);
  return digest;
}
async function getManifest(ctx, reference2, accept = manifestAcceptTypes) {
  const response = await ctx.session.send(
    {
      method: "GET",
      url: ctx.session.url(apiPath(ctx.repo, "manifests", reference2)),
      headers: { accept: accept.join(", ") },
      ...opts(ctx, pullScope(ctx.repo))
    },
    [200],
    { repository: ctx.repo.repository }
  );
  const bytes = await readLimited(response, MAX_MANIFEST_BYTES);
  const algorithm = isDigest(reference2) ? parseDigest(reference2).algorithm : "sha256";
  const digest = digestBytes(bytes, algorithm);
  if (isDigest(reference2) && reference2 !== digest) {
    throw new ContentMismatchError(
      `the registry served manifest bytes hashing to ${digest} for ${reference2}`,
      reference2,
      digest
    );
  }
  checkAnswerDigest(response, digest);
  return {
    bytes,
    mediaType: contentType(response) ?? declaredMediaType(bytes),
    digest,
    size: bytes.byteLength
  };
}
async function headManifest(ctx, reference2, accept = manifestAcceptTypes) {
  const response = await ctx.session.send(
    {
      method: "HEAD",
      url: ctx.session.url(apiPath(ctx.repo, "manifests", reference2)),
      headers: { accept: accept.join(", ") },
      ...opts(ctx, pullScope(ctx.repo))
    },
    [200, 404],
    { repository: ctx.repo.repository }
  );
  await discard(response);
  if (response.status === 404) return void 0;
  const digest = header(response, "docker-content-digest");
  const size = Number(header(response, "content-length"));
  const mediaType = contentType(response);
  if (digest === void 0 || !isDigest(digest) || mediaType === void 0 || !Number.isInteger(size)) {
    const fetched = await getManifest(ctx, reference2, accept);
    return { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.size };
  }
  return { digest, mediaType, size };
}
async function deleteManifest(ctx, reference2) {
  const response = await ctx.session.send(
    {
      method: "DELETE",
      url: ctx.session.url(apiPath(ctx.repo, "manifests", reference2)),
      ...opts(ctx, deleteScope(ctx.repo))
    },
    [202, 200, 204],
    { repository: ctx.repo.repository }
  );
  await discard(response);
}
function checkAnswerDigest(response, digest) {
  const answered = header(response, "docker-content-digest");
  if (answered === void 0 || !isDigest(answered)) return;
  if (parseDigest(answered).algorithm !== parseDigest(digest).algorithm) return;
  if (answered !== digest) {
    throw new ContentMismatchError(
      `the registry answered a different digest for the manifest: sent ${digest}, the registry answered ${answered}`,
      digest,
      answered,
      "the manifest was rewritten between here and the registry (a proxy, or a registry that converts manifests); the image itself is unchanged: pull it by tag and compare with `container-package inspect`"
    );
  }
}
function contentType(response) {
  const value = header(response, "content-type")?.split(";")[0]?.trim();
  return value === void 0 || value === "" ? void 0 : value;
}
function declaredMediaType(bytes) {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof value.mediaType === "string") return value.mediaType;
  } catch {
  }
  return "application/octet-stream";
}
async function readLimited(response, limit) {
  const chunks = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.length;
    if (total > limit) {
      response.body.destroy();
      throw clientError("CLIENT_MANIFEST_TOO_LARGE", `the manifest is larger than ${limit} bytes`, {
        hint: "this is not an image manifest; check the reference"
      });
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
var MAX_MANIFEST_BYTES;
var init_manifests = __esm({
  "src/client/manifests.ts"() {
    init_oci();
    init_media_types();
    init_errors5();
    init_repository2();
    init_types();
    MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
  }
});

// src/chunk-pool.ts
function releaseChunk(chunk) {
  if (typeof chunk !== "object" || chunk === null) return;
  const loan = loans.get(chunk);
  if (loan === void 0) return;
  loans.delete(chunk);
  loan.pool.giveBack(loan.buffer);
}
function pipeReleasing(source, target) {
  source.once("error", (error) => target.destroy(error));
  target.once("close", () => {
    if (!source.readableEnded) source.destroy();
  });
  source.on("data", (chunk) => {
    const more = target.write(chunk, (error) => {
      if (!error) releaseChunk(chunk);
    });
    if (!more) source.pause();
  });
  target.on("drain", () => source.resume());
  source.once("end", () => target.end());
}
var loans, ChunkPool;
var init_chunk_pool = __esm({
  "src/chunk-pool.ts"() {
    loans = /* @__PURE__ */ new WeakMap();
    ChunkPool = class {
      size;
      #keep;
      #free = [];
      /**
       * @param size bytes per buffer
       * @param keep most released buffers kept for reuse (more are left to the GC). Default 8.
       */
      constructor(size, keep = 8) {
        this.size = size;
        this.#keep = keep;
      }
      /** A buffer of {@link size} bytes: one released before, else a new one. Its bytes are not zeroed. */
      take() {
        return this.#free.pop() ?? Buffer.allocUnsafeSlow(this.size);
      }
      /** Gives back a buffer taken and not lent (a read that returned nothing). */
      giveBack(buffer) {
        if (this.#free.length < this.#keep && buffer.length === this.size) this.#free.push(buffer);
      }
      /** Records that `chunk` (a view of `buffer`, which came from {@link take}) is pushed to a consumer. */
      lend(buffer, chunk) {
        loans.set(chunk, { pool: this, buffer });
      }
    };
  }
});

// src/client/transport/node-http.ts
function send(scheme, url, secure, options, connectTimeoutMs) {
  return new Promise((resolve2, reject) => {
    let request;
    try {
      request = scheme.request({
        agent: scheme.agent,
        protocol: url.protocol,
        // A bracketed IPv6 literal is a URL's spelling, not a host name.
        hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
        port: url.port,
        path: options.path,
        method: options.method,
        headers: options.headers,
        ...options.signal ? { signal: options.signal } : {}
      });
    } catch (error) {
      reject(error);
      return;
    }
    let headersTimer;
    let answered = false;
    request.once("finish", () => {
      if (answered || request.destroyed) return;
      headersTimer = setTimeout(() => {
        request.destroy(
          timeout("UND_ERR_HEADERS_TIMEOUT", `no response headers within ${options.headersTimeout} ms`)
        );
      }, options.headersTimeout);
    });
    request.once("close", () => clearTimeout(headersTimer));
    request.once("socket", (socket) => {
      if (!socket.connecting) return;
      const connectTimer = setTimeout(() => {
        request.destroy(timeout("UND_ERR_CONNECT_TIMEOUT", `no connection within ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
      const connected = () => clearTimeout(connectTimer);
      socket.once(secure ? "secureConnect" : "connect", connected);
      socket.once("close", connected);
    });
    request.on("error", reject);
    request.once("response", (response) => {
      answered = true;
      clearTimeout(headersTimer);
      watchBody(response, options.bodyTimeout);
      resolve2({
        statusCode: response.statusCode ?? 0,
        headers: headersOf(response),
        body: withDump(response)
      });
    });
    sendBody(request, options.body);
  });
}
function sendBody(request, body) {
  if (body === void 0 || typeof body === "string" || body instanceof Uint8Array) {
    request.end(body);
    return;
  }
  pipeReleasing(body, request);
}
function watchBody(response, ms) {
  const socket = response.socket;
  if (socket === null || response.complete) return;
  const onTimeout = () => response.destroy(timeout("UND_ERR_BODY_TIMEOUT", `the response body paused for ${ms} ms`));
  socket.setTimeout(ms);
  socket.on("timeout", onTimeout);
  const stop = () => {
    socket.setTimeout(0);
    socket.off("timeout", onTimeout);
  };
  response.once("end", stop);
  response.once("close", stop);
}
function headersOf(response) {
  const headers = {};
  for (const [name, values] of Object.entries(response.headersDistinct)) {
    if (values === void 0) continue;
    headers[name] = values.length === 1 ? values[0] : values;
  }
  return headers;
}
function withDump(response) {
  const dump2 = ({ limit = DUMP_LIMIT } = {}) => new Promise((resolve2) => {
    if (response.readableEnded || response.destroyed) {
      resolve2();
      return;
    }
    let seen = 0;
    const done = () => {
      response.off("data", count);
      resolve2();
    };
    const count = (chunk) => {
      seen += chunk.length;
      if (seen > limit) {
        response.destroy();
        done();
      }
    };
    response.on("data", count);
    response.once("end", done);
    response.once("close", done);
    response.once("error", done);
    response.resume();
  });
  return Object.assign(response, { dump: dump2 });
}
function timeout(code, message) {
  return Object.assign(new Error(message), { code });
}
var import_node_module, requireBuiltin, DUMP_LIMIT, NodeHttpDispatcher;
var init_node_http = __esm({
  "src/client/transport/node-http.ts"() {
    import_node_module = require("node:module");
    init_chunk_pool();
    requireBuiltin = (0, import_node_module.createRequire)(__cpImportMetaUrl);
    DUMP_LIMIT = 128 * 1024;
    NodeHttpDispatcher = class {
      #options;
      #http;
      #https;
      #closed = false;
      constructor(options) {
        this.#options = options;
      }
      async request(options) {
        if (this.#closed) throw new Error("the client is closed");
        options.signal?.throwIfAborted();
        const url = new URL(options.path, options.origin);
        const secure = url.protocol === "https:";
        return send(
          secure ? this.#secure() : this.#plain(),
          url,
          secure,
          options,
          this.#options.connectTimeoutMs
        );
      }
      /** Closes every socket, idle or not. */
      async close() {
        this.#closed = true;
        this.#http?.agent.destroy();
        this.#https?.agent.destroy();
      }
      #plain() {
        if (this.#http === void 0) {
          const http = requireBuiltin("node:http");
          this.#http = { request: http.request, agent: new http.Agent(this.#agentOptions()) };
        }
        return this.#http;
      }
      /** node:https loads TLS; only a command that talks to an https registry pays for it. */
      #secure() {
        if (this.#https === void 0) {
          const https = requireBuiltin("node:https");
          this.#https = { request: https.request, agent: new https.Agent(this.#agentOptions()) };
        }
        return this.#https;
      }
      #agentOptions() {
        return { keepAlive: true, maxSockets: this.#options.connections };
      }
    };
  }
});

// src/client/transport/dispatchers.ts
function createDispatchers(given, options) {
  if (given !== void 0) {
    const shared = given;
    return { requests: shared, bulk: shared, owned: false };
  }
  return {
    requests: new NodeHttpDispatcher(options),
    bulk: new LazyUndiciAgent(options),
    owned: true
  };
}
async function closeDispatchers(dispatchers) {
  if (!dispatchers.owned) return;
  await Promise.all([dispatchers.requests.close(), dispatchers.bulk.close()]);
}
var LazyUndiciAgent;
var init_dispatchers = __esm({
  "src/client/transport/dispatchers.ts"() {
    init_node_http();
    LazyUndiciAgent = class {
      #options;
      #agent;
      constructor(options) {
        this.#options = options;
      }
      async request(options) {
        this.#agent ??= __cpImport("lazy:agent").then(
          ({ Agent }) => new Agent({
            connections: this.#options.connections,
            connect: { timeout: this.#options.connectTimeoutMs },
            keepAliveTimeout: 3e4
          })
        );
        const agent = await this.#agent;
        return await agent.request(options);
      }
      async close() {
        if (this.#agent) await (await this.#agent).close();
      }
    };
  }
});

// src/json-object.ts
function parseJsonObject(text2) {
  if (text2.trim() === "") return {};
  let value;
  try {
    value = JSON.parse(text2);
  } catch {
    return void 0;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
var init_json_object = __esm({
  "src/json-object.ts"() {
  }
});

// src/client/credentials/host.ts
function normalizeRegistryHost(key2) {
  const withoutScheme = key2.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const host = withoutScheme.split("/")[0] ?? "";
  return host.toLowerCase();
}
function isDockerHub(registry) {
  return DOCKER_HUB_HOSTS.has(normalizeRegistryHost(registry));
}
function credentialKey(registry) {
  return isDockerHub(registry) ? DOCKER_HUB_AUTH_KEY : normalizeRegistryHost(registry);
}
function keyMatches(key2, registry) {
  if (isDockerHub(registry)) return isDockerHub(key2);
  return normalizeRegistryHost(key2) === normalizeRegistryHost(registry);
}
var DOCKER_HUB_AUTH_KEY, DOCKER_HUB_HOSTS;
var init_host = __esm({
  "src/client/credentials/host.ts"() {
    DOCKER_HUB_AUTH_KEY = "https://index.docker.io/v1/";
    DOCKER_HUB_HOSTS = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
  }
});

// src/client/credentials/docker-config.ts
function dockerConfigDir(env = process.env) {
  const dir = env.DOCKER_CONFIG;
  return dir !== void 0 && dir !== "" ? dir : (0, import_node_path.join)((0, import_node_os2.homedir)(), ".docker");
}
function dockerConfigPath(dir = dockerConfigDir()) {
  return (0, import_node_path.join)(dir, "config.json");
}
async function readDockerConfig(path2) {
  let text2;
  try {
    text2 = await (0, import_promises.readFile)(path2, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw clientError("CLIENT_CREDENTIALS_CONFIG", `cannot read the docker config ${path2}`, { cause: error });
  }
  return parseDockerConfig(text2, path2);
}
function parseDockerConfig(text2, path2) {
  const value = parseJsonObject(text2);
  if (value === void 0) {
    throw clientError("CLIENT_CREDENTIALS_CONFIG", `the docker config ${path2} is not a JSON object`, {
      hint: "fix or remove the file (docker login recreates it)"
    });
  }
  return value;
}
function findAuthEntry(config, registry) {
  for (const [key2, entry] of Object.entries(config.auths ?? {})) {
    if (!keyMatches(key2, registry) || typeof entry !== "object" || entry === null) continue;
    const credentials = decodeAuthEntry(entry);
    if (credentials !== void 0) return credentials;
  }
  return void 0;
}
function decodeAuthEntry(entry) {
  let username = typeof entry.username === "string" ? entry.username : void 0;
  let password = typeof entry.password === "string" ? entry.password : void 0;
  if (typeof entry.auth === "string" && entry.auth !== "") {
    const pair = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = pair.indexOf(":");
    if (colon > 0) {
      username = pair.slice(0, colon);
      password = pair.slice(colon + 1);
    }
  }
  const identityToken = nonEmpty(entry.identitytoken);
  const registryToken = nonEmpty(entry.registrytoken);
  if (!username && !identityToken && !registryToken) return void 0;
  return {
    ...username ? { username } : {},
    ...password !== void 0 ? { password } : {},
    ...identityToken ? { identityToken } : {},
    ...registryToken ? { registryToken } : {}
  };
}
function helperFor(config, registry) {
  for (const [key2, helper] of Object.entries(config.credHelpers ?? {})) {
    if (keyMatches(key2, registry) && typeof helper === "string" && helper !== "") return helper;
  }
  return nonEmpty(config.credsStore);
}
function nonEmpty(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
var import_promises, import_node_os2, import_node_path;
var init_docker_config = __esm({
  "src/client/credentials/docker-config.ts"() {
    import_promises = require("node:fs/promises");
    import_node_os2 = require("node:os");
    import_node_path = require("node:path");
    init_json_object();
    init_errors5();
    init_host();
  }
});

// src/exec/errors.ts
var ExecError;
var init_errors6 = __esm({
  "src/exec/errors.ts"() {
    init_errors();
    ExecError = class extends ContainerPackageError {
      /** The program's name as given (no arguments: they may hold secrets). */
      program;
      exitCode;
      constructor(code, program, message, details2 = {}) {
        super(code, message, details2);
        this.name = "ExecError";
        this.program = program;
        this.exitCode = details2.exitCode;
      }
    };
  }
});

// src/exec/execa.ts
function loadExeca() {
  return __cpImport("lazy:execa");
}
var init_execa = __esm({
  "src/exec/execa.ts"() {
  }
});

// src/exec/credential-helper.ts
function credentialHelperProgram(name) {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new ExecError(
      "EXEC_NOT_FOUND",
      `docker-credential-${name}`,
      `invalid credential helper name ${JSON.stringify(name)}`,
      {
        hint: 'credsStore and credHelpers values are helper names such as "desktop", "pass" or "ecr-login"'
      }
    );
  }
  return `docker-credential-${name}`;
}
async function runCredentialHelper(name, action, input, options = {}) {
  const program = credentialHelperProgram(name);
  const { execa } = await loadExeca();
  const result = await execa(program, [action], {
    input,
    reject: false,
    timeout: options.timeoutMs ?? 3e4,
    ...options.env ? { env: options.env, extendEnv: false } : {}
  });
  if (result.code === "ENOENT") {
    throw new ExecError(
      "EXEC_NOT_FOUND",
      program,
      `credential helper ${program} is not installed (not found on PATH)`,
      {
        hint: `install ${program}, or remove it from credsStore/credHelpers in the docker config`
      }
    );
  }
  if (result.timedOut) {
    throw new ExecError(
      "EXEC_TIMEOUT",
      program,
      `credential helper ${program} did not answer within ${options.timeoutMs ?? 3e4} ms`
    );
  }
  if (result.exitCode === void 0) {
    throw new ExecError(
      "EXEC_FAILED",
      program,
      `credential helper ${program} could not be run (${result.code ?? "killed"})`
    );
  }
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}
var init_credential_helper = __esm({
  "src/exec/credential-helper.ts"() {
    init_errors6();
    init_execa();
  }
});

// src/client/credentials/helper.ts
async function helperCredentials(helper, registry, options = {}) {
  const program = `docker-credential-${helper}`;
  let result;
  try {
    result = await runCredentialHelper(helper, "get", credentialKey(registry), options);
  } catch (error) {
    const why = isContainerPackageError(error) ? error.message : String(error);
    throw clientError("CLIENT_CREDENTIALS_HELPER", `cannot get credentials for ${registry}: ${why}`, {
      cause: error,
      hint: isContainerPackageError(error) ? error.hint : void 0
    });
  }
  if (result.exitCode !== 0) {
    const text2 = `${result.stdout}
${result.stderr}`.trim();
    if (/credentials not found|not found in native keychain|no credentials/i.test(text2)) return void 0;
    throw clientError(
      "CLIENT_CREDENTIALS_HELPER",
      `${program} get failed for ${registry} (exit ${result.exitCode}): ${redactText(text2).slice(0, 300)}`,
      { hint: `run "echo ${credentialKey(registry)} | ${program} get" to see the helper's error` }
    );
  }
  return parseHelperAnswer(result.stdout, program, registry);
}
function parseHelperAnswer(stdout, program, registry) {
  let value;
  try {
    value = JSON.parse(stdout);
  } catch {
    value = void 0;
  }
  if (typeof value !== "object" || value === null) {
    throw clientError("CLIENT_CREDENTIALS_HELPER", `${program} get for ${registry} did not answer JSON`, {
      hint: 'the helper must print {"Username": "...", "Secret": "..."}'
    });
  }
  const { Username: username, Secret: secret } = value;
  if (typeof secret !== "string" || secret === "") return void 0;
  if (username === "<token>") return { identityToken: secret };
  return { username: typeof username === "string" ? username : "", password: secret };
}
var init_helper = __esm({
  "src/client/credentials/helper.ts"() {
    init_credential_helper();
    init_errors();
    init_errors5();
    init_redact();
    init_host();
  }
});

// src/client/credentials/provider.ts
function dockerConfigCredentials(options = {}) {
  return async (registry) => {
    const env = options.env ?? process.env;
    const path2 = dockerConfigPath(options.configDir ?? dockerConfigDir(env));
    const config = await readDockerConfig(path2);
    if (config === void 0) return void 0;
    const fromFile = findAuthEntry(config, registry);
    if (fromFile !== void 0) return fromFile;
    const helper = helperFor(config, registry);
    return helper === void 0 ? void 0 : helperCredentials(helper, registry, { env });
  };
}
function staticCredentials(map2) {
  return async (registry) => {
    for (const [key2, value] of Object.entries(map2)) {
      if (!keyMatches(key2, registry)) continue;
      return "auth" in value ? decodeAuthEntry(value) : value;
    }
    return void 0;
  };
}
var init_provider = __esm({
  "src/client/credentials/provider.ts"() {
    init_docker_config();
    init_helper();
    init_host();
  }
});

// src/client/transport/user-agent.ts
function defaultUserAgent(version) {
  return `container-package/${version}`;
}
function withUserAgent(inner, userAgent) {
  return (request) => {
    if (request.headers?.["user-agent"] !== void 0) return inner(request);
    return inner({ ...request, headers: { ...request.headers, "user-agent": userAgent } });
  };
}
var init_user_agent = __esm({
  "src/client/transport/user-agent.ts"() {
  }
});

// package.json
var package_default;
var init_package = __esm({
  "package.json"() {
    package_default = { name: "container-package", version: "0.1.0" };
  }
});

// src/client/version.ts
var VERSION;
var init_version = __esm({
  "src/client/version.ts"() {
    init_package();
    VERSION = package_default.version;
  }
});

// src/client/options.ts
function resolveClientOptions(options = {}) {
  const concurrency = int(options, "concurrency", 4, 1, 64);
  const connectTimeoutMs = int(options, "connectTimeoutMs", 3e4, 1, 6e5);
  const dispatchers = createDispatchers(options.dispatcher, {
    connections: concurrency * 2,
    connectTimeoutMs
  });
  return {
    concurrency,
    retries: int(options, "retries", 5, 0, 100),
    backoffBaseMs: int(options, "backoffBaseMs", 500, 0, 6e5),
    backoffMaxMs: int(options, "backoffMaxMs", 3e4, 0, 36e5),
    maxRetryAfterMs: int(options, "maxRetryAfterMs", 6e4, 0, 36e5),
    monolithicThreshold: int(options, "monolithicThreshold", 8 * MiB, 0, 1024 * MiB),
    chunkSize: int(options, "chunkSize", 16 * MiB, 64 * 1024, 1024 * MiB),
    headersTimeoutMs: int(options, "headersTimeoutMs", 12e4, 1, 36e5),
    bodyTimeoutMs: int(options, "bodyTimeoutMs", 12e4, 1, 36e5),
    connectTimeoutMs,
    userAgent: options.userAgent ?? defaultUserAgent(VERSION),
    insecure: [...options.insecure ?? []],
    dispatchers,
    credentials: options.credentials ?? dockerConfigCredentials(),
    onRetry: options.onRetry,
    blobLocations: options.blobLocations
  };
}
function int(options, name, fallback, min, max) {
  const value = options[name];
  if (value === void 0) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw clientError("CLIENT_INVALID_OPTION", `invalid client option ${name}: ${String(value)}`, {
      hint: `${name} must be a whole number from ${min} to ${max} (default ${fallback})`
    });
  }
  return value;
}
var MiB;
var init_options = __esm({
  "src/client/options.ts"() {
    init_dispatchers();
    init_errors5();
    init_provider();
    init_user_agent();
    init_version();
    MiB = 1024 * 1024;
  }
});

// src/map-limit.ts
async function mapLimit(items, limit, work, signal) {
  const failed = new AbortController();
  const combined = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
  const results = new Array(items.length);
  let next = 0;
  let firstError;
  const worker = async () => {
    while (firstError === void 0 && !combined.aborted && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index], combined, index);
      } catch (error) {
        if (firstError === void 0) {
          firstError = { error };
          failed.abort(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (firstError !== void 0) throw firstError.error;
  signal?.throwIfAborted();
  return results;
}
var init_map_limit = __esm({
  "src/map-limit.ts"() {
  }
});

// src/client/push.ts
async function pushArtifact(ops, artifact, targets, options = {}) {
  if (targets.length === 0) {
    throw clientError("CLIENT_INVALID_TARGET", "nothing to push to: no target repository given", {
      hint: "give at least one repository (and tags) to push to"
    });
  }
  const resolved = targets.map((t) => ({
    repo: toRepositoryName(t.repository),
    tags: t.tags.map((tag) => parseTag(tag))
  }));
  const blobs = blobsOf(artifact).filter((b) => !isForeign(b.descriptor));
  const references = [];
  for (const { repo, tags } of resolved) {
    options.signal?.throwIfAborted();
    await mapLimit(
      blobs,
      ops.concurrency,
      (blob, signal) => ops.pushBlob(repo, blob, {
        signal,
        ...options.onProgress ? { onProgress: options.onProgress } : {}
      }),
      options.signal
    );
    await pushChildren(ops, repo, artifact, options);
    const name = formatRepository(repo);
    for (const tag of tags.length === 0 ? [void 0] : tags) {
      await putOne(ops, repo, artifact, tag, options);
      references.push(tag === void 0 ? `${name}@${artifact.digest}` : `${name}:${tag}@${artifact.digest}`);
    }
  }
  return {
    digest: artifact.digest,
    mediaType: artifact.mediaType,
    size: artifact.bytes.byteLength,
    references
  };
}
async function pushChildren(ops, repo, artifact, options) {
  if (artifact.kind !== "index") return;
  for (const child of artifact.children) {
    await pushChildren(ops, repo, child, options);
    await putOne(ops, repo, child, void 0, options);
  }
}
async function putOne(ops, repo, artifact, tag, options) {
  const digest = await ops.putManifest(repo, tag ?? artifact.digest, artifact.bytes, artifact.mediaType, {
    algorithm: parseDigest(artifact.digest).algorithm,
    ...options.signal ? { signal: options.signal } : {}
  });
  if (digest !== artifact.digest) {
    throw clientError(
      "CLIENT_DIGEST_MISMATCH",
      `manifest bytes hash to ${digest}, but the artifact says ${artifact.digest}`,
      {
        hint: "the artifact was built with a wrong digest: rebuild it"
      }
    );
  }
  const size = artifact.bytes.byteLength;
  report(options.onProgress, {
    type: "manifest-done",
    repository: formatRepository(repo),
    digest,
    bytes: size,
    total: size,
    ...tag === void 0 ? {} : { tag }
  });
}
var init_push = __esm({
  "src/client/push.ts"() {
    init_descriptor();
    init_image();
    init_oci();
    init_reference2();
    init_map_limit();
    init_errors5();
    init_progress();
    init_repository2();
  }
});

// src/client/credentials/types.ts
function isExpiring(credentials, now = Date.now()) {
  return credentials?.expiresAt !== void 0 && credentials.expiresAt - now < CREDENTIALS_REFRESH_MARGIN_MS;
}
var CREDENTIALS_REFRESH_MARGIN_MS;
var init_types2 = __esm({
  "src/client/credentials/types.ts"() {
    CREDENTIALS_REFRESH_MARGIN_MS = 6e4;
  }
});

// src/client/transport/basic.ts
function basicAuthorization(credentials) {
  if (credentials?.username === void 0 || credentials.username === "") return void 0;
  const pair = `${credentials.username}:${credentials.password ?? ""}`;
  return `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
}
var init_basic = __esm({
  "src/client/transport/basic.ts"() {
  }
});

// src/client/transport/scheme.ts
function splitHostPort(address) {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(address);
  if (bracketed) return { host: bracketed[1].toLowerCase(), port: bracketed[2] };
  const colon = address.lastIndexOf(":");
  if (colon > 0 && address.indexOf(":") === colon && /^\d+$/.test(address.slice(colon + 1))) {
    return { host: address.slice(0, colon).toLowerCase(), port: address.slice(colon + 1) };
  }
  return { host: address.toLowerCase(), port: void 0 };
}
function isLoopback(address) {
  const { host } = splitHostPort(address);
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if ((0, import_node_net.isIP)(host) === 4) return host.startsWith("127.");
  return host === "::1" || host === "0:0:0:0:0:0:0:1";
}
function isInsecure(registry, insecure) {
  if (isLoopback(registry)) return true;
  const { host } = splitHostPort(registry);
  return insecure.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted === registry.toLowerCase() || wanted === host;
  });
}
function apiHost(registry) {
  return registry === "docker.io" || registry === "index.docker.io" ? DOCKER_HUB_API_HOST : registry;
}
function registryOrigin(registry, insecure) {
  const scheme = isInsecure(registry, insecure) ? "http" : "https";
  return new URL(`${scheme}://${apiHost(registry)}`);
}
var import_node_net, DOCKER_HUB_API_HOST;
var init_scheme = __esm({
  "src/client/transport/scheme.ts"() {
    import_node_net = require("node:net");
    DOCKER_HUB_API_HOST = "registry-1.docker.io";
  }
});

// src/client/transport/token.ts
async function fetchToken(transport, request) {
  const started = Date.now();
  let response;
  if (request.credentials?.identityToken) {
    response = await transport(oauthRequest(request));
    if (response.status === 404 || response.status === 405) {
      await response.body.dump().catch(() => void 0);
      response = void 0;
    }
  }
  response ??= await transport(getRequest(request));
  await expectStatus(response, [200], { registry: request.registry });
  const text2 = await readCapped(response.body, 1024 * 1024);
  return parseTokenResponse(text2, started, request);
}
function getRequest(request) {
  const url = new URL(request.realm);
  if (request.service) url.searchParams.set("service", request.service);
  for (const scope of request.scopes) url.searchParams.append("scope", scope);
  const authorization = basicAuthorization(request.credentials);
  return {
    method: "GET",
    url,
    headers: authorization ? { authorization } : {},
    ...request.signal ? { signal: request.signal } : {}
  };
}
function oauthRequest(request) {
  const form = new URLSearchParams({
    grant_type: "refresh_token",
    refresh_token: request.credentials?.identityToken ?? "",
    client_id: request.clientId
  });
  if (request.service) form.set("service", request.service);
  if (request.scopes.length > 0) form.set("scope", request.scopes.join(" "));
  return {
    method: "POST",
    url: request.realm,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    ...request.signal ? { signal: request.signal } : {}
  };
}
function parseTokenResponse(text2, now, request) {
  let value;
  try {
    value = JSON.parse(text2);
  } catch {
    value = {};
  }
  const token = typeof value.token === "string" && value.token !== "" ? value.token : value.access_token;
  if (typeof token !== "string" || token === "") {
    throw clientError(
      "CLIENT_TOKEN_INVALID",
      `the token server ${redactUrl(request.realm)} answered without a token`,
      {
        hint: `check the registry's token service; it must answer {"token": "..."} or {"access_token": "..."}`
      }
    );
  }
  const lifetime = typeof value.expires_in === "number" && value.expires_in > 0 ? value.expires_in : DEFAULT_TOKEN_LIFETIME_S;
  const issued = typeof value.issued_at === "string" ? Date.parse(value.issued_at) : Number.NaN;
  const start = Number.isNaN(issued) || Math.abs(issued - now) > 6e4 ? now : issued;
  return { token, refreshAt: start + lifetime * 800 };
}
function checkRealm(realm, registryOrigin2) {
  const fail = (why) => {
    throw clientError("CLIENT_AUTH_REALM", `refusing the token server ${JSON.stringify(realm)}: ${why}`, {
      hint: `the registry ${registryOrigin2.host} named a token server this client will not send credentials to`
    });
  };
  if (realm === void 0 || realm === "") return fail("the Bearer challenge has no realm");
  let url;
  try {
    url = new URL(realm);
  } catch {
    return fail("it is not an absolute URL");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && registryOrigin2.protocol === "http:")) {
    return fail("a registry spoken to over https must use an https token server");
  }
  if (effectiveDomain(url.hostname) !== effectiveDomain(registryOrigin2.hostname)) {
    return fail(`it is not in the domain of the registry ${registryOrigin2.host}`);
  }
  return url;
}
function effectiveDomain(hostname) {
  const host = splitHostPort(hostname.replace(/^\[|\]$/g, "")).host.replace(/\.$/, "");
  if ((0, import_node_net2.isIP)(host) !== 0 || host.includes(":")) return host;
  return host.split(".").slice(-2).join(".");
}
var import_node_net2, DEFAULT_TOKEN_LIFETIME_S;
var init_token = __esm({
  "src/client/transport/token.ts"() {
    import_node_net2 = require("node:net");
    init_errors5();
    init_basic();
    init_check();
    init_redact();
    init_scheme();
    DEFAULT_TOKEN_LIFETIME_S = 60;
  }
});

// src/client/transport/bearer.ts
function scopeKey(scopes) {
  return [...new Set(scopes)].sort().join(" ");
}
var BearerTokens;
var init_bearer = __esm({
  "src/client/transport/bearer.ts"() {
    init_token();
    BearerTokens = class {
      #options;
      #challenge;
      #tokens = /* @__PURE__ */ new Map();
      constructor(challenge, options) {
        this.#challenge = challenge;
        this.#options = options;
      }
      /** Replaces the realm and service (a later challenge named another token server). */
      updateChallenge(challenge) {
        if (challenge.realm.href !== this.#challenge.realm.href || challenge.service !== this.#challenge.service) {
          this.#challenge = challenge;
          this.#tokens.clear();
        }
      }
      /**
       * `Bearer <token>` for `scopes`, from the cache when still fresh. The credentials are asked
       * for only when a token must be fetched (they may have been renewed since the last one).
       */
      async authorization(scopes, signal) {
        const key2 = scopeKey(scopes);
        const now = (this.#options.now ?? Date.now)();
        let pending = this.#tokens.get(key2);
        if (pending !== void 0) {
          const token = await pending.catch(() => void 0);
          if (token !== void 0 && token.refreshAt > now) return `Bearer ${token.token}`;
          if (this.#tokens.get(key2) === pending) this.#tokens.delete(key2);
          pending = this.#tokens.get(key2);
        }
        if (pending === void 0) {
          const credentials = await this.#options.credentials();
          if (credentials?.registryToken) return `Bearer ${credentials.registryToken}`;
          pending = this.#tokens.get(key2);
          if (pending === void 0) {
            const started = this.#fetch(key2, credentials, signal);
            this.#tokens.set(key2, started);
            started.catch(() => {
              if (this.#tokens.get(key2) === started) this.#tokens.delete(key2);
            });
            pending = started;
          }
        }
        return `Bearer ${(await pending).token}`;
      }
      /** Forgets the token for `scopes` (after the registry refused it). */
      invalidate(scopes) {
        this.#tokens.delete(scopeKey(scopes));
      }
      #fetch(key2, credentials, signal) {
        return fetchToken(this.#options.transport, {
          realm: this.#challenge.realm,
          service: this.#challenge.service,
          scopes: key2 === "" ? [] : key2.split(" "),
          credentials,
          registry: this.#options.registry,
          clientId: this.#options.clientId,
          ...signal ? { signal } : {}
        });
      }
    };
  }
});

// src/client/transport/challenge.ts
function parseChallenges(values) {
  const out = [];
  for (const value of typeof values === "string" ? [values] : values) out.push(...parseOne(value));
  return out;
}
function parseOne(text2) {
  const challenges = [];
  let current;
  let i = 0;
  const skip = (chars) => {
    while (i < text2.length && chars.includes(text2[i])) i++;
  };
  const token = () => {
    const start = i;
    while (i < text2.length && !SEPARATORS.has(text2[i])) i++;
    return text2.slice(start, i);
  };
  const quoted = () => {
    let value = "";
    i++;
    while (i < text2.length && text2[i] !== '"') {
      if (text2[i] === "\\" && i + 1 < text2.length) i++;
      value += text2[i];
      i++;
    }
    i++;
    return value;
  };
  while (i < text2.length) {
    skip(" 	,");
    if (i >= text2.length) break;
    if (text2[i] === '"') {
      quoted();
      continue;
    }
    const name = token();
    skip(" 	");
    if (text2[i] === "=" && name !== "") {
      i++;
      skip(" 	");
      const value = text2[i] === '"' ? quoted() : token();
      const key2 = name.toLowerCase();
      if (current && !(key2 in current.params)) current.params[key2] = value;
      continue;
    }
    if (name === "") {
      i++;
      continue;
    }
    current = { scheme: name.toLowerCase(), params: {} };
    challenges.push(current);
    const token68 = TOKEN68.exec(text2.slice(i));
    if (token68) i += token68[0].length;
  }
  return challenges;
}
function findChallenge(challenges, scheme) {
  return challenges.find((c) => c.scheme === scheme.toLowerCase());
}
var SEPARATORS, TOKEN68;
var init_challenge = __esm({
  "src/client/transport/challenge.ts"() {
    SEPARATORS = /* @__PURE__ */ new Set([" ", "	", ",", "=", '"']);
    TOKEN68 = /^[ \t]*[A-Za-z0-9._~+/-]+=*(?=[ \t]*(?:,|$))/;
  }
});

// src/client/transport/ping.ts
async function ping(transport, registry, origin, signal) {
  const url = new URL("/v2/", origin);
  const response = await transport({ method: "GET", url, ...signal ? { signal } : {} });
  if (response.status !== 200 && response.status !== 401)
    throw await readRegistryError(response, { registry });
  const challenges = response.status === 401 ? parseChallenges(headerValues(response, "www-authenticate")) : [];
  await discard(response);
  const bearer = findChallenge(challenges, "bearer");
  const base2 = { registry, origin: origin.origin, challenges };
  if (bearer) {
    return {
      ...base2,
      auth: "bearer",
      ...bearer.params.realm === void 0 ? {} : { realm: bearer.params.realm },
      ...bearer.params.service === void 0 ? {} : { service: bearer.params.service }
    };
  }
  return { ...base2, auth: response.status === 401 ? "basic" : "none" };
}
var init_ping = __esm({
  "src/client/transport/ping.ts"() {
    init_check();
    init_challenge();
    init_types();
  }
});

// src/client/transport/auth.ts
function mergeScopes(challengeScope, scopes = []) {
  return [.../* @__PURE__ */ new Set([...challengeScope.split(" ").filter(Boolean), ...scopes])];
}
var RegistryAuth;
var init_auth = __esm({
  "src/client/transport/auth.ts"() {
    init_types2();
    init_basic();
    init_bearer();
    init_challenge();
    init_ping();
    init_token();
    init_types();
    RegistryAuth = class {
      #options;
      #ping;
      #credentials;
      #current;
      #bearer;
      #basic = false;
      constructor(options) {
        this.#options = options;
      }
      /** The answer of `GET /v2/`, fetched once (a failed ping is tried again on the next call). */
      ping(signal) {
        if (this.#ping === void 0) {
          const { transport, registry, origin } = this.#options;
          const pending = ping(transport, registry, origin, signal).then(async (result) => {
            await this.#adopt(result.challenges);
            return result;
          });
          this.#ping = pending;
          pending.catch(() => {
            if (this.#ping === pending) this.#ping = void 0;
          });
        }
        return this.#ping;
      }
      /** The registry's transport: the inner one plus authentication. */
      transport = async (request) => {
        if (request.url.origin !== this.#options.origin.origin) return this.#options.transport(request);
        await this.ping(request.signal);
        const first = await this.#send(request);
        if (first.status !== 401 || !isReplayable(request.body)) return first;
        const challenges = parseChallenges(headerValues(first, "www-authenticate"));
        const scope = findChallenge(challenges, "bearer")?.params.scope;
        const hadAuth = this.#bearer !== void 0 || this.#basic;
        if (!await this.#adopt(challenges, hadAuth ? request.scopes : void 0)) return first;
        await discard(first);
        return this.#send(
          scope === void 0 ? request : { ...request, scopes: mergeScopes(scope, request.scopes) }
        );
      };
      async #send(request) {
        const authorization = await this.#authorization(request);
        if (authorization === void 0) return this.#options.transport(request);
        return this.#options.transport({ ...request, headers: { ...request.headers, authorization } });
      }
      async #authorization(request) {
        if (this.#bearer) return this.#bearer.authorization(request.scopes ?? [], request.signal);
        if (this.#basic) return basicAuthorization(await this.#creds());
        return void 0;
      }
      /**
       * Takes up the auth scheme of `challenges`. Returns true when a resend may now succeed: a
       * bearer challenge (the token for `refused` scopes is dropped), or a first Basic challenge with
       * credentials to answer it.
       */
      async #adopt(challenges, refused) {
        const bearer = findChallenge(challenges, "bearer");
        if (bearer) {
          const challenge = {
            realm: checkRealm(bearer.params.realm, this.#options.origin),
            service: bearer.params.service
          };
          if (this.#bearer === void 0) {
            this.#bearer = new BearerTokens(challenge, {
              transport: this.#options.transport,
              registry: this.#options.registry,
              credentials: () => this.#creds(),
              clientId: this.#options.clientId
            });
          } else {
            this.#bearer.updateChallenge(challenge);
          }
          if (refused !== void 0) this.#bearer.invalidate(refused);
          return true;
        }
        if (findChallenge(challenges, "basic") && !this.#basic) {
          this.#basic = true;
          return basicAuthorization(await this.#creds()) !== void 0;
        }
        return false;
      }
      /**
       * The provider's credentials, asked for once, and again when they expire within a minute (an
       * OIDC token used as a password is minted afresh rather than sent stale). Concurrent callers
       * share one lookup.
       */
      #creds() {
        if (this.#credentials === void 0 || isExpiring(this.#current)) {
          const pending = this.#options.credentials(this.#options.registry);
          this.#credentials = pending;
          this.#current = void 0;
          pending.then(
            (credentials) => {
              if (this.#credentials === pending) this.#current = credentials;
            },
            () => {
              if (this.#credentials === pending) this.#credentials = void 0;
            }
          );
        }
        return this.#credentials;
      }
    };
  }
});

// src/client/transport/http.ts
function createHttpTransport(options) {
  return async (request) => {
    request.signal?.throwIfAborted();
    const { url, method } = request;
    try {
      const pool = request.bulk === true ? options.dispatchers.bulk : options.dispatchers.requests;
      const body = await openBody(request.body, request.signal);
      const response = await pool.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method,
        headers: { ...request.headers },
        body,
        signal: request.signal ?? null,
        headersTimeout: options.headersTimeoutMs,
        bodyTimeout: options.bodyTimeoutMs
      });
      return { status: response.statusCode, headers: response.headers, body: response.body, url, method };
    } catch (error) {
      throw toNetworkError(error, request);
    }
  };
}
async function openBody(body, signal) {
  if (typeof body === "function") return body(signal);
  return body;
}
function toNetworkError(error, request) {
  if (request.signal?.aborted) return request.signal.reason;
  if (isContainerPackageError(error)) return error;
  const reason = lowLevelCode(error);
  if (reason === void 0) return error;
  const hint = TLS_REASON.test(reason) ? TLS_HINT : void 0;
  return new NetworkError(networkCode(reason), reason, request.method, redactUrl(request.url), {
    cause: error,
    ...hint ? { hint } : {}
  });
}
function networkCode(reason) {
  if (reason === "ECONNREFUSED" || reason === "ENOTFOUND" || reason === "EAI_AGAIN")
    return "CLIENT_UNAVAILABLE";
  if (reason.endsWith("TIMEOUT") || reason === "ETIMEDOUT") return "CLIENT_TIMEOUT";
  return "CLIENT_NETWORK_ERROR";
}
function lowLevelCode(error) {
  const seen = /* @__PURE__ */ new Set();
  let current = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    const record = current;
    if (typeof record.code === "string") return record.code;
    current = Array.isArray(record.errors) && record.errors.length > 0 ? record.errors[0] : record.cause;
  }
  return void 0;
}
var TLS_REASON, TLS_HINT;
var init_http = __esm({
  "src/client/transport/http.ts"() {
    init_errors();
    init_errors5();
    init_redact();
    TLS_REASON = /CERT|SSL|TLS|EPROTO/i;
    TLS_HINT = "the TLS connection failed: if the registry's certificate comes from a private CA, add the CA to NODE_EXTRA_CA_CERTS; plain http is used only for loopback addresses, and for hosts given to the CLI with --insecure";
  }
});

// src/client/transport/retry.ts
function withRetry(inner, options) {
  return async (request) => {
    if (request.retry === false || !isReplayable(request.body) || options.retries <= 0) return inner(request);
    for (let attempt = 1; ; attempt++) {
      let delayMs;
      let reason;
      try {
        const response = await inner(request);
        if (!isTemporaryStatus(response.status)) return response;
        if (attempt > options.retries) {
          throw new RetriesExhaustedError(void 0, attempt, await readRegistryError(response));
        }
        delayMs = retryDelay(
          attempt,
          options,
          parseRetryAfter(header(response, "retry-after")),
          options.random
        );
        reason = `HTTP ${response.status}`;
        await discard(response);
      } catch (error) {
        if (error instanceof RetriesExhaustedError || !isTemporaryFailure(error)) throw error;
        if (attempt > options.retries) throw giveUp(attempt, error);
        delayMs = retryDelay(attempt, options, void 0, options.random);
        reason = error instanceof NetworkError ? error.reason : error.code;
      }
      options.onRetry?.({ method: request.method, url: redactUrl(request.url), attempt, delayMs, reason });
      await sleep(delayMs, request.signal);
    }
  };
}
function isTemporaryFailure(error) {
  return error instanceof ClientError && error.isTemporary();
}
function giveUp(attempts, error) {
  if (error instanceof NetworkError && error.code === "CLIENT_UNAVAILABLE") return error.exhausted(attempts);
  return new RetriesExhaustedError(void 0, attempts, error);
}
var init_retry = __esm({
  "src/client/transport/retry.ts"() {
    init_errors5();
    init_backoff();
    init_check();
    init_redact();
    init_types();
  }
});

// src/client/session.ts
var REFUSED, RegistrySession;
var init_session = __esm({
  "src/client/session.ts"() {
    init_auth();
    init_check();
    init_http();
    init_retry();
    init_scheme();
    init_types();
    init_user_agent();
    REFUSED = /* @__PURE__ */ new Set([401, 403]);
    RegistrySession = class {
      registry;
      /** `https://host[:port]` (http for insecure registries). */
      origin;
      auth;
      /** The full stack, auth included. */
      transport;
      options;
      constructor(registry, options) {
        this.registry = registry;
        this.options = options;
        this.origin = registryOrigin(registry, options.insecure);
        const http = createHttpTransport(options);
        const inner = withRetry(withUserAgent(http, options.userAgent), {
          retries: options.retries,
          baseMs: options.backoffBaseMs,
          maxMs: options.backoffMaxMs,
          maxRetryAfterMs: options.maxRetryAfterMs,
          ...options.onRetry ? { onRetry: options.onRetry } : {}
        });
        this.auth = new RegistryAuth({
          registry,
          origin: this.origin,
          transport: inner,
          credentials: options.credentials,
          clientId: options.userAgent
        });
        this.transport = this.auth.transport;
      }
      /** An absolute URL on the registry for an API path such as `/v2/team/app/tags/list`. */
      url(path2) {
        return new URL(path2, this.origin);
      }
      /**
       * Sends `request` and checks the status is one of `expected`.
       *
       * @throws RegistryError (with a `CLIENT_*` code chosen from the status) otherwise.
       */
      async send(request, expected, context = {}) {
        const response = await this.transport(request);
        const where2 = { registry: this.registry, ...context };
        if (request.method === "HEAD" && !expected.includes(response.status) && REFUSED.has(response.status)) {
          await discard(response);
          const again = await this.transport({ ...request, method: "GET" });
          if (REFUSED.has(again.status)) throw await readRegistryError(again, where2);
          await discard(again);
          throw await readRegistryError(response, where2);
        }
        await expectStatus(response, expected, where2);
        return response;
      }
    };
  }
});

// src/client/registry-client.ts
function namespaceOf(repository) {
  return repository.slice(0, repository.lastIndexOf("/") + 1);
}
function splitReference(ref) {
  const parsed = typeof ref === "string" ? parseReference(ref, { defaultTag: true }) : ref;
  const reference2 = parsed.digest ?? parsed.tag ?? "latest";
  const algorithm = parsed.digest?.slice(0, parsed.digest.indexOf(":"));
  if (algorithm !== void 0 && !isDigestAlgorithm(algorithm)) {
    throw new OciFormatError(
      "OCI_UNSUPPORTED_ALGORITHM",
      `${algorithm} digests cannot be verified by this client (it verifies sha256 and sha512): ${parsed.digest}`,
      { hint: "refer to the image by tag, or by its sha256 digest (`container-package inspect` shows it)" }
    );
  }
  return { repo: { registry: parsed.registry, repository: parsed.repository }, reference: reference2 };
}
var RegistryClient;
var init_registry_client = __esm({
  "src/client/registry-client.ts"() {
    init_errors4();
    init_reference2();
    init_get_blob();
    init_push_blob();
    init_steps();
    init_stream_blob();
    init_listing();
    init_login_check();
    init_manifests();
    init_options();
    init_push();
    init_repository2();
    init_session();
    init_dispatchers();
    RegistryClient = class {
      options;
      #sessions = /* @__PURE__ */ new Map();
      /** registry \u2192 digest \u2192 repositories known to hold the blob. */
      #holders = /* @__PURE__ */ new Map();
      /** @throws ClientError `CLIENT_INVALID_OPTION` (see `resolveClientOptions`). */
      constructor(options = {}) {
        this.options = resolveClientOptions(options);
      }
      /** `GET /v2/` of `registry` (`host[:port]`): whether and how it wants authentication. Cached. */
      ping(registry, options = {}) {
        return this.#session(registry).auth.ping(options.signal);
      }
      /**
       * Checks the credentials as `docker login` does (`GET /v2/`, with a bearer token of no scope
       * when the registry uses the token flow).
       *
       * @throws RegistryError `CLIENT_UNAUTHORIZED` / `CLIENT_DENIED` with the registry's reason.
       */
      checkLogin(registry, options = {}) {
        return checkLogin(this.#session(registry), options.signal);
      }
      /**
       * Proves that a push to `repo` would be accepted: opens an upload session and cancels it.
       *
       * @throws RegistryError `CLIENT_UNAUTHORIZED` / `CLIENT_DENIED` with the registry's reason.
       */
      checkPush(repo, options = {}) {
        return checkPush(this.#ctx(repo, options));
      }
      /** True when the repository has the blob (`HEAD`). */
      async blobExists(repo, digest, options = {}) {
        const ctx = this.#ctx(repo, options);
        return checkExistingBlob(ctx, digest, [pullScope(ctx.repo)]);
      }
      /**
       * Pushes one blob: skipped when present, mounted from `mountFrom` or from a repository of the
       * same registry this client pushed it to (or `blobLocations` knows of), else uploaded (see
       * `blobs/push-blob.ts`).
       */
      async pushBlob(repo, blob, options = {}) {
        const ctx = this.#ctx(repo, options);
        const { digest } = blob.descriptor;
        const namespace = namespaceOf(ctx.repo.repository);
        const earlier = (this.options.blobLocations?.holding(ctx.repo.registry, digest) ?? []).filter(
          (repository) => namespaceOf(repository) === namespace
        );
        const known = [
          .../* @__PURE__ */ new Set([...this.#holders.get(ctx.repo.registry)?.get(digest) ?? [], ...earlier])
        ].map((repository) => ({ registry: ctx.repo.registry, repository }));
        const mountFrom = [...options.mountFrom ?? [], ...known];
        const outcome = await pushBlobTo(ctx, blob, { ...options, mountFrom });
        this.#remember(ctx.repo, digest);
        return outcome;
      }
      /**
       * Uploads a stream whose digest and length are not known yet (a layer being compressed) in one
       * streamed `PATCH`, and commits it under the digest computed on the way; resolves that digest
       * and the size (see `blobs/stream-blob.ts`). Nothing is retried, since the stream is consumed as
       * it goes: on failure the upload is cancelled and the error thrown, and the caller pushes the
       * blob again from a source that can be re-read. A later `pushBlob` of the digest to another
       * repository of the same registry mounts it from this one.
       */
      async uploadStream(repo, stream, options = {}) {
        const ctx = this.#ctx(repo, options);
        const uploaded = await uploadStream(ctx, stream, options);
        this.#remember(ctx.repo, uploaded.digest);
        return uploaded;
      }
      /** The blob as a stream verified against `digest` (and `size` when given). */
      getBlob(repo, digest, options = {}) {
        return getBlob(this.#ctx(repo, options), digest, options.size);
      }
      /** Puts manifest bytes under a tag or digest; resolves the manifest's digest. */
      putManifest(repo, reference2, bytes, mediaType, options = {}) {
        return putManifest(this.#ctx(repo, options), reference2, bytes, mediaType, options.algorithm);
      }
      /** Fetches a manifest (by digest when the reference has one, else by tag, default `latest`). */
      getManifest(ref, options = {}) {
        const { repo, reference: reference2 } = splitReference(ref);
        return getManifest(this.#ctx(repo, options), reference2, options.accept);
      }
      /** Digest, media type and size of a manifest, or `undefined` when there is none. */
      headManifest(ref, options = {}) {
        const { repo, reference: reference2 } = splitReference(ref);
        return headManifest(this.#ctx(repo, options), reference2);
      }
      /** Deletes a manifest (most registries want a digest reference). */
      deleteManifest(ref, options = {}) {
        const { repo, reference: reference2 } = splitReference(ref);
        return deleteManifest(this.#ctx(repo, options), reference2);
      }
      /** Every tag of the repository, following `Link` pages. */
      listTags(repo, options = {}) {
        return listTags(
          this.#ctx(repo, options),
          options.pageSize === void 0 ? {} : { pageSize: options.pageSize }
        );
      }
      /** Manifests that refer to `digest` (`supported: false` when the registry has no referrers API). */
      referrers(repo, digest, options = {}) {
        return listReferrers(this.#ctx(repo, options), digest, options.artifactType);
      }
      /** Pushes an image or index with its blobs to every target (see `push.ts`). */
      push(artifact, targets, options = {}) {
        return pushArtifact(
          {
            concurrency: this.options.concurrency,
            pushBlob: (repo, blob, opts2) => this.pushBlob(repo, blob, opts2),
            putManifest: (repo, reference2, bytes, mediaType, opts2) => this.putManifest(repo, reference2, bytes, mediaType, opts2)
          },
          artifact,
          targets,
          options
        );
      }
      /** Closes the connections of the default dispatchers (one passed in options is left open). */
      async close() {
        await closeDispatchers(this.options.dispatchers);
      }
      #session(registry) {
        let session = this.#sessions.get(registry);
        if (session === void 0) {
          session = new RegistrySession(registry, this.options);
          this.#sessions.set(registry, session);
        }
        return session;
      }
      #ctx(repo, options) {
        const name = toRepositoryName(repo);
        return {
          session: this.#session(name.registry),
          repo: name,
          ...options.signal ? { signal: options.signal } : {}
        };
      }
      #remember(repo, digest) {
        let byDigest = this.#holders.get(repo.registry);
        if (byDigest === void 0) this.#holders.set(repo.registry, byDigest = /* @__PURE__ */ new Map());
        let holders = byDigest.get(digest);
        if (holders === void 0) byDigest.set(digest, holders = /* @__PURE__ */ new Set());
        holders.add(repo.repository);
        this.options.blobLocations?.remember(repo.registry, digest, repo.repository);
      }
    };
  }
});

// src/jwt-claims.ts
function jwtClaims(token) {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((part) => !/^[\w-]+$/.test(part))) return void 0;
  try {
    const value = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
  } catch {
    return void 0;
  }
}
function jwtExpiresAt(token) {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === "number" && Number.isFinite(exp) ? exp * 1e3 : void 0;
}
var init_jwt_claims = __esm({
  "src/jwt-claims.ts"() {
  }
});

// src/client/credentials/store.ts
async function storeCredentials(registry, credentials, options = {}) {
  const { username, password } = credentials;
  if (username === "" || username.includes(":") || password === "") {
    throw clientError(
      "CLIENT_INVALID_CREDENTIALS",
      `cannot store credentials for ${registry}: ${username === "" ? "the username is empty" : password === "" ? "the password is empty" : 'the username contains ":"'}`,
      { hint: 'give a non-empty username without ":" and a non-empty password or token' }
    );
  }
  return updateConfig(options, (config) => {
    const auths = { ...config.auths };
    for (const key2 of Object.keys(auths)) if (keyMatches(key2, registry)) delete auths[key2];
    auths[credentialKey(registry)] = {
      auth: Buffer.from(`${username}:${password}`, "utf8").toString("base64")
    };
    return { ...config, auths };
  });
}
async function removeCredentials(registry, options = {}) {
  let removed = false;
  await updateConfig(options, (config) => {
    const auths = { ...config.auths };
    for (const key2 of Object.keys(auths)) {
      if (keyMatches(key2, registry)) {
        delete auths[key2];
        removed = true;
      }
    }
    return removed ? { ...config, auths } : void 0;
  });
  return removed;
}
async function updateConfig(options, change) {
  const path2 = dockerConfigPath(options.configDir ?? dockerConfigDir());
  let text2 = "";
  try {
    text2 = await (0, import_promises2.readFile)(path2, "utf8");
  } catch (error) {
    if (error.code !== "ENOENT") {
      throw clientError("CLIENT_CREDENTIALS_CONFIG", `cannot read the docker config ${path2}`, {
        cause: error
      });
    }
  }
  const next = change(parseDockerConfig(text2, path2));
  if (next === void 0) return path2;
  await writeAtomically(path2, `${JSON.stringify(next, null, "	")}
`);
  return path2;
}
async function writeAtomically(path2, content) {
  const temp = `${path2}.${process.pid}.${(0, import_node_crypto2.randomBytes)(6).toString("hex")}.tmp`;
  try {
    await (0, import_promises2.mkdir)((0, import_node_path2.dirname)(path2), { recursive: true, mode: 448 });
    await (0, import_promises2.writeFile)(temp, content, { mode: 384, flag: "wx" });
    await (0, import_promises2.chmod)(temp, 384);
    await (0, import_promises2.rename)(temp, path2);
  } catch (error) {
    await (0, import_promises2.rm)(temp, { force: true });
    throw clientError("CLIENT_CREDENTIALS_CONFIG", `cannot write the docker config ${path2}`, {
      cause: error,
      hint: `check that ${(0, import_node_path2.dirname)(path2)} is writable (or set DOCKER_CONFIG to a directory that is)`
    });
  }
}
var import_node_crypto2, import_promises2, import_node_path2;
var init_store = __esm({
  "src/client/credentials/store.ts"() {
    import_node_crypto2 = require("node:crypto");
    import_promises2 = require("node:fs/promises");
    import_node_path2 = require("node:path");
    init_errors5();
    init_docker_config();
    init_host();
  }
});

// src/client/remote-artifact.ts
async function fetchArtifact(client, ref, options = {}) {
  const repo = { registry: ref.registry, repository: ref.repository };
  const call = options.signal ? { signal: options.signal } : {};
  const fetched = await client.getManifest(ref, call);
  const artifact = await build(client, repo, fetched.bytes, fetched.mediaType, fetched.digest, call);
  if (options.platform === void 0 || artifact.kind === "image") return artifact;
  const parsed = parseManifest(artifact.bytes, artifact.mediaType);
  if (parsed.kind !== "index") return artifact;
  const wanted = options.platform;
  const index = parsed.manifest;
  const at = index.manifests.findIndex(
    (d) => d.platform && [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join("/") === wanted
  );
  const child = at >= 0 ? artifact.children[at] : void 0;
  if (child === void 0) {
    throw clientError(
      "CLIENT_NOT_FOUND",
      `${ref.registry}/${ref.repository} has no image for platform ${wanted}`,
      {
        hint: "run `container-package inspect` on the reference to list its platforms"
      }
    );
  }
  return child;
}
async function build(client, repo, bytes, mediaType, digest, call) {
  const parsed = parseManifest(bytes, mediaType);
  if (parsed.kind === "index") {
    const children = [];
    for (const descriptor of parsed.manifest.manifests) {
      const child = await client.getManifest({ ...repo, digest: descriptor.digest }, call);
      children.push(await build(client, repo, child.bytes, child.mediaType, child.digest, call));
    }
    return { kind: "index", mediaType: parsed.mediaType, bytes, digest, children };
  }
  const manifest = parsed.manifest;
  const blob = (descriptor) => ({
    descriptor,
    open: (signal) => client.getBlob(repo, descriptor.digest, { size: descriptor.size, ...signal ? { signal } : {} })
  });
  return {
    kind: "image",
    mediaType: parsed.mediaType,
    bytes,
    digest,
    config: blob(manifest.config),
    layers: manifest.layers.map(blob)
  };
}
var init_remote_artifact = __esm({
  "src/client/remote-artifact.ts"() {
    init_manifest();
    init_errors5();
  }
});

// src/client/index.ts
var init_client = __esm({
  "src/client/index.ts"() {
    init_registry_client();
    init_options();
    init_repository2();
    init_errors5();
    init_redact();
    init_types2();
    init_jwt_claims();
    init_provider();
    init_store();
    init_host();
    init_docker_config();
    init_remote_artifact();
  }
});

// src/sources/unknown-transport.ts
function refuseUnknownTransport(spec, transport, rest) {
  if (transport === "" || /[./@]/.test(transport) || PORT_THEN_PATH.test(rest)) return;
  const typo = typoOf(transport);
  const notATag = !TAG2.test(rest) || ARCHIVE_FILE.test(rest);
  if (typo === void 0 && !notATag) return;
  const url = /^https?$/i.test(transport) && rest.startsWith("//");
  const suggestion = url ? "docker" : typo ?? (ARCHIVE_FILE.test(rest) ? "oci-archive" : "oci");
  throw new SourceError(
    "SRC_UNKNOWN_TRANSPORT",
    `unknown transport "${transport}:" in image source ${JSON.stringify(spec)}`,
    {
      hint: `did you mean "${suggestion}:${rest}"? Transports: ${KNOWN_TRANSPORTS.filter((t) => t !== "dir" && t !== "containers-storage").join(", ")}; an image in a registry is written REF or docker://REF (docker://HOST:PORT/NAME for a host without a dot)`
    }
  );
}
function typoOf(word) {
  const lower = word.toLowerCase();
  let best;
  for (const name of KNOWN_TRANSPORTS) {
    const distance = editDistance(lower, name);
    if (best === void 0 || distance < best.distance) best = { name, distance };
  }
  if (best !== void 0 && best.distance <= (best.name.length >= 6 ? 2 : 1)) return best.name;
  return KNOWN_TRANSPORTS.filter((name) => name !== "docker" && lower.startsWith(name)).sort(
    (a, b) => b.length - a.length
  )[0];
}
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from(
    { length: rows },
    (_, i) => Array.from({ length: cols }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, d[i - 2][j - 2] + 1);
      d[i][j] = value;
    }
  }
  return d[a.length][b.length];
}
var KNOWN_TRANSPORTS, TAG2, PORT_THEN_PATH, ARCHIVE_FILE;
var init_unknown_transport = __esm({
  "src/sources/unknown-transport.ts"() {
    init_errors2();
    KNOWN_TRANSPORTS = [
      "oci",
      "oci-archive",
      "docker-archive",
      "docker",
      "docker-daemon",
      "podman",
      "dir",
      "containers-storage"
    ];
    TAG2 = /^\w[\w.-]{0,127}$/;
    PORT_THEN_PATH = /^\d+(?:\/|$)/;
    ARCHIVE_FILE = /\.(?:tar|tgz|tar\.gz|tar\.zst|tar\.xz)$/i;
  }
});

// src/sources/spec.ts
function parseSource(spec, options = {}) {
  if (spec.trim() === "") throw new InvalidSourceSpecError(spec, spec, "a source cannot be empty");
  if (spec.startsWith("docker://"))
    return { kind: "registry", reference: reference(spec, spec.slice(9), options) };
  const colon = spec.indexOf(":");
  const transport = colon < 0 ? "" : spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  switch (transport) {
    case "oci":
    case "oci-archive":
      return { kind: transport, ...layoutDetails(spec, rest) };
    case "docker-archive":
      return { kind: "docker-archive", ...archiveDetails(spec, rest) };
    case "docker":
    case "docker-daemon":
      return { kind: "docker", reference: reference(spec, rest, options) };
    case "podman":
      return { kind: "podman", reference: reference(spec, rest, options) };
  }
  if (UNSUPPORTED_TRANSPORTS.includes(transport)) {
    throw new InvalidSourceSpecError(
      spec,
      transport,
      `the skopeo transport "${transport}:" is not supported`
    );
  }
  refuseUnknownTransport(spec, transport, rest);
  return { kind: "registry", reference: reference(spec, spec, options) };
}
function reference(spec, part, options) {
  if (part === "") throw new InvalidSourceSpecError(spec, part, "the image reference is missing");
  try {
    return parseReference(part, { ...options, defaultTag: true });
  } catch (error) {
    throw new InvalidSourceSpecError(spec, part, error.message, error);
  }
}
function layoutDetails(spec, rest) {
  const digest = TRAILING_DIGEST.exec(rest);
  if (digest !== null && !rest.slice(0, digest.index).includes(":")) {
    const value = digest[1];
    if (!checkDigest(value).ok)
      throw new InvalidSourceSpecError(spec, value, `${JSON.stringify(value)} is not a valid digest`);
    return { path: path(spec, rest.slice(0, digest.index)), select: { by: "digest", digest: value } };
  }
  const [dir, image2] = splitAtFirstColon(rest);
  const select = image2 === void 0 || image2 === "" ? { by: "only" } : layoutImage(spec, image2);
  return { path: path(spec, dir), select };
}
function layoutImage(spec, image2) {
  if (image2.startsWith("@")) return { by: "index", index: sourceIndex(spec, image2) };
  if (!OCI_NAME.test(image2)) {
    throw new InvalidSourceSpecError(
      spec,
      image2,
      `invalid image name ${JSON.stringify(image2)}: a name is letters and digits joined by one of "-._:@+" or "--", in "/"-separated parts (and the path before it cannot contain ":")`
    );
  }
  return { by: "name", name: image2 };
}
function archiveDetails(spec, rest) {
  const [file, ref] = splitAtFirstColon(rest);
  if (ref === void 0 || ref === "") return { path: path(spec, file), select: { by: "only" } };
  if (ref.startsWith("@"))
    return { path: path(spec, file), select: { by: "index", index: sourceIndex(spec, ref) } };
  const parsed = reference(spec, ref, {});
  if (parsed.digest !== void 0) {
    throw new InvalidSourceSpecError(
      spec,
      ref,
      "a docker archive is searched by tag (its RepoTags), not by digest; use :REF or :@INDEX"
    );
  }
  return { path: path(spec, file), select: { by: "reference", reference: formatReference(parsed) } };
}
function splitAtFirstColon(value) {
  const colon = value.indexOf(":");
  return colon < 0 ? [value, void 0] : [value.slice(0, colon), value.slice(colon + 1)];
}
function path(spec, value) {
  if (value === "") throw new InvalidSourceSpecError(spec, value, "the path is missing");
  return value;
}
function sourceIndex(spec, part) {
  const digits = part.slice(1);
  if (!/^\d{1,9}$/.test(digits)) {
    throw new InvalidSourceSpecError(
      spec,
      part,
      `invalid source index ${JSON.stringify(part)}: write @ and a non-negative integer, e.g. @0`
    );
  }
  return Number(digits);
}
function formatSource(spec) {
  switch (spec.kind) {
    case "oci":
    case "oci-archive":
      return `${spec.kind}:${spec.path}${formatLayoutSelector(spec.select)}`;
    case "docker-archive": {
      const s = spec.select;
      const suffix2 = s.by === "only" ? "" : s.by === "index" ? `:@${s.index}` : `:${s.reference}`;
      return `docker-archive:${spec.path}${suffix2}`;
    }
    case "docker":
    case "podman":
      return `${spec.kind}:${formatReference(spec.reference)}`;
    case "registry":
      return `docker://${formatReference(spec.reference)}`;
  }
}
function formatLayoutSelector(select) {
  switch (select.by) {
    case "only":
      return "";
    case "name":
      return `:${select.name}`;
    case "digest":
      return `@${select.digest}`;
    case "index":
      return `:@${select.index}`;
  }
}
var UNSUPPORTED_TRANSPORTS, ALNUM, COMPONENT, OCI_NAME, TRAILING_DIGEST;
var init_spec = __esm({
  "src/sources/spec.ts"() {
    init_reference2();
    init_errors2();
    init_unknown_transport();
    UNSUPPORTED_TRANSPORTS = [
      "dir",
      "containers-storage",
      "ostree",
      "sif",
      "tarball",
      "docker-daemon-archive"
    ];
    ALNUM = "[A-Za-z0-9]+";
    COMPONENT = `${ALNUM}(?:(?:[-._:@+]|--)${ALNUM})*`;
    OCI_NAME = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
    TRAILING_DIGEST = /@((?:sha256|sha512):[0-9a-f]+)$/;
  }
});

// src/sources/loaded-image.ts
function loadedImage(artifact, origin, dispose = () => Promise.resolve()) {
  let disposed;
  return {
    artifact,
    origin,
    dispose: () => disposed ??= dispose()
  };
}
var init_loaded_image = __esm({
  "src/sources/loaded-image.ts"() {
  }
});

// src/sources/verify.ts
var SourceVerifyingStream;
var init_verify = __esm({
  "src/sources/verify.ts"() {
    init_oci();
    init_errors2();
    SourceVerifyingStream = class extends VerifyingStream {
      where;
      constructor(expected, where2) {
        super(expected);
        this.where = where2;
      }
      _transform(chunk, encoding, callback) {
        super._transform(chunk, encoding, (error, data) => callback(this.#translate(error), data));
      }
      _flush(callback) {
        super._flush((error) => callback(this.#translate(error)));
      }
      _destroy(error, callback) {
        super._destroy(error, (destroyError) => callback(this.#translate(destroyError ?? null)));
      }
      #translate(error) {
        if (error === null || error === void 0) return error;
        const code = error.code;
        if (code === "OCI_SIZE_MISMATCH") {
          const { expected, actual, overflow } = error;
          return new BlobIntegrityError(
            "SRC_SIZE_MISMATCH",
            this.where,
            `${expected} bytes`,
            overflow ? `more than ${expected} bytes` : `${actual} bytes`,
            error
          );
        }
        if (code === "OCI_DIGEST_MISMATCH") {
          const { expected, actual } = error;
          return new BlobIntegrityError("SRC_DIGEST_MISMATCH", this.where, expected, actual, error);
        }
        if (typeof code === "string" && (code.startsWith("Z_") || code.startsWith("ZSTD_"))) {
          return new SourceError("SRC_INVALID_ARCHIVE", `cannot decompress ${this.where}: ${error.message}`, {
            path: this.where,
            hint: "The compressed data is truncated or corrupted; export the image again.",
            cause: error
          });
        }
        return error;
      }
    };
  }
});

// src/sources/zlib.ts
function zlib() {
  return process.getBuiltinModule("node:zlib");
}
var init_zlib = __esm({
  "src/sources/zlib.ts"() {
  }
});

// src/sources/file-blob.ts
function fileBlob(descriptor, range, options = {}) {
  const locate = typeof range === "function" ? range : () => range;
  return {
    descriptor,
    async open(signal) {
      signal?.throwIfAborted();
      options.guard?.();
      const located = locate();
      const where2 = options.where ?? located.file;
      const raw = await openRange(located, where2);
      const verifier = new SourceVerifyingStream({ digest: descriptor.digest, size: descriptor.size }, where2);
      const steps = [];
      if (options.decompress === "gzip") steps.push(zlib().createGunzip());
      if (options.decompress === "zstd") steps.push(zlib().createZstdDecompress());
      (0, import_node_stream7.pipeline)([raw, ...steps, verifier], () => void 0);
      if (signal !== void 0) (0, import_node_stream7.addAbortSignal)(signal, verifier);
      return verifier;
    }
  };
}
async function openRange(range, where2) {
  const start = range.start ?? 0;
  let handle;
  try {
    handle = await (0, import_promises3.open)(range.file, "r");
  } catch (error) {
    if (error.code === "ENOENT") {
      throw new SourceNotFoundError(
        where2,
        "blob",
        "The image files are incomplete; export the image again.",
        error
      );
    }
    throw error;
  }
  if (range.length === 0) {
    await handle.close();
    return import_node_stream7.Readable.from([]);
  }
  return new FileRangeReader(handle, start, range.length);
}
function bytesBlob(descriptor, bytes) {
  return {
    descriptor,
    open(signal) {
      signal?.throwIfAborted();
      return Promise.resolve(import_node_stream7.Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
    }
  };
}
var import_promises3, import_node_stream7, READ_CHUNK, FileRangeReader;
var init_file_blob = __esm({
  "src/sources/file-blob.ts"() {
    import_promises3 = require("node:fs/promises");
    import_node_stream7 = require("node:stream");
    init_chunk_pool();
    init_errors2();
    init_verify();
    init_zlib();
    READ_CHUNK = 1024 * 1024;
    FileRangeReader = class extends import_node_stream7.Readable {
      #handle;
      #end;
      #pool = new ChunkPool(READ_CHUNK);
      #position;
      constructor(handle, start, length) {
        super({ highWaterMark: READ_CHUNK });
        this.#handle = handle;
        this.#position = start;
        this.#end = length === void 0 ? Number.POSITIVE_INFINITY : start + length;
      }
      _read() {
        const want = Math.min(READ_CHUNK, this.#end - this.#position);
        if (want <= 0) {
          this.push(null);
          return;
        }
        const buffer = this.#pool.take();
        this.#handle.read(buffer, 0, want, this.#position).then(
          ({ bytesRead }) => {
            if (this.destroyed) return;
            if (bytesRead === 0) {
              this.#pool.giveBack(buffer);
              this.push(null);
              return;
            }
            this.#position += bytesRead;
            const chunk = bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
            this.#pool.lend(buffer, chunk);
            this.push(chunk);
          },
          (error) => this.destroy(error)
        );
      }
      _destroy(error, callback) {
        this.#handle.close().then(
          () => callback(error),
          (closeError) => callback(error ?? closeError)
        );
      }
    };
  }
});

// src/sources/layout/blob-name.ts
function blobName(digest, where2) {
  try {
    const parsed = parseDigest(digest);
    return `blobs/${parsed.algorithm}/${parsed.hex}`;
  } catch (error) {
    throw new SourceError(
      "SRC_INVALID_NAME",
      `${where2} names an invalid blob digest ${JSON.stringify(digest)}: ${error.message}`,
      {
        path: where2,
        hint: "The layout is malformed: write it again with the tool that made it.",
        cause: error
      }
    );
  }
}
var init_blob_name = __esm({
  "src/sources/layout/blob-name.ts"() {
    init_oci();
    init_errors2();
  }
});

// src/sources/layout/layout-dir.ts
async function statOrUndefined(path2) {
  try {
    return await (0, import_promises4.stat)(path2);
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR") return void 0;
    throw error;
  }
}
var import_promises4, import_node_path3, LAYOUT_HINT, LayoutDir;
var init_layout_dir = __esm({
  "src/sources/layout/layout-dir.ts"() {
    import_promises4 = require("node:fs/promises");
    import_node_path3 = require("node:path");
    init_errors2();
    init_file_blob();
    init_blob_name();
    LAYOUT_HINT = "An OCI image layout directory holds oci-layout, index.json and blobs/; check the path.";
    LayoutDir = class _LayoutDir {
      /** The directory, as given. */
      root;
      constructor(root) {
        this.root = root;
      }
      get location() {
        return this.root;
      }
      /**
       * Checks that `root` is a directory.
       *
       * @throws SourceNotFoundError `SRC_NOT_FOUND` when it is missing or not a directory
       */
      static async open(root) {
        const info = await statOrUndefined(root);
        if (info === void 0) throw new SourceNotFoundError(root, "OCI layout directory", LAYOUT_HINT);
        if (!info.isDirectory())
          throw new SourceNotFoundError(root, "OCI layout directory (it is a file)", LAYOUT_HINT);
        return new _LayoutDir(root);
      }
      /** The absolute or relative path of a blob, from a digest that is parsed first. */
      blobPath(digest, where2 = "a descriptor") {
        return (0, import_node_path3.join)(this.root, blobName(digest, where2));
      }
      async readFile(name, maxBytes) {
        const path2 = (0, import_node_path3.join)(this.root, name);
        const info = await statOrUndefined(path2);
        if (info === void 0 || !info.isFile())
          throw new SourceNotFoundError(path2, `${name} of the OCI layout`, LAYOUT_HINT);
        if (info.size > maxBytes) {
          throw new SourceError(
            "SRC_UNSUPPORTED",
            `${path2} is ${info.size} bytes; at most ${maxBytes} bytes are accepted`,
            { path: path2 }
          );
        }
        return (0, import_promises4.readFile)(path2);
      }
      async check(descriptor) {
        const path2 = this.blobPath(descriptor.digest);
        const info = await statOrUndefined(path2);
        if (info === void 0 || !info.isFile()) {
          throw new SourceNotFoundError(
            path2,
            `blob ${descriptor.digest}`,
            "The layout is incomplete: copy the image into it again."
          );
        }
        if (info.size !== descriptor.size) {
          throw new BlobIntegrityError(
            "SRC_SIZE_MISMATCH",
            path2,
            `${descriptor.size} bytes`,
            `${info.size} bytes`
          );
        }
      }
      blob(descriptor) {
        return fileBlob(descriptor, { file: this.blobPath(descriptor.digest) });
      }
    };
  }
});

// src/sources/read-blob.ts
async function readBlob(blob, maxBytes, what, signal) {
  const { digest, size } = blob.descriptor;
  if (size > maxBytes) {
    throw new SourceError(
      "SRC_UNSUPPORTED",
      `${what} ${digest} is ${size} bytes; at most ${maxBytes} bytes are accepted`,
      {
        hint: "This does not look like an image; check the source."
      }
    );
  }
  const chunks = [];
  for await (const chunk of await blob.open(signal)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
var init_read_blob = __esm({
  "src/sources/read-blob.ts"() {
    init_errors2();
  }
});

// src/sources/layout/layout-files.ts
function checkLayoutVersion(bytes, where2) {
  const value = parseJson(bytes, where2);
  const version = value.imageLayoutVersion;
  if (typeof version !== "string" || !/^1\.\d+\.\d+/.test(version)) {
    throw invalidLayout(
      where2,
      `imageLayoutVersion is ${JSON.stringify(version)}; only version 1.x of the OCI image layout is supported`
    );
  }
}
function parseIndexJson(bytes, where2) {
  parseJson(bytes, where2);
  let parsed;
  try {
    parsed = parseManifest(bytes);
  } catch (error) {
    throw invalidLayout(where2, error.message, error);
  }
  if (parsed.kind !== "index")
    throw invalidLayout(where2, 'it is not an image index (it has no "manifests" array)');
  const index = parsed.manifest;
  index.manifests.forEach((entry, i) => checkDescriptor(entry, `${where2} manifests[${i}]`));
  return index;
}
function checkDescriptor(value, where2) {
  if (typeof value !== "object" || value === null)
    throw invalidLayout(where2, "a descriptor must be a JSON object");
  const d = value;
  if (typeof d.mediaType !== "string" || d.mediaType === "")
    throw invalidLayout(where2, 'the descriptor has no "mediaType"');
  if (typeof d.digest !== "string") throw invalidLayout(where2, 'the descriptor has no "digest"');
  blobName(d.digest, where2);
  if (typeof d.size !== "number" || !Number.isSafeInteger(d.size) || d.size < 0) {
    throw invalidLayout(
      where2,
      `the descriptor's size ${JSON.stringify(d.size)} is not a non-negative integer`
    );
  }
  return value;
}
function parseJson(bytes, where2) {
  let value;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw invalidLayout(where2, "it is not valid JSON", error);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalidLayout(where2, "it is not a JSON object");
  return value;
}
function invalidLayout(where2, reason, cause) {
  return new SourceError("SRC_INVALID_LAYOUT", `invalid OCI layout: ${where2}: ${reason}`, {
    path: where2,
    hint: "Write the layout again (e.g. `skopeo copy ... oci:DIR:TAG`), or check that the path is an OCI image layout.",
    cause
  });
}
var MAX_LAYOUT_FILE_BYTES, MAX_INDEX_BYTES, REF_NAME_ANNOTATION, CONTAINERD_NAME_ANNOTATION;
var init_layout_files = __esm({
  "src/sources/layout/layout-files.ts"() {
    init_manifest();
    init_errors2();
    init_blob_name();
    MAX_LAYOUT_FILE_BYTES = 64 * 1024;
    MAX_INDEX_BYTES = 8 * 1024 * 1024;
    REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";
    CONTAINERD_NAME_ANNOTATION = "io.containerd.image.name";
  }
});

// src/sources/layout/artifact.ts
async function buildArtifact(store, descriptor, signal, depth = 0) {
  signal?.throwIfAborted();
  const { bytes, parsed } = await readManifest(store, descriptor, signal);
  if (parsed.kind === "index") {
    if (depth >= MAX_DEPTH)
      throw invalidLayout(where(store, descriptor), `indexes nested more than ${MAX_DEPTH} deep`);
    const index = parsed.manifest;
    const children = [];
    for (const [i, child] of index.manifests.entries()) {
      checkDescriptor(child, `${where(store, descriptor)} manifests[${i}]`);
      if (!isManifestMediaType(child.mediaType)) {
        throw new SourceError(
          "SRC_UNSUPPORTED",
          `index ${descriptor.digest} lists a ${child.mediaType} (${child.digest}), which is not a manifest`,
          {
            path: store.location,
            hint: "Only indexes of image manifests and indexes can be pushed; select one image by digest."
          }
        );
      }
      children.push(await buildArtifact(store, child, signal, depth + 1));
    }
    return {
      kind: "index",
      mediaType: parsed.mediaType,
      bytes,
      digest: descriptor.digest,
      children
    };
  }
  const manifest = parsed.manifest;
  const config = checkDescriptor(manifest.config, `${where(store, descriptor)} config`);
  await store.check(config);
  const layers = manifest.layers.map(
    (layer, i) => checkDescriptor(layer, `${where(store, descriptor)} layers[${i}]`)
  );
  for (const layer of layers) if (!isForeign(layer)) await store.check(layer);
  return {
    kind: "image",
    mediaType: parsed.mediaType,
    bytes,
    digest: descriptor.digest,
    config: store.blob(config),
    layers: layers.map((layer) => store.blob(layer))
  };
}
async function readManifest(store, descriptor, signal) {
  if (!isManifestMediaType(descriptor.mediaType)) {
    throw new SourceError(
      "SRC_UNSUPPORTED",
      `${descriptor.digest} is a ${descriptor.mediaType}, not an image manifest or index`,
      {
        path: store.location,
        hint: "Select an image manifest or index."
      }
    );
  }
  const bytes = await readBlob(store.blob(descriptor), MAX_MANIFEST_BYTES2, "manifest", signal);
  let parsed;
  try {
    parsed = parseManifest(bytes, descriptor.mediaType);
  } catch (error) {
    throw invalidLayout(where(store, descriptor), error.message, error);
  }
  if (parsed.mediaType !== descriptor.mediaType) {
    throw invalidLayout(
      where(store, descriptor),
      `the manifest says it is a ${parsed.mediaType}, the descriptor says ${descriptor.mediaType}`
    );
  }
  if (parsed.kind === "index" !== isIndexMediaType(parsed.mediaType)) {
    throw invalidLayout(
      where(store, descriptor),
      `its content does not have the shape of a ${parsed.mediaType}`
    );
  }
  return { bytes, parsed };
}
function where(store, descriptor) {
  return `${store.location}: manifest ${descriptor.digest}`;
}
var MAX_MANIFEST_BYTES2, MAX_DEPTH;
var init_artifact = __esm({
  "src/sources/layout/artifact.ts"() {
    init_descriptor();
    init_manifest();
    init_media_types();
    init_errors2();
    init_read_blob();
    init_layout_files();
    MAX_MANIFEST_BYTES2 = 4 * 1024 * 1024;
    MAX_DEPTH = 8;
  }
});

// src/sources/layout/select.ts
function selectEntry(index, selector, where2) {
  const entries = index.manifests;
  switch (selector.by) {
    case "only": {
      if (entries.length === 1) return entries[0];
      if (entries.length === 0) throw noMatch(index, where2, `${where2} lists no image`);
      throw new ImageSelectionError(
        "SRC_AMBIGUOUS",
        `${where2} lists ${entries.length} images and none was chosen`,
        describeEntries(index),
        where2,
        "Choose one by name (oci:DIR:NAME), position (oci:DIR:@INDEX) or digest (oci:DIR@DIGEST)."
      );
    }
    case "name": {
      const found = entries.find((e) => e.annotations?.[REF_NAME_ANNOTATION] === selector.name) ?? entries.find((e) => e.annotations?.[CONTAINERD_NAME_ANNOTATION] === selector.name);
      if (found === void 0)
        throw noMatch(index, where2, `no image named ${JSON.stringify(selector.name)} in ${where2}`);
      return found;
    }
    case "index": {
      const found = entries[selector.index];
      if (found === void 0) {
        throw noMatch(
          index,
          where2,
          `no image @${selector.index} in ${where2}: it lists ${entries.length} (@0 to @${entries.length - 1})`
        );
      }
      return found;
    }
    case "digest":
      return entries.find((e) => e.digest === selector.digest);
  }
}
function noMatch(index, where2, message) {
  return new ImageSelectionError(
    "SRC_NO_MATCH",
    message,
    describeEntries(index),
    where2,
    "Pick one of the images listed."
  );
}
function describeEntries(index) {
  return index.manifests.map((entry, i) => {
    const name = entry.annotations?.[REF_NAME_ANNOTATION] ?? entry.annotations?.[CONTAINERD_NAME_ANNOTATION] ?? "(no name)";
    const platform = entry.platform === void 0 ? "" : ` ${formatPlatform(entry.platform)}`;
    return `@${i} ${name} ${entry.digest}${platform}`;
  });
}
var init_select = __esm({
  "src/sources/layout/select.ts"() {
    init_descriptor();
    init_errors2();
    init_layout_files();
  }
});

// src/sources/layout/read-layout.ts
async function readLayout(store, selector, signal) {
  signal?.throwIfAborted();
  checkLayoutVersion(
    await store.readFile("oci-layout", MAX_LAYOUT_FILE_BYTES),
    `${store.location}/oci-layout`
  );
  const where2 = `${store.location}/index.json`;
  const index = parseIndexJson(await store.readFile("index.json", MAX_INDEX_BYTES), where2);
  let descriptor = selectEntry(index, selector, where2);
  if (descriptor === void 0 && selector.by === "digest") {
    descriptor = await findNested(store, index, selector.digest, signal);
    if (descriptor === void 0)
      throw noMatch(index, where2, `no manifest ${selector.digest} in ${where2} or the indexes it lists`);
  }
  return buildArtifact(store, descriptor, signal);
}
async function findNested(store, index, digest, signal, depth = 0) {
  if (depth > 4) return void 0;
  for (const entry of index.manifests) {
    if (entry.digest === digest) return entry;
  }
  for (const entry of index.manifests) {
    if (!isIndexMediaType(entry.mediaType)) continue;
    const nested = await readManifest(store, entry, signal);
    const found = await findNested(store, nested.parsed.manifest, digest, signal, depth + 1);
    if (found !== void 0) return found;
  }
  return void 0;
}
var init_read_layout = __esm({
  "src/sources/layout/read-layout.ts"() {
    init_media_types();
    init_artifact();
    init_layout_files();
    init_select();
  }
});

// src/sources/layout/from-layout.ts
async function fromLayout(dir, options = {}) {
  options.signal?.throwIfAborted();
  const select = options.select ?? { by: "only" };
  const store = await LayoutDir.open(dir);
  const artifact = await readLayout(store, select, options.signal);
  return loadedImage(artifact, formatSource({ kind: "oci", path: dir, select }));
}
var init_from_layout = __esm({
  "src/sources/layout/from-layout.ts"() {
    init_loaded_image();
    init_spec();
    init_layout_dir();
    init_read_layout();
  }
});

// src/sources/archive/archive-layout.ts
var ArchiveLayout;
var init_archive_layout = __esm({
  "src/sources/archive/archive-layout.ts"() {
    init_errors2();
    init_blob_name();
    ArchiveLayout = class {
      #tar;
      constructor(tar) {
        this.#tar = tar;
      }
      get location() {
        return this.#tar.display;
      }
      readFile(name, maxBytes) {
        if (!this.#tar.has(name)) {
          throw new SourceNotFoundError(
            this.#tar.where(name),
            `${name} of the OCI archive`,
            "An OCI archive holds oci-layout, index.json and blobs/; read `docker save` output with docker-archive: instead."
          );
        }
        return this.#tar.read(name, maxBytes);
      }
      check(descriptor) {
        const name = blobName(descriptor.digest, this.location);
        const entry = this.#tar.entry(name);
        if (entry.size !== descriptor.size) {
          throw new BlobIntegrityError(
            "SRC_SIZE_MISMATCH",
            this.#tar.where(name),
            `${descriptor.size} bytes`,
            `${entry.size} bytes`
          );
        }
        return Promise.resolve();
      }
      blob(descriptor) {
        return this.#tar.blob(descriptor, blobName(descriptor.digest, this.location));
      }
    };
  }
});

// src/sources/sniff.ts
function detectCompression(head) {
  for (const [name, magic] of MAGIC) {
    if (head.length >= magic.length && magic.every((byte, i) => head[i] === byte)) return name;
  }
  return "none";
}
async function detectFileCompression(file, offset = 0) {
  const handle = await (0, import_promises5.open)(file, "r");
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, offset);
    return detectCompression(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
async function detectBlobCompression(blob, signal) {
  const stream = await blob.open(signal);
  const chunks = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= SNIFF_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  return detectCompression(Buffer.concat(chunks, length));
}
var import_promises5, MAGIC, SNIFF_BYTES;
var init_sniff = __esm({
  "src/sources/sniff.ts"() {
    import_promises5 = require("node:fs/promises");
    MAGIC = [
      ["gzip", [31, 139, 8]],
      ["zstd", [40, 181, 47, 253]],
      ["bzip2", [66, 90, 104]],
      ["xz", [253, 55, 122, 88, 90, 0]]
    ];
    SNIFF_BYTES = 6;
  }
});

// src/sources/temp-dir.ts
var import_promises6, import_node_os3, import_node_path4, TempDir;
var init_temp_dir = __esm({
  "src/sources/temp-dir.ts"() {
    import_promises6 = require("node:fs/promises");
    import_node_os3 = require("node:os");
    import_node_path4 = require("node:path");
    init_errors2();
    TempDir = class _TempDir {
      path;
      #disposed = false;
      constructor(path2) {
        this.path = path2;
      }
      /**
       * Creates `container-package-<purpose>-XXXXXX` under `parent`.
       *
       * @param parent Default `os.tmpdir()` (`TMPDIR`). Put it on a disk with room for the image.
       */
      static async create(purpose, parent = (0, import_node_os3.tmpdir)()) {
        return new _TempDir(await (0, import_promises6.mkdtemp)((0, import_node_path4.join)(parent, `container-package-${purpose}-`)));
      }
      /** A path inside the directory. */
      file(name) {
        return (0, import_node_path4.join)(this.path, name);
      }
      /** Throws `SRC_DISPOSED` once {@link TempDir.dispose} has been called. */
      guard() {
        if (this.#disposed) {
          throw new SourceError(
            "SRC_DISPOSED",
            `the temporary files in ${this.path} were removed (the image was disposed)`,
            {
              path: this.path,
              hint: "Read every blob before calling dispose()."
            }
          );
        }
      }
      /** Removes the directory and everything in it. Idempotent. */
      async dispose() {
        this.#disposed = true;
        await (0, import_promises6.rm)(this.path, { recursive: true, force: true });
      }
    };
  }
});

// src/common-js.ts
function commonJsExports(namespace) {
  const fallback = namespace.default;
  return Object.keys(namespace).some((key2) => key2 !== "default") || fallback === void 0 ? namespace : fallback;
}
var init_common_js = __esm({
  "src/common-js.ts"() {
  }
});

// src/sources/tar-stream.ts
async function loadTarStream() {
  return commonJsExports(await __cpImport("lazy:tar-stream"));
}
var init_tar_stream = __esm({
  "src/sources/tar-stream.ts"() {
    init_common_js();
  }
});

// src/sources/archive/tar-index.ts
async function indexTar(file, signal, display = file) {
  signal?.throwIfAborted();
  const entries = /* @__PURE__ */ new Map();
  const input = (0, import_node_fs.createReadStream)(file, { highWaterMark: 1024 * 1024 });
  const { extract } = await loadTarStream();
  const parser = extract();
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const entry of parser) {
      signal?.throwIfAborted();
      const { header: header2 } = entry;
      const name = normalizeTarPath(header2.name);
      if (!entries.has(name)) {
        entries.set(name, {
          name,
          type: header2.type,
          size: header2.type === "file" || header2.type === "contiguous-file" ? header2.size : 0,
          offset: entry.offset + BLOCK2,
          linkname: header2.linkname ?? void 0
        });
      }
      entry.resume();
    }
  } catch (error) {
    input.destroy();
    if (error.code === "ENOENT")
      throw new SourceNotFoundError(display, "archive", void 0, error);
    if (signal?.aborted === true) throw error;
    throw new SourceError(
      "SRC_INVALID_ARCHIVE",
      `cannot read ${display} as a tar archive: ${error.message}`,
      {
        path: display,
        hint: "The file is not a tar archive, or it is truncated; export the image again.",
        cause: error
      }
    );
  }
  return entries;
}
function normalizeTarPath(name) {
  const cleaned = import_node_path5.posix.normalize(`${name}`.replace(/^\/+/, "")).replace(/\/+$/, "");
  return cleaned === "." ? "" : cleaned.replace(/^\.\//, "");
}
var import_node_fs, import_node_path5, BLOCK2;
var init_tar_index = __esm({
  "src/sources/archive/tar-index.ts"() {
    import_node_fs = require("node:fs");
    import_node_path5 = require("node:path");
    init_errors2();
    init_tar_stream();
    BLOCK2 = 512;
  }
});

// src/sources/archive/tar-file.ts
var import_promises7, import_node_path6, MAX_LINK_HOPS, TarFile;
var init_tar_file = __esm({
  "src/sources/archive/tar-file.ts"() {
    import_promises7 = require("node:fs/promises");
    import_node_path6 = require("node:path");
    init_errors2();
    init_file_blob();
    init_tar_index();
    MAX_LINK_HOPS = 8;
    TarFile = class {
      /** The tar file read. */
      path;
      /** The archive as the user named it. */
      display;
      #entries;
      #guard;
      constructor(path2, entries, display = path2, guard) {
        this.path = path2;
        this.display = display;
        this.#entries = entries;
        this.#guard = guard;
      }
      /** `archive.tar:name`, how messages name an entry. */
      where(name) {
        return `${this.display}:${name}`;
      }
      /** True when `name` (normalised) is an entry, of any type. */
      has(name) {
        return this.#entries.has(normalizeTarPath(name));
      }
      /**
       * The regular-file entry `name` stands for, following symbolic links (relative to the link's
       * directory) and hard links (relative to the archive root), as `docker save` writes them.
       *
       * @throws SourceError `SRC_NOT_FOUND` (no such entry, or a link to nothing), `SRC_INVALID_ARCHIVE` (not a file)
       */
      entry(name) {
        let current = normalizeTarPath(name);
        for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
          const entry = this.#entries.get(current);
          if (entry === void 0 || current.startsWith("../") || current === "..") {
            throw new SourceNotFoundError(
              this.where(name),
              "archive entry",
              "The archive is incomplete; export the image again."
            );
          }
          if (entry.type === "file" || entry.type === "contiguous-file") return entry;
          if ((entry.type === "symlink" || entry.type === "link") && entry.linkname !== void 0) {
            const base2 = entry.type === "symlink" ? import_node_path6.posix.dirname(current) : "";
            current = normalizeTarPath(import_node_path6.posix.join(base2, entry.linkname));
            continue;
          }
          throw new SourceError("SRC_INVALID_ARCHIVE", `${this.where(name)} is a ${entry.type}, not a file`, {
            path: this.display
          });
        }
        throw new SourceError(
          "SRC_INVALID_ARCHIVE",
          `${this.where(name)}: more than ${MAX_LINK_HOPS} links in a row`,
          { path: this.display }
        );
      }
      /** Where the data of `name` lies in the tar file. */
      range(name) {
        const entry = this.entry(name);
        return { file: this.path, start: entry.offset, length: entry.size };
      }
      /**
       * Reads a small entry (a JSON file) into memory.
       *
       * @throws SourceError `SRC_NOT_FOUND`, `SRC_UNSUPPORTED` (larger than `maxBytes`)
       */
      async read(name, maxBytes) {
        this.#guard?.();
        const entry = this.entry(name);
        if (entry.size > maxBytes) {
          throw new SourceError(
            "SRC_UNSUPPORTED",
            `${this.where(name)} is ${entry.size} bytes; at most ${maxBytes} bytes are accepted`,
            {
              path: this.display
            }
          );
        }
        const handle = await (0, import_promises7.open)(this.path, "r");
        try {
          const buffer = Buffer.alloc(entry.size);
          const { bytesRead } = await handle.read(buffer, 0, entry.size, entry.offset);
          if (bytesRead !== entry.size)
            throw new SourceError("SRC_INVALID_ARCHIVE", `${this.where(name)} is truncated`, {
              path: this.display
            });
          return buffer;
        } finally {
          await handle.close();
        }
      }
      /**
       * A verifying opener of entry `name`, resolved and read on `open()` (so a blob never read, such
       * as a non-distributable layer, need not be in the archive).
       *
       * @param decompress decompress the entry before verifying it against `descriptor`
       */
      blob(descriptor, name, decompress) {
        const options = { where: this.where(name), guard: this.#guard, decompress };
        return fileBlob(descriptor, () => this.range(name), options);
      }
    };
  }
});

// src/sources/archive/open-archive.ts
async function openArchive(file, options = {}) {
  const { signal } = options;
  signal?.throwIfAborted();
  await checkFile(file);
  const compression = await detectFileCompression(file);
  if (compression === "bzip2" || compression === "xz") {
    throw new SourceError("SRC_UNSUPPORTED", `${file} is ${compression}-compressed, which is not supported`, {
      path: file,
      hint: `Decompress it first (e.g. \`${compression === "xz" ? "xz" : "bzip2"} -d ${file}\`), or compress it with gzip or zstd.`
    });
  }
  if (compression === "none") {
    return { tar: new TarFile(file, await indexTar(file, signal)), dispose: () => Promise.resolve() };
  }
  const temp = await TempDir.create("archive", options.tmpDir);
  try {
    const copy = temp.file("archive.tar");
    const decompressor = compression === "gzip" ? zlib().createGunzip() : zlib().createZstdDecompress();
    await (0, import_promises9.pipeline)((0, import_node_fs2.createReadStream)(file), decompressor, (0, import_node_fs2.createWriteStream)(copy), { signal });
    const entries = await indexTar(copy, signal, file);
    return { tar: new TarFile(copy, entries, file, () => temp.guard()), dispose: () => temp.dispose() };
  } catch (error) {
    await temp.dispose();
    if (error.code?.startsWith("Z_") === true || error.code?.startsWith("ZSTD_") === true) {
      throw new SourceError("SRC_INVALID_ARCHIVE", `cannot decompress ${file}: ${error.message}`, {
        path: file,
        hint: "The archive is truncated or corrupted; export the image again.",
        cause: error
      });
    }
    throw error;
  }
}
async function checkFile(file) {
  let info;
  try {
    info = await (0, import_promises8.stat)(file);
  } catch (error) {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") {
      throw new SourceNotFoundError(file, "archive", "Check the path of the archive.", error);
    }
    throw error;
  }
  if (!info.isFile())
    throw new SourceNotFoundError(file, "archive (it is not a file)", "Check the path of the archive.");
}
var import_node_fs2, import_promises8, import_promises9;
var init_open_archive = __esm({
  "src/sources/archive/open-archive.ts"() {
    import_node_fs2 = require("node:fs");
    import_promises8 = require("node:fs/promises");
    import_promises9 = require("node:stream/promises");
    init_errors2();
    init_sniff();
    init_temp_dir();
    init_tar_file();
    init_tar_index();
    init_zlib();
  }
});

// src/sources/archive/oci-archive.ts
var oci_archive_exports = {};
__export(oci_archive_exports, {
  fromOciArchive: () => fromOciArchive
});
async function fromOciArchive(file, options = {}) {
  const select = options.select ?? { by: "only" };
  const archive = await openArchive(file, options);
  try {
    const artifact = await readLayout(new ArchiveLayout(archive.tar), select, options.signal);
    return loadedImage(
      artifact,
      formatSource({ kind: "oci-archive", path: file, select }),
      () => archive.dispose()
    );
  } catch (error) {
    await archive.dispose();
    throw error;
  }
}
var init_oci_archive = __esm({
  "src/sources/archive/oci-archive.ts"() {
    init_read_layout();
    init_loaded_image();
    init_spec();
    init_archive_layout();
    init_open_archive();
  }
});

// src/sources/archive/docker-manifest.ts
function parseManifestJson(bytes, where2) {
  let value;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw invalidArchive(where2, "it is not valid JSON", error);
  }
  if (!Array.isArray(value)) throw invalidArchive(where2, "it is not a JSON array");
  return value.map((item, i) => {
    const it = typeof item === "object" && item !== null ? item : {};
    const strings = (v) => Array.isArray(v) && v.every((s) => typeof s === "string");
    if (typeof it.Config !== "string" || !strings(it.Layers) || !(it.RepoTags == null || strings(it.RepoTags))) {
      throw invalidArchive(
        where2,
        `item @${i} is not {"Config": string, "RepoTags": [string], "Layers": [string]}`
      );
    }
    return {
      Config: it.Config,
      RepoTags: it.RepoTags ?? null,
      Layers: it.Layers
    };
  });
}
function chooseItem(items, selector, where2) {
  const available = describeItems(items);
  const hint = "Choose one by tag (docker-archive:FILE:REF) or position (docker-archive:FILE:@INDEX).";
  switch (selector.by) {
    case "only":
      if (items.length === 1) return items[0];
      if (items.length === 0)
        throw new ImageSelectionError("SRC_NO_MATCH", `${where2} lists no image`, available, where2, hint);
      throw new ImageSelectionError(
        "SRC_AMBIGUOUS",
        `${where2} lists ${items.length} images and none was chosen`,
        available,
        where2,
        hint
      );
    case "index": {
      const item = items[selector.index];
      if (item !== void 0) return item;
      const message = `no image @${selector.index} in ${where2}: it lists ${items.length}`;
      throw new ImageSelectionError("SRC_NO_MATCH", message, available, where2, hint);
    }
    case "reference": {
      for (const [i, item] of items.entries()) {
        for (const tag of item.RepoTags ?? []) {
          if (normalizeTag(tag, where2, i) === selector.reference) return item;
        }
      }
      throw new ImageSelectionError(
        "SRC_NO_MATCH",
        `no image tagged ${selector.reference} in ${where2}`,
        available,
        where2,
        hint
      );
    }
  }
}
function normalizeTag(tag, where2, i) {
  try {
    return formatReference(parseReference(tag, { defaultTag: true }));
  } catch (error) {
    throw invalidArchive(where2, `item @${i} has an invalid tag ${JSON.stringify(tag)}`, error);
  }
}
function describeItems(items) {
  return items.map((item, i) => `@${i} ${(item.RepoTags ?? []).join(", ") || "(untagged)"}`);
}
function parseDiffIds(config, where2) {
  let value;
  try {
    value = JSON.parse(new TextDecoder().decode(config));
  } catch (error) {
    throw invalidArchive(where2, "the image config is not valid JSON", error);
  }
  const ids = value?.rootfs?.diff_ids;
  if (!Array.isArray(ids)) throw invalidArchive(where2, "the image config has no rootfs.diff_ids");
  for (const id of ids) {
    if (!isDigest(id))
      throw invalidArchive(where2, `the image config lists an invalid diff ID ${JSON.stringify(id)}`);
  }
  return ids;
}
function schema2Manifest(config, layers, layerMediaType) {
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.dockerManifest,
    config: { mediaType: MediaType.dockerConfig, size: config.size, digest: config.digest },
    layers: layers.map((layer) => ({ mediaType: layerMediaType, size: layer.size, digest: layer.digest }))
  };
  return new TextEncoder().encode(JSON.stringify(manifest));
}
function invalidArchive(where2, reason, cause, hint = "Export the image again with `docker save` (or `skopeo copy ... docker-archive:FILE`).") {
  return new SourceError("SRC_INVALID_ARCHIVE", `invalid docker archive: ${where2}: ${reason}`, {
    path: where2,
    hint,
    cause
  });
}
var DOCKER_LAYER_UNCOMPRESSED;
var init_docker_manifest = __esm({
  "src/sources/archive/docker-manifest.ts"() {
    init_oci();
    init_media_types();
    init_reference2();
    init_errors2();
    DOCKER_LAYER_UNCOMPRESSED = "application/vnd.docker.image.rootfs.diff.tar";
  }
});

// src/sources/archive/docker-archive.ts
var docker_archive_exports = {};
__export(docker_archive_exports, {
  fromDockerArchive: () => fromDockerArchive
});
async function fromDockerArchive(file, options = {}) {
  const select = options.select ?? { by: "only" };
  const archive = await openArchive(file, options);
  try {
    const artifact = await readDockerArchive(archive.tar, select, options);
    return loadedImage(
      artifact,
      formatSource({ kind: "docker-archive", path: file, select }),
      () => archive.dispose()
    );
  } catch (error) {
    await archive.dispose();
    throw error;
  }
}
async function readDockerArchive(tar, select, options) {
  if (!tar.has("manifest.json")) {
    if (tar.has("index.json")) {
      throw invalidArchive(
        tar.display,
        "there is no manifest.json: it holds an OCI layout, not `docker save` output; read it with oci-archive:",
        void 0,
        `push it as oci-archive:${tar.display}`
      );
    }
    throw invalidArchive(
      tar.display,
      "there is no manifest.json (docker save from Docker 1.10 or later writes one)"
    );
  }
  const where2 = tar.where("manifest.json");
  const item = chooseItem(
    parseManifestJson(await tar.read("manifest.json", MAX_JSON_BYTES), where2),
    select,
    where2
  );
  const configBytes = await tar.read(item.Config, MAX_JSON_BYTES);
  const diffIds = parseDiffIds(configBytes, tar.where(item.Config));
  if (diffIds.length !== item.Layers.length) {
    throw invalidArchive(
      where2,
      `${item.Layers.length} layers are listed but the config has ${diffIds.length} diff IDs`
    );
  }
  const known = /* @__PURE__ */ new Map();
  const paths = /* @__PURE__ */ new Set();
  for (const [i, diffId] of diffIds.entries()) {
    options.signal?.throwIfAborted();
    if (known.has(diffId)) continue;
    const path2 = normalizeTarPath(item.Layers[i]);
    if (paths.has(path2)) throw invalidArchive(where2, `layer ${path2} is listed for two different diff IDs`);
    paths.add(path2);
    known.set(diffId, await layerInfo(tar, path2, diffId, options.signal));
  }
  const config = { digest: digestBytes(configBytes), size: configBytes.length };
  const layerMediaType = options.layerMediaType === "uncompressed" ? DOCKER_LAYER_UNCOMPRESSED : MediaType.dockerLayerGzip;
  const described = diffIds.map((digest) => ({ digest, size: known.get(digest).size }));
  const bytes = schema2Manifest(config, described, layerMediaType);
  return {
    kind: "image",
    mediaType: MediaType.dockerManifest,
    bytes,
    digest: digestBytes(bytes),
    config: bytesBlob({ mediaType: MediaType.dockerConfig, ...config }, configBytes),
    layers: described.map((layer) => {
      const info = known.get(layer.digest);
      return tar.blob({ mediaType: layerMediaType, ...layer }, info.path, info.decompress);
    })
  };
}
async function layerInfo(tar, path2, diffId, signal) {
  const range = tar.range(path2);
  const compression = range.length === 0 ? "none" : await detectFileCompression(range.file, range.start);
  if (compression === "none") return { path: path2, size: range.length, decompress: void 0 };
  if (compression !== "gzip" && compression !== "zstd") {
    throw new SourceError(
      "SRC_UNSUPPORTED",
      `${tar.where(path2)} is a ${compression}-compressed layer, which is not supported`,
      {
        path: tar.display,
        hint: "Store the layers uncompressed or gzip-compressed (as `docker save` does)."
      }
    );
  }
  const end = range.start + range.length - 1;
  const hasher = new DigestStream(diffId.startsWith("sha512:") ? "sha512" : "sha256");
  const decompressor = compression === "gzip" ? zlib().createGunzip() : zlib().createZstdDecompress();
  try {
    await (0, import_promises10.pipeline)(
      (0, import_node_fs3.createReadStream)(range.file, { start: range.start, end }),
      decompressor,
      hasher,
      async (source) => {
        for await (const chunk of source) void chunk;
      },
      { signal }
    );
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw invalidArchive(tar.where(path2), `cannot decompress the layer: ${error.message}`, error);
  }
  if (hasher.digest !== diffId)
    throw new BlobIntegrityError("SRC_DIGEST_MISMATCH", tar.where(path2), diffId, hasher.digest);
  return { path: path2, size: hasher.size, decompress: compression };
}
var import_node_fs3, import_promises10, MAX_JSON_BYTES;
var init_docker_archive = __esm({
  "src/sources/archive/docker-archive.ts"() {
    import_node_fs3 = require("node:fs");
    import_promises10 = require("node:stream/promises");
    init_oci();
    init_media_types();
    init_errors2();
    init_file_blob();
    init_loaded_image();
    init_sniff();
    init_spec();
    init_docker_manifest();
    init_open_archive();
    init_tar_index();
    init_zlib();
    MAX_JSON_BYTES = 8 * 1024 * 1024;
  }
});

// src/sources/compress-layer.ts
async function compressToFile(blob, compression, level, file, signal) {
  signal?.throwIfAborted();
  const effective = await effectiveLevel(blob, compression, level, signal);
  const compressed = await compressStream(blob, compression, effective, signal);
  const hasher = new DigestStream("sha256");
  await (0, import_promises11.pipeline)(compressed, hasher, (0, import_node_fs4.createWriteStream)(file), { signal });
  return { digest: hasher.digest, size: hasher.size, level: effective };
}
async function compressToUpload(blob, compression, level, upload, signal, keep) {
  signal.throwIfAborted();
  const effective = await effectiveLevel(blob, compression, level, signal);
  const compressed = await compressStream(blob, compression, effective, signal);
  const tee = keep === void 0 ? void 0 : new FileTee(keep);
  const stream = tee === void 0 ? compressed : (0, import_node_stream8.pipeline)(compressed, tee, noop);
  try {
    const uploaded = await upload(stream, blob.descriptor, signal);
    if (!stream.readableEnded) {
      throw new SourceError(
        "SRC_UPLOAD_INCOMPLETE",
        `the upload of layer ${blob.descriptor.digest} ended before all its compressed bytes were read`,
        { hint: "This is a bug in the upload given to compressImage." }
      );
    }
    await tee?.written;
    return { digest: uploaded.digest, size: uploaded.size, level: effective };
  } finally {
    stream.destroy();
  }
}
async function effectiveLevel(blob, compression, level, signal) {
  return compression === "gzip" && level > 0 && await incompressible(blob, level, signal) ? 0 : level;
}
function noop() {
}
async function compressStream(blob, compression, level, signal) {
  const source = await blob.open(signal);
  const output = compressor(compression, level);
  pipeReleasing(source, output);
  return output;
}
function compressor(compression, level) {
  const { constants, createGzip, createZstdCompress } = zlib();
  if (compression === "gzip") return createGzip({ level, chunkSize: OUTPUT_CHUNK });
  return createZstdCompress({
    params: { [constants.ZSTD_c_compressionLevel]: level },
    chunkSize: OUTPUT_CHUNK
  });
}
async function incompressible(blob, level, signal) {
  const stream = await blob.open(signal);
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= SAMPLE_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  if (size < 4096) return false;
  const sample = Buffer.concat(chunks).subarray(0, SAMPLE_BYTES);
  const compressed = await (0, import_node_util.promisify)(zlib().gzip)(sample, { level });
  return compressed.length > sample.length * 0.97;
}
var import_node_fs4, import_node_stream8, import_promises11, import_node_util, FileTee, OUTPUT_CHUNK, SAMPLE_BYTES;
var init_compress_layer = __esm({
  "src/sources/compress-layer.ts"() {
    import_node_fs4 = require("node:fs");
    import_node_stream8 = require("node:stream");
    import_promises11 = require("node:stream/promises");
    import_node_util = require("node:util");
    init_chunk_pool();
    init_oci();
    init_errors2();
    init_zlib();
    FileTee = class extends import_node_stream8.Transform {
      #file;
      /** Settles when the file is closed: resolved after a complete write, rejected on a write error. */
      written;
      constructor(path2) {
        super();
        this.#file = (0, import_node_fs4.createWriteStream)(path2);
        this.written = new Promise((resolve2, reject) => {
          this.#file.once("error", (error) => {
            reject(error);
            this.destroy(error);
          });
          this.#file.once("close", resolve2);
        });
        this.written.catch(noop);
      }
      _transform(chunk, _encoding, callback) {
        if (this.#file.write(chunk)) callback(null, chunk);
        else this.#file.once("drain", () => callback(null, chunk));
      }
      _flush(callback) {
        this.#file.end(() => callback());
      }
      _destroy(error, callback) {
        this.#file.destroy();
        callback(error);
      }
    };
    OUTPUT_CHUNK = 1024 * 1024;
    SAMPLE_BYTES = 1 << 20;
  }
});

// src/sources/manifest-rewrite.ts
function isTarLayerMediaType(mediaType) {
  return TAR_LAYERS.has(mediaType);
}
function compressedLayerMediaType(format, compression) {
  if (format === "docker" && compression === "gzip") return MediaType.dockerLayerGzip;
  return compression === "gzip" ? MediaType.ociLayerGzip : MediaType.ociLayerZstd;
}
function toOciMediaType(mediaType) {
  return DOCKER_TO_OCI[mediaType] ?? mediaType;
}
function rewriteImageManifest(bytes, changes, toOci) {
  const manifest = JSON.parse(new TextDecoder().decode(bytes));
  manifest.layers = manifest.layers.map((layer, i) => {
    const change = changes.get(i);
    const next = change === void 0 ? layer : { ...layer, ...change };
    return toOci && typeof next.mediaType === "string" ? { ...next, mediaType: toOciMediaType(next.mediaType) } : next;
  });
  if (toOci) {
    if (manifest.mediaType !== void 0) manifest.mediaType = MediaType.ociManifest;
    if (typeof manifest.config.mediaType === "string")
      manifest.config = { ...manifest.config, mediaType: toOciMediaType(manifest.config.mediaType) };
  }
  return new TextEncoder().encode(JSON.stringify(manifest));
}
function rewriteIndex(bytes, changes, toOci) {
  const index = JSON.parse(new TextDecoder().decode(bytes));
  index.manifests = index.manifests.map((entry) => {
    const change = typeof entry.digest === "string" ? changes.get(entry.digest) : void 0;
    return change === void 0 ? entry : { ...entry, ...change };
  });
  if (toOci && index.mediaType !== void 0) index.mediaType = toOciMediaType(index.mediaType);
  return new TextEncoder().encode(JSON.stringify(index));
}
var TAR_LAYERS, DOCKER_TO_OCI;
var init_manifest_rewrite = __esm({
  "src/sources/manifest-rewrite.ts"() {
    init_media_types();
    init_docker_manifest();
    TAR_LAYERS = /* @__PURE__ */ new Set([
      MediaType.ociLayer,
      MediaType.ociLayerGzip,
      MediaType.ociLayerZstd,
      MediaType.dockerLayerGzip,
      DOCKER_LAYER_UNCOMPRESSED
    ]);
    DOCKER_TO_OCI = {
      [MediaType.dockerManifest]: MediaType.ociManifest,
      [MediaType.dockerManifestList]: MediaType.ociIndex,
      [MediaType.dockerConfig]: MediaType.ociConfig,
      [MediaType.dockerLayerGzip]: MediaType.ociLayerGzip,
      [DOCKER_LAYER_UNCOMPRESSED]: MediaType.ociLayer,
      [MediaType.dockerLayerForeignGzip]: MediaType.ociLayerNondistributableGzip,
      "application/vnd.docker.image.rootfs.foreign.diff.tar": MediaType.ociLayerNondistributable
    };
  }
});

// src/sources/compress.ts
async function compressImage(image2, options = {}) {
  const resolved = resolveCompressOptions(options);
  resolved.signal?.throwIfAborted();
  if (resolved.compression === "none") return image2;
  const todo = await plainLayers(image2.artifact, resolved, options.cache);
  if (todo.length === 0) return image2;
  const temp = await TempDir.create("layers", resolved.tmpDir);
  try {
    const { compression, level } = resolved;
    const { cache, upload } = options;
    let streaming = upload !== void 0;
    const written = await mapLimit(
      todo,
      resolved.concurrency,
      async (blob, signal, i) => {
        const known = cache?.get(blob.descriptor.digest, compression, level);
        if (known !== void 0) return { ...known, source: blob };
        const file = temp.file(`layer-${i}`);
        if (upload !== void 0 && streaming) {
          const keep = options.keepUploaded === true ? file : void 0;
          try {
            const sent = await compressToUpload(blob, compression, level, upload, signal, keep);
            cache?.set(blob.descriptor.digest, compression, level, sent);
            return { ...sent, ...keep !== void 0 && { file }, source: blob };
          } catch (error) {
            if (signal.aborted) throw error;
            streaming = false;
          }
        }
        const written2 = await compressToFile(blob, compression, level, file, signal);
        cache?.set(blob.descriptor.digest, compression, level, written2);
        return { ...written2, file, source: blob };
      },
      resolved.signal
    );
    const done = new Map(todo.map((blob, i) => [blob.descriptor.digest, written[i]]));
    const artifact = rebuild(image2.artifact, done, compression, temp);
    return loadedImage(artifact, image2.origin, async () => {
      await temp.dispose();
      await image2.dispose();
    });
  } catch (error) {
    await temp.dispose();
    resolved.signal?.throwIfAborted();
    throw error;
  }
}
async function plainLayers(artifact, options, cache) {
  const candidates = /* @__PURE__ */ new Map();
  const visit2 = (a) => {
    if (a.kind === "index") return a.children.forEach(visit2);
    for (const layer of a.layers) {
      if (isForeign(layer.descriptor) || !isTarLayerMediaType(layer.descriptor.mediaType)) continue;
      if (!candidates.has(layer.descriptor.digest)) candidates.set(layer.descriptor.digest, layer);
    }
  };
  visit2(artifact);
  const layers = [...candidates.values()];
  const found = await mapLimit(
    layers,
    options.concurrency,
    async (layer, signal) => cache?.get(layer.descriptor.digest, options.compression, options.level) !== void 0 ? "none" : detectBlobCompression(layer, signal),
    options.signal
  );
  return layers.filter((_, i) => found[i] === "none");
}
function rebuild(artifact, done, compression, temp) {
  if (artifact.kind === "index") return rebuildIndex(artifact, done, compression, temp);
  return rebuildImage(artifact, done, compression, temp);
}
function rebuildImage(image2, done, compression, temp) {
  if (!image2.layers.some((layer) => done.has(layer.descriptor.digest))) return image2;
  const toOci = compression === "zstd" && image2.mediaType === MediaType.dockerManifest;
  const mediaType = compressedLayerMediaType(
    image2.mediaType === MediaType.dockerManifest && !toOci ? "docker" : "oci",
    compression
  );
  const changes = /* @__PURE__ */ new Map();
  const layers = image2.layers.map((layer, i) => {
    const compressed = done.get(layer.descriptor.digest);
    if (compressed === void 0)
      return toOci ? withMediaType(layer, toOciMediaType(layer.descriptor.mediaType)) : layer;
    const change = { mediaType, digest: compressed.digest, size: compressed.size };
    changes.set(i, change);
    if (compressed.file === void 0) {
      return {
        descriptor: { ...layer.descriptor, ...change },
        open: (signal) => compressStream(compressed.source, compression, compressed.level, signal)
      };
    }
    return fileBlob(
      { ...layer.descriptor, ...change },
      { file: compressed.file },
      { guard: () => temp.guard() }
    );
  });
  const bytes = rewriteImageManifest(image2.bytes, changes, toOci);
  return {
    kind: "image",
    mediaType: toOci ? MediaType.ociManifest : image2.mediaType,
    bytes,
    digest: digestBytes(bytes),
    config: toOci ? withMediaType(image2.config, toOciMediaType(image2.config.descriptor.mediaType)) : image2.config,
    layers
  };
}
function rebuildIndex(index, done, compression, temp) {
  const children = index.children.map((child) => rebuild(child, done, compression, temp));
  const changes = /* @__PURE__ */ new Map();
  children.forEach((child, i) => {
    const before = index.children[i];
    if (child !== before)
      changes.set(before.digest, {
        mediaType: child.mediaType,
        digest: child.digest,
        size: child.bytes.length
      });
  });
  if (changes.size === 0) return index;
  const toOci = index.mediaType === MediaType.dockerManifestList && children.some((c) => c.mediaType === MediaType.ociManifest);
  const bytes = rewriteIndex(index.bytes, changes, toOci);
  return {
    kind: "index",
    mediaType: toOci ? MediaType.ociIndex : index.mediaType,
    bytes,
    digest: digestBytes(bytes),
    children
  };
}
function withMediaType(blob, mediaType) {
  if (blob.descriptor.mediaType === mediaType) return blob;
  return { descriptor: { ...blob.descriptor, mediaType }, open: (signal) => blob.open(signal) };
}
var init_compress = __esm({
  "src/sources/compress.ts"() {
    init_map_limit();
    init_descriptor();
    init_oci();
    init_media_types();
    init_compress_layer();
    init_compress_options();
    init_file_blob();
    init_loaded_image();
    init_manifest_rewrite();
    init_sniff();
    init_temp_dir();
  }
});

// src/sources/open.ts
function isLocalSource(spec) {
  return spec.kind === "oci" || spec.kind === "oci-archive" || spec.kind === "docker-archive";
}
async function openLocalSource(spec, options = {}) {
  const { tmpDir, signal } = options;
  switch (spec.kind) {
    case "oci":
      return fromLayout(spec.path, { select: spec.select, signal });
    case "oci-archive": {
      const { fromOciArchive: fromOciArchive2 } = await Promise.resolve().then(() => (init_oci_archive(), oci_archive_exports));
      return fromOciArchive2(spec.path, { select: spec.select, tmpDir, signal });
    }
    case "docker-archive": {
      const { fromDockerArchive: fromDockerArchive2 } = await Promise.resolve().then(() => (init_docker_archive(), docker_archive_exports));
      return fromDockerArchive2(spec.path, {
        select: spec.select,
        tmpDir,
        signal,
        layerMediaType: options.layerMediaType
      });
    }
    default:
      throw new SourceError("SRC_UNSUPPORTED", `${formatSource(spec)} is not a file-based source`, {
        hint: "Engine (docker:, podman:) and registry sources are read by their own clients."
      });
  }
}
var init_open = __esm({
  "src/sources/open.ts"() {
    init_errors2();
    init_from_layout();
    init_spec();
  }
});

// src/sources/example-image.ts
var init_example_image = __esm({
  "src/sources/example-image.ts"() {
    init_oci();
    init_media_types();
    init_tar_stream();
    init_zlib();
  }
});

// src/cache-dir.ts
function cacheDir(env = process.env, home = (0, import_node_os4.homedir)()) {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== void 0 && xdg.startsWith("/")) return (0, import_node_path7.join)(xdg, "container-package");
  if (process.platform === "win32" && env.LOCALAPPDATA) return (0, import_node_path7.join)(env.LOCALAPPDATA, "container-package");
  return (0, import_node_path7.join)(home, ".cache", "container-package");
}
var import_node_os4, import_node_path7;
var init_cache_dir = __esm({
  "src/cache-dir.ts"() {
    import_node_os4 = require("node:os");
    import_node_path7 = require("node:path");
  }
});

// src/sources/blob-info-cache.ts
function defaultBlobInfoCachePath(env = process.env) {
  return (0, import_node_path8.join)(cacheDir(env), "blob-info.json");
}
function key(layerDigest, compression, level) {
  return `${layerDigest} ${compression} ${level} v${FORMAT}`;
}
function locationKey(registry, digest) {
  return `${LOCATION}${registry} ${digest} v${FORMAT}`;
}
function isRepositoryList(value) {
  return Array.isArray(value) && value.length > 0 && value.length <= MAX_REPOSITORIES && value.every((r) => typeof r === "string" && isRepositoryPath(r));
}
function isRepositoryPath(path2) {
  try {
    parseRepositoryPath(path2);
    return true;
  } catch {
    return false;
  }
}
function isInfo(value) {
  if (typeof value !== "object" || value === null) return false;
  const info = value;
  return typeof info.digest === "string" && /^sha256:[a-f0-9]{64}$/.test(info.digest) && Number.isSafeInteger(info.size) && Number.isInteger(info.level);
}
var import_promises12, import_node_path8, MAX_ENTRIES, MAX_LOCATED, MAX_REPOSITORIES, FORMAT, BlobInfoCache, LOCATION;
var init_blob_info_cache = __esm({
  "src/sources/blob-info-cache.ts"() {
    import_promises12 = require("node:fs/promises");
    import_node_path8 = require("node:path");
    init_cache_dir();
    init_reference2();
    MAX_ENTRIES = 1e4;
    MAX_LOCATED = 1e4;
    MAX_REPOSITORIES = 3;
    FORMAT = 2;
    BlobInfoCache = class _BlobInfoCache {
      #path;
      #entries;
      #locations;
      #dirty = false;
      constructor(path2, entries, locations = /* @__PURE__ */ new Map()) {
        this.#path = path2;
        this.#entries = entries;
        this.#locations = locations;
      }
      /** An empty cache that is never saved (tests, `--no-cache`). */
      static inMemory() {
        return new _BlobInfoCache(void 0, /* @__PURE__ */ new Map());
      }
      /** Reads the cache file at `path`; anything unreadable is an empty cache. */
      static async open(path2 = defaultBlobInfoCachePath()) {
        const entries = /* @__PURE__ */ new Map();
        const locations = /* @__PURE__ */ new Map();
        try {
          const value = JSON.parse(await (0, import_promises12.readFile)(path2, "utf8"));
          if (typeof value === "object" && value !== null) {
            for (const [key2, info] of Object.entries(value)) {
              if (!key2.endsWith(` v${FORMAT}`)) continue;
              if (key2.startsWith(LOCATION) && isRepositoryList(info)) locations.set(key2, info);
              else if (isInfo(info)) entries.set(key2, info);
            }
          }
        } catch {
        }
        return new _BlobInfoCache(path2, entries, locations);
      }
      /** Repositories of `registry` known to hold `digest`, the most recent first. */
      holding(registry, digest) {
        return this.#locations.get(locationKey(registry, digest)) ?? [];
      }
      /** Records that `repository` of `registry` holds `digest`. */
      remember(registry, digest, repository) {
        if (!isRepositoryPath(repository)) return;
        const k = locationKey(registry, digest);
        const known = this.#locations.get(k) ?? [];
        if (known[0] === repository) return;
        this.#locations.delete(k);
        this.#locations.set(k, [repository, ...known.filter((r) => r !== repository)].slice(0, MAX_REPOSITORIES));
        while (this.#locations.size > MAX_LOCATED) this.#locations.delete(this.#locations.keys().next().value);
        this.#dirty = true;
      }
      /** What compressing `layerDigest` with `compression` at `level` gave last time. */
      get(layerDigest, compression, level) {
        return this.#entries.get(key(layerDigest, compression, level));
      }
      /** Records a compression result. */
      set(layerDigest, compression, level, info) {
        const k = key(layerDigest, compression, level);
        this.#entries.delete(k);
        this.#entries.set(k, info);
        while (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value);
        this.#dirty = true;
      }
      /** Writes the cache back when it changed. Never throws. */
      async save() {
        if (!this.#dirty || this.#path === void 0) return;
        try {
          await (0, import_promises12.mkdir)((0, import_node_path8.dirname)(this.#path), { recursive: true, mode: 448 });
          const tmp = `${this.#path}.${process.pid}.tmp`;
          const all = { ...Object.fromEntries(this.#entries), ...Object.fromEntries(this.#locations) };
          await (0, import_promises12.writeFile)(tmp, JSON.stringify(all), { mode: 384 });
          await (0, import_promises12.rename)(tmp, this.#path);
          this.#dirty = false;
        } catch {
        }
      }
    };
    LOCATION = "at ";
  }
});

// src/sources/index.ts
var init_sources = __esm({
  "src/sources/index.ts"() {
    init_errors2();
    init_spec();
    init_loaded_image();
    init_from_layout();
    init_oci_archive();
    init_docker_archive();
    init_docker_manifest();
    init_compress();
    init_compress_options();
    init_sniff();
    init_open();
    init_example_image();
    init_blob_info_cache();
  }
});

// src/sources/engine/errors.ts
var EngineError;
var init_errors7 = __esm({
  "src/sources/engine/errors.ts"() {
    init_errors();
    EngineError = class extends ContainerPackageError {
      engine;
      constructor(code, engine, message, details2 = {}) {
        super(code, message, details2);
        this.name = "EngineError";
        this.engine = engine;
      }
    };
  }
});

// src/exec/engine.ts
async function runEngine(engine, args, options = {}) {
  const { execa } = await loadExeca();
  const child = execa(engine, args, {
    reject: false,
    env: options.env,
    input: options.input ?? "",
    cancelSignal: options.signal,
    timeout: options.timeoutMs ?? 30 * 6e4,
    stripFinalNewline: true,
    ...options.onLine ? { lines: false } : {}
  });
  if (options.onLine) {
    const onLine = options.onLine;
    for (const stream of [child.stdout, child.stderr]) {
      let pending = "";
      stream?.on("data", (chunk) => {
        const lines = (pending + chunk.toString("utf8")).split(/\r?\n|\r/);
        pending = lines.pop() ?? "";
        for (const line of lines) if (line.trim() !== "") onLine(line);
      });
      stream?.on("end", () => {
        if (pending.trim() !== "") onLine(pending);
      });
    }
  }
  const result = await child;
  if (result.timedOut) {
    throw new ExecError("EXEC_TIMEOUT", engine, `${engine} ${args[0] ?? ""} did not finish in time`, {
      hint: "check that the engine is responsive (`" + engine + " info`)"
    });
  }
  const failedToStart = result.exitCode === void 0 && result.cause?.code;
  if (failedToStart === "ENOENT") {
    throw new ExecError("EXEC_NOT_FOUND", engine, `the ${engine} CLI was not found on PATH`, {
      hint: `install ${engine} on the agent, or push daemonlessly from an OCI layout or archive (oci:DIR, docker-archive:FILE)`
    });
  }
  if (result.isCanceled) {
    throw new ExecError("EXEC_FAILED", engine, `${engine} ${args[0] ?? ""} was cancelled`);
  }
  return {
    exitCode: result.exitCode ?? 1,
    stdout: String(result.stdout ?? ""),
    stderr: String(result.stderr ?? "")
  };
}
var init_engine = __esm({
  "src/exec/engine.ts"() {
    init_errors6();
    init_execa();
  }
});

// src/sources/engine/output.ts
function digestFromDockerPush(output) {
  let found;
  for (const line of output.split(/\r?\n/)) {
    if (!/\bdigest:\s/.test(line) || !/\bsize:\s/.test(line)) continue;
    const match = /\bdigest:\s+(sha256:[a-f0-9]{64})\b/.exec(line);
    if (match) found = match[1];
  }
  return found;
}
function digestFromPodmanDigestFile(text2) {
  const match = DIGEST.exec(text2.trim());
  return match && text2.trim() === match[1] ? match[1] : void 0;
}
function digestFromRepoDigests(repoDigestsJson, target) {
  let entries;
  try {
    entries = JSON.parse(repoDigestsJson);
  } catch {
    return [];
  }
  if (!Array.isArray(entries)) return [];
  const want = `${target.registry}/${target.repository}`;
  const out = [];
  for (const entry of entries) {
    if (typeof entry !== "string") continue;
    const at = entry.lastIndexOf("@");
    if (at < 0) continue;
    try {
      const ref = parseReference(entry.slice(0, at));
      if (`${ref.registry}/${ref.repository}` === want && DIGEST.test(entry.slice(at + 1)))
        out.push(entry.slice(at + 1));
    } catch {
    }
  }
  return out;
}
function engineName(ref) {
  return familiarReference(ref);
}
function classifyEngineFailure(stderr) {
  const text2 = stderr.toLowerCase();
  if (/no such image|image not known|does not exist|reference does not exist|not found: manifest unknown/.test(
    text2
  ))
    return "not-found";
  if (/unauthorized|authentication required|no basic auth credentials|401/.test(text2)) return "unauthorized";
  if (/denied|forbidden|403|insufficient_scope/.test(text2)) return "denied";
  if (/cannot connect to the docker daemon|is the docker daemon running|connection refused|no such host|i\/o timeout|tls handshake timeout|50[0-4]|eof/.test(
    text2
  ))
    return "unavailable";
  return "other";
}
var DIGEST;
var init_output = __esm({
  "src/sources/engine/output.ts"() {
    init_reference2();
    DIGEST = /\b(sha256:[a-f0-9]{64})\b/;
  }
});

// src/sources/engine/push.ts
function isLoopbackHost(host) {
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
  return name === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(name) || name === "[::1]";
}
async function pushFromEngine(options) {
  const { engine } = options;
  const env = {
    ...process.env,
    ...options.env,
    ...options.dockerConfig ? { DOCKER_CONFIG: options.dockerConfig } : {}
  };
  const run = (args) => runEngine(engine, args, { env, ...options.signal && { signal: options.signal } });
  const sourceName = engineName(options.source);
  const inspect = await run(["image", "inspect", "--format", "{{.Id}}", sourceName]);
  if (inspect.exitCode !== 0) throw notFoundOrFailure(engine, sourceName, inspect.stderr);
  const created = [];
  const pushed = [];
  try {
    for (const target of options.targets) {
      if (target.tag === void 0)
        throw new TypeError(`engine push target ${formatReference(target)} has no tag`);
      const name = engineName(target);
      if (name !== sourceName) {
        const tagged = await run(["tag", sourceName, name]);
        if (tagged.exitCode !== 0) throw notFoundOrFailure(engine, sourceName, tagged.stderr);
        created.push(name);
      }
      const digest = await pushWithRetries(options, env, target, name);
      pushed.push({ reference: formatReference(target), digest });
    }
  } finally {
    for (const name of created)
      await runEngine(engine, ["image", "rm", name], { env }).catch(() => void 0);
  }
  const digests = new Set(pushed.map((p) => p.digest));
  if (digests.size > 1)
    options.onLine?.(
      `note: the engine pushed different digests to different targets: ${[...digests].join(", ")}`
    );
  return { digest: pushed[0]?.digest ?? "", pushed };
}
async function pushWithRetries(options, env, target, name) {
  const retries = options.retries ?? 3;
  let delay = options.retryDelayMs ?? 2e3;
  for (let attempt = 0; ; attempt++) {
    await options.beforePush?.(target);
    const outcome = await pushOnce(options, env, target, name);
    if (typeof outcome === "string") return outcome;
    const kind = classifyEngineFailure(outcome.stderr + "\n" + outcome.stdout);
    if (kind === "unauthorized") {
      throw new EngineError(
        "SRC_ENGINE_UNAUTHORIZED",
        options.engine,
        `${options.engine} push ${name}: the registry refused the credentials (401): ${refusal(outcome)}`,
        {
          hint: `log in to ${target.registry} first (the docker config the engine reads has no credentials it accepts); for Buildkite Packages check the OIDC audience and policy`
        }
      );
    }
    if (kind === "denied") {
      throw new EngineError(
        "SRC_ENGINE_DENIED",
        options.engine,
        `${options.engine} push ${name}: access denied (403): ${refusal(outcome)}`,
        {
          hint: "the token cannot push to this registry: it needs the write_packages scope (or an OIDC policy that grants it)"
        }
      );
    }
    if (attempt >= retries) {
      throw new EngineError(
        "SRC_ENGINE_PUSH_FAILED",
        options.engine,
        `${options.engine} push ${name} failed after ${attempt + 1} attempts: ${lastLine(outcome.stderr)}`,
        {
          hint: `check that ${target.registry} is reachable from the agent`
        }
      );
    }
    options.onLine?.(
      `${options.engine} push ${name} failed (${lastLine(outcome.stderr)}); retrying in ${Math.round(delay / 1e3)}s`
    );
    await new Promise((resolve2) => setTimeout(resolve2, delay));
    delay *= 2;
  }
}
async function pushOnce(options, env, target, name) {
  const runOptions = {
    env,
    ...options.signal && { signal: options.signal },
    ...options.onLine && { onLine: options.onLine }
  };
  if (options.engine === "docker") {
    const result = await runEngine("docker", ["push", name], runOptions);
    if (result.exitCode !== 0) return result;
    const fromOutput = digestFromDockerPush(result.stdout);
    const inspect = await runEngine(
      "docker",
      ["image", "inspect", "--format", "{{json .RepoDigests}}", name],
      {
        env,
        ...options.signal && { signal: options.signal }
      }
    );
    const fromRepoDigests = inspect.exitCode === 0 ? digestFromRepoDigests(inspect.stdout, target) : [];
    const digest = fromOutput ?? (fromRepoDigests.length === 1 ? fromRepoDigests[0] : void 0);
    if (!digest) {
      throw new EngineError(
        "SRC_ENGINE_NO_DIGEST",
        "docker",
        `docker push ${name} succeeded but did not say which digest it pushed`,
        {
          hint: "push daemonlessly instead (docker save -o image.tar \u2026, then source docker-archive:image.tar)"
        }
      );
    }
    return digest;
  }
  const dir = await (0, import_promises13.mkdtemp)((0, import_node_path9.join)((0, import_node_os5.tmpdir)(), "container-package-podman-"));
  try {
    const digestFile = (0, import_node_path9.join)(dir, "digest");
    const insecure = (options.insecure ?? isLoopbackHost)(target.registry);
    const authFile = options.dockerConfig ? (0, import_node_path9.join)(options.dockerConfig, "config.json") : void 0;
    const args = [
      "push",
      "--digestfile",
      digestFile,
      ...insecure ? ["--tls-verify=false"] : [],
      ...authFile && (0, import_node_fs5.existsSync)(authFile) ? ["--authfile", authFile] : [],
      name
    ];
    const result = await runEngine("podman", args, runOptions);
    if (result.exitCode !== 0) return result;
    const digest = digestFromPodmanDigestFile(await (0, import_promises13.readFile)(digestFile, "utf8").catch(() => ""));
    if (!digest) {
      throw new EngineError(
        "SRC_ENGINE_NO_DIGEST",
        "podman",
        `podman push ${name} succeeded but wrote no digest to --digestfile`
      );
    }
    return digest;
  } finally {
    await (0, import_promises13.rm)(dir, { recursive: true, force: true });
  }
}
function notFoundOrFailure(engine, name, stderr) {
  const kind = classifyEngineFailure(stderr);
  if (kind === "not-found") {
    return new EngineError(
      "SRC_ENGINE_IMAGE_NOT_FOUND",
      engine,
      `${engine} has no image ${name} (${lastLine(stderr)})`,
      {
        hint: `build or tag it in the step's command first (${engine} build -t ${name} .), or fix the source "${engine}:${name}"`
      }
    );
  }
  if (kind === "unavailable") {
    return new EngineError(
      "SRC_ENGINE_UNAVAILABLE",
      engine,
      `cannot talk to ${engine}: ${lastLine(stderr)}`,
      {
        hint: engine === "docker" ? "is dockerd running, and DOCKER_HOST right?" : "check `podman info` on the agent"
      }
    );
  }
  return new EngineError(
    "SRC_ENGINE_PUSH_FAILED",
    engine,
    `${engine} failed on ${name}: ${lastLine(stderr)}`
  );
}
function refusal(outcome) {
  const lines = `${outcome.stdout}
${outcome.stderr}`.split(/\r?\n/).map((l) => l.trim());
  return lines.findLast((l) => /\b(denied|unauthorized|forbidden)\b/i.test(l)) ?? lastLine(outcome.stderr);
}
function lastLine(text2) {
  const lines = text2.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.at(-1)?.trim() ?? "no output";
}
var import_node_fs5, import_promises13, import_node_os5, import_node_path9;
var init_push2 = __esm({
  "src/sources/engine/push.ts"() {
    import_node_fs5 = require("node:fs");
    import_promises13 = require("node:fs/promises");
    import_node_os5 = require("node:os");
    import_node_path9 = require("node:path");
    init_engine();
    init_reference2();
    init_errors7();
    init_output();
  }
});

// src/sources/engine/index.ts
var init_engine2 = __esm({
  "src/sources/engine/index.ts"() {
    init_errors7();
    init_push2();
    init_output();
  }
});

// src/publish/describe.ts
function artifactSize(artifact) {
  const seen = /* @__PURE__ */ new Set();
  let total = 0;
  const visit2 = (a) => {
    total += a.bytes.byteLength;
    if (a.kind === "index") {
      a.children.forEach(visit2);
      return;
    }
    for (const blob of [a.config, ...a.layers]) {
      if (seen.has(blob.descriptor.digest)) continue;
      seen.add(blob.descriptor.digest);
      total += blob.descriptor.size;
    }
  };
  visit2(artifact);
  return total;
}
function artifactPlatforms(artifact) {
  if (artifact.kind !== "index") return void 0;
  const parsed = parseManifest(artifact.bytes, artifact.mediaType);
  const manifests = parsed.manifest.manifests;
  const platforms = manifests.filter((d) => d.platform !== void 0 && d.platform.os !== "unknown").map((d) => formatPlatform(d.platform));
  return platforms.length > 0 ? platforms : void 0;
}
var init_describe = __esm({
  "src/publish/describe.ts"() {
    init_descriptor();
    init_manifest();
  }
});

// src/publish/fresh-credentials.ts
var FreshCredentials;
var init_fresh_credentials = __esm({
  "src/publish/fresh-credentials.ts"() {
    init_client();
    FreshCredentials = class {
      #source;
      #now;
      #pending;
      #current;
      /** @param now clock in milliseconds, for tests. Default `Date.now`. */
      constructor(source, now = Date.now) {
        this.#source = source;
        this.#now = now;
      }
      /** Mints new credentials whatever the old ones' age (the start of a push sequence). */
      renew() {
        const pending = this.#source().then((login2) => {
          if (login2 === void 0) return void 0;
          const expiresAt = jwtExpiresAt(login2.password);
          return { ...login2, ...expiresAt !== void 0 && { expiresAt } };
        });
        this.#pending = pending;
        this.#current = void 0;
        pending.then(
          (credentials) => {
            if (this.#pending === pending) this.#current = credentials;
          },
          () => {
            if (this.#pending === pending) this.#pending = void 0;
          }
        );
        return pending;
      }
      /** The current credentials, minted again first when less than a minute of their life is left. */
      get() {
        if (this.#pending === void 0) return this.renew();
        const expiresAt = this.#current?.expiresAt;
        if (expiresAt !== void 0 && expiresAt - this.#now() < CREDENTIALS_REFRESH_MARGIN_MS)
          return this.renew();
        return this.#pending;
      }
    };
  }
});

// src/publish/layer-upload.ts
function streamLayersTo(client, repository, onProgress) {
  const uploaded = /* @__PURE__ */ new Set();
  const upload = async (stream, layer, signal) => {
    const blob = await client.uploadStream(repository, stream, {
      signal,
      // Its own blob-done names the uncompressed digest: the one below names the stored blob.
      onProgress: (event) => event.type !== "blob-done" && onProgress(event),
      progressId: layer.digest,
      expectedSize: layer.size
    });
    uploaded.add(blob.digest);
    onProgress({
      type: "blob-done",
      repository: `${repository.registry}/${repository.repository}`,
      digest: blob.digest,
      bytes: blob.size,
      total: blob.size,
      replaces: layer.digest
    });
    return blob;
  };
  return { upload, uploaded, concurrency: client.options.concurrency };
}
var init_layer_upload = __esm({
  "src/publish/layer-upload.ts"() {
  }
});

// src/publish/publish.ts
async function publish(request) {
  const results = [];
  const specs = request.images.map(
    (image2) => parseSource(image2.source, request.organization ? { buildkiteOrganization: request.organization } : {})
  );
  const cache = request.blobInfoCache === false ? void 0 : request.blobInfoCache ?? await BlobInfoCache.open();
  try {
    await publishEach(request, specs, cache, results);
  } finally {
    await cache?.save();
  }
  return results;
}
async function publishEach(request, specs, cache, results) {
  for (const [i, image2] of request.images.entries()) {
    const spec = specs[i];
    let loaded;
    const destinations = image2.destinations ?? request.registries.map((target) => ({ target, name: image2.name, tags: image2.tags }));
    try {
      for (const { target, name, tags } of destinations) {
        const each = { source: image2.source, name, tags };
        emit(request, {
          type: "image-start",
          source: image2.source,
          target: target.prefix,
          repository: `${target.prefix}/${name}`
        });
        let published;
        try {
          const source = request.credentials;
          const credentials = source && new FreshCredentials(() => source(target));
          await credentials?.renew();
          if (spec.kind === "docker" || spec.kind === "podman") {
            published = await publishFromEngine(request, each, spec.kind, spec, target, credentials);
          } else {
            const client = clientFor(request, target, credentials, cache);
            try {
              const streamed = loaded === void 0 ? streamTo(request, each, target, client) : void 0;
              loaded ??= await load(request, spec, streamed, destinations.length > 1, cache);
              published = await publishArtifact(request, each, loaded.artifact, target, client, streamed);
            } finally {
              await client.close();
            }
          }
        } catch (error) {
          throw attachContext(error, image2.source, target);
        }
        results.push(published);
        emit(request, { type: "image-done", image: published });
      }
    } finally {
      await loaded?.dispose();
    }
  }
}
function attachContext(error, source, target) {
  if (typeof error === "object" && error !== null && !("publishSource" in error)) {
    Object.defineProperties(error, {
      publishSource: { value: source, enumerable: false },
      publishTarget: { value: target, enumerable: false }
    });
  }
  return error;
}
function emit(request, event) {
  try {
    request.onEvent?.(event);
  } catch {
  }
}
function clientFor(request, target, credentials, cache) {
  const fromConfig = dockerConfigCredentials(request.dockerConfig ? { configDir: request.dockerConfig } : {});
  const provider = async (registry) => {
    if (target === void 0 || credentials === void 0 || !keyMatches(target.host, registry)) {
      return fromConfig(registry);
    }
    return await credentials.get() ?? fromConfig(registry);
  };
  return new RegistryClient({
    ...request.client,
    credentials: provider,
    ...cache && { blobLocations: cache }
  });
}
function streamTo(request, image2, target, client) {
  const { registry, repository } = targetReference(target, image2.name);
  return streamLayersTo(
    client,
    { registry, repository },
    (event) => emit(request, { type: "progress", source: image2.source, target: target.prefix, event })
  );
}
async function load(request, spec, streamed, several, cache) {
  const options = request.signal ? { signal: request.signal } : {};
  if (isLocalSource(spec)) {
    const image2 = await openLocalSource(spec, options);
    try {
      const compressed = await compressImage(image2, {
        compression: request.compression ?? "gzip",
        ...options,
        ...cache && { cache },
        // Further registries read the layers back from temporary files rather than compress again.
        ...streamed && {
          upload: streamed.upload,
          keepUploaded: several,
          concurrency: streamed.concurrency
        }
      });
      return compressed;
    } catch (error) {
      await image2.dispose();
      throw error;
    }
  }
  if (spec.kind !== "registry") throw new TypeError(`not an artifact source: ${spec.kind}`);
  const client = clientFor(request, void 0, void 0);
  const artifact = await fetchArtifact(client, spec.reference, options);
  return { artifact, origin: formatReference(spec.reference), dispose: () => client.close() };
}
async function publishArtifact(request, image2, artifact, target, client, streamed) {
  const repository = targetReference(target, image2.name);
  const result = await client.push(
    artifact,
    [{ repository: formatReference(repository), tags: image2.tags }],
    {
      onProgress: (event) => {
        if (event.type === "blob-skipped" && streamed?.uploaded.has(event.digest)) return;
        emit(request, { type: "progress", source: image2.source, target: target.prefix, event });
      },
      ...request.signal && { signal: request.signal }
    }
  );
  const tagged = result.references.map((r) => r.slice(0, r.lastIndexOf("@")));
  return describe(image2, target, artifact, result.digest, result.mediaType, tagged);
}
async function publishFromEngine(request, image2, engine, spec, target, credentials) {
  const configDir = request.dockerConfig;
  let stored;
  const store = async () => {
    const current = await credentials?.get();
    if (current === void 0 || current === stored) return;
    await storeCredentials(target.host, current, configDir ? { configDir } : {});
    stored = current;
  };
  const targets = image2.tags.map((tag) => targetReference(target, image2.name, tag));
  const pushed = await pushFromEngine({
    engine,
    source: spec.reference,
    targets,
    ...configDir && { dockerConfig: configDir },
    ...request.engineRetries !== void 0 && { retries: request.engineRetries },
    ...request.engineEnv && { env: request.engineEnv },
    ...request.signal && { signal: request.signal },
    onLine: (line) => emit(request, { type: "engine-line", source: image2.source, target: target.prefix, line }),
    beforePush: store
  });
  const client = clientFor(request, target, credentials);
  try {
    const ref = { ...targets[0], digest: pushed.digest };
    const artifact = await fetchArtifact(client, ref, request.signal ? { signal: request.signal } : {});
    const references = pushed.pushed.map((p) => p.reference);
    return describe(image2, target, artifact, pushed.digest, artifact.mediaType, references);
  } finally {
    await client.close();
  }
}
function describe(image2, target, artifact, digest, mediaType, references) {
  const platforms = artifactPlatforms(artifact);
  return {
    source: image2.source,
    name: image2.name,
    digest,
    mediaType,
    size: artifactSize(artifact),
    ...platforms && { platforms },
    references,
    registry: {
      host: target.host,
      kind: target.kind,
      visibility: target.visibility ?? "unknown",
      ...target.organization !== void 0 && { organization: target.organization },
      ...target.registry !== void 0 && { registry: target.registry },
      ...target.username !== void 0 && { username: target.username }
    }
  };
}
var init_publish = __esm({
  "src/publish/publish.ts"() {
    init_client();
    init_sources();
    init_engine2();
    init_reference2();
    init_describe();
    init_fresh_credentials();
    init_layer_upload();
    init_targets();
  }
});

// src/publish/login.ts
async function login(target, credentials, options = {}) {
  if (options.verify ?? true) await verify(target, credentials, options);
  return storeCredentials(
    target.host,
    credentials,
    options.configDir ? { configDir: options.configDir } : {}
  );
}
async function logout(target, options = {}) {
  return removeCredentials(target.host, options.configDir ? { configDir: options.configDir } : {});
}
async function verify(target, credentials, options) {
  const client = new RegistryClient({
    ...options.client,
    credentials: staticCredentials({ [target.host]: credentials })
  });
  const call = options.signal ? { signal: options.signal } : {};
  try {
    await client.checkLogin(target.host, call);
    for (const name of options.pushTo ?? []) {
      await client.checkPush(formatReference(targetReference(target, name)), call);
    }
  } finally {
    await client.close();
  }
}
var init_login = __esm({
  "src/publish/login.ts"() {
    init_client();
    init_reference2();
    init_targets();
  }
});

// src/publish/inspect.ts
async function inspectImage(client, ref, options = {}) {
  const call = options.signal ? { signal: options.signal } : {};
  const artifact = await fetchArtifact(client, ref, call);
  const images = [];
  const platforms = artifactPlatforms(artifact);
  const leaves = artifact.kind === "image" ? [{ image: artifact }] : artifact.children.filter((c) => c.kind === "image").map((image2, i) => ({ image: image2, ...platforms?.[i] && { platform: platforms[i] } }));
  for (const { image: image2, platform } of leaves) {
    images.push(await details(image2, platform, options));
  }
  const checksum = (algorithm) => (0, import_node_crypto3.createHash)(algorithm).update(artifact.bytes).digest("hex");
  const totalFiles = options.files ? images.reduce((n, i) => n + (i.files ?? 0), 0) : void 0;
  return {
    reference: `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ""}`,
    digest: artifact.digest,
    mediaType: artifact.mediaType,
    size: artifactSize(artifact),
    ...platforms && { platforms },
    checksums: {
      md5: checksum("md5"),
      sha1: checksum("sha1"),
      sha256: checksum("sha256"),
      sha512: checksum("sha512")
    },
    images,
    ...totalFiles !== void 0 && { totalFiles }
  };
}
async function details(image2, platform, options) {
  const config = await readJson(image2);
  const labels = config?.config?.Labels ?? {};
  const created = typeof config?.created === "string" ? config.created : void 0;
  let files;
  if (options.files) {
    files = 0;
    for (const layer of image2.layers) files += await countFiles(layer, options.signal);
  }
  return {
    ...platform && { platform },
    digest: image2.digest,
    mediaType: image2.mediaType,
    ...created && { created },
    labels,
    layers: image2.layers.map((l) => ({
      digest: l.descriptor.digest,
      size: l.descriptor.size,
      mediaType: l.descriptor.mediaType
    })),
    ...files !== void 0 && { files }
  };
}
async function readJson(image2) {
  if (image2.config.descriptor.size > 8 * 1024 * 1024) return void 0;
  const chunks = [];
  for await (const chunk of await image2.config.open()) chunks.push(chunk);
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return typeof value === "object" && value !== null ? value : void 0;
  } catch {
    return void 0;
  }
}
async function countFiles(layer, signal) {
  const compression = layerCompression(layer.descriptor.mediaType);
  const { extract } = await loadTarStream();
  const unpack = extract();
  let count = 0;
  unpack.on("entry", (_header, stream, next) => {
    count++;
    stream.on("end", next);
    stream.resume();
  });
  const stages = [
    await layer.open(signal),
    ...compression === "gzip" ? [zlib().createGunzip()] : compression === "zstd" ? [zlib().createZstdDecompress()] : [],
    unpack
  ];
  try {
    await (0, import_promises14.pipeline)(stages);
  } catch (error) {
    if (isContainerPackageError(error) || signal?.aborted) throw error;
    throw new OciFormatError(
      "OCI_INVALID_LAYER",
      `cannot count the files of layer ${layer.descriptor.digest} (${layer.descriptor.mediaType}): it is not a complete ${compression === "gzip" ? "gzip-compressed " : compression === "zstd" ? "zstd-compressed " : ""}tar archive (${error instanceof Error ? error.message : String(error)})`,
      {
        hint: "the layer is damaged or its media type is wrong: inspect the image without --files, and rebuild or push it again",
        cause: error
      }
    );
  }
  return count;
}
var import_node_crypto3, import_promises14;
var init_inspect = __esm({
  "src/publish/inspect.ts"() {
    import_node_crypto3 = require("node:crypto");
    import_promises14 = require("node:stream/promises");
    init_client();
    init_errors();
    init_errors4();
    init_media_types();
    init_describe();
    init_tar_stream();
    init_zlib();
  }
});

// src/publish/local-registry-env.ts
function localRegistryEnv(address, mirrors, cacheName) {
  const name = (cacheName ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "pipeline";
  const env = { [BUILDKIT_CACHE_ENV]: `${address}/cache/${name}:buildcache` };
  const prefixes = mirrors.map((mirror) => `${address}/${mirror.replace(/\/+$/, "")}`);
  if (prefixes.length > 0) {
    env[MIRROR_PREFIX_ENV] = prefixes[0];
    env[MIRROR_PREFIXES_ENV] = prefixes.join(" ");
  }
  return env;
}
var MIRROR_PREFIX_ENV, MIRROR_PREFIXES_ENV, BUILDKIT_CACHE_ENV;
var init_local_registry_env = __esm({
  "src/publish/local-registry-env.ts"() {
    MIRROR_PREFIX_ENV = "CONTAINER_PACKAGE_MIRROR_PREFIX";
    MIRROR_PREFIXES_ENV = "CONTAINER_PACKAGE_MIRROR_PREFIXES";
    BUILDKIT_CACHE_ENV = "CONTAINER_PACKAGE_BUILDKIT_CACHE";
  }
});

// src/publish/pull.ts
async function pullImage(client, ref, options) {
  const format = options.format ?? "oci-archive";
  if (options.platform !== void 0 && format !== "docker-archive") {
    throw new ContainerPackageError(
      "CLI_USAGE",
      `--platform picks one image for --format docker-archive; ${format} keeps every platform of an index`,
      { hint: "drop --platform, or add --format docker-archive" }
    );
  }
  await checkOutput(options.output, format);
  const call = options.signal ? { signal: options.signal } : {};
  const artifact = await fetchArtifact(client, ref, call);
  if (options.platform !== void 0 && artifact.kind === "image")
    await checkPlatform(artifact, options.platform);
  const name = `${ref.registry}/${ref.repository}`;
  const { input, open: open4 } = archiveOfArtifact(
    artifact,
    format === "oci" ? "oci-archive" : format,
    {
      ...ref.tag === void 0 || ref.digest !== void 0 ? {} : { refName: ref.tag },
      ...ref.tag === void 0 ? {} : { repoTags: [`${name}:${ref.tag}`] }
    },
    options.platform
  );
  const plan = planArchive(input);
  const reference2 = `${name}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
  if (format === "oci") {
    const size = await writeLayout(options.output, plan, open4);
    return { reference: reference2, digest: input.root.digest, format, output: options.output, size };
  }
  await (0, import_promises15.mkdir)((0, import_node_path10.dirname)(options.output), { recursive: true });
  const temp = `${options.output}.${(0, import_node_crypto4.randomUUID)()}.tmp`;
  try {
    await (0, import_promises16.pipeline)(archiveStream(plan, open4), (0, import_node_fs6.createWriteStream)(temp, { mode: 420 }), call);
    await (0, import_promises15.rename)(temp, options.output);
  } catch (error) {
    await (0, import_promises15.rm)(temp, { force: true });
    throw error;
  }
  return { reference: reference2, digest: input.root.digest, format, output: options.output, size: plan.length };
}
async function checkPlatform(image2, platform) {
  if (image2.config.descriptor.size > 8 * 1024 * 1024) return;
  const chunks = [];
  for await (const chunk of await image2.config.open()) chunks.push(chunk);
  let config;
  try {
    config = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return;
  }
  const parts = [config?.os, config?.architecture, config?.variant];
  if (typeof parts[0] !== "string" || typeof parts[1] !== "string") return;
  const name = parts.filter((p) => typeof p === "string" && p !== "").join("/");
  if (name === platform || name.startsWith(`${platform}/`)) return;
  throw new OciFormatError(
    "OCI_PLATFORM_NOT_FOUND",
    `no image for platform ${platform}: this is a single-platform image for ${name}`,
    { hint: `drop --platform, or pull a tag that has ${platform}` }
  );
}
async function checkOutput(output, format) {
  const found = await (0, import_promises15.stat)(output).catch(() => void 0);
  if (found === void 0) return;
  if (format === "oci" && !found.isDirectory()) {
    throw new ContainerPackageError("CLI_OUTPUT_EXISTS", `${output} exists and is not a directory`, {
      hint: "give --output a new or empty directory for --format oci"
    });
  }
  if (format !== "oci" && found.isDirectory()) {
    throw new ContainerPackageError(
      "CLI_OUTPUT_EXISTS",
      `${output} is a directory; ${format} writes a file`,
      {
        hint: `give --output a file path such as ${(0, import_node_path10.join)(output, "image.tar")}, or use --format oci for a layout directory`
      }
    );
  }
}
async function writeLayout(dir, plan, open4) {
  const existing = await (0, import_promises15.readdir)(dir).catch(() => void 0);
  if (existing !== void 0 && existing.length > 0) {
    throw new ContainerPackageError("CLI_OUTPUT_EXISTS", `${dir} is not empty`, {
      hint: "give --output a new or empty directory for --format oci"
    });
  }
  const temp = `${dir}.${(0, import_node_crypto4.randomUUID)()}.tmp`;
  try {
    const size = await writeEntries(temp, plan, open4);
    if (existing !== void 0) await (0, import_promises15.rmdir)(dir);
    await (0, import_promises15.rename)(temp, dir);
    return size;
  } catch (error) {
    await (0, import_promises15.rm)(temp, { recursive: true, force: true });
    throw error;
  }
}
async function writeEntries(dir, plan, open4) {
  let size = 0;
  await (0, import_promises15.mkdir)(dir, { recursive: true });
  for (const entry of plan.entries) {
    const path2 = (0, import_node_path10.join)(dir, entry.name);
    if (entry.kind === "directory") {
      await (0, import_promises15.mkdir)(path2, { recursive: true });
    } else if (entry.kind === "bytes") {
      await (0, import_promises15.mkdir)((0, import_node_path10.dirname)(path2), { recursive: true });
      await (0, import_promises15.writeFile)(path2, entry.data);
      size += entry.data.length;
    } else {
      await (0, import_promises15.mkdir)((0, import_node_path10.dirname)(path2), { recursive: true });
      await (0, import_promises16.pipeline)(await open4(entry.blob), (0, import_node_fs6.createWriteStream)(path2, { mode: 420 }));
      size += entry.blob.size;
    }
  }
  return size;
}
var import_node_crypto4, import_node_fs6, import_promises15, import_node_path10, import_promises16;
var init_pull = __esm({
  "src/publish/pull.ts"() {
    import_node_crypto4 = require("node:crypto");
    import_node_fs6 = require("node:fs");
    import_promises15 = require("node:fs/promises");
    import_node_path10 = require("node:path");
    import_promises16 = require("node:stream/promises");
    init_client();
    init_errors();
    init_errors4();
    init_oci();
  }
});

// src/publish/index.ts
var publish_exports = {};
__export(publish_exports, {
  BUILDKIT_CACHE_ENV: () => BUILDKIT_CACHE_ENV,
  MIRROR_PREFIXES_ENV: () => MIRROR_PREFIXES_ENV,
  MIRROR_PREFIX_ENV: () => MIRROR_PREFIX_ENV,
  PACKAGES_HOST_ENV: () => PACKAGES_HOST_ENV,
  artifactPlatforms: () => artifactPlatforms,
  artifactSize: () => artifactSize,
  inspectImage: () => inspectImage,
  localRegistryEnv: () => localRegistryEnv,
  login: () => login,
  logout: () => logout,
  publish: () => publish,
  pullImage: () => pullImage,
  resolveTarget: () => resolveTarget,
  targetReference: () => targetReference
});
var init_publish2 = __esm({
  "src/publish/index.ts"() {
    init_publish();
    init_targets();
    init_describe();
    init_login();
    init_inspect();
    init_local_registry_env();
    init_pull();
  }
});

// src/exec/run-program.ts
async function runProgram(binary2, args, options) {
  const { execa } = await loadExeca();
  const result = await execa(binary2, args, {
    input: options.input ?? "",
    reject: false,
    timeout: options.timeoutMs,
    stripFinalNewline: false,
    encoding: "utf8",
    ...options.env === void 0 ? {} : { env: options.env, extendEnv: false }
  });
  return {
    notFound: "code" in result && result.code === "ENOENT",
    timedOut: result.timedOut,
    exitCode: result.exitCode,
    signal: result.signal,
    stdout: String(result.stdout ?? ""),
    stderr: String(result.stderr ?? "")
  };
}
var init_run_program = __esm({
  "src/exec/run-program.ts"() {
    init_execa();
  }
});

// src/ci/buildkite/errors.ts
var ConfigError, AgentError;
var init_errors8 = __esm({
  "src/ci/buildkite/errors.ts"() {
    init_errors();
    ConfigError = class extends ContainerPackageError {
      /** Every problem found, in document order; empty for `CI_CONFIG_UNREADABLE`. */
      issues;
      constructor(code, message, details2 = {}) {
        super(code, message, details2);
        this.name = "ConfigError";
        this.issues = details2.issues ?? [];
      }
    };
    AgentError = class extends ContainerPackageError {
      /** The subcommand, without arguments: `oidc request-token`, `meta-data set`. */
      command;
      exitCode;
      constructor(code, command, message, details2 = {}) {
        super(code, message, details2);
        this.name = "AgentError";
        this.command = command;
        this.exitCode = details2.exitCode;
      }
    };
  }
});

// src/ci/buildkite/agent-run.ts
async function runAgent(command, args, options) {
  const binary2 = options.binary ?? "buildkite-agent";
  const timeout2 = options.timeoutMs ?? AGENT_TIMEOUT_MS;
  const result = await runProgram(binary2, args, {
    input: options.input ?? "",
    timeoutMs: timeout2,
    ...options.env === void 0 ? {} : { env: options.env }
  });
  if (result.notFound) {
    throw new AgentError(
      "CI_AGENT_NOT_FOUND",
      command,
      `${binary2} was not found, so \`${command}\` could not run`,
      {
        hint: "Run inside a Buildkite job: the agent puts buildkite-agent on PATH (its directory is in BUILDKITE_BIN_PATH)."
      }
    );
  }
  if (result.timedOut) {
    throw new AgentError(
      "CI_AGENT_TIMEOUT",
      command,
      `buildkite-agent ${command} did not finish within ${timeout2} ms`,
      {
        hint: "Check that the agent can reach the Buildkite API."
      }
    );
  }
  const exitCode = result.exitCode;
  const stderr = scrub(result.stderr, options.secrets ?? []);
  if (exitCode === void 0 || !(options.okCodes ?? [0]).includes(exitCode)) {
    const how = exitCode === void 0 ? `was stopped (${result.signal ?? "no exit status"})` : `failed with exit status ${exitCode}`;
    const tail = lastLines(stderr);
    throw new AgentError(
      "CI_AGENT_FAILED",
      command,
      `buildkite-agent ${command} ${how}${tail === "" ? "" : `: ${tail}`}`,
      {
        ...exitCode === void 0 ? {} : { exitCode },
        ...options.hint === void 0 ? {} : { hint: options.hint }
      }
    );
  }
  return { exitCode, stdout: result.stdout, stderr };
}
function scrub(text2, secrets) {
  let out = text2;
  for (const secret of secrets) {
    const value = secret.trim();
    if (value.length >= 4) out = out.split(value).join("[REDACTED]");
  }
  return out;
}
function lastLines(text2) {
  const lines = text2.split("\n").map((line) => line.trimEnd()).filter((line) => line !== "");
  const tail = lines.slice(-5).join("\n");
  return tail.length > 1e3 ? `\u2026${tail.slice(-1e3)}` : tail;
}
var AGENT_TIMEOUT_MS;
var init_agent_run = __esm({
  "src/ci/buildkite/agent-run.ts"() {
    init_run_program();
    init_errors8();
    AGENT_TIMEOUT_MS = 3e5;
  }
});

// src/ci/buildkite/schema.ts
var ENV_NAME_PATTERN, AUTH_METHODS, PUSH_WHEN, ANNOTATION_STYLES, MAX_ANNOTATION_CONTEXT, COMPRESSION_NAMES, envName, nonEmpty2, registryString, authProperties, registryObject, image, annotate, metaData, localRegistry, PLUGIN_SCHEMA;
var init_schema = __esm({
  "src/ci/buildkite/schema.ts"() {
    ENV_NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$";
    AUTH_METHODS = ["oidc", "token-env", "secret", "docker-config", "none"];
    PUSH_WHEN = ["success", "always", "never"];
    ANNOTATION_STYLES = ["success", "info", "warning", "error"];
    MAX_ANNOTATION_CONTEXT = 100;
    COMPRESSION_NAMES = ["gzip", "zstd", "none"];
    envName = (description) => ({
      type: "string",
      pattern: ENV_NAME_PATTERN,
      description
    });
    nonEmpty2 = (description) => ({ type: "string", minLength: 1, description });
    registryString = nonEmpty2(
      'A registry: "{org}/{registry}" (Buildkite Packages), "{registry}" (organization from BUILDKITE_ORGANIZATION_SLUG), or "host[:port][/path]" for any other OCI registry.'
    );
    authProperties = {
      auth: {
        type: "string",
        enum: AUTH_METHODS,
        description: "How to log in: oidc (default for Buildkite Packages: a fresh agent OIDC token before each push), token-env, secret, docker-config (default elsewhere: what the agent's docker config already holds) or none."
      },
      "token-env": envName("Name of an environment variable that holds the token (never the token itself)."),
      secret: envName("Name of a Buildkite secret that holds the token, read with `buildkite-agent secret get`."),
      username: nonEmpty2('User name for token logins. Default "buildkite" for Buildkite Packages.'),
      audience: nonEmpty2(
        "OIDC audience. Buildkite Packages needs none (it is https://packages.buildkite.com/{org}/{registry}); other registries that trust agent OIDC tokens need one."
      )
    };
    registryObject = {
      type: "object",
      additionalProperties: false,
      required: ["url"],
      properties: { url: registryString, ...authProperties },
      description: "A registry with its own login settings."
    };
    image = {
      type: "object",
      additionalProperties: false,
      required: ["source"],
      description: "An image the step built and where it goes.",
      properties: {
        source: nonEmpty2(
          "Where the image is: docker:REF, podman:REF, oci:DIR[:NAME], oci-archive:FILE[:NAME], docker-archive:FILE[:REF]."
        ),
        name: nonEmpty2(
          "Image name under each registry. Default: taken from the source (docker:app:ci gives app)."
        ),
        tags: {
          type: "array",
          minItems: 1,
          items: nonEmpty2('A tag or tag template such as "{{build.number}}", "{{branch}}" or "latest".'),
          description: "Tags for this image; replaces the top-level tags."
        }
      }
    };
    annotate = {
      anyOf: [
        { type: "boolean", description: "Annotate the build with pull instructions (default true)." },
        {
          type: "object",
          additionalProperties: false,
          description: "Annotation settings.",
          properties: {
            context: nonEmpty2("Annotation context (at most 100 characters). Default: one per step."),
            style: {
              type: "string",
              enum: ANNOTATION_STYLES,
              description: 'Style of the annotation after a successful push. Failures are always "error".'
            },
            priority: { type: "integer", minimum: 1, maximum: 10, description: "Annotation priority, 1 to 10." }
          }
        }
      ]
    };
    metaData = {
      anyOf: [
        {
          type: "boolean",
          description: "Set build meta-data with each image's digest and references (default true)."
        },
        {
          type: "object",
          additionalProperties: false,
          description: "Meta-data settings.",
          properties: { prefix: nonEmpty2('Prefix of the meta-data keys. Default "container-package".') }
        }
      ]
    };
    localRegistry = {
      anyOf: [
        { type: "boolean", description: "Start the bundled registry for this job (default false)." },
        {
          type: "object",
          additionalProperties: false,
          description: "Bundled registry settings.",
          properties: {
            port: {
              type: "integer",
              minimum: 0,
              maximum: 65535,
              description: "Port on 127.0.0.1; 0 picks a free one."
            },
            mirror: {
              type: "array",
              minItems: 1,
              items: nonEmpty2("An upstream registry host to cache pulls from, e.g. docker.io."),
              description: "Serve as a pull-through cache of these registries."
            },
            storage: nonEmpty2(
              "Directory for its data, kept between jobs. Default: a temp dir removed after the job."
            ),
            "export-as": envName(
              "Environment variable that receives the registry address (host:port). Default CONTAINER_PACKAGE_LOCAL_REGISTRY."
            )
          }
        }
      ]
    };
    PLUGIN_SCHEMA = {
      type: "object",
      additionalProperties: false,
      properties: {
        registry: {
          anyOf: [
            registryString,
            {
              type: "array",
              minItems: 1,
              items: { anyOf: [registryString, registryObject] },
              description: "Several registries; every image is pushed to each."
            }
          ]
        },
        "packages-host": nonEmpty2(
          'The host "{org}/{registry}" names a Buildkite Packages registry on, and its OIDC audience follows (https://{packages-host}/{org}/{registry}): a staging host, a mirror, or a test registry. Default: $CONTAINER_PACKAGE_PACKAGES_HOST, else packages.buildkite.com.'
        ),
        ...authProperties,
        images: {
          type: "array",
          minItems: 1,
          description: "What the step built.",
          items: { anyOf: [nonEmpty2("A source; name and tags take their defaults."), image] }
        },
        tags: {
          type: "array",
          minItems: 1,
          items: nonEmpty2('A tag or tag template such as "{{build.number}}", "{{branch}}" or "latest".'),
          description: 'Tags for every image. Default ["{{build.number}}"].'
        },
        push: {
          type: "string",
          enum: PUSH_WHEN,
          description: "When to push: success (default: only when the command succeeded), always, never."
        },
        annotate,
        "meta-data": metaData,
        retries: {
          type: "integer",
          minimum: 0,
          maximum: 10,
          description: "Retries of a failed request (5xx, 429, network). Default 3."
        },
        compression: {
          type: "string",
          enum: COMPRESSION_NAMES,
          description: "Compression of layers that are not compressed yet (docker save output). Default gzip."
        },
        "local-registry": localRegistry
      }
    };
  }
});

// src/ci/buildkite/agent.ts
function createAgent(options = {}) {
  const run = (command, args, extra = {}) => runAgent(command, args, { ...options, ...extra });
  return {
    async requestOidcToken({ audience, lifetimeSeconds = 300, claims = [] }) {
      if (audience === "") throw invalid2("oidc request-token", "the OIDC audience is empty");
      if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds <= 0) {
        throw invalid2(
          "oidc request-token",
          `the token lifetime must be a positive whole number of seconds, got ${lifetimeSeconds}`
        );
      }
      const args = ["oidc", "request-token", "--audience", audience, "--lifetime", String(lifetimeSeconds)];
      for (const claim of claims) args.push("--claim", claim);
      const { stdout } = await run("oidc request-token", args, {
        hint: `Check that this agent may request OIDC tokens and that the audience ${audience} is right.`
      });
      const token = stdout.trim();
      if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) {
        throw new AgentError(
          "CI_AGENT_BAD_OUTPUT",
          "oidc request-token",
          "buildkite-agent oidc request-token printed no JWT",
          {
            hint: "Upgrade buildkite-agent; `oidc request-token` prints the token alone on stdout."
          }
        );
      }
      return token;
    },
    async annotate(body, { style, context, append = false, priority }) {
      if (body.trim() === "") throw invalid2("annotate", "the annotation body is empty");
      if (context === "" || [...context].length > MAX_ANNOTATION_CONTEXT) {
        throw invalid2(
          "annotate",
          `the annotation context must be 1 to ${MAX_ANNOTATION_CONTEXT} characters, got ${[...context].length}`
        );
      }
      if (priority !== void 0 && (!Number.isInteger(priority) || priority < 1 || priority > 10)) {
        throw invalid2(
          "annotate",
          `the annotation priority must be a whole number from 1 to 10, got ${priority}`
        );
      }
      const { text: text2, truncated } = fitAnnotation(body);
      const args = ["annotate", "--style", style, "--context", context];
      if (append) args.push("--append");
      if (priority !== void 0) args.push("--priority", String(priority));
      await run("annotate", args, { input: text2 });
      return { truncated };
    },
    async setMetaData(key2, value) {
      if (key2.trim() === "") throw invalid2("meta-data set", "the meta-data key is empty");
      if (value.trim() === "")
        throw invalid2("meta-data set", `the meta-data value for ${JSON.stringify(key2)} is empty`);
      await run("meta-data set", ["meta-data", "set", key2], { input: value, secrets: [value] });
    },
    async getMetaData(key2, { default: fallback } = {}) {
      const args = ["meta-data", "get", key2];
      if (fallback !== void 0) args.push("--default", fallback);
      return (await run("meta-data get", args)).stdout;
    },
    async metaDataExists(key2) {
      const { exitCode } = await run("meta-data exists", ["meta-data", "exists", key2], {
        okCodes: [0, META_DATA_MISSING_STATUS]
      });
      return exitCode === 0;
    },
    async secretGet(name) {
      const { stdout } = await run("secret get", ["secret", "get", name], {
        hint: `Check that the secret ${name} exists in this agent's cluster and that this pipeline may read it.`
      });
      const value = stdout.endsWith("\n") ? stdout.slice(0, -1) : stdout;
      if (value === "") {
        throw new AgentError("CI_AGENT_BAD_OUTPUT", "secret get", `the Buildkite secret ${name} is empty`, {
          hint: `Store the token in the secret ${name}.`
        });
      }
      return value;
    },
    async redact(value) {
      if (value.trim() === "") return;
      await run("redactor add", ["redactor", "add"], {
        input: value,
        secrets: [value],
        hint: "buildkite-agent 3.67 or newer is needed for `redactor add`."
      });
    }
  };
}
function fitAnnotation(body, maxBytes = MAX_ANNOTATION_BYTES) {
  const bytes = Buffer.from(body, "utf8");
  if (bytes.length <= maxBytes) return { text: body, truncated: false };
  const note = "\n\n_The rest was cut: the annotation was longer than Buildkite allows (1 MiB)._\n";
  let end = maxBytes - Buffer.byteLength(note);
  while (end > 0 && (bytes[end] & 192) === 128) end--;
  return { text: bytes.subarray(0, end).toString("utf8") + note, truncated: true };
}
function invalid2(command, message) {
  return new AgentError("CI_AGENT_INVALID_ARGUMENT", command, message);
}
var MAX_ANNOTATION_BYTES, META_DATA_MISSING_STATUS;
var init_agent = __esm({
  "src/ci/buildkite/agent.ts"() {
    init_agent_run();
    init_errors8();
    init_schema();
    init_agent_run();
    MAX_ANNOTATION_BYTES = 1024 * 1024;
    META_DATA_MISSING_STATUS = 100;
  }
});

// node_modules/js-yaml/dist/js-yaml.mjs
function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
}
function requireCommon() {
  if (hasRequiredCommon) return common;
  hasRequiredCommon = 1;
  function isNothing(subject) {
    return typeof subject === "undefined" || subject === null;
  }
  function isObject(subject) {
    return typeof subject === "object" && subject !== null;
  }
  function toArray(sequence) {
    if (Array.isArray(sequence)) return sequence;
    else if (isNothing(sequence)) return [];
    return [sequence];
  }
  function extend(target, source) {
    if (source) {
      const sourceKeys = Object.keys(source);
      for (let index = 0, length = sourceKeys.length; index < length; index += 1) {
        const key2 = sourceKeys[index];
        target[key2] = source[key2];
      }
    }
    return target;
  }
  function repeat(string, count) {
    let result = "";
    for (let cycle = 0; cycle < count; cycle += 1) {
      result += string;
    }
    return result;
  }
  function isNegativeZero(number) {
    return number === 0 && Number.NEGATIVE_INFINITY === 1 / number;
  }
  common.isNothing = isNothing;
  common.isObject = isObject;
  common.toArray = toArray;
  common.repeat = repeat;
  common.isNegativeZero = isNegativeZero;
  common.extend = extend;
  return common;
}
function requireException() {
  if (hasRequiredException) return exception;
  hasRequiredException = 1;
  function formatError(exception2, compact) {
    let where2 = "";
    const message = exception2.reason || "(unknown reason)";
    if (!exception2.mark) return message;
    if (exception2.mark.name) {
      where2 += 'in "' + exception2.mark.name + '" ';
    }
    where2 += "(" + (exception2.mark.line + 1) + ":" + (exception2.mark.column + 1) + ")";
    if (!compact && exception2.mark.snippet) {
      where2 += "\n\n" + exception2.mark.snippet;
    }
    return message + " " + where2;
  }
  function YAMLException2(reason, mark) {
    Error.call(this);
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    } else {
      this.stack = new Error().stack || "";
    }
  }
  YAMLException2.prototype = Object.create(Error.prototype);
  YAMLException2.prototype.constructor = YAMLException2;
  YAMLException2.prototype.toString = function toString(compact) {
    return this.name + ": " + formatError(this, compact);
  };
  exception = YAMLException2;
  return exception;
}
function requireSnippet() {
  if (hasRequiredSnippet) return snippet;
  hasRequiredSnippet = 1;
  const common2 = requireCommon();
  function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
    let head = "";
    let tail = "";
    const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
    if (position - lineStart > maxHalfLength) {
      head = " ... ";
      lineStart = position - maxHalfLength + head.length;
    }
    if (lineEnd - position > maxHalfLength) {
      tail = " ...";
      lineEnd = position + maxHalfLength - tail.length;
    }
    return {
      str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "\u2192") + tail,
      pos: position - lineStart + head.length
      // relative position
    };
  }
  function padStart(string, max) {
    return common2.repeat(" ", max - string.length) + string;
  }
  function makeSnippet(mark, options) {
    options = Object.create(options || null);
    if (!mark.buffer) return null;
    if (!options.maxLength) options.maxLength = 79;
    if (typeof options.indent !== "number") options.indent = 1;
    if (typeof options.linesBefore !== "number") options.linesBefore = 3;
    if (typeof options.linesAfter !== "number") options.linesAfter = 2;
    const re = /\r?\n|\r|\0/g;
    const lineStarts = [0];
    const lineEnds = [];
    let match;
    let foundLineNo = -1;
    while (match = re.exec(mark.buffer)) {
      lineEnds.push(match.index);
      lineStarts.push(match.index + match[0].length);
      if (mark.position <= match.index && foundLineNo < 0) {
        foundLineNo = lineStarts.length - 2;
      }
    }
    if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
    let result = "";
    const lineNoLength = Math.min(mark.line + options.linesAfter, lineEnds.length).toString().length;
    const maxLineLength = options.maxLength - (options.indent + lineNoLength + 3);
    for (let i = 1; i <= options.linesBefore; i++) {
      if (foundLineNo - i < 0) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo - i],
        lineEnds[foundLineNo - i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]),
        maxLineLength
      );
      result = common2.repeat(" ", options.indent) + padStart((mark.line - i + 1).toString(), lineNoLength) + " | " + line2.str + "\n" + result;
    }
    const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
    result += common2.repeat(" ", options.indent) + padStart((mark.line + 1).toString(), lineNoLength) + " | " + line.str + "\n";
    result += common2.repeat("-", options.indent + lineNoLength + 3 + line.pos) + "^\n";
    for (let i = 1; i <= options.linesAfter; i++) {
      if (foundLineNo + i >= lineEnds.length) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo + i],
        lineEnds[foundLineNo + i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]),
        maxLineLength
      );
      result += common2.repeat(" ", options.indent) + padStart((mark.line + i + 1).toString(), lineNoLength) + " | " + line2.str + "\n";
    }
    return result.replace(/\n$/, "");
  }
  snippet = makeSnippet;
  return snippet;
}
function requireType() {
  if (hasRequiredType) return type;
  hasRequiredType = 1;
  const YAMLException2 = requireException();
  const TYPE_CONSTRUCTOR_OPTIONS = [
    "kind",
    "multi",
    "resolve",
    "construct",
    "instanceOf",
    "predicate",
    "represent",
    "representName",
    "defaultStyle",
    "styleAliases"
  ];
  const YAML_NODE_KINDS = [
    "scalar",
    "sequence",
    "mapping"
  ];
  function compileStyleAliases(map2) {
    const result = {};
    if (map2 !== null) {
      Object.keys(map2).forEach(function(style) {
        map2[style].forEach(function(alias) {
          result[String(alias)] = style;
        });
      });
    }
    return result;
  }
  function Type2(tag, options) {
    options = options || {};
    Object.keys(options).forEach(function(name) {
      if (TYPE_CONSTRUCTOR_OPTIONS.indexOf(name) === -1) {
        throw new YAMLException2('Unknown option "' + name + '" is met in definition of "' + tag + '" YAML type.');
      }
    });
    this.options = options;
    this.tag = tag;
    this.kind = options["kind"] || null;
    this.resolve = options["resolve"] || function() {
      return true;
    };
    this.construct = options["construct"] || function(data) {
      return data;
    };
    this.instanceOf = options["instanceOf"] || null;
    this.predicate = options["predicate"] || null;
    this.represent = options["represent"] || null;
    this.representName = options["representName"] || null;
    this.defaultStyle = options["defaultStyle"] || null;
    this.multi = options["multi"] || false;
    this.styleAliases = compileStyleAliases(options["styleAliases"] || null);
    if (YAML_NODE_KINDS.indexOf(this.kind) === -1) {
      throw new YAMLException2('Unknown kind "' + this.kind + '" is specified for "' + tag + '" YAML type.');
    }
  }
  type = Type2;
  return type;
}
function requireSchema() {
  if (hasRequiredSchema) return schema;
  hasRequiredSchema = 1;
  const YAMLException2 = requireException();
  const Type2 = requireType();
  function compileList(schema2, name) {
    const result = [];
    schema2[name].forEach(function(currentType) {
      let newIndex = result.length;
      result.forEach(function(previousType, previousIndex) {
        if (previousType.tag === currentType.tag && previousType.kind === currentType.kind && previousType.multi === currentType.multi) {
          newIndex = previousIndex;
        }
      });
      result[newIndex] = currentType;
    });
    return result;
  }
  function compileMap() {
    const result = {
      scalar: {},
      sequence: {},
      mapping: {},
      fallback: {},
      multi: {
        scalar: [],
        sequence: [],
        mapping: [],
        fallback: []
      }
    };
    function collectType(type2) {
      if (type2.multi) {
        result.multi[type2.kind].push(type2);
        result.multi["fallback"].push(type2);
      } else {
        result[type2.kind][type2.tag] = result["fallback"][type2.tag] = type2;
      }
    }
    for (let index = 0, length = arguments.length; index < length; index += 1) {
      arguments[index].forEach(collectType);
    }
    return result;
  }
  function Schema2(definition) {
    return this.extend(definition);
  }
  Schema2.prototype.extend = function extend(definition) {
    let implicit = [];
    let explicit = [];
    if (definition instanceof Type2) {
      explicit.push(definition);
    } else if (Array.isArray(definition)) {
      explicit = explicit.concat(definition);
    } else if (definition && (Array.isArray(definition.implicit) || Array.isArray(definition.explicit))) {
      if (definition.implicit) implicit = implicit.concat(definition.implicit);
      if (definition.explicit) explicit = explicit.concat(definition.explicit);
    } else {
      throw new YAMLException2("Schema.extend argument should be a Type, [ Type ], or a schema definition ({ implicit: [...], explicit: [...] })");
    }
    implicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
      if (type2.loadKind && type2.loadKind !== "scalar") {
        throw new YAMLException2("There is a non-scalar type in the implicit list of a schema. Implicit resolving of such types is not supported.");
      }
      if (type2.multi) {
        throw new YAMLException2("There is a multi type in the implicit list of a schema. Multi tags can only be listed as explicit.");
      }
    });
    explicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
    });
    const result = Object.create(Schema2.prototype);
    result.implicit = (this.implicit || []).concat(implicit);
    result.explicit = (this.explicit || []).concat(explicit);
    result.compiledImplicit = compileList(result, "implicit");
    result.compiledExplicit = compileList(result, "explicit");
    result.compiledTypeMap = compileMap(result.compiledImplicit, result.compiledExplicit);
    return result;
  };
  schema = Schema2;
  return schema;
}
function requireStr() {
  if (hasRequiredStr) return str;
  hasRequiredStr = 1;
  const Type2 = requireType();
  str = new Type2("tag:yaml.org,2002:str", {
    kind: "scalar",
    construct: function(data) {
      return data !== null ? data : "";
    }
  });
  return str;
}
function requireSeq() {
  if (hasRequiredSeq) return seq;
  hasRequiredSeq = 1;
  const Type2 = requireType();
  seq = new Type2("tag:yaml.org,2002:seq", {
    kind: "sequence",
    construct: function(data) {
      return data !== null ? data : [];
    }
  });
  return seq;
}
function requireMap() {
  if (hasRequiredMap) return map;
  hasRequiredMap = 1;
  const Type2 = requireType();
  map = new Type2("tag:yaml.org,2002:map", {
    kind: "mapping",
    construct: function(data) {
      return data !== null ? data : {};
    }
  });
  return map;
}
function requireFailsafe() {
  if (hasRequiredFailsafe) return failsafe;
  hasRequiredFailsafe = 1;
  const Schema2 = requireSchema();
  failsafe = new Schema2({
    explicit: [
      requireStr(),
      requireSeq(),
      requireMap()
    ]
  });
  return failsafe;
}
function require_null() {
  if (hasRequired_null) return _null;
  hasRequired_null = 1;
  const Type2 = requireType();
  function resolveYamlNull(data) {
    if (data === null) return true;
    const max = data.length;
    return max === 1 && data === "~" || max === 4 && (data === "null" || data === "Null" || data === "NULL");
  }
  function constructYamlNull() {
    return null;
  }
  function isNull(object) {
    return object === null;
  }
  _null = new Type2("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: resolveYamlNull,
    construct: constructYamlNull,
    predicate: isNull,
    represent: {
      canonical: function() {
        return "~";
      },
      lowercase: function() {
        return "null";
      },
      uppercase: function() {
        return "NULL";
      },
      camelcase: function() {
        return "Null";
      },
      empty: function() {
        return "";
      }
    },
    defaultStyle: "lowercase"
  });
  return _null;
}
function requireBool() {
  if (hasRequiredBool) return bool;
  hasRequiredBool = 1;
  const Type2 = requireType();
  function resolveYamlBoolean(data) {
    if (data === null) return false;
    const max = data.length;
    return max === 4 && (data === "true" || data === "True" || data === "TRUE") || max === 5 && (data === "false" || data === "False" || data === "FALSE");
  }
  function constructYamlBoolean(data) {
    return data === "true" || data === "True" || data === "TRUE";
  }
  function isBoolean(object) {
    return Object.prototype.toString.call(object) === "[object Boolean]";
  }
  bool = new Type2("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: resolveYamlBoolean,
    construct: constructYamlBoolean,
    predicate: isBoolean,
    represent: {
      lowercase: function(object) {
        return object ? "true" : "false";
      },
      uppercase: function(object) {
        return object ? "TRUE" : "FALSE";
      },
      camelcase: function(object) {
        return object ? "True" : "False";
      }
    },
    defaultStyle: "lowercase"
  });
  return bool;
}
function requireInt() {
  if (hasRequiredInt) return int2;
  hasRequiredInt = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  function isHexCode(c) {
    return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
  }
  function isOctCode(c) {
    return c >= 48 && c <= 55;
  }
  function isDecCode(c) {
    return c >= 48 && c <= 57;
  }
  function resolveYamlInteger(data) {
    if (data === null) return false;
    const max = data.length;
    let index = 0;
    let hasDigits = false;
    if (!max) return false;
    let ch = data[index];
    if (ch === "-" || ch === "+") {
      ch = data[++index];
    }
    if (ch === "0") {
      if (index + 1 === max) return true;
      ch = data[++index];
      if (ch === "b") {
        index++;
        for (; index < max; index++) {
          ch = data[index];
          if (ch !== "0" && ch !== "1") return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "x") {
        index++;
        for (; index < max; index++) {
          if (!isHexCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "o") {
        index++;
        for (; index < max; index++) {
          if (!isOctCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
    }
    for (; index < max; index++) {
      if (!isDecCode(data.charCodeAt(index))) {
        return false;
      }
      hasDigits = true;
    }
    if (!hasDigits) return false;
    return isFinite(parseYamlInteger(data));
  }
  function parseYamlInteger(data) {
    let value = data;
    let sign = 1;
    let ch = value[0];
    if (ch === "-" || ch === "+") {
      if (ch === "-") sign = -1;
      value = value.slice(1);
      ch = value[0];
    }
    if (value === "0") return 0;
    if (ch === "0") {
      if (value[1] === "b") return sign * parseInt(value.slice(2), 2);
      if (value[1] === "x") return sign * parseInt(value.slice(2), 16);
      if (value[1] === "o") return sign * parseInt(value.slice(2), 8);
    }
    return sign * parseInt(value, 10);
  }
  function constructYamlInteger(data) {
    return parseYamlInteger(data);
  }
  function isInteger(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 === 0 && !common2.isNegativeZero(object));
  }
  int2 = new Type2("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: resolveYamlInteger,
    construct: constructYamlInteger,
    predicate: isInteger,
    represent: {
      binary: function(obj) {
        return obj >= 0 ? "0b" + obj.toString(2) : "-0b" + obj.toString(2).slice(1);
      },
      octal: function(obj) {
        return obj >= 0 ? "0o" + obj.toString(8) : "-0o" + obj.toString(8).slice(1);
      },
      decimal: function(obj) {
        return obj.toString(10);
      },
      hexadecimal: function(obj) {
        return obj >= 0 ? "0x" + obj.toString(16).toUpperCase() : "-0x" + obj.toString(16).toUpperCase().slice(1);
      }
    },
    defaultStyle: "decimal",
    styleAliases: {
      binary: [2, "bin"],
      octal: [8, "oct"],
      decimal: [10, "dec"],
      hexadecimal: [16, "hex"]
    }
  });
  return int2;
}
function requireFloat() {
  if (hasRequiredFloat) return float;
  hasRequiredFloat = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  const YAML_FLOAT_PATTERN = new RegExp(
    // 2.5e4, 2.5 and integers
    "^(?:[-+]?(?:[0-9]+)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  const YAML_FLOAT_SPECIAL_PATTERN = new RegExp(
    "^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  function resolveYamlFloat(data) {
    if (data === null) return false;
    if (!YAML_FLOAT_PATTERN.test(data)) {
      return false;
    }
    if (isFinite(parseFloat(data, 10))) {
      return true;
    }
    return YAML_FLOAT_SPECIAL_PATTERN.test(data);
  }
  function constructYamlFloat(data) {
    let value = data.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".indexOf(value[0]) >= 0) {
      value = value.slice(1);
    }
    if (value === ".inf") {
      return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    } else if (value === ".nan") {
      return NaN;
    }
    return sign * parseFloat(value, 10);
  }
  const SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;
  function representYamlFloat(object, style) {
    if (isNaN(object)) {
      switch (style) {
        case "lowercase":
          return ".nan";
        case "uppercase":
          return ".NAN";
        case "camelcase":
          return ".NaN";
      }
    } else if (Number.POSITIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return ".inf";
        case "uppercase":
          return ".INF";
        case "camelcase":
          return ".Inf";
      }
    } else if (Number.NEGATIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return "-.inf";
        case "uppercase":
          return "-.INF";
        case "camelcase":
          return "-.Inf";
      }
    } else if (common2.isNegativeZero(object)) {
      return "-0.0";
    }
    const res = object.toString(10);
    return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace("e", ".e") : res;
  }
  function isFloat(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 !== 0 || common2.isNegativeZero(object));
  }
  float = new Type2("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: resolveYamlFloat,
    construct: constructYamlFloat,
    predicate: isFloat,
    represent: representYamlFloat,
    defaultStyle: "lowercase"
  });
  return float;
}
function requireJson() {
  if (hasRequiredJson) return json;
  hasRequiredJson = 1;
  json = requireFailsafe().extend({
    implicit: [
      require_null(),
      requireBool(),
      requireInt(),
      requireFloat()
    ]
  });
  return json;
}
function requireCore() {
  if (hasRequiredCore) return core;
  hasRequiredCore = 1;
  core = requireJson();
  return core;
}
function requireTimestamp() {
  if (hasRequiredTimestamp) return timestamp;
  hasRequiredTimestamp = 1;
  const Type2 = requireType();
  const YAML_DATE_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$"
  );
  const YAML_TIMESTAMP_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$"
  );
  function resolveYamlTimestamp(data) {
    if (data === null) return false;
    if (YAML_DATE_REGEXP.exec(data) !== null) return true;
    if (YAML_TIMESTAMP_REGEXP.exec(data) !== null) return true;
    return false;
  }
  function constructYamlTimestamp(data) {
    let fraction = 0;
    let delta = null;
    let match = YAML_DATE_REGEXP.exec(data);
    if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(data);
    if (match === null) throw new Error("Date resolve error");
    const year = +match[1];
    const month = +match[2] - 1;
    const day = +match[3];
    if (!match[4]) {
      return new Date(Date.UTC(year, month, day));
    }
    const hour = +match[4];
    const minute = +match[5];
    const second = +match[6];
    if (match[7]) {
      fraction = match[7].slice(0, 3);
      while (fraction.length < 3) {
        fraction += "0";
      }
      fraction = +fraction;
    }
    if (match[9]) {
      const tzHour = +match[10];
      const tzMinute = +(match[11] || 0);
      delta = (tzHour * 60 + tzMinute) * 6e4;
      if (match[9] === "-") delta = -delta;
    }
    const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
    if (delta) date.setTime(date.getTime() - delta);
    return date;
  }
  function representYamlTimestamp(object) {
    return object.toISOString();
  }
  timestamp = new Type2("tag:yaml.org,2002:timestamp", {
    kind: "scalar",
    resolve: resolveYamlTimestamp,
    construct: constructYamlTimestamp,
    instanceOf: Date,
    represent: representYamlTimestamp
  });
  return timestamp;
}
function requireMerge() {
  if (hasRequiredMerge) return merge;
  hasRequiredMerge = 1;
  const Type2 = requireType();
  function resolveYamlMerge(data) {
    return data === "<<" || data === null;
  }
  merge = new Type2("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: resolveYamlMerge
  });
  return merge;
}
function requireBinary() {
  if (hasRequiredBinary) return binary;
  hasRequiredBinary = 1;
  const Type2 = requireType();
  const BASE64_MAP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r";
  function resolveYamlBinary(data) {
    if (data === null) return false;
    let bitlen = 0;
    const max = data.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      const code = map2.indexOf(data.charAt(idx));
      if (code > 64) continue;
      if (code < 0) return false;
      bitlen += 6;
    }
    return bitlen % 8 === 0;
  }
  function constructYamlBinary(data) {
    const input = data.replace(/[\r\n=]/g, "");
    const max = input.length;
    const map2 = BASE64_MAP;
    let bits = 0;
    const result = [];
    for (let idx = 0; idx < max; idx++) {
      if (idx % 4 === 0 && idx) {
        result.push(bits >> 16 & 255);
        result.push(bits >> 8 & 255);
        result.push(bits & 255);
      }
      bits = bits << 6 | map2.indexOf(input.charAt(idx));
    }
    const tailbits = max % 4 * 6;
    if (tailbits === 0) {
      result.push(bits >> 16 & 255);
      result.push(bits >> 8 & 255);
      result.push(bits & 255);
    } else if (tailbits === 18) {
      result.push(bits >> 10 & 255);
      result.push(bits >> 2 & 255);
    } else if (tailbits === 12) {
      result.push(bits >> 4 & 255);
    }
    return new Uint8Array(result);
  }
  function representYamlBinary(object) {
    let result = "";
    let bits = 0;
    const max = object.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      if (idx % 3 === 0 && idx) {
        result += map2[bits >> 18 & 63];
        result += map2[bits >> 12 & 63];
        result += map2[bits >> 6 & 63];
        result += map2[bits & 63];
      }
      bits = (bits << 8) + object[idx];
    }
    const tail = max % 3;
    if (tail === 0) {
      result += map2[bits >> 18 & 63];
      result += map2[bits >> 12 & 63];
      result += map2[bits >> 6 & 63];
      result += map2[bits & 63];
    } else if (tail === 2) {
      result += map2[bits >> 10 & 63];
      result += map2[bits >> 4 & 63];
      result += map2[bits << 2 & 63];
      result += map2[64];
    } else if (tail === 1) {
      result += map2[bits >> 2 & 63];
      result += map2[bits << 4 & 63];
      result += map2[64];
      result += map2[64];
    }
    return result;
  }
  function isBinary(obj) {
    return Object.prototype.toString.call(obj) === "[object Uint8Array]";
  }
  binary = new Type2("tag:yaml.org,2002:binary", {
    kind: "scalar",
    resolve: resolveYamlBinary,
    construct: constructYamlBinary,
    predicate: isBinary,
    represent: representYamlBinary
  });
  return binary;
}
function requireOmap() {
  if (hasRequiredOmap) return omap;
  hasRequiredOmap = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const _toString = Object.prototype.toString;
  function resolveYamlOmap(data) {
    if (data === null) return true;
    const objectKeys = {};
    const object = data;
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      let pairHasKey = false;
      if (_toString.call(pair) !== "[object Object]") return false;
      let pairKey;
      for (pairKey in pair) {
        if (_hasOwnProperty.call(pair, pairKey)) {
          if (!pairHasKey) pairHasKey = true;
          else return false;
        }
      }
      if (!pairHasKey) return false;
      if (_hasOwnProperty.call(objectKeys, pairKey)) return false;
      Object.defineProperty(objectKeys, pairKey, { value: true });
    }
    return true;
  }
  function constructYamlOmap(data) {
    return data !== null ? data : [];
  }
  omap = new Type2("tag:yaml.org,2002:omap", {
    kind: "sequence",
    resolve: resolveYamlOmap,
    construct: constructYamlOmap
  });
  return omap;
}
function requirePairs() {
  if (hasRequiredPairs) return pairs;
  hasRequiredPairs = 1;
  const Type2 = requireType();
  const _toString = Object.prototype.toString;
  function resolveYamlPairs(data) {
    if (data === null) return true;
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      if (_toString.call(pair) !== "[object Object]") return false;
      const keys = Object.keys(pair);
      if (keys.length !== 1) return false;
      result[index] = [keys[0], pair[keys[0]]];
    }
    return true;
  }
  function constructYamlPairs(data) {
    if (data === null) return [];
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      const keys = Object.keys(pair);
      result[index] = [keys[0], pair[keys[0]]];
    }
    return result;
  }
  pairs = new Type2("tag:yaml.org,2002:pairs", {
    kind: "sequence",
    resolve: resolveYamlPairs,
    construct: constructYamlPairs
  });
  return pairs;
}
function requireSet() {
  if (hasRequiredSet) return set;
  hasRequiredSet = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  function resolveYamlSet(data) {
    if (data === null) return true;
    const object = data;
    for (const key2 in object) {
      if (_hasOwnProperty.call(object, key2)) {
        if (object[key2] !== null) return false;
      }
    }
    return true;
  }
  function constructYamlSet(data) {
    return data !== null ? data : {};
  }
  set = new Type2("tag:yaml.org,2002:set", {
    kind: "mapping",
    resolve: resolveYamlSet,
    construct: constructYamlSet
  });
  return set;
}
function require_default() {
  if (hasRequired_default) return _default;
  hasRequired_default = 1;
  _default = requireCore().extend({
    implicit: [
      requireTimestamp(),
      requireMerge()
    ],
    explicit: [
      requireBinary(),
      requireOmap(),
      requirePairs(),
      requireSet()
    ]
  });
  return _default;
}
function requireLoader() {
  if (hasRequiredLoader) return loader;
  hasRequiredLoader = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const makeSnippet = requireSnippet();
  const DEFAULT_SCHEMA2 = require_default();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CONTEXT_FLOW_IN = 1;
  const CONTEXT_FLOW_OUT = 2;
  const CONTEXT_BLOCK_IN = 3;
  const CONTEXT_BLOCK_OUT = 4;
  const CHOMPING_CLIP = 1;
  const CHOMPING_STRIP = 2;
  const CHOMPING_KEEP = 3;
  const PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
  const PATTERN_NON_ASCII_LINE_BREAKS = /[\x85\u2028\u2029]/;
  const PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
  const PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
  const PATTERN_TAG_URI = /^(?:!|[^,\[\]{}])(?:%[0-9a-f]{2}|[0-9a-z\-#;/?:@&=+$,_.!~*'()\[\]])*$/i;
  function _class(obj) {
    return Object.prototype.toString.call(obj);
  }
  function isEol(c) {
    return c === 10 || c === 13;
  }
  function isWhiteSpace(c) {
    return c === 9 || c === 32;
  }
  function isWsOrEol(c) {
    return c === 9 || c === 32 || c === 10 || c === 13;
  }
  function isFlowIndicator(c) {
    return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
  }
  function fromHexCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    const lc = c | 32;
    if (lc >= 97 && lc <= 102) {
      return lc - 97 + 10;
    }
    return -1;
  }
  function escapedHexLen(c) {
    if (c === 120) {
      return 2;
    }
    if (c === 117) {
      return 4;
    }
    if (c === 85) {
      return 8;
    }
    return 0;
  }
  function fromDecimalCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    return -1;
  }
  function simpleEscapeSequence(c) {
    switch (c) {
      case 48:
        return "\0";
      case 97:
        return "\x07";
      case 98:
        return "\b";
      case 116:
        return "	";
      case 9:
        return "	";
      case 110:
        return "\n";
      case 118:
        return "\v";
      case 102:
        return "\f";
      case 114:
        return "\r";
      case 101:
        return "\x1B";
      case 32:
        return " ";
      case 34:
        return '"';
      case 47:
        return "/";
      case 92:
        return "\\";
      case 78:
        return "\x85";
      case 95:
        return "\xA0";
      case 76:
        return "\u2028";
      case 80:
        return "\u2029";
      default:
        return "";
    }
  }
  function charFromCodepoint(c) {
    if (c <= 65535) {
      return String.fromCharCode(c);
    }
    return String.fromCharCode(
      (c - 65536 >> 10) + 55296,
      (c - 65536 & 1023) + 56320
    );
  }
  function setProperty(object, key2, value) {
    if (key2 === "__proto__") {
      Object.defineProperty(object, key2, {
        configurable: true,
        enumerable: true,
        writable: true,
        value
      });
    } else {
      object[key2] = value;
    }
  }
  const simpleEscapeCheck = new Array(256);
  const simpleEscapeMap = new Array(256);
  for (let i = 0; i < 256; i++) {
    simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
    simpleEscapeMap[i] = simpleEscapeSequence(i);
  }
  function State(input, options) {
    this.input = input;
    this.filename = options["filename"] || null;
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.onWarning = options["onWarning"] || null;
    this.legacy = options["legacy"] || false;
    this.json = options["json"] || false;
    this.listener = options["listener"] || null;
    this.maxDepth = typeof options["maxDepth"] === "number" ? options["maxDepth"] : 100;
    this.maxTotalMergeKeys = typeof options["maxTotalMergeKeys"] === "number" ? options["maxTotalMergeKeys"] : 1e4;
    this.implicitTypes = this.schema.compiledImplicit;
    this.typeMap = this.schema.compiledTypeMap;
    this.length = input.length;
    this.position = 0;
    this.line = 0;
    this.lineStart = 0;
    this.lineIndent = 0;
    this.depth = 0;
    this.totalMergeKeys = 0;
    this.firstTabInLine = -1;
    this.documents = [];
    this.anchorMapTransactions = [];
  }
  function generateError(state, message) {
    const mark = {
      name: state.filename,
      buffer: state.input.slice(0, -1),
      // omit trailing \0
      position: state.position,
      line: state.line,
      column: state.position - state.lineStart
    };
    mark.snippet = makeSnippet(mark);
    return new YAMLException2(message, mark);
  }
  function throwError(state, message) {
    throw generateError(state, message);
  }
  function throwWarning(state, message) {
    if (state.onWarning) {
      state.onWarning.call(null, generateError(state, message));
    }
  }
  function storeAnchor(state, name, value) {
    const transactions = state.anchorMapTransactions;
    if (transactions.length !== 0) {
      const transaction = transactions[transactions.length - 1];
      if (!_hasOwnProperty.call(transaction, name)) {
        transaction[name] = {
          existed: _hasOwnProperty.call(state.anchorMap, name),
          value: state.anchorMap[name]
        };
      }
    }
    state.anchorMap[name] = value;
  }
  function beginAnchorTransaction(state) {
    state.anchorMapTransactions.push(/* @__PURE__ */ Object.create(null));
  }
  function commitAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const transactions = state.anchorMapTransactions;
    if (transactions.length === 0) return;
    const parent = transactions[transactions.length - 1];
    const names = Object.keys(transaction);
    for (let index = 0, length = names.length; index < length; index += 1) {
      const name = names[index];
      if (!_hasOwnProperty.call(parent, name)) {
        parent[name] = transaction[name];
      }
    }
  }
  function rollbackAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const names = Object.keys(transaction);
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const entry = transaction[names[index]];
      if (entry.existed) {
        state.anchorMap[names[index]] = entry.value;
      } else {
        delete state.anchorMap[names[index]];
      }
    }
  }
  function snapshotState(state) {
    return {
      position: state.position,
      line: state.line,
      lineStart: state.lineStart,
      lineIndent: state.lineIndent,
      firstTabInLine: state.firstTabInLine,
      tag: state.tag,
      anchor: state.anchor,
      kind: state.kind,
      result: state.result
    };
  }
  function restoreState(state, snapshot) {
    state.position = snapshot.position;
    state.line = snapshot.line;
    state.lineStart = snapshot.lineStart;
    state.lineIndent = snapshot.lineIndent;
    state.firstTabInLine = snapshot.firstTabInLine;
    state.tag = snapshot.tag;
    state.anchor = snapshot.anchor;
    state.kind = snapshot.kind;
    state.result = snapshot.result;
  }
  const directiveHandlers = {
    YAML: function handleYamlDirective(state, name, args) {
      if (state.version !== null) {
        throwError(state, "duplication of %YAML directive");
      }
      if (args.length !== 1) {
        throwError(state, "YAML directive accepts exactly one argument");
      }
      const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
      if (match === null) {
        throwError(state, "ill-formed argument of the YAML directive");
      }
      const major = parseInt(match[1], 10);
      const minor = parseInt(match[2], 10);
      if (major !== 1) {
        throwError(state, "unacceptable YAML version of the document");
      }
      state.version = args[0];
      state.checkLineBreaks = minor < 2;
      if (minor !== 1 && minor !== 2) {
        throwWarning(state, "unsupported YAML version of the document");
      }
    },
    TAG: function handleTagDirective(state, name, args) {
      let prefix;
      if (args.length !== 2) {
        throwError(state, "TAG directive accepts exactly two arguments");
      }
      const handle = args[0];
      prefix = args[1];
      if (!PATTERN_TAG_HANDLE.test(handle)) {
        throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
      }
      if (_hasOwnProperty.call(state.tagMap, handle)) {
        throwError(state, 'there is a previously declared suffix for "' + handle + '" tag handle');
      }
      if (!PATTERN_TAG_URI.test(prefix)) {
        throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
      }
      try {
        prefix = decodeURIComponent(prefix);
      } catch (err) {
        throwError(state, "tag prefix is malformed: " + prefix);
      }
      state.tagMap[handle] = prefix;
    }
  };
  function captureSegment(state, start, end, checkJson) {
    if (start < end) {
      const _result = state.input.slice(start, end);
      if (checkJson) {
        for (let _position = 0, _length = _result.length; _position < _length; _position += 1) {
          const _character = _result.charCodeAt(_position);
          if (!(_character === 9 || _character >= 32 && _character <= 1114111)) {
            throwError(state, "expected valid JSON character");
          }
        }
      } else if (PATTERN_NON_PRINTABLE.test(_result)) {
        throwError(state, "the stream contains non-printable characters");
      }
      state.result += _result;
    }
  }
  function chargeMergeWork(state) {
    state.totalMergeKeys++;
    if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) {
      throwError(state, "merge keys exceeded maxTotalMergeKeys (" + state.maxTotalMergeKeys + ")");
    }
  }
  function mergeMappings(state, destination, source, overridableKeys) {
    if (!common2.isObject(source)) {
      throwError(state, "cannot merge mappings; the provided source object is unacceptable");
    }
    chargeMergeWork(state);
    const sourceKeys = Object.keys(source);
    for (let index = 0, quantity = sourceKeys.length; index < quantity; index += 1) {
      const key2 = sourceKeys[index];
      chargeMergeWork(state);
      if (!_hasOwnProperty.call(destination, key2)) {
        setProperty(destination, key2, source[key2]);
        overridableKeys[key2] = true;
      }
    }
  }
  function storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, startLine, startLineStart, startPos) {
    if (Array.isArray(keyNode)) {
      keyNode = Array.prototype.slice.call(keyNode);
      for (let index = 0, quantity = keyNode.length; index < quantity; index += 1) {
        if (Array.isArray(keyNode[index])) {
          throwError(state, "nested arrays are not supported inside keys");
        }
        if (typeof keyNode === "object" && _class(keyNode[index]) === "[object Object]") {
          keyNode[index] = "[object Object]";
        }
      }
    }
    if (typeof keyNode === "object" && _class(keyNode) === "[object Object]") {
      keyNode = "[object Object]";
    }
    keyNode = String(keyNode);
    if (_result === null) {
      _result = {};
    }
    if (keyTag === "tag:yaml.org,2002:merge") {
      if (Array.isArray(valueNode)) {
        if (valueNode.length > 100) {
          throwError(state, "abnormal merge sequence size");
        }
        for (let index = 0, quantity = valueNode.length; index < quantity; index += 1) {
          mergeMappings(state, _result, valueNode[index], overridableKeys);
        }
      } else {
        mergeMappings(state, _result, valueNode, overridableKeys);
      }
    } else {
      if (!state.json && !_hasOwnProperty.call(overridableKeys, keyNode) && _hasOwnProperty.call(_result, keyNode)) {
        state.line = startLine || state.line;
        state.lineStart = startLineStart || state.lineStart;
        state.position = startPos || state.position;
        throwError(state, "duplicated mapping key");
      }
      setProperty(_result, keyNode, valueNode);
      delete overridableKeys[keyNode];
    }
    return _result;
  }
  function readLineBreak(state) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 10) {
      state.position++;
    } else if (ch === 13) {
      state.position++;
      if (state.input.charCodeAt(state.position) === 10) {
        state.position++;
      }
    } else {
      throwError(state, "a line break is expected");
    }
    state.line += 1;
    state.lineStart = state.position;
    state.firstTabInLine = -1;
  }
  function skipSeparationSpace(state, allowComments, checkIndent) {
    let lineBreaks = 0;
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      while (isWhiteSpace(ch)) {
        if (ch === 9 && state.firstTabInLine === -1) {
          state.firstTabInLine = state.position;
        }
        ch = state.input.charCodeAt(++state.position);
      }
      if (allowComments && ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (ch !== 10 && ch !== 13 && ch !== 0);
      }
      if (isEol(ch)) {
        readLineBreak(state);
        ch = state.input.charCodeAt(state.position);
        lineBreaks++;
        state.lineIndent = 0;
        while (ch === 32) {
          state.lineIndent++;
          ch = state.input.charCodeAt(++state.position);
        }
      } else {
        break;
      }
    }
    if (checkIndent !== -1 && lineBreaks !== 0 && state.lineIndent < checkIndent) {
      throwWarning(state, "deficient indentation");
    }
    return lineBreaks;
  }
  function testDocumentSeparator(state) {
    let _position = state.position;
    let ch = state.input.charCodeAt(_position);
    if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(_position + 1) && ch === state.input.charCodeAt(_position + 2)) {
      _position += 3;
      ch = state.input.charCodeAt(_position);
      if (ch === 0 || isWsOrEol(ch)) {
        return true;
      }
    }
    return false;
  }
  function writeFoldedLines(state, count) {
    if (count === 1) {
      state.result += " ";
    } else if (count > 1) {
      state.result += common2.repeat("\n", count - 1);
    }
  }
  function readPlainScalar(state, nodeIndent, withinFlowCollection) {
    let captureStart;
    let captureEnd;
    let hasPendingContent;
    let _line;
    let _lineStart;
    let _lineIndent;
    const _kind = state.kind;
    const _result = state.result;
    let ch = state.input.charCodeAt(state.position);
    if (isWsOrEol(ch) || isFlowIndicator(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96) {
      return false;
    }
    if (ch === 63 || ch === 45) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
        return false;
      }
    }
    state.kind = "scalar";
    state.result = "";
    captureStart = captureEnd = state.position;
    hasPendingContent = false;
    while (ch !== 0) {
      if (ch === 58) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
          break;
        }
      } else if (ch === 35) {
        const preceding = state.input.charCodeAt(state.position - 1);
        if (isWsOrEol(preceding)) {
          break;
        }
      } else if (state.position === state.lineStart && testDocumentSeparator(state) || withinFlowCollection && isFlowIndicator(ch)) {
        break;
      } else if (isEol(ch)) {
        _line = state.line;
        _lineStart = state.lineStart;
        _lineIndent = state.lineIndent;
        skipSeparationSpace(state, false, -1);
        if (state.lineIndent >= nodeIndent) {
          hasPendingContent = true;
          ch = state.input.charCodeAt(state.position);
          continue;
        } else {
          state.position = captureEnd;
          state.line = _line;
          state.lineStart = _lineStart;
          state.lineIndent = _lineIndent;
          break;
        }
      }
      if (hasPendingContent) {
        captureSegment(state, captureStart, captureEnd, false);
        writeFoldedLines(state, state.line - _line);
        captureStart = captureEnd = state.position;
        hasPendingContent = false;
      }
      if (!isWhiteSpace(ch)) {
        captureEnd = state.position + 1;
      }
      ch = state.input.charCodeAt(++state.position);
    }
    captureSegment(state, captureStart, captureEnd, false);
    if (state.result) {
      return true;
    }
    state.kind = _kind;
    state.result = _result;
    return false;
  }
  function readSingleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 39) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 39) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (ch === 39) {
          captureStart = state.position;
          state.position++;
          captureEnd = state.position;
        } else {
          return true;
        }
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a single quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a single quoted scalar");
  }
  function readDoubleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 34) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 34) {
        captureSegment(state, captureStart, state.position, true);
        state.position++;
        return true;
      } else if (ch === 92) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (isEol(ch)) {
          skipSeparationSpace(state, false, nodeIndent);
        } else if (ch < 256 && simpleEscapeCheck[ch]) {
          state.result += simpleEscapeMap[ch];
          state.position++;
        } else if ((tmp = escapedHexLen(ch)) > 0) {
          let hexLength = tmp;
          let hexResult = 0;
          for (; hexLength > 0; hexLength--) {
            ch = state.input.charCodeAt(++state.position);
            if ((tmp = fromHexCode(ch)) >= 0) {
              hexResult = (hexResult << 4) + tmp;
            } else {
              throwError(state, "expected hexadecimal character");
            }
          }
          state.result += charFromCodepoint(hexResult);
          state.position++;
        } else {
          throwError(state, "unknown escape sequence");
        }
        captureStart = captureEnd = state.position;
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a double quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a double quoted scalar");
  }
  function readFlowCollection(state, nodeIndent) {
    let readNext = true;
    let _line;
    let _lineStart;
    let _pos;
    const _tag = state.tag;
    let _result;
    const _anchor = state.anchor;
    let terminator;
    let isPair;
    let isExplicitPair;
    let isMapping2;
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyNode;
    let keyTag;
    let valueNode;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 91) {
      terminator = 93;
      isMapping2 = false;
      _result = [];
    } else if (ch === 123) {
      terminator = 125;
      isMapping2 = true;
      _result = {};
    } else {
      return false;
    }
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    ch = state.input.charCodeAt(++state.position);
    while (ch !== 0) {
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === terminator) {
        state.position++;
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = isMapping2 ? "mapping" : "sequence";
        state.result = _result;
        return true;
      } else if (!readNext) {
        throwError(state, "missed comma between flow collection entries");
      } else if (ch === 44) {
        throwError(state, "expected the node content, but found ','");
      }
      keyTag = keyNode = valueNode = null;
      isPair = isExplicitPair = false;
      if (ch === 63) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following)) {
          isPair = isExplicitPair = true;
          state.position++;
          skipSeparationSpace(state, true, nodeIndent);
        }
      }
      _line = state.line;
      _lineStart = state.lineStart;
      _pos = state.position;
      composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
      keyTag = state.tag;
      keyNode = state.result;
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if ((isExplicitPair || state.line === _line) && ch === 58) {
        isPair = true;
        ch = state.input.charCodeAt(++state.position);
        skipSeparationSpace(state, true, nodeIndent);
        composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        valueNode = state.result;
      }
      if (isMapping2) {
        storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos);
      } else if (isPair) {
        _result.push(storeMappingPair(state, null, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos));
      } else {
        _result.push(keyNode);
      }
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === 44) {
        readNext = true;
        ch = state.input.charCodeAt(++state.position);
      } else {
        readNext = false;
      }
    }
    throwError(state, "unexpected end of the stream within a flow collection");
  }
  function readBlockScalar(state, nodeIndent) {
    let folding;
    let chomping = CHOMPING_CLIP;
    let didReadContent = false;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 124) {
      folding = false;
    } else if (ch === 62) {
      folding = true;
    } else {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    while (ch !== 0) {
      ch = state.input.charCodeAt(++state.position);
      if (ch === 43 || ch === 45) {
        if (CHOMPING_CLIP === chomping) {
          chomping = ch === 43 ? CHOMPING_KEEP : CHOMPING_STRIP;
        } else {
          throwError(state, "repeat of a chomping mode identifier");
        }
      } else if ((tmp = fromDecimalCode(ch)) >= 0) {
        if (tmp === 0) {
          throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
        } else if (!detectedIndent) {
          textIndent = nodeIndent + tmp - 1;
          detectedIndent = true;
        } else {
          throwError(state, "repeat of an indentation width identifier");
        }
      } else {
        break;
      }
    }
    if (isWhiteSpace(ch)) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (isWhiteSpace(ch));
      if (ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (!isEol(ch) && ch !== 0);
      }
    }
    while (ch !== 0) {
      readLineBreak(state);
      state.lineIndent = 0;
      ch = state.input.charCodeAt(state.position);
      while ((!detectedIndent || state.lineIndent < textIndent) && ch === 32) {
        state.lineIndent++;
        ch = state.input.charCodeAt(++state.position);
      }
      if (!detectedIndent && state.lineIndent > textIndent) {
        textIndent = state.lineIndent;
      }
      if (isEol(ch)) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) {
        throwError(state, "missing indentation for block scalar");
      }
      if (state.lineIndent < textIndent) {
        if (chomping === CHOMPING_KEEP) {
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (chomping === CHOMPING_CLIP) {
          if (didReadContent) {
            state.result += "\n";
          }
        }
        break;
      }
      if (folding) {
        if (isWhiteSpace(ch)) {
          atMoreIndented = true;
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          state.result += common2.repeat("\n", emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) {
            state.result += " ";
          }
        } else {
          state.result += common2.repeat("\n", emptyLines);
        }
      } else {
        state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const captureStart = state.position;
      while (!isEol(ch) && ch !== 0) {
        ch = state.input.charCodeAt(++state.position);
      }
      captureSegment(state, captureStart, state.position, false);
    }
    return true;
  }
  function readBlockSequence(state, nodeIndent) {
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = [];
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (ch !== 45) {
        break;
      }
      const following = state.input.charCodeAt(state.position + 1);
      if (!isWsOrEol(following)) {
        break;
      }
      detected = true;
      state.position++;
      if (skipSeparationSpace(state, true, -1)) {
        if (state.lineIndent <= nodeIndent) {
          _result.push(null);
          ch = state.input.charCodeAt(state.position);
          continue;
        }
      }
      const _line = state.line;
      composeNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
      _result.push(state.result);
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a sequence entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "sequence";
      state.result = _result;
      return true;
    }
    return false;
  }
  function readBlockMapping(state, nodeIndent, flowIndent) {
    let allowCompact;
    let _keyLine;
    let _keyLineStart;
    let _keyPos;
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = {};
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyTag = null;
    let keyNode = null;
    let valueNode = null;
    let atExplicitKey = false;
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (!atExplicitKey && state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      const following = state.input.charCodeAt(state.position + 1);
      const _line = state.line;
      if ((ch === 63 || ch === 58) && isWsOrEol(following)) {
        if (ch === 63) {
          if (atExplicitKey) {
            storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
            keyTag = keyNode = valueNode = null;
          }
          detected = true;
          atExplicitKey = true;
          allowCompact = true;
        } else if (atExplicitKey) {
          atExplicitKey = false;
          allowCompact = true;
        } else {
          throwError(state, "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
        }
        state.position += 1;
        ch = following;
      } else {
        _keyLine = state.line;
        _keyLineStart = state.lineStart;
        _keyPos = state.position;
        if (!composeNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) {
          break;
        }
        if (state.line === _line) {
          ch = state.input.charCodeAt(state.position);
          while (isWhiteSpace(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          if (ch === 58) {
            ch = state.input.charCodeAt(++state.position);
            if (!isWsOrEol(ch)) {
              throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
            }
            if (atExplicitKey) {
              storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
              keyTag = keyNode = valueNode = null;
            }
            detected = true;
            atExplicitKey = false;
            allowCompact = false;
            keyTag = state.tag;
            keyNode = state.result;
          } else if (detected) {
            throwError(state, "can not read an implicit mapping pair; a colon is missed");
          } else {
            state.tag = _tag;
            state.anchor = _anchor;
            return true;
          }
        } else if (detected) {
          throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
        } else {
          state.tag = _tag;
          state.anchor = _anchor;
          return true;
        }
      }
      if (state.line === _line || state.lineIndent > nodeIndent) {
        if (atExplicitKey) {
          _keyLine = state.line;
          _keyLineStart = state.lineStart;
          _keyPos = state.position;
        }
        if (composeNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, allowCompact)) {
          if (atExplicitKey) {
            keyNode = state.result;
          } else {
            valueNode = state.result;
          }
        }
        if (!atExplicitKey) {
          storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _keyLine, _keyLineStart, _keyPos);
          keyTag = keyNode = valueNode = null;
        }
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
      }
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a mapping entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (atExplicitKey) {
      storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "mapping";
      state.result = _result;
    }
    return detected;
  }
  function readTagProperty(state) {
    let isVerbatim = false;
    let isNamed = false;
    let tagHandle;
    let tagName;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 33) return false;
    if (state.tag !== null) {
      throwError(state, "duplication of a tag property");
    }
    ch = state.input.charCodeAt(++state.position);
    if (ch === 60) {
      isVerbatim = true;
      ch = state.input.charCodeAt(++state.position);
    } else if (ch === 33) {
      isNamed = true;
      tagHandle = "!!";
      ch = state.input.charCodeAt(++state.position);
    } else {
      tagHandle = "!";
    }
    let _position = state.position;
    if (isVerbatim) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (ch !== 0 && ch !== 62);
      if (state.position < state.length) {
        tagName = state.input.slice(_position, state.position);
        ch = state.input.charCodeAt(++state.position);
      } else {
        throwError(state, "unexpected end of the stream within a verbatim tag");
      }
    } else {
      while (ch !== 0 && !isWsOrEol(ch)) {
        if (ch === 33) {
          if (!isNamed) {
            tagHandle = state.input.slice(_position - 1, state.position + 1);
            if (!PATTERN_TAG_HANDLE.test(tagHandle)) {
              throwError(state, "named tag handle cannot contain such characters");
            }
            isNamed = true;
            _position = state.position + 1;
          } else {
            throwError(state, "tag suffix cannot contain exclamation marks");
          }
        }
        ch = state.input.charCodeAt(++state.position);
      }
      tagName = state.input.slice(_position, state.position);
      if (PATTERN_FLOW_INDICATORS.test(tagName)) {
        throwError(state, "tag suffix cannot contain flow indicator characters");
      }
    }
    if (tagName && !PATTERN_TAG_URI.test(tagName)) {
      throwError(state, "tag name cannot contain such characters: " + tagName);
    }
    try {
      tagName = decodeURIComponent(tagName);
    } catch (err) {
      throwError(state, "tag name is malformed: " + tagName);
    }
    if (isVerbatim) {
      state.tag = tagName;
    } else if (_hasOwnProperty.call(state.tagMap, tagHandle)) {
      state.tag = state.tagMap[tagHandle] + tagName;
    } else if (tagHandle === "!") {
      state.tag = "!" + tagName;
    } else if (tagHandle === "!!") {
      state.tag = "tag:yaml.org,2002:" + tagName;
    } else {
      throwError(state, 'undeclared tag handle "' + tagHandle + '"');
    }
    return true;
  }
  function readAnchorProperty(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 38) return false;
    if (state.anchor !== null) {
      throwError(state, "duplication of an anchor property");
    }
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an anchor node must contain at least one character");
    }
    state.anchor = state.input.slice(_position, state.position);
    return true;
  }
  function readAlias(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 42) return false;
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an alias node must contain at least one character");
    }
    const alias = state.input.slice(_position, state.position);
    if (!_hasOwnProperty.call(state.anchorMap, alias)) {
      throwError(state, 'unidentified alias "' + alias + '"');
    }
    state.result = state.anchorMap[alias];
    skipSeparationSpace(state, true, -1);
    return true;
  }
  function tryReadBlockMappingFromProperty(state, propertyStart, nodeIndent, flowIndent) {
    const fallbackState = snapshotState(state);
    beginAnchorTransaction(state);
    restoreState(state, propertyStart);
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    if (readBlockMapping(state, nodeIndent, flowIndent) && state.kind === "mapping") {
      commitAnchorTransaction(state);
      return true;
    }
    rollbackAnchorTransaction(state);
    restoreState(state, fallbackState);
    return false;
  }
  function composeNode(state, parentIndent, nodeContext, allowToSeek, allowCompact) {
    let allowBlockScalars;
    let allowBlockCollections;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    let propertyStart = null;
    let type2;
    let flowIndent;
    let blockIndent;
    if (state.depth >= state.maxDepth) {
      throwError(state, "nesting exceeded maxDepth (" + state.maxDepth + ")");
    }
    state.depth += 1;
    if (state.listener !== null) {
      state.listener("open", state);
    }
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    const allowBlockStyles = allowBlockScalars = allowBlockCollections = CONTEXT_BLOCK_OUT === nodeContext || CONTEXT_BLOCK_IN === nodeContext;
    if (allowToSeek) {
      if (skipSeparationSpace(state, true, -1)) {
        atNewLine = true;
        if (state.lineIndent > parentIndent) {
          indentStatus = 1;
        } else if (state.lineIndent === parentIndent) {
          indentStatus = 0;
        } else if (state.lineIndent < parentIndent) {
          indentStatus = -1;
        }
      }
    }
    if (indentStatus === 1) {
      while (true) {
        const ch = state.input.charCodeAt(state.position);
        const propertyState = snapshotState(state);
        if (atNewLine && (ch === 33 && state.tag !== null || ch === 38 && state.anchor !== null)) {
          break;
        }
        if (!readTagProperty(state) && !readAnchorProperty(state)) {
          break;
        }
        if (propertyStart === null) {
          propertyStart = propertyState;
        }
        if (skipSeparationSpace(state, true, -1)) {
          atNewLine = true;
          allowBlockCollections = allowBlockStyles;
          if (state.lineIndent > parentIndent) {
            indentStatus = 1;
          } else if (state.lineIndent === parentIndent) {
            indentStatus = 0;
          } else if (state.lineIndent < parentIndent) {
            indentStatus = -1;
          }
        } else {
          allowBlockCollections = false;
        }
      }
    }
    if (allowBlockCollections) {
      allowBlockCollections = atNewLine || allowCompact;
    }
    if (indentStatus === 1 || CONTEXT_BLOCK_OUT === nodeContext) {
      if (CONTEXT_FLOW_IN === nodeContext || CONTEXT_FLOW_OUT === nodeContext) {
        flowIndent = parentIndent;
      } else {
        flowIndent = parentIndent + 1;
      }
      blockIndent = state.position - state.lineStart;
      if (indentStatus === 1) {
        if (allowBlockCollections && (readBlockSequence(state, blockIndent) || readBlockMapping(state, blockIndent, flowIndent)) || readFlowCollection(state, flowIndent)) {
          hasContent = true;
        } else {
          const ch = state.input.charCodeAt(state.position);
          if (propertyStart !== null && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62 && tryReadBlockMappingFromProperty(
            state,
            propertyStart,
            propertyStart.position - propertyStart.lineStart,
            flowIndent
          )) {
            hasContent = true;
          } else if (allowBlockScalars && readBlockScalar(state, flowIndent) || readSingleQuotedScalar(state, flowIndent) || readDoubleQuotedScalar(state, flowIndent)) {
            hasContent = true;
          } else if (readAlias(state)) {
            hasContent = true;
            if (state.tag !== null || state.anchor !== null) {
              throwError(state, "alias node should not have any properties");
            }
          } else if (readPlainScalar(state, flowIndent, CONTEXT_FLOW_IN === nodeContext)) {
            hasContent = true;
            if (state.tag === null) {
              state.tag = "?";
            }
          }
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
        }
      } else if (indentStatus === 0) {
        hasContent = allowBlockCollections && readBlockSequence(state, blockIndent);
      }
    }
    if (state.tag === null) {
      if (state.anchor !== null) {
        storeAnchor(state, state.anchor, state.result);
      }
    } else if (state.tag === "?") {
      if (state.result !== null && state.kind !== "scalar") {
        throwError(state, 'unacceptable node kind for !<?> tag; it should be "scalar", not "' + state.kind + '"');
      }
      for (let typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {
        type2 = state.implicitTypes[typeIndex];
        if (type2.resolve(state.result)) {
          state.result = type2.construct(state.result);
          state.tag = type2.tag;
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
          break;
        }
      }
    } else if (state.tag !== "!") {
      if (_hasOwnProperty.call(state.typeMap[state.kind || "fallback"], state.tag)) {
        type2 = state.typeMap[state.kind || "fallback"][state.tag];
      } else {
        type2 = null;
        const typeList = state.typeMap.multi[state.kind || "fallback"];
        for (let typeIndex = 0, typeQuantity = typeList.length; typeIndex < typeQuantity; typeIndex += 1) {
          if (state.tag.slice(0, typeList[typeIndex].tag.length) === typeList[typeIndex].tag) {
            type2 = typeList[typeIndex];
            break;
          }
        }
      }
      if (!type2) {
        throwError(state, "unknown tag !<" + state.tag + ">");
      }
      if (state.result !== null && type2.kind !== state.kind) {
        throwError(state, "unacceptable node kind for !<" + state.tag + '> tag; it should be "' + type2.kind + '", not "' + state.kind + '"');
      }
      if (!type2.resolve(state.result, state.tag)) {
        throwError(state, "cannot resolve a node with !<" + state.tag + "> explicit tag");
      } else {
        state.result = type2.construct(state.result, state.tag);
        if (state.anchor !== null) {
          storeAnchor(state, state.anchor, state.result);
        }
      }
    }
    if (state.listener !== null) {
      state.listener("close", state);
    }
    state.depth -= 1;
    return state.tag !== null || state.anchor !== null || hasContent;
  }
  function readDocument(state) {
    const documentStart = state.position;
    let hasDirectives = false;
    let ch;
    state.version = null;
    state.checkLineBreaks = state.legacy;
    state.tagMap = /* @__PURE__ */ Object.create(null);
    state.anchorMap = /* @__PURE__ */ Object.create(null);
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if (state.lineIndent > 0 || ch !== 37) {
        break;
      }
      hasDirectives = true;
      ch = state.input.charCodeAt(++state.position);
      let _position = state.position;
      while (ch !== 0 && !isWsOrEol(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      const directiveName = state.input.slice(_position, state.position);
      const directiveArgs = [];
      if (directiveName.length < 1) {
        throwError(state, "directive name must not be less than one character in length");
      }
      while (ch !== 0) {
        while (isWhiteSpace(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        if (ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (ch !== 0 && !isEol(ch));
          break;
        }
        if (isEol(ch)) break;
        _position = state.position;
        while (ch !== 0 && !isWsOrEol(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        directiveArgs.push(state.input.slice(_position, state.position));
      }
      if (ch !== 0) readLineBreak(state);
      if (_hasOwnProperty.call(directiveHandlers, directiveName)) {
        directiveHandlers[directiveName](state, directiveName, directiveArgs);
      } else {
        throwWarning(state, 'unknown document directive "' + directiveName + '"');
      }
    }
    skipSeparationSpace(state, true, -1);
    if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45) {
      state.position += 3;
      skipSeparationSpace(state, true, -1);
    } else if (hasDirectives) {
      throwError(state, "directives end mark is expected");
    }
    composeNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, true);
    skipSeparationSpace(state, true, -1);
    if (state.checkLineBreaks && PATTERN_NON_ASCII_LINE_BREAKS.test(state.input.slice(documentStart, state.position))) {
      throwWarning(state, "non-ASCII line breaks are interpreted as content");
    }
    state.documents.push(state.result);
    if (state.position === state.lineStart && testDocumentSeparator(state)) {
      if (state.input.charCodeAt(state.position) === 46) {
        state.position += 3;
        skipSeparationSpace(state, true, -1);
      }
      return;
    }
    if (state.position < state.length - 1) {
      throwError(state, "end of the stream or a document separator is expected");
    }
  }
  function loadDocuments(input, options) {
    input = String(input);
    options = options || {};
    if (input.length !== 0) {
      if (input.charCodeAt(input.length - 1) !== 10 && input.charCodeAt(input.length - 1) !== 13) {
        input += "\n";
      }
      if (input.charCodeAt(0) === 65279) {
        input = input.slice(1);
      }
    }
    const state = new State(input, options);
    const nullpos = input.indexOf("\0");
    if (nullpos !== -1) {
      state.position = nullpos;
      throwError(state, "null byte is not allowed in input");
    }
    state.input += "\0";
    while (state.input.charCodeAt(state.position) === 32) {
      state.lineIndent += 1;
      state.position += 1;
    }
    while (state.position < state.length - 1) {
      readDocument(state);
    }
    return state.documents;
  }
  function loadAll2(input, iterator, options) {
    if (iterator !== null && typeof iterator === "object" && typeof options === "undefined") {
      options = iterator;
      iterator = null;
    }
    const documents = loadDocuments(input, options);
    if (typeof iterator !== "function") {
      return documents;
    }
    for (let index = 0, length = documents.length; index < length; index += 1) {
      iterator(documents[index]);
    }
  }
  function load22(input, options) {
    const documents = loadDocuments(input, options);
    if (documents.length === 0) {
      return void 0;
    } else if (documents.length === 1) {
      return documents[0];
    }
    throw new YAMLException2("expected a single document in the stream, but found more");
  }
  loader.loadAll = loadAll2;
  loader.load = load22;
  return loader;
}
function requireDumper() {
  if (hasRequiredDumper) return dumper;
  hasRequiredDumper = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const DEFAULT_SCHEMA2 = require_default();
  const _toString = Object.prototype.toString;
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CHAR_BOM = 65279;
  const CHAR_TAB = 9;
  const CHAR_LINE_FEED = 10;
  const CHAR_CARRIAGE_RETURN = 13;
  const CHAR_SPACE = 32;
  const CHAR_EXCLAMATION = 33;
  const CHAR_DOUBLE_QUOTE = 34;
  const CHAR_SHARP = 35;
  const CHAR_PERCENT = 37;
  const CHAR_AMPERSAND = 38;
  const CHAR_SINGLE_QUOTE = 39;
  const CHAR_ASTERISK = 42;
  const CHAR_COMMA = 44;
  const CHAR_MINUS = 45;
  const CHAR_COLON = 58;
  const CHAR_EQUALS = 61;
  const CHAR_GREATER_THAN = 62;
  const CHAR_QUESTION = 63;
  const CHAR_COMMERCIAL_AT = 64;
  const CHAR_LEFT_SQUARE_BRACKET = 91;
  const CHAR_RIGHT_SQUARE_BRACKET = 93;
  const CHAR_GRAVE_ACCENT = 96;
  const CHAR_LEFT_CURLY_BRACKET = 123;
  const CHAR_VERTICAL_LINE = 124;
  const CHAR_RIGHT_CURLY_BRACKET = 125;
  const ESCAPE_SEQUENCES = {};
  ESCAPE_SEQUENCES[0] = "\\0";
  ESCAPE_SEQUENCES[7] = "\\a";
  ESCAPE_SEQUENCES[8] = "\\b";
  ESCAPE_SEQUENCES[9] = "\\t";
  ESCAPE_SEQUENCES[10] = "\\n";
  ESCAPE_SEQUENCES[11] = "\\v";
  ESCAPE_SEQUENCES[12] = "\\f";
  ESCAPE_SEQUENCES[13] = "\\r";
  ESCAPE_SEQUENCES[27] = "\\e";
  ESCAPE_SEQUENCES[34] = '\\"';
  ESCAPE_SEQUENCES[92] = "\\\\";
  ESCAPE_SEQUENCES[133] = "\\N";
  ESCAPE_SEQUENCES[160] = "\\_";
  ESCAPE_SEQUENCES[8232] = "\\L";
  ESCAPE_SEQUENCES[8233] = "\\P";
  const DEPRECATED_BOOLEANS_SYNTAX = [
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "on",
    "On",
    "ON",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "off",
    "Off",
    "OFF"
  ];
  const DEPRECATED_BASE60_SYNTAX = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
  function compileStyleMap(schema2, map2) {
    if (map2 === null) return {};
    const result = {};
    const keys = Object.keys(map2);
    for (let index = 0, length = keys.length; index < length; index += 1) {
      let tag = keys[index];
      let style = String(map2[tag]);
      if (tag.slice(0, 2) === "!!") {
        tag = "tag:yaml.org,2002:" + tag.slice(2);
      }
      const type2 = schema2.compiledTypeMap["fallback"][tag];
      if (type2 && _hasOwnProperty.call(type2.styleAliases, style)) {
        style = type2.styleAliases[style];
      }
      result[tag] = style;
    }
    return result;
  }
  function encodeHex(character) {
    let handle;
    let length;
    const string = character.toString(16).toUpperCase();
    if (character <= 255) {
      handle = "x";
      length = 2;
    } else if (character <= 65535) {
      handle = "u";
      length = 4;
    } else if (character <= 4294967295) {
      handle = "U";
      length = 8;
    } else {
      throw new YAMLException2("code point within a string may not be greater than 0xFFFFFFFF");
    }
    return "\\" + handle + common2.repeat("0", length - string.length) + string;
  }
  const QUOTING_TYPE_SINGLE = 1;
  const QUOTING_TYPE_DOUBLE = 2;
  function State(options) {
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.indent = Math.max(1, options["indent"] || 2);
    this.noArrayIndent = options["noArrayIndent"] || false;
    this.skipInvalid = options["skipInvalid"] || false;
    this.flowLevel = common2.isNothing(options["flowLevel"]) ? -1 : options["flowLevel"];
    this.styleMap = compileStyleMap(this.schema, options["styles"] || null);
    this.sortKeys = options["sortKeys"] || false;
    this.lineWidth = options["lineWidth"] || 80;
    this.noRefs = options["noRefs"] || false;
    this.noCompatMode = options["noCompatMode"] || false;
    this.condenseFlow = options["condenseFlow"] || false;
    this.quotingType = options["quotingType"] === '"' ? QUOTING_TYPE_DOUBLE : QUOTING_TYPE_SINGLE;
    this.forceQuotes = options["forceQuotes"] || false;
    this.replacer = typeof options["replacer"] === "function" ? options["replacer"] : null;
    this.implicitTypes = this.schema.compiledImplicit;
    this.explicitTypes = this.schema.compiledExplicit;
    this.tag = null;
    this.result = "";
    this.duplicates = [];
    this.usedDuplicates = null;
  }
  function indentString(string, spaces) {
    const ind = common2.repeat(" ", spaces);
    let position = 0;
    let result = "";
    const length = string.length;
    while (position < length) {
      let line;
      const next = string.indexOf("\n", position);
      if (next === -1) {
        line = string.slice(position);
        position = length;
      } else {
        line = string.slice(position, next + 1);
        position = next + 1;
      }
      if (line.length && line !== "\n") result += ind;
      result += line;
    }
    return result;
  }
  function generateNextLine(state, level) {
    return "\n" + common2.repeat(" ", state.indent * level);
  }
  function testImplicitResolving(state, str2) {
    for (let index = 0, length = state.implicitTypes.length; index < length; index += 1) {
      const type2 = state.implicitTypes[index];
      if (type2.resolve(str2)) {
        return true;
      }
    }
    return false;
  }
  function isWhitespace(c) {
    return c === CHAR_SPACE || c === CHAR_TAB;
  }
  function isPrintable(c) {
    return c >= 32 && c <= 126 || c >= 161 && c <= 55295 && c !== 8232 && c !== 8233 || c >= 57344 && c <= 65533 && c !== CHAR_BOM || c >= 65536 && c <= 1114111;
  }
  function isNsCharOrWhitespace(c) {
    return isPrintable(c) && c !== CHAR_BOM && // - b-char
    c !== CHAR_CARRIAGE_RETURN && c !== CHAR_LINE_FEED;
  }
  function isPlainSafe(c, prev, inblock) {
    const cIsNsCharOrWhitespace = isNsCharOrWhitespace(c);
    const cIsNsChar = cIsNsCharOrWhitespace && !isWhitespace(c);
    return (
      // ns-plain-safe
      (inblock ? cIsNsCharOrWhitespace : cIsNsCharOrWhitespace && // - c-flow-indicator
      c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET) && // ns-plain-char
      c !== CHAR_SHARP && // false on '#'
      !(prev === CHAR_COLON && !cIsNsChar) || // false on ': '
      isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === CHAR_SHARP || // change to true on '[^ ]#'
      prev === CHAR_COLON && cIsNsChar
    );
  }
  function isPlainSafeFirst(c) {
    return isPrintable(c) && c !== CHAR_BOM && !isWhitespace(c) && // - s-white
    // - (c-indicator ::=
    // \u201c-\u201d | \u201c?\u201d | \u201c:\u201d | \u201c,\u201d | \u201c[\u201d | \u201c]\u201d | \u201c{\u201d | \u201c}\u201d
    c !== CHAR_MINUS && c !== CHAR_QUESTION && c !== CHAR_COLON && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && // | \u201c#\u201d | \u201c&\u201d | \u201c*\u201d | \u201c!\u201d | \u201c|\u201d | \u201c=\u201d | \u201c>\u201d | \u201c'\u201d | \u201c"\u201d
    c !== CHAR_SHARP && c !== CHAR_AMPERSAND && c !== CHAR_ASTERISK && c !== CHAR_EXCLAMATION && c !== CHAR_VERTICAL_LINE && c !== CHAR_EQUALS && c !== CHAR_GREATER_THAN && c !== CHAR_SINGLE_QUOTE && c !== CHAR_DOUBLE_QUOTE && // | \u201c%\u201d | \u201c@\u201d | \u201c`\u201d)
    c !== CHAR_PERCENT && c !== CHAR_COMMERCIAL_AT && c !== CHAR_GRAVE_ACCENT;
  }
  function isPlainSafeLast(c) {
    return !isWhitespace(c) && c !== CHAR_COLON;
  }
  function codePointAt(string, pos) {
    const first = string.charCodeAt(pos);
    let second;
    if (first >= 55296 && first <= 56319 && pos + 1 < string.length) {
      second = string.charCodeAt(pos + 1);
      if (second >= 56320 && second <= 57343) {
        return (first - 55296) * 1024 + second - 56320 + 65536;
      }
    }
    return first;
  }
  function needIndentIndicator(string) {
    const leadingSpaceRe = /^\n* /;
    return leadingSpaceRe.test(string);
  }
  const STYLE_PLAIN = 1;
  const STYLE_SINGLE = 2;
  const STYLE_LITERAL = 3;
  const STYLE_FOLDED = 4;
  const STYLE_DOUBLE = 5;
  function chooseScalarStyle(string, singleLineOnly, indentPerLevel, lineWidth, testAmbiguousType, quotingType, forceQuotes, inblock) {
    let i;
    let char = 0;
    let prevChar = null;
    let hasLineBreak = false;
    let hasFoldableLine = false;
    const shouldTrackWidth = lineWidth !== -1;
    let previousLineBreak = -1;
    let plain = isPlainSafeFirst(codePointAt(string, 0)) && isPlainSafeLast(codePointAt(string, string.length - 1));
    if (singleLineOnly || forceQuotes) {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
    } else {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (char === CHAR_LINE_FEED) {
          hasLineBreak = true;
          if (shouldTrackWidth) {
            hasFoldableLine = hasFoldableLine || // Foldable line = too long, and not more-indented.
            i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ";
            previousLineBreak = i;
          }
        } else if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
      hasFoldableLine = hasFoldableLine || shouldTrackWidth && (i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ");
    }
    if (!hasLineBreak && !hasFoldableLine) {
      if (plain && !forceQuotes && !testAmbiguousType(string)) {
        return STYLE_PLAIN;
      }
      return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
    }
    if (indentPerLevel > 9 && needIndentIndicator(string)) {
      return STYLE_DOUBLE;
    }
    if (!forceQuotes) {
      return hasFoldableLine ? STYLE_FOLDED : STYLE_LITERAL;
    }
    return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
  }
  function writeScalar(state, string, level, iskey, inblock) {
    state.dump = (function() {
      if (string.length === 0) {
        return state.quotingType === QUOTING_TYPE_DOUBLE ? '""' : "''";
      }
      if (!state.noCompatMode) {
        if (DEPRECATED_BOOLEANS_SYNTAX.indexOf(string) !== -1 || DEPRECATED_BASE60_SYNTAX.test(string)) {
          return state.quotingType === QUOTING_TYPE_DOUBLE ? '"' + string + '"' : "'" + string + "'";
        }
      }
      const indent = state.indent * Math.max(1, level);
      const lineWidth = state.lineWidth === -1 ? -1 : Math.max(Math.min(state.lineWidth, 40), state.lineWidth - indent);
      const singleLineOnly = iskey || // No block styles in flow mode.
      state.flowLevel > -1 && level >= state.flowLevel;
      function testAmbiguity(string2) {
        return testImplicitResolving(state, string2);
      }
      switch (chooseScalarStyle(
        string,
        singleLineOnly,
        state.indent,
        lineWidth,
        testAmbiguity,
        state.quotingType,
        state.forceQuotes && !iskey,
        inblock
      )) {
        case STYLE_PLAIN:
          return string;
        case STYLE_SINGLE:
          return "'" + string.replace(/'/g, "''") + "'";
        case STYLE_LITERAL:
          return "|" + blockHeader(string, state.indent) + dropEndingNewline(indentString(string, indent));
        case STYLE_FOLDED:
          return ">" + blockHeader(string, state.indent) + dropEndingNewline(indentString(foldString(string, lineWidth), indent));
        case STYLE_DOUBLE:
          return '"' + escapeString(string) + '"';
        default:
          throw new YAMLException2("impossible error: invalid scalar style");
      }
    })();
  }
  function blockHeader(string, indentPerLevel) {
    const indentIndicator = needIndentIndicator(string) ? String(indentPerLevel) : "";
    const clip = string[string.length - 1] === "\n";
    const keep = clip && (string[string.length - 2] === "\n" || string === "\n");
    const chomp = keep ? "+" : clip ? "" : "-";
    return indentIndicator + chomp + "\n";
  }
  function dropEndingNewline(string) {
    return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
  }
  function foldString(string, width) {
    const lineRe = /(\n+)([^\n]*)/g;
    let result = (function() {
      let nextLF = string.indexOf("\n");
      nextLF = nextLF !== -1 ? nextLF : string.length;
      lineRe.lastIndex = nextLF;
      return foldLine(string.slice(0, nextLF), width);
    })();
    let prevMoreIndented = string[0] === "\n" || string[0] === " ";
    let moreIndented;
    let match;
    while (match = lineRe.exec(string)) {
      const prefix = match[1];
      const line = match[2];
      moreIndented = line[0] === " ";
      result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
      prevMoreIndented = moreIndented;
    }
    return result;
  }
  function foldLine(line, width) {
    if (line === "" || line[0] === " ") return line;
    const breakRe = / [^ ]/g;
    let match;
    let start = 0;
    let end;
    let curr = 0;
    let next = 0;
    let result = "";
    while (match = breakRe.exec(line)) {
      next = match.index;
      if (next - start > width) {
        end = curr > start ? curr : next;
        result += "\n" + line.slice(start, end);
        start = end + 1;
      }
      curr = next;
    }
    result += "\n";
    if (line.length - start > width && curr > start) {
      result += line.slice(start, curr) + "\n" + line.slice(curr + 1);
    } else {
      result += line.slice(start);
    }
    return result.slice(1);
  }
  function escapeString(string) {
    let result = "";
    let char = 0;
    for (let i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
      char = codePointAt(string, i);
      const escapeSeq = ESCAPE_SEQUENCES[char];
      if (!escapeSeq && isPrintable(char)) {
        result += string[i];
        if (char >= 65536) result += string[i + 1];
      } else {
        result += escapeSeq || encodeHex(char);
      }
    }
    return result;
  }
  function writeFlowSequence(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level, value, false, false) || typeof value === "undefined" && writeNode(state, level, null, false, false)) {
        if (_result !== "") _result += "," + (!state.condenseFlow ? " " : "");
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = "[" + _result + "]";
  }
  function writeBlockSequence(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level + 1, value, true, true, false, true) || typeof value === "undefined" && writeNode(state, level + 1, null, true, true, false, true)) {
        if (!compact || _result !== "") {
          _result += generateNextLine(state, level);
        }
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          _result += "-";
        } else {
          _result += "- ";
        }
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = _result || "[]";
  }
  function writeFlowMapping(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (_result !== "") pairBuffer += ", ";
      if (state.condenseFlow) pairBuffer += '"';
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level, objectKey, false, false)) {
        continue;
      }
      if (state.dump.length > 1024) pairBuffer += "? ";
      pairBuffer += state.dump + (state.condenseFlow ? '"' : "") + ":" + (state.condenseFlow ? "" : " ");
      if (!writeNode(state, level, objectValue, false, false)) {
        continue;
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = "{" + _result + "}";
  }
  function writeBlockMapping(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    if (state.sortKeys === true) {
      objectKeyList.sort();
    } else if (typeof state.sortKeys === "function") {
      objectKeyList.sort(state.sortKeys);
    } else if (state.sortKeys) {
      throw new YAMLException2("sortKeys must be a boolean or a function");
    }
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (!compact || _result !== "") {
        pairBuffer += generateNextLine(state, level);
      }
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level + 1, objectKey, true, true, true)) {
        continue;
      }
      const explicitPair = state.tag !== null && state.tag !== "?" || state.dump && state.dump.length > 1024;
      if (explicitPair) {
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          pairBuffer += "?";
        } else {
          pairBuffer += "? ";
        }
      }
      pairBuffer += state.dump;
      if (explicitPair) {
        pairBuffer += generateNextLine(state, level);
      }
      if (!writeNode(state, level + 1, objectValue, true, explicitPair)) {
        continue;
      }
      if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
        pairBuffer += ":";
      } else {
        pairBuffer += ": ";
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = _result || "{}";
  }
  function detectType(state, object, explicit) {
    const typeList = explicit ? state.explicitTypes : state.implicitTypes;
    for (let index = 0, length = typeList.length; index < length; index += 1) {
      const type2 = typeList[index];
      if ((type2.instanceOf || type2.predicate) && (!type2.instanceOf || typeof object === "object" && object instanceof type2.instanceOf) && (!type2.predicate || type2.predicate(object))) {
        if (explicit) {
          if (type2.multi && type2.representName) {
            state.tag = type2.representName(object);
          } else {
            state.tag = type2.tag;
          }
        } else {
          state.tag = "?";
        }
        if (type2.represent) {
          const style = state.styleMap[type2.tag] || type2.defaultStyle;
          let _result;
          if (_toString.call(type2.represent) === "[object Function]") {
            _result = type2.represent(object, style);
          } else if (_hasOwnProperty.call(type2.represent, style)) {
            _result = type2.represent[style](object, style);
          } else {
            throw new YAMLException2("!<" + type2.tag + '> tag resolver accepts not "' + style + '" style');
          }
          state.dump = _result;
        }
        return true;
      }
    }
    return false;
  }
  function writeNode(state, level, object, block, compact, iskey, isblockseq) {
    state.tag = null;
    state.dump = object;
    if (!detectType(state, object, false)) {
      detectType(state, object, true);
    }
    const type2 = _toString.call(state.dump);
    const inblock = block;
    if (block) {
      block = state.flowLevel < 0 || state.flowLevel > level;
    }
    const objectOrArray = type2 === "[object Object]" || type2 === "[object Array]";
    let duplicateIndex;
    let duplicate;
    if (objectOrArray) {
      duplicateIndex = state.duplicates.indexOf(object);
      duplicate = duplicateIndex !== -1;
    }
    if (state.tag !== null && state.tag !== "?" || duplicate || state.indent !== 2 && level > 0) {
      compact = false;
    }
    if (duplicate && state.usedDuplicates[duplicateIndex]) {
      state.dump = "*ref_" + duplicateIndex;
    } else {
      if (objectOrArray && duplicate && !state.usedDuplicates[duplicateIndex]) {
        state.usedDuplicates[duplicateIndex] = true;
      }
      if (type2 === "[object Object]") {
        if (block && Object.keys(state.dump).length !== 0) {
          writeBlockMapping(state, level, state.dump, compact);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowMapping(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object Array]") {
        if (block && state.dump.length !== 0) {
          if (state.noArrayIndent && !isblockseq && level > 0) {
            writeBlockSequence(state, level - 1, state.dump, compact);
          } else {
            writeBlockSequence(state, level, state.dump, compact);
          }
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowSequence(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object String]") {
        if (state.tag !== "?") {
          writeScalar(state, state.dump, level, iskey, inblock);
        }
      } else if (type2 === "[object Undefined]") {
        return false;
      } else {
        if (state.skipInvalid) return false;
        throw new YAMLException2("unacceptable kind of an object to dump " + type2);
      }
      if (state.tag !== null && state.tag !== "?") {
        let tagStr = encodeURI(
          state.tag[0] === "!" ? state.tag.slice(1) : state.tag
        ).replace(/!/g, "%21");
        if (state.tag[0] === "!") {
          tagStr = "!" + tagStr;
        } else if (tagStr.slice(0, 18) === "tag:yaml.org,2002:") {
          tagStr = "!!" + tagStr.slice(18);
        } else {
          tagStr = "!<" + tagStr + ">";
        }
        state.dump = tagStr + " " + state.dump;
      }
    }
    return true;
  }
  function getDuplicateReferences(object, state) {
    const objects = [];
    const duplicatesIndexes = [];
    inspectNode(object, objects, duplicatesIndexes);
    const length = duplicatesIndexes.length;
    for (let index = 0; index < length; index += 1) {
      state.duplicates.push(objects[duplicatesIndexes[index]]);
    }
    state.usedDuplicates = new Array(length);
  }
  function inspectNode(object, objects, duplicatesIndexes) {
    if (object !== null && typeof object === "object") {
      const index = objects.indexOf(object);
      if (index !== -1) {
        if (duplicatesIndexes.indexOf(index) === -1) {
          duplicatesIndexes.push(index);
        }
      } else {
        objects.push(object);
        if (Array.isArray(object)) {
          for (let i = 0, length = object.length; i < length; i += 1) {
            inspectNode(object[i], objects, duplicatesIndexes);
          }
        } else {
          const objectKeyList = Object.keys(object);
          for (let i = 0, length = objectKeyList.length; i < length; i += 1) {
            inspectNode(object[objectKeyList[i]], objects, duplicatesIndexes);
          }
        }
      }
    }
  }
  function dump2(input, options) {
    options = options || {};
    const state = new State(options);
    if (!state.noRefs) getDuplicateReferences(input, state);
    let value = input;
    if (state.replacer) {
      value = state.replacer.call({ "": value }, "", value);
    }
    if (writeNode(state, 0, value, true, true)) return state.dump + "\n";
    return "";
  }
  dumper.dump = dump2;
  return dumper;
}
function requireJsYaml() {
  if (hasRequiredJsYaml) return jsYaml;
  hasRequiredJsYaml = 1;
  const loader2 = requireLoader();
  const dumper2 = requireDumper();
  function renamed(from, to) {
    return function() {
      throw new Error("Function yaml." + from + " is removed in js-yaml 4. Use yaml." + to + " instead, which is now safe by default.");
    };
  }
  jsYaml.Type = requireType();
  jsYaml.Schema = requireSchema();
  jsYaml.FAILSAFE_SCHEMA = requireFailsafe();
  jsYaml.JSON_SCHEMA = requireJson();
  jsYaml.CORE_SCHEMA = requireCore();
  jsYaml.DEFAULT_SCHEMA = require_default();
  jsYaml.load = loader2.load;
  jsYaml.loadAll = loader2.loadAll;
  jsYaml.dump = dumper2.dump;
  jsYaml.YAMLException = requireException();
  jsYaml.types = {
    binary: requireBinary(),
    float: requireFloat(),
    map: requireMap(),
    null: require_null(),
    pairs: requirePairs(),
    set: requireSet(),
    timestamp: requireTimestamp(),
    bool: requireBool(),
    int: requireInt(),
    merge: requireMerge(),
    omap: requireOmap(),
    seq: requireSeq(),
    str: requireStr()
  };
  jsYaml.safeLoad = renamed("safeLoad", "load");
  jsYaml.safeLoadAll = renamed("safeLoadAll", "loadAll");
  jsYaml.safeDump = renamed("safeDump", "dump");
  return jsYaml;
}
var jsYaml, loader, common, hasRequiredCommon, exception, hasRequiredException, snippet, hasRequiredSnippet, type, hasRequiredType, schema, hasRequiredSchema, str, hasRequiredStr, seq, hasRequiredSeq, map, hasRequiredMap, failsafe, hasRequiredFailsafe, _null, hasRequired_null, bool, hasRequiredBool, int2, hasRequiredInt, float, hasRequiredFloat, json, hasRequiredJson, core, hasRequiredCore, timestamp, hasRequiredTimestamp, merge, hasRequiredMerge, binary, hasRequiredBinary, omap, hasRequiredOmap, pairs, hasRequiredPairs, set, hasRequiredSet, _default, hasRequired_default, hasRequiredLoader, dumper, hasRequiredDumper, hasRequiredJsYaml, jsYamlExports, yaml, Type, Schema, FAILSAFE_SCHEMA, JSON_SCHEMA, CORE_SCHEMA, DEFAULT_SCHEMA, load2, loadAll, dump, YAMLException, types, safeLoad, safeLoadAll, safeDump;
var init_js_yaml = __esm({
  "node_modules/js-yaml/dist/js-yaml.mjs"() {
    jsYaml = {};
    loader = {};
    common = {};
    dumper = {};
    jsYamlExports = requireJsYaml();
    yaml = /* @__PURE__ */ getDefaultExportFromCjs(jsYamlExports);
    ({
      Type,
      Schema,
      FAILSAFE_SCHEMA,
      JSON_SCHEMA,
      CORE_SCHEMA,
      DEFAULT_SCHEMA,
      load: load2,
      loadAll,
      dump,
      YAMLException,
      types,
      safeLoad,
      safeLoadAll,
      safeDump
    } = yaml);
  }
});

// src/ci/buildkite/flattened-env.ts
function envKey(key2) {
  return key2.toUpperCase().replace(/[-\s]/g, "_");
}
function fromFlattenedEnv(env, prefix, schema2) {
  const names = Object.keys(env).filter((name) => name.startsWith(`${prefix}_`) && env[name] !== void 0);
  if (names.length === 0) return void 0;
  return readNode(env, names, prefix, schema2) ?? {};
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
  for (const [key2, child] of Object.entries(node.properties ?? {})) {
    const sub = `${at}_${envKey(key2)}`;
    const mine = below.filter((name) => name === sub || canNest(child) && name.startsWith(`${sub}_`));
    mine.forEach((name) => claimed.add(name));
    const value = readNode(env, mine, sub, child);
    if (value !== void 0) out[key2] = value;
  }
  for (const name of below) {
    if (claimed.has(name)) continue;
    const key2 = name.slice(at.length + 1).replace(/_\d+(?:_.*)?$/, "").toLowerCase().replace(/_/g, "-");
    if (key2 !== "" && !Object.hasOwn(out, key2)) out[key2] = env[name];
  }
  return out;
}
function canNest(node) {
  return node.type === "object" || node.type === "array" || (node.anyOf ?? []).some(canNest);
}
function coerce(text2, node) {
  if (node.type === "boolean" && (text2 === "true" || text2 === "false")) return text2 === "true";
  if ((node.type === "integer" || node.type === "number") && /^-?\d+$/.test(text2)) return Number(text2);
  return text2;
}
var init_flattened_env = __esm({
  "src/ci/buildkite/flattened-env.ts"() {
  }
});

// src/ci/buildkite/inputs.ts
function readPluginConfig(env = process.env) {
  const json2 = env[PLUGIN_CONFIGURATION_ENV];
  if (json2 !== void 0 && json2.trim() !== "") {
    return { value: parseJson2(json2, PLUGIN_CONFIGURATION_ENV) ?? {}, origin: PLUGIN_CONFIGURATION_ENV };
  }
  const flat = fromFlattenedEnv(env, PLUGIN_ENV_PREFIX, PLUGIN_SCHEMA);
  if (flat !== void 0) return { value: flat, origin: `${PLUGIN_ENV_PREFIX}_* variables` };
  return { value: {}, origin: "the plugin (no settings)" };
}
function readAgentHookConfig(env = process.env, options = {}) {
  const named = nonEmpty3(env[AGENT_HOOK_FILE_ENV]);
  const file = named ?? DEFAULT_CONFIG_FILE;
  const base2 = options.cwd ?? nonEmpty3(env.BUILDKITE_BUILD_CHECKOUT_PATH) ?? process.cwd();
  const path2 = (0, import_node_path11.isAbsolute)(file) ? file : (0, import_node_path11.join)(base2, file);
  const fromFile = readYamlFile(path2, named !== void 0);
  const json2 = nonEmpty3(env[AGENT_HOOK_CONFIGURATION_ENV]);
  const fromEnv = json2 !== void 0 ? { value: parseJson2(json2, AGENT_HOOK_CONFIGURATION_ENV), origin: AGENT_HOOK_CONFIGURATION_ENV } : mapOrUndefined(
    fromFlattenedEnv(env, AGENT_HOOK_ENV_PREFIX, PLUGIN_SCHEMA),
    `${AGENT_HOOK_ENV_PREFIX}_* variables`
  );
  if (fromFile === void 0) return fromEnv;
  if (fromEnv === void 0) return { value: fromFile, origin: path2 };
  if (!isMapping(fromEnv.value)) return fromEnv;
  return { value: { ...fromFile, ...fromEnv.value }, origin: `${path2} with ${fromEnv.origin}` };
}
function readBuildEnv(env = process.env) {
  const status = nonEmpty3(env.BUILDKITE_COMMAND_EXIT_STATUS);
  const entries = {
    organization: nonEmpty3(env.BUILDKITE_ORGANIZATION_SLUG),
    pipeline: nonEmpty3(env.BUILDKITE_PIPELINE_SLUG),
    branch: nonEmpty3(env.BUILDKITE_BRANCH),
    tag: nonEmpty3(env.BUILDKITE_TAG),
    commit: nonEmpty3(env.BUILDKITE_COMMIT),
    buildNumber: nonEmpty3(env.BUILDKITE_BUILD_NUMBER),
    buildId: nonEmpty3(env.BUILDKITE_BUILD_ID),
    jobId: nonEmpty3(env.BUILDKITE_JOB_ID),
    stepKey: nonEmpty3(env.BUILDKITE_STEP_KEY),
    label: nonEmpty3(env.BUILDKITE_LABEL),
    packagesHost: nonEmpty3(env.CONTAINER_PACKAGE_PACKAGES_HOST),
    commandExitStatus: status !== void 0 && /^-?\d+$/.test(status) ? Number(status) : void 0
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== void 0));
}
function readYamlFile(path2, required) {
  let text2;
  try {
    text2 = (0, import_node_fs7.readFileSync)(path2, "utf8");
  } catch (error) {
    if (!required && error.code === "ENOENT") return void 0;
    throw new ConfigError("CI_CONFIG_UNREADABLE", `cannot read the configuration file ${path2}`, {
      cause: error,
      hint: `Check ${AGENT_HOOK_FILE_ENV}; a relative path starts at the checkout directory.`
    });
  }
  let value;
  try {
    value = load2(text2, { filename: path2 });
  } catch (error) {
    const { reason, mark } = error;
    const where2 = mark === void 0 ? "" : ` at line ${mark.line + 1}, column ${mark.column + 1}`;
    throw new ConfigError(
      "CI_CONFIG_UNREADABLE",
      `${path2} is not valid YAML${where2}: ${reason ?? "parse error"}`
    );
  }
  if (value === void 0 || value === null) return {};
  if (!isMapping(value)) {
    throw new ConfigError(
      "CI_CONFIG_UNREADABLE",
      `${path2} must hold a mapping of options (registry:, images:, ...)`,
      {
        hint: "Write the same options as the plugin takes in pipeline YAML, at the top level of the file."
      }
    );
  }
  return value;
}
function parseJson2(text2, name) {
  try {
    return JSON.parse(text2);
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
function nonEmpty3(value) {
  return value === void 0 || value === "" ? void 0 : value;
}
var import_node_fs7, import_node_path11, PLUGIN_CONFIGURATION_ENV, PLUGIN_ENV_PREFIX, AGENT_HOOK_CONFIGURATION_ENV, AGENT_HOOK_FILE_ENV, AGENT_HOOK_ENV_PREFIX, DEFAULT_CONFIG_FILE;
var init_inputs = __esm({
  "src/ci/buildkite/inputs.ts"() {
    import_node_fs7 = require("node:fs");
    import_node_path11 = require("node:path");
    init_js_yaml();
    init_errors8();
    init_flattened_env();
    init_schema();
    PLUGIN_CONFIGURATION_ENV = "BUILDKITE_PLUGIN_CONFIGURATION";
    PLUGIN_ENV_PREFIX = "BUILDKITE_PLUGIN_CONTAINER_PACKAGE";
    AGENT_HOOK_CONFIGURATION_ENV = "CONTAINER_PACKAGE_CONFIGURATION";
    AGENT_HOOK_FILE_ENV = "CONTAINER_PACKAGE_CONFIGURATION_FILE";
    AGENT_HOOK_ENV_PREFIX = "CONTAINER_PACKAGE_CONFIG";
    DEFAULT_CONFIG_FILE = ".buildkite/container-package.yml";
  }
});

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
function fileStem(path2) {
  const base2 = path2.replace(/\/+$/, "").split("/").pop() ?? "";
  const stem = base2.replace(/\.(tar\.gz|tgz|tar|oci)$/i, "");
  const name = stem.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  return /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(name) ? name : void 0;
}
var init_default_name = __esm({
  "src/publish/plan/default-name.ts"() {
    init_reference2();
  }
});

// src/publish/plan/tags.ts
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
var DEFAULT_TAG_TEMPLATES;
var init_tags = __esm({
  "src/publish/plan/tags.ts"() {
    init_reference2();
    DEFAULT_TAG_TEMPLATES = ["{{build.number}}"];
  }
});

// src/publish/plan/images.ts
function planImageSet(images, registries, context) {
  const names = /* @__PURE__ */ new Map();
  return images.map((image2, index) => {
    const name = imageName(image2, index);
    const earlier = names.get(name);
    if (earlier !== void 0) {
      throw new PlanError("PUBLISH_DUPLICATE_NAME", index, `two images are named ${JSON.stringify(name)}`, {
        earlier,
        imageName: name,
        hint: "give each image its own name: the name is the repository under each registry"
      });
    }
    names.set(name, index);
    const { tags, skipped } = renderTags(image2.templates, context);
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
    return { source: image2.source, spec: image2.spec, name, tags, skippedTags: skipped, references };
  });
}
function imageName(image2, index) {
  const name = image2.name ?? defaultImageName(image2.spec);
  if (name === void 0) {
    throw new PlanError(
      "PUBLISH_NAME_REQUIRED",
      index,
      `cannot take an image name from the source ${JSON.stringify(image2.source)}`
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
var PlanError;
var init_images = __esm({
  "src/publish/plan/images.ts"() {
    init_errors();
    init_reference2();
    init_targets();
    init_default_name();
    init_tags();
    PlanError = class extends ContainerPackageError {
      index;
      /** For `PUBLISH_DUPLICATE_NAME`: the position of the first image with that name. */
      earlier;
      /** The image's name, once known. */
      imageName;
      constructor(code, index, message, details2 = {}) {
        super(code, message, details2);
        this.name = "PlanError";
        this.index = index;
        this.earlier = details2.earlier;
        this.imageName = details2.imageName;
      }
    };
  }
});

// src/publish/plan/index.ts
var init_plan = __esm({
  "src/publish/plan/index.ts"() {
    init_default_name();
    init_tags();
    init_images();
  }
});

// src/ci/buildkite/plan-images.ts
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
  return planned.map((image2) => ({
    ...image2,
    outputKeys: outputPrefix === void 0 ? void 0 : {
      digest: `${outputPrefix}:${image2.name}:digest`,
      references: `${outputPrefix}:${image2.name}:references`
    }
  }));
}
function configError(error, source) {
  const path2 = `images[${error.index}]`;
  switch (error.code) {
    case "PUBLISH_DUPLICATE_NAME": {
      const message = `\`images[${error.earlier ?? 0}]\` and \`${path2}\` are both named ${JSON.stringify(error.imageName)}: give each image its own \`name\``;
      return new ConfigError("CI_CONFIG_CONFLICT", message, {
        issues: [{ path: path2, message }],
        hint: "Set `name` on one of them; the name is the repository under each registry."
      });
    }
    case "PUBLISH_NAME_REQUIRED":
      return unresolvable(
        `\`${path2}\`: ${error.message}`,
        path2,
        `Add \`name: app\` to the image (${source}).`,
        error
      );
    case "PUBLISH_NO_TAG":
      return unresolvable(
        `\`${path2}\`: ${error.message}`,
        path2,
        'Add a tag that every build has, such as "{{build.number}}" or "latest".',
        error
      );
    default:
      return unresolvable(
        `\`${path2}\`: ${error.message}`,
        path2,
        'Set `name` to a lowercase name such as "app".',
        error
      );
  }
}
function unresolvable(message, path2, hint, cause) {
  return new ConfigError("CI_CONFIG_UNRESOLVABLE", message, { issues: [{ path: path2, message }], hint, cause });
}
var DEFAULT_TAGS;
var init_plan_images = __esm({
  "src/ci/buildkite/plan-images.ts"() {
    init_plan();
    init_spec();
    init_errors8();
    init_plan();
    DEFAULT_TAGS = DEFAULT_TAG_TEMPLATES;
  }
});

// src/ci/buildkite/plan-registries.ts
function planRegistries(config, organization, packagesHost) {
  const host = checkPackagesHost(packagesHost);
  const items = config.registry === void 0 ? [] : Array.isArray(config.registry) ? config.registry : [config.registry];
  const seen = /* @__PURE__ */ new Map();
  return items.map((item, i) => {
    const options = typeof item === "string" ? { url: item } : item;
    const path2 = Array.isArray(config.registry) ? typeof item === "string" ? `registry[${i}]` : `registry[${i}].url` : "registry";
    const target = parseTarget(options.url, organization, host, path2);
    const earlier = seen.get(target.prefix);
    if (earlier !== void 0) {
      throw conflict(
        `\`${path2}\` and \`${earlier}\` are the same registry (${target.prefix}): list it once`,
        path2
      );
    }
    seen.set(target.prefix, path2);
    return { target, auth: planAuth(target, config, options, path2) };
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
function parseTarget(url, organization, packagesHost, path2) {
  try {
    return parseBuildkiteRegistry(url, {
      ...organization !== void 0 && { organization },
      ...packagesHost !== void 0 && { packagesHost }
    });
  } catch (error) {
    const { message, hint } = error;
    throw new ConfigError("CI_CONFIG_UNRESOLVABLE", `\`${path2}\`: ${message}`, {
      cause: error,
      issues: [{ path: path2, message }],
      ...hint === void 0 ? {} : { hint }
    });
  }
}
function planAuth(target, top, item, path2) {
  const own = item.auth !== void 0 || item["token-env"] !== void 0 || item.secret !== void 0;
  const group = own ? item : top;
  const buildkite2 = target.kind === "buildkite";
  const method = group.auth ?? (group["token-env"] !== void 0 ? "token-env" : group.secret !== void 0 ? "secret" : buildkite2 ? "oidc" : "docker-config");
  switch (method) {
    case "oidc":
      return {
        method: "oidc",
        audience: oidcAudience(target, top, item, path2),
        lifetimeSeconds: OIDC_LIFETIME_SECONDS
      };
    case "token-env":
    case "secret": {
      const source = method === "token-env" ? { kind: "env", name: group["token-env"] } : { kind: "secret", name: group.secret };
      return {
        method: "token",
        source,
        username: item.username ?? top.username ?? (buildkite2 ? BUILDKITE_USERNAME : void 0)
      };
    }
    case "docker-config":
      return { method: "docker-config" };
    case "none":
      return { method: "none" };
  }
}
function oidcAudience(target, top, item, path2) {
  if (target.kind === "buildkite") {
    const audience2 = buildkiteAudience(target.organization, target.registry, target.host);
    if (item.audience !== void 0 && item.audience !== audience2) {
      throw conflict(
        `\`${path2}\` is a Buildkite Packages registry, whose OIDC audience is always ${audience2}; remove \`audience: ${item.audience}\``,
        path2
      );
    }
    return audience2;
  }
  const audience = item.audience ?? top.audience;
  if (audience === void 0) {
    throw new ConfigError(
      "CI_CONFIG_UNRESOLVABLE",
      `\`${path2}\` (${target.host}) uses OIDC but has no \`audience\``,
      {
        issues: [{ path: path2, message: "OIDC outside Buildkite Packages needs an audience" }],
        hint: "Set `audience` to the value the registry expects in the token, or use `token-env`/`secret`."
      }
    );
  }
  if (audience.replace(/^https:\/\//, "").toLowerCase().startsWith(`${BUILDKITE_PACKAGES_HOST}/`)) {
    throw conflict(
      `\`${path2}\` (${target.host}) asks for an OIDC token meant for Buildkite Packages (${audience}); such a token is only ever sent to ${BUILDKITE_PACKAGES_HOST}`,
      path2
    );
  }
  return audience;
}
function conflict(message, path2) {
  return new ConfigError("CI_CONFIG_CONFLICT", message, { issues: [{ path: path2, message }] });
}
var OIDC_LIFETIME_SECONDS;
var init_plan_registries = __esm({
  "src/ci/buildkite/plan-registries.ts"() {
    init_reference2();
    init_errors8();
    OIDC_LIFETIME_SECONDS = 300;
  }
});

// src/ci/buildkite/plan.ts
function planPublish(config, build2, options = {}) {
  const registries = planRegistries(
    config,
    build2.organization,
    config["packages-host"] ?? build2.packagesHost
  );
  const outputs = metaData2(config);
  const images = planImages(config, registries, tagContext(build2, options.now), outputs?.prefix);
  return {
    registries,
    images,
    push: pushDecision(config, build2),
    retries: config.retries ?? PLAN_DEFAULTS.retries,
    compression: config.compression ?? PLAN_DEFAULTS.compression,
    summary: summary(config, build2),
    outputs,
    localRegistry: localRegistry2(config),
    credentialScopes: registries.filter(({ auth }) => auth.method === "oidc" || auth.method === "token").map(({ target }) => target.prefix)
  };
}
function tagContext(build2, now) {
  const context = {
    branch: build2.branch,
    buildNumber: build2.buildNumber,
    commit: build2.commit,
    gitTag: build2.tag,
    pipeline: build2.pipeline,
    buildId: build2.buildId,
    jobId: build2.jobId,
    date: now
  };
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== void 0));
}
function pushDecision(config, build2) {
  const when = config.push ?? PLAN_DEFAULTS.push;
  const status = build2.commandExitStatus;
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
function summary(config, build2) {
  if (config.annotate === false) return void 0;
  const options = typeof config.annotate === "object" ? config.annotate : {};
  const id = build2.stepKey ?? build2.jobId ?? "job";
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
function metaData2(config) {
  const option = config["meta-data"];
  if (option === false) return void 0;
  return { prefix: (typeof option === "object" ? option.prefix : void 0) ?? PLAN_DEFAULTS.metaDataPrefix };
}
function localRegistry2(config) {
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
var PLAN_DEFAULTS;
var init_plan2 = __esm({
  "src/ci/buildkite/plan.ts"() {
    init_reference2();
    init_plan_images();
    init_plan_registries();
    init_schema();
    init_plan_images();
    init_plan_registries();
    PLAN_DEFAULTS = {
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
  }
});

// src/ci/buildkite/describe-value.ts
function formatPath(path2) {
  let out = "";
  for (const segment of path2) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
function looksSecret(value) {
  if (TOKEN_PREFIXES.some((prefix) => value.startsWith(prefix))) return true;
  return value.length >= 24 && /^[A-Za-z0-9_\-+/=.]+$/.test(value) && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}
function isSecretKeyName(key2) {
  return /token|passw|secret|api[-_]?key|credential|private[-_]?key/i.test(key2);
}
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
    const distance = editDistance2(target, norm(candidate));
    if (distance <= bestDistance && (best === void 0 || distance < editDistance2(target, norm(best)))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance2(a, b) {
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
var TOKEN_PREFIXES, MAX_QUOTED;
var init_describe_value = __esm({
  "src/ci/buildkite/describe-value.ts"() {
    TOKEN_PREFIXES = [
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
    MAX_QUOTED = 80;
  }
});

// src/ci/buildkite/check-schema.ts
function checkSchema(value, schema2, options = {}) {
  const issues = [];
  visit(value, schema2, [], options, issues);
  return issues;
}
function visit(value, node, path2, options, issues) {
  const where2 = formatPath(path2);
  const hide = path2.some((segment) => typeof segment === "string" && isSecretKeyName(segment));
  const issue = (message) => void issues.push({ path: where2, message });
  if (node.anyOf !== void 0) {
    const branches = node.anyOf.filter(
      (branch) => branch.type === void 0 || typeMatches(value, branch.type)
    );
    if (branches.length === 0) {
      const expected = node.anyOf.map((branch) => TYPE_WORDS[branch.type]).join(" or ");
      return issue(`${label(where2)} must be ${expected}, got ${describeValue(value, hide)}${explain(node)}`);
    }
    const results = branches.map((branch) => checkSchemaAt(value, branch, path2, options));
    const best = results.reduce((a, b) => b.length < a.length ? b : a);
    issues.push(...best);
    return;
  }
  if (node.type !== void 0 && !typeMatches(value, node.type)) {
    return issue(
      `${label(where2)} must be ${TYPE_WORDS[node.type]}, got ${describeValue(value, hide)}${explain(node)}`
    );
  }
  if (node.enum !== void 0 && !node.enum.includes(value)) {
    const allowed = node.enum.map(String);
    const guess = typeof value === "string" ? closest(value, allowed) : void 0;
    const suggestion = guess === void 0 ? "" : ` (did you mean ${guess}?)`;
    return issue(
      `${label(where2)} must be one of ${allowed.join(", ")}; got ${describeValue(value, hide)}${suggestion}`
    );
  }
  if (typeof value === "string") checkString(value, node, where2, hide, options, issue);
  if (typeof value === "number") checkNumber(value, node, where2, issue);
  if (Array.isArray(value)) {
    if (node.minItems !== void 0 && value.length < node.minItems) {
      issue(
        `${label(where2)} must list at least ${node.minItems} item${node.minItems === 1 ? "" : "s"}${explain(node)}`
      );
    }
    if (node.items !== void 0)
      value.forEach((item, i) => visit(item, node.items, [...path2, i], options, issues));
  }
  if (jsonType(value) === "object")
    checkObject(value, node, path2, options, issues);
}
function checkSchemaAt(value, node, path2, options) {
  const issues = [];
  visit(value, node, path2, options, issues);
  return issues;
}
function checkString(value, node, where2, hide, options, issue) {
  if (node.minLength !== void 0 && [...value].length < node.minLength) {
    issue(`${label(where2)} must not be empty${explain(node)}`);
  } else if (node.pattern !== void 0 && !new RegExp(node.pattern, "u").test(value)) {
    const rule = options.patterns?.[node.pattern] ?? `text matching ${node.pattern}`;
    issue(`${label(where2)} must be ${rule}; got ${describeValue(value, hide)}`);
  }
}
function checkNumber(value, node, where2, issue) {
  const { minimum, maximum } = node;
  const below = minimum !== void 0 && value < minimum;
  const above = maximum !== void 0 && value > maximum;
  if (!below && !above) return;
  const range = minimum !== void 0 && maximum !== void 0 ? `between ${minimum} and ${maximum}` : minimum !== void 0 ? `at least ${minimum}` : `at most ${maximum}`;
  issue(`${label(where2)} must be ${range}, got ${value}`);
}
function checkObject(value, node, path2, options, issues) {
  const where2 = formatPath(path2);
  const properties = node.properties ?? {};
  const known = Object.keys(properties);
  for (const key2 of Object.keys(value)) {
    if (Object.hasOwn(properties, key2)) {
      visit(value[key2], properties[key2], [...path2, key2], options, issues);
    } else if (node.additionalProperties === false) {
      const custom = options.unknownKey?.(key2, where2);
      const guess = closest(key2, known);
      const suggestion = guess === void 0 ? "" : ` (did you mean \`${guess}\`?)`;
      const place = where2 === "" ? "" : ` in \`${where2}\``;
      const message = custom ?? `unknown option \`${key2}\`${place}${suggestion}; the options here are ${known.join(", ")}`;
      issues.push({ path: formatPath([...path2, key2]), message });
    }
  }
  for (const key2 of node.required ?? []) {
    if (!Object.hasOwn(value, key2)) {
      const what = properties[key2]?.description;
      const place = where2 === "" ? "the configuration" : `\`${where2}\``;
      issues.push({
        path: where2,
        message: `${place} needs \`${key2}\`${what === void 0 ? "" : ` (${what})`}`
      });
    }
  }
}
function typeMatches(value, type2) {
  const actual = jsonType(value);
  return actual === type2 || type2 === "number" && actual === "integer";
}
function label(where2) {
  return where2 === "" ? "the configuration" : `\`${where2}\``;
}
function explain(node) {
  const description = node.description ?? node.anyOf?.find((branch) => branch.description)?.description;
  return description === void 0 ? "" : `. ${description}`;
}
var TYPE_WORDS;
var init_check_schema = __esm({
  "src/ci/buildkite/check-schema.ts"() {
    init_describe_value();
    TYPE_WORDS = {
      string: "text",
      boolean: "true or false",
      integer: "a whole number",
      number: "a number",
      array: "a list",
      object: "a mapping"
    };
  }
});

// src/ci/buildkite/validate.ts
function validatePluginConfig(raw, origin = "the plugin configuration") {
  const issues = checkSchema(raw, PLUGIN_SCHEMA, { patterns: PATTERNS, unknownKey });
  if (issues.length === 0) issues.push(...checkValues(raw));
  if (issues.length > 0) throw configError2("CI_CONFIG_INVALID", origin, issues);
  const conflicts = checkConflicts(raw);
  if (conflicts.length > 0) throw configError2("CI_CONFIG_CONFLICT", origin, conflicts);
  return raw;
}
function unknownKey(key2, where2) {
  if (!isSecretKeyName(key2)) return void 0;
  const at = where2 === "" ? key2 : `${where2}.${key2}`;
  return `\`${at}\` is not an option: ${NO_LITERAL_TOKENS}`;
}
function checkValues(config) {
  const issues = [];
  const authIssues = (options, path2) => {
    for (const key2 of ["token-env", "secret"]) {
      const value = options[key2];
      if (value !== void 0 && looksSecret(value)) {
        const where2 = formatPath([...path2, key2]);
        issues.push({
          path: where2,
          message: `\`${where2}\` takes the NAME of where the token is, and this value looks like a token itself (not shown): ${NO_LITERAL_TOKENS}. If it was a real token, revoke it.`
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
  const templates = (tags, path2) => tags?.forEach((template, i) => {
    try {
      renderTagTemplate(template, SAMPLE_CONTEXT);
    } catch (error) {
      const where2 = formatPath([...path2, i]);
      issues.push({ path: where2, message: `\`${where2}\`: ${error.message}` });
    }
  });
  templates(config.tags, ["tags"]);
  config.images?.forEach((image2, i) => {
    const source = typeof image2 === "string" ? image2 : image2.source;
    const path2 = typeof image2 === "string" ? ["images", i] : ["images", i, "source"];
    try {
      parseSource(source);
    } catch (error) {
      const where2 = formatPath(path2);
      issues.push({ path: where2, message: `\`${where2}\`: ${error.message}` });
    }
    if (typeof image2 !== "string") templates(image2.tags, ["images", i, "tags"]);
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
  const auth = (options, path2) => {
    const at = (key2) => formatPath([...path2, key2]);
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
      const key2 = tokenEnv ? "token-env" : "secret";
      issues.push({
        path: at(key2),
        message: `\`${at("auth")}: ${method}\` uses no token, but \`${at(key2)}\` is set: remove one of them`
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
var PATTERNS, NO_LITERAL_TOKENS, SAMPLE_CONTEXT;
var init_validate = __esm({
  "src/ci/buildkite/validate.ts"() {
    init_reference2();
    init_spec();
    init_check_schema();
    init_describe_value();
    init_errors8();
    init_schema();
    PATTERNS = {
      [ENV_NAME_PATTERN]: "the name of an environment variable or secret (letters, digits and _, not starting with a digit)"
    };
    NO_LITERAL_TOKENS = "a token never goes in pipeline YAML (the YAML is stored with every build and shown in the UI). Put it in an environment variable and write `token-env: NAME`, or store it as a Buildkite secret and write `secret: NAME`";
    SAMPLE_CONTEXT = {
      branch: "main",
      buildNumber: 1,
      buildId: "b",
      jobId: "j",
      commit: "0123456789abcdef",
      gitTag: "v1",
      pipeline: "p",
      date: /* @__PURE__ */ new Date(0)
    };
  }
});

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
var init_context = __esm({
  "src/ci/buildkite/hooks/context.ts"() {
    init_agent();
    init_inputs();
    init_plan2();
    init_validate();
  }
});

// src/ci/buildkite/hooks/state.ts
async function readState(dir) {
  if (!dir || !(0, import_node_fs8.existsSync)((0, import_node_path12.join)(dir, FILE))) return void 0;
  return JSON.parse(await (0, import_promises17.readFile)((0, import_node_path12.join)(dir, FILE), "utf8"));
}
async function writeState(dir, state) {
  const tmp = (0, import_node_path12.join)(dir, `${FILE}.${process.pid}.tmp`);
  await (0, import_promises17.writeFile)(tmp, JSON.stringify(state, null, 2), { mode: 384 });
  await (0, import_promises17.rename)(tmp, (0, import_node_path12.join)(dir, FILE));
}
var import_node_fs8, import_promises17, import_node_path12, STATE_DIR_ENV, FILE;
var init_state = __esm({
  "src/ci/buildkite/hooks/state.ts"() {
    import_node_fs8 = require("node:fs");
    import_promises17 = require("node:fs/promises");
    import_node_path12 = require("node:path");
    STATE_DIR_ENV = "CONTAINER_PACKAGE_STATE_DIR";
    FILE = "state.json";
  }
});

// src/docker-config/errors.ts
var DockerConfigError;
var init_errors9 = __esm({
  "src/docker-config/errors.ts"() {
    init_errors();
    DockerConfigError = class extends ContainerPackageError {
      /** The directory or file concerned. */
      path;
      constructor(code, path2, message, details2 = {}) {
        super(code, message, details2);
        this.name = "DockerConfigError";
        this.path = path2;
      }
    };
  }
});

// src/docker-config/scope.ts
function splitServerAddress(address) {
  const bare = address.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const slash = bare.indexOf("/");
  const rawHost = (slash < 0 ? bare : bare.slice(0, slash)).toLowerCase();
  const host = DOCKER_HUB_ALIASES.has(rawHost) ? "docker.io" : rawHost;
  const path2 = (slash < 0 ? "" : bare.slice(slash + 1)).replace(/^\/+|\/+$/g, "");
  return { host, path: /^v[12]$/.test(path2) ? "" : path2 };
}
function keyConcernsScope(key2, scope) {
  const k = splitServerAddress(key2);
  const s = splitServerAddress(scope);
  if (k.host !== s.host) return false;
  if (k.path === "" || s.path === "") return true;
  return k.path === s.path || s.path.startsWith(`${k.path}/`) || k.path.startsWith(`${s.path}/`);
}
var DOCKER_HUB_ALIASES;
var init_scope = __esm({
  "src/docker-config/scope.ts"() {
    DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
  }
});

// src/docker-config/filter.ts
function isolatedConfig(agent, scopes) {
  const config = structuredClone(agent);
  const concerns = (key2) => scopes.some((scope) => keyConcernsScope(key2, scope));
  const dropped = [];
  const auths = isRecord(config.auths) ? config.auths : void 0;
  const helpers = isRecord(config.credHelpers) ? config.credHelpers : void 0;
  for (const table of [auths, helpers]) {
    for (const key2 of Object.keys(table ?? {})) {
      if (!concerns(key2)) continue;
      delete table[key2];
      if (!dropped.includes(key2)) dropped.push(key2);
    }
  }
  const store = typeof config.credsStore === "string" && config.credsStore !== "" ? config.credsStore : void 0;
  if (store !== void 0) {
    delete config.credsStore;
    const converted = { ...helpers };
    for (const key2 of Object.keys(auths ?? {})) converted[key2] ??= store;
    if (Object.keys(converted).length > 0) config.credHelpers = converted;
  }
  return { config, report: { dropped, credsStore: store } };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var init_filter = __esm({
  "src/docker-config/filter.ts"() {
    init_scope();
  }
});

// src/docker-config/isolate.ts
function createIsolatedDockerConfig(options = {}) {
  const env = options.env ?? process.env;
  const given = (0, import_node_path13.resolve)(options.source ?? (env.DOCKER_CONFIG || (0, import_node_path13.join)((0, import_node_os6.homedir)(), ".docker")));
  const source = originalSource(given) ?? given;
  const { config, report: report2 } = isolatedConfig(readAgentConfig(source), options.registriesToDrop ?? []);
  let dir;
  try {
    dir = (0, import_node_fs9.mkdtempSync)((0, import_node_path13.join)(options.tmpRoot ?? (0, import_node_os6.tmpdir)(), "container-package-docker-"));
  } catch (error) {
    throw new DockerConfigError(
      "DOCKER_CONFIG_WRITE_FAILED",
      options.tmpRoot ?? (0, import_node_os6.tmpdir)(),
      "cannot create the job's docker config directory",
      {
        cause: error,
        hint: "Check that the temp directory exists and is writable (TMPDIR)."
      }
    );
  }
  const configPath = (0, import_node_path13.join)(dir, "config.json");
  try {
    (0, import_node_fs9.writeFileSync)((0, import_node_path13.join)(dir, MARKER_FILE), `${JSON.stringify({ source })}
`, { mode: 384 });
    (0, import_node_fs9.writeFileSync)(configPath, `${JSON.stringify(config, null, "	")}
`, { mode: 384 });
    for (const name of LINKED_DIRS) {
      const target = (0, import_node_path13.join)(source, name);
      if ((0, import_node_fs9.existsSync)(target) && (0, import_node_fs9.lstatSync)(target).isDirectory()) (0, import_node_fs9.symlinkSync)(target, (0, import_node_path13.join)(dir, name), "dir");
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
  return { dir, configPath, source, report: report2, dispose: () => removeTree(dir) };
}
function removeIsolatedDockerConfig(dir) {
  if (!(0, import_node_fs9.existsSync)(dir)) return;
  if (!(0, import_node_fs9.existsSync)((0, import_node_path13.join)(dir, MARKER_FILE))) {
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
  (0, import_node_fs9.rmSync)(dir, { recursive: true, force: true });
}
function originalSource(dir) {
  try {
    const marker = JSON.parse((0, import_node_fs9.readFileSync)((0, import_node_path13.join)(dir, MARKER_FILE), "utf8"));
    return typeof marker.source === "string" ? marker.source : void 0;
  } catch {
    return void 0;
  }
}
function readAgentConfig(source) {
  const path2 = (0, import_node_path13.join)(source, "config.json");
  let text2;
  try {
    text2 = (0, import_node_fs9.readFileSync)(path2, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return {};
    throw new DockerConfigError(
      "DOCKER_CONFIG_UNREADABLE",
      path2,
      `cannot read the agent's docker config ${path2}`,
      { cause: error }
    );
  }
  const value = parseJsonObject(text2);
  if (value === void 0) {
    throw new DockerConfigError(
      "DOCKER_CONFIG_UNREADABLE",
      path2,
      `the agent's docker config ${path2} is not a JSON object`,
      {
        hint: "Fix or remove that file (docker login recreates it)."
      }
    );
  }
  return value;
}
var import_node_fs9, import_node_os6, import_node_path13, LINKED_DIRS, MARKER_FILE;
var init_isolate = __esm({
  "src/docker-config/isolate.ts"() {
    import_node_fs9 = require("node:fs");
    import_node_os6 = require("node:os");
    import_node_path13 = require("node:path");
    init_errors9();
    init_filter();
    init_json_object();
    LINKED_DIRS = ["buildx", "contexts", "cli-plugins"];
    MARKER_FILE = ".container-package-docker-config";
  }
});

// src/docker-config/index.ts
var init_docker_config2 = __esm({
  "src/docker-config/index.ts"() {
    init_errors9();
    init_filter();
    init_isolate();
    init_scope();
  }
});

// src/ci/buildkite/hooks/set-up-job.ts
async function setUpJob(context, raw, now) {
  const plan = planFrom(context, raw, now);
  const stateDir = await (0, import_promises18.mkdtemp)((0, import_node_path14.join)(context.env.TMPDIR || (0, import_node_os7.tmpdir)(), "container-package-job-"));
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
var import_promises18, import_node_os7, import_node_path14;
var init_set_up_job = __esm({
  "src/ci/buildkite/hooks/set-up-job.ts"() {
    import_promises18 = require("node:fs/promises");
    import_node_os7 = require("node:os");
    import_node_path14 = require("node:path");
    init_docker_config2();
    init_context();
    init_state();
  }
});

// src/ci/buildkite/hooks/environment.ts
var environment_exports = {};
__export(environment_exports, {
  environmentHook: () => environmentHook
});
async function environmentHook(context, now = /* @__PURE__ */ new Date()) {
  if (context.mode === "agent") return {};
  return setUpJob(context, readConfig(context) ?? { value: {}, origin: "the plugin (no settings)" }, now);
}
var init_environment = __esm({
  "src/ci/buildkite/hooks/environment.ts"() {
    init_context();
    init_set_up_job();
  }
});

// src/ci/buildkite/hooks/post-checkout.ts
var post_checkout_exports = {};
__export(post_checkout_exports, {
  postCheckoutHook: () => postCheckoutHook
});
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
var init_post_checkout = __esm({
  "src/ci/buildkite/hooks/post-checkout.ts"() {
    init_context();
    init_set_up_job();
    init_state();
  }
});

// src/ci/buildkite/hooks/credentials.ts
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
  const username = planned.auth.method === "token" ? planned.auth.username : void 0;
  if (target.kind === "buildkite") {
    return {
      ...username !== void 0 && { username },
      prefix: target.prefix,
      host: target.host,
      kind: "buildkite",
      organization: target.organization,
      registry: target.registry,
      ...audience !== void 0 && { audience }
    };
  }
  const resolved = resolveTarget(target.prefix, audience ? { audience } : {});
  const user = username ?? (planned.auth.method === "oidc" ? BUILDKITE_USERNAME : void 0);
  return user === void 0 ? resolved : { ...resolved, username: user };
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
      return { username: BUILDKITE_USERNAME, password: token };
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
      return { username: auth.username ?? BUILDKITE_USERNAME, password: token };
    }
    default:
      return void 0;
  }
}
var minted;
var init_credentials = __esm({
  "src/ci/buildkite/hooks/credentials.ts"() {
    init_jwt_claims();
    init_errors();
    init_targets();
    init_reference2();
    minted = /* @__PURE__ */ new WeakMap();
  }
});

// src/ci/buildkite/hooks/report-failure.ts
async function reportFailure(context, plan, error, stage = "push") {
  const coded = isContainerPackageError(error);
  const message = error instanceof Error ? error.message : String(error);
  context.log(
    `container-package: ${stage} failed${plan.summary ? " (the build annotation has the cause and the fix)" : ""}`
  );
  if (!plan.summary) return;
  const status = error.status;
  const where2 = error;
  const registry = where2.publishTarget ?? (plan.registries[0] && publishTarget(plan.registries[0]));
  const oidc = registry && mintedOidcToken(context, registry.prefix);
  const body = renderFailure(
    {
      code: coded ? error.code : "UNKNOWN",
      message,
      ...coded && error.hint ? { hint: error.hint } : {},
      ...typeof status === "number" ? { status } : {},
      ...registry && { registry },
      ...where2.publishSource && { source: where2.publishSource },
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
var init_report_failure = __esm({
  "src/ci/buildkite/hooks/report-failure.ts"() {
    init_errors();
    init_render();
    init_credentials();
  }
});

// src/exec/local-registry.ts
var local_registry_exports = {};
__export(local_registry_exports, {
  startLocalRegistry: () => startLocalRegistry,
  stopLocalRegistryGracefully: () => stopLocalRegistryGracefully
});
async function startLocalRegistry(options) {
  const logFile = (0, import_node_path15.join)(options.logDir, "registry.log");
  const fd = (0, import_node_fs10.openSync)(logFile, "a", 384);
  const child = (0, import_node_child_process.spawn)(
    options.node ?? process.execPath,
    [
      options.cli,
      "registry",
      "serve",
      "--listen",
      `127.0.0.1:${options.port}`,
      "--storage",
      options.storage,
      ...options.args ?? []
    ],
    { detached: true, stdio: ["ignore", fd, fd] }
  );
  (0, import_node_fs10.closeSync)(fd);
  let exited;
  child.once("exit", (code) => exited = code);
  child.unref();
  const deadline = Date.now() + (options.readyTimeoutMs ?? 3e4);
  while (Date.now() < deadline) {
    const log = await (0, import_promises19.readFile)(logFile, "utf8").catch(() => "");
    const match = READY.exec(log);
    if (match && child.pid !== void 0) {
      return { pid: child.pid, url: match[1], address: match[2], logFile };
    }
    if (exited !== void 0) break;
    await new Promise((resolve2) => setTimeout(resolve2, 50));
  }
  if (child.pid !== void 0 && exited === void 0) stopLocalRegistry(child.pid);
  const tail = (await (0, import_promises19.readFile)(logFile, "utf8").catch(() => "")).split("\n").slice(-10).join("\n");
  throw new ExecError(
    "EXEC_FAILED",
    "container-package registry serve",
    `the local registry did not start${exited !== void 0 ? ` (exit ${exited})` : " in time"}:
${tail}`,
    { hint: `see ${logFile}` }
  );
}
async function stopLocalRegistryGracefully(pid, graceMs = 1e4) {
  if (!alive(pid)) return;
  stopLocalRegistry(pid);
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve2) => setTimeout(resolve2, 50));
  if (alive(pid)) process.kill(pid, "SIGKILL");
}
function stopLocalRegistry(pid) {
  try {
    process.kill(pid, "SIGTERM");
  } catch {
  }
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
var import_node_child_process, import_node_fs10, import_promises19, import_node_path15, READY;
var init_local_registry = __esm({
  "src/exec/local-registry.ts"() {
    import_node_child_process = require("node:child_process");
    import_node_fs10 = require("node:fs");
    import_promises19 = require("node:fs/promises");
    import_node_path15 = require("node:path");
    init_errors6();
    READY = /^registry listening on (http:\/\/(\S+))$/m;
  }
});

// src/ci/buildkite/hooks/pre-command.ts
var pre_command_exports = {};
__export(pre_command_exports, {
  preCommandHook: () => preCommandHook
});
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
      const { login: login2 } = await Promise.resolve().then(() => (init_publish2(), publish_exports));
      await login2(target, credentials, {
        ...state.dockerConfig && { configDir: state.dockerConfig },
        // Prove the push, not just the login: a policy that does not match fails here, before the command.
        // (With `push: never` nothing will be pushed, so only the login is checked.)
        pushTo: plan.push.push ? [...new Set(plan.images.map((image2) => image2.name))] : [],
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
  const [{ startLocalRegistry: startLocalRegistry2 }, { localRegistryEnv: localRegistryEnv2, MIRROR_PREFIXES_ENV: MIRROR_PREFIXES_ENV2 }] = await Promise.all([
    Promise.resolve().then(() => (init_local_registry(), local_registry_exports)),
    Promise.resolve().then(() => (init_publish2(), publish_exports))
  ]);
  const storage = local.storage ?? (0, import_node_path16.join)(stateDir, "registry");
  await (0, import_promises20.mkdir)(storage, { recursive: true });
  const args = local.mirrors.length > 0 ? ["--config", await writeMirrorConfig(stateDir, local.mirrors)] : [];
  const registry = await startLocalRegistry2({
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
  const exports2 = {
    [local.exportAs]: registry.address,
    ...localRegistryEnv2(registry.address, local.mirrors, context.env.BUILDKITE_PIPELINE_SLUG)
  };
  const prefixes = exports2[MIRROR_PREFIXES_ENV2]?.split(" ") ?? [];
  const mirrors = prefixes.length === 0 ? "" : `, mirroring ${local.mirrors.join(", ")} at ${prefixes.join(" ")}`;
  context.log(
    `container-package: local registry at ${registry.url} (exported as ${local.exportAs})${mirrors}`
  );
  return exports2;
}
async function writeMirrorConfig(stateDir, mirrors) {
  const { localMirrorConfig } = await __cpImport("lazy:registry");
  let text2;
  try {
    text2 = localMirrorConfig(mirrors);
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
  const file = (0, import_node_path16.join)(stateDir, "registry.yaml");
  await (0, import_promises20.writeFile)(file, text2, { mode: 384 });
  return file;
}
var import_promises20, import_node_path16;
var init_pre_command = __esm({
  "src/ci/buildkite/hooks/pre-command.ts"() {
    import_promises20 = require("node:fs/promises");
    import_node_path16 = require("node:path");
    init_errors();
    init_context();
    init_credentials();
    init_report_failure();
    init_state();
  }
});

// src/ci/buildkite/hooks/post-command.ts
var post_command_exports = {};
__export(post_command_exports, {
  postCommandHook: () => postCommandHook
});
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
    const { publish: publish2 } = await Promise.resolve().then(() => (init_publish2(), publish_exports));
    results = await publish2({
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
    if (event.type === "image-start")
      context.log(`--- :docker: pushing ${event.source} to ${event.repository}`);
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
    const { renderPullInstructions: renderPullInstructions2 } = await Promise.resolve().then(() => (init_render(), render_exports));
    await context.agent.annotate(renderPullInstructions2(results), {
      style: plan.summary.successStyle,
      context: plan.summary.context,
      ...plan.summary.priority !== void 0 && { priority: plan.summary.priority }
    });
  }
  for (const image2 of plan.images) {
    if (image2.outputKeys === void 0) continue;
    const mine = results.filter((r) => r.source === image2.source && r.name === image2.name);
    if (mine.length === 0) continue;
    await context.agent.setMetaData(image2.outputKeys.digest, mine[0].digest);
    const references = mine.flatMap((r) => r.references.map((ref) => `${ref}@${r.digest}`));
    await context.agent.setMetaData(image2.outputKeys.references, references.join("\n"));
  }
}
var init_post_command = __esm({
  "src/ci/buildkite/hooks/post-command.ts"() {
    init_context();
    init_credentials();
    init_report_failure();
    init_state();
  }
});

// src/ci/buildkite/hooks/pre-exit.ts
var pre_exit_exports = {};
__export(pre_exit_exports, {
  preExitHook: () => preExitHook
});
async function preExitHook(context) {
  const stateDir = context.env[STATE_DIR_ENV];
  const state = await readState(stateDir).catch(() => void 0);
  if (state === void 0 || stateDir === void 0) return {};
  if (state.localRegistry) {
    const { stopLocalRegistryGracefully: stopLocalRegistryGracefully2 } = await Promise.resolve().then(() => (init_local_registry(), local_registry_exports));
    await stopLocalRegistryGracefully2(state.localRegistry.pid);
    if (state.localRegistry.temporary)
      await (0, import_promises21.rm)(state.localRegistry.storage, { recursive: true, force: true });
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
  await (0, import_promises21.rm)(stateDir, { recursive: true, force: true });
  context.log("container-package: removed the job's docker config and credentials");
  return { DOCKER_CONFIG: state.originalDockerConfig, [STATE_DIR_ENV]: void 0 };
}
var import_promises21;
var init_pre_exit = __esm({
  "src/ci/buildkite/hooks/pre-exit.ts"() {
    import_promises21 = require("node:fs/promises");
    init_docker_config2();
    init_state();
  }
});

// src/ci/buildkite/hooks/run.ts
var run_exports = {};
__export(run_exports, {
  HOOK_NAMES: () => HOOK_NAMES,
  runHook: () => runHook
});
async function runHook(hook, env, cli, log) {
  if (hook === "environment" || hook === "post-checkout") {
    const context2 = hookContext(env, cli, log);
    return hook === "environment" ? (await Promise.resolve().then(() => (init_environment(), environment_exports))).environmentHook(context2) : (await Promise.resolve().then(() => (init_post_checkout(), post_checkout_exports))).postCheckoutHook(context2);
  }
  const state = await readState(env[STATE_DIR_ENV]).catch(() => void 0);
  const context = hookContext(env, cli, log, state?.config);
  if (state !== void 0 && state.mode !== context.mode) return {};
  switch (hook) {
    case "pre-command":
      return (await Promise.resolve().then(() => (init_pre_command(), pre_command_exports))).preCommandHook(context);
    case "post-command":
      await (await Promise.resolve().then(() => (init_post_command(), post_command_exports))).postCommandHook(context);
      return {};
    case "pre-exit":
      return (await Promise.resolve().then(() => (init_pre_exit(), pre_exit_exports))).preExitHook(context);
  }
}
var HOOK_NAMES;
var init_run = __esm({
  "src/ci/buildkite/hooks/run.ts"() {
    init_context();
    init_state();
    HOOK_NAMES = [
      "environment",
      "post-checkout",
      "pre-command",
      "post-command",
      "pre-exit"
    ];
  }
});

// src/ci/buildkite/hooks/shell.ts
var shell_exports = {};
__export(shell_exports, {
  renderExports: () => renderExports,
  shellQuote: () => shellQuote
});
function shellQuote(value) {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
function renderExports(exports2) {
  return Object.entries(exports2).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new TypeError(`not a shell variable name: ${name}`);
    return value === void 0 ? `unset ${name}` : `export ${name}=${shellQuote(value)}`;
  }).join("\n");
}
var init_shell = __esm({
  "src/ci/buildkite/hooks/shell.ts"() {
  }
});

// src/cli/fast/script.ts
var script_exports = {};
__export(script_exports, {
  hookFast: () => hookFast,
  pushFast: () => pushFast
});
module.exports = __toCommonJS(script_exports);

// src/cli/flag-spec.ts
var NEGATIVE_NUMBER = /^-\d/;
var INTEGER = /^-?\d+$/;
function parsePlain(argv, spec) {
  const given = /* @__PURE__ */ new Map();
  const positional = [];
  const longs = new Map(Object.entries(spec.flags));
  const chars = new Map(
    Object.entries(spec.flags).flatMap(([name, flag]) => flag.char ? [[flag.char, name]] : [])
  );
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith("-") || token === "-" || NEGATIVE_NUMBER.test(token) && !chars.has(token[1])) {
      positional.push(token);
      continue;
    }
    let name;
    let value;
    if (token.startsWith("--")) {
      const equals = token.indexOf("=");
      name = token.slice(2, equals === -1 ? void 0 : equals);
      if (equals !== -1) value = token.slice(equals + 1);
    } else {
      name = chars.get(token[1]);
      if (token.length > 2) value = token.slice(token[2] === "=" ? 3 : 2);
    }
    const flag = name === void 0 ? void 0 : longs.get(name);
    if (name === void 0 || flag === void 0) return void 0;
    if (flag.kind === "boolean") {
      if (value !== void 0) return void 0;
      given.set(name, [...given.get(name) ?? [], "true"]);
      continue;
    }
    if (value === void 0) {
      value = argv[++i];
      if (value === void 0) return void 0;
    }
    if (value.startsWith("-")) return void 0;
    const values = given.get(name) ?? [];
    if (values.length > 0 && !(flag.kind === "string" && flag.multiple)) return void 0;
    given.set(name, [...values, value]);
  }
  const args = {};
  const argNames = Object.keys(spec.args);
  if (positional.length > argNames.length) return void 0;
  for (const [index, name] of argNames.entries()) {
    const value = positional[index];
    if (value === void 0) return void 0;
    args[name] = value;
  }
  const flags = {};
  for (const [name, flag] of longs) {
    const values = given.get(name);
    if (flag.kind === "boolean") {
      if (values) flags[name] = true;
      continue;
    }
    if (values) {
      const parsed = values.map((value) => parseValue(flag, value));
      if (parsed.some((value) => value === void 0)) return void 0;
      flags[name] = flag.kind === "string" && flag.multiple ? parsed : parsed[0];
      continue;
    }
    const fromEnv = flag.env ? process.env[flag.env] : void 0;
    if (fromEnv) {
      if (flag.kind === "string" && flag.multiple) return void 0;
      const parsed = parseValue(flag, fromEnv);
      if (parsed === void 0) return void 0;
      flags[name] = parsed;
      continue;
    }
    if (flag.required) return void 0;
    if (flag.default !== void 0) flags[name] = flag.default;
  }
  return { args, flags };
}
function parseValue(flag, value) {
  if (flag.kind === "string") return !flag.options || flag.options.includes(value) ? value : void 0;
  if (!INTEGER.test(value)) return void 0;
  const number = Number.parseInt(value, 10);
  return flag.min !== void 0 && number < flag.min ? void 0 : number;
}

// src/cli/flag-specs.ts
init_compress_options();
var REGISTRY_FLAG_SPECS = {
  insecure: {
    kind: "string",
    description: "registry host[:port] to reach over plain HTTP (loopback hosts always are); repeatable",
    // One value per flag, so `inspect --insecure HOST REF` leaves REF to the argument.
    multiple: true
  },
  "docker-config": {
    kind: "string",
    description: "docker config directory holding credentials [default: $DOCKER_CONFIG or ~/.docker]",
    env: "DOCKER_CONFIG"
  },
  org: {
    kind: "string",
    description: 'Buildkite organization for "{registry}" shorthands [default: $BUILDKITE_ORGANIZATION_SLUG]',
    env: "BUILDKITE_ORGANIZATION_SLUG"
  },
  "packages-host": {
    kind: "string",
    description: 'host[:port] that "{org}/{registry}" names a Buildkite Packages registry on; the OIDC audience follows it [default: $CONTAINER_PACKAGE_PACKAGES_HOST, else packages.buildkite.com]',
    env: "CONTAINER_PACKAGE_PACKAGES_HOST"
  }
};
var PUSH_ARG_SPECS = {
  source: { description: "image source", required: true }
};
var PUSH_FLAG_SPECS = {
  ...REGISTRY_FLAG_SPECS,
  // One value per flag: `push --to REF SOURCE` reads SOURCE as the argument, not as a second --to.
  to: { kind: "string", description: "destination reference; repeatable", required: true, multiple: true },
  tag: { kind: "string", char: "t", description: "tag for every destination; repeatable", multiple: true },
  json: { kind: "boolean", description: "print the result as JSON and nothing else" },
  compression: {
    kind: "string",
    description: "compression of uncompressed layers",
    options: COMPRESSIONS,
    default: "gzip"
  },
  concurrency: { kind: "integer", description: "blobs uploaded in parallel", min: 1, default: 4 },
  retries: {
    kind: "integer",
    description: "retries of a failed request (5xx, 429, resets)",
    min: 0,
    default: 5
  }
};

// src/cli/push-action.ts
init_errors();
init_reference2();

// src/cli/interrupt.ts
init_errors();

// src/cli/exit-codes.ts
var ExitCode = {
  /** Success. */
  ok: 0,
  /** Something failed that none of the codes below describes. */
  failure: 1,
  /** The command line or a configuration value is invalid (bad reference, tag, flag, config file). */
  usage: 2,
  /** The registry refused the credentials (401) or the token lacks a scope (403). */
  auth: 3,
  /** What was asked for does not exist: an image source, a manifest, a tag. */
  notFound: 4,
  /** The registry could not be reached or kept failing after every retry. */
  unavailable: 5,
  /** Stopped by Ctrl-C or SIGTERM, after cleaning up (as shells report SIGINT). */
  interrupted: 130
};
var EXIT_CODES = {
  REF_EMPTY: ExitCode.usage,
  REF_HEX_REPOSITORY: ExitCode.usage,
  REF_INVALID_DIGEST: ExitCode.usage,
  REF_INVALID_FORMAT: ExitCode.usage,
  REF_INVALID_HOST: ExitCode.usage,
  REF_INVALID_REGISTRY: ExitCode.usage,
  REF_INVALID_REPOSITORY: ExitCode.usage,
  REF_INVALID_SLUG: ExitCode.usage,
  REF_INVALID_TAG: ExitCode.usage,
  REF_NAME_TOO_LONG: ExitCode.usage,
  REF_ORGANIZATION_REQUIRED: ExitCode.usage,
  REF_TEMPLATE_MISSING_VALUE: ExitCode.usage,
  REF_TEMPLATE_SYNTAX: ExitCode.usage,
  REF_TEMPLATE_UNKNOWN_PLACEHOLDER: ExitCode.usage,
  REF_UPPERCASE_REPOSITORY: ExitCode.usage,
  OCI_DIGEST_MISMATCH: ExitCode.failure,
  OCI_DIGEST_STATE: ExitCode.failure,
  OCI_INVALID_DIGEST: ExitCode.usage,
  OCI_INVALID_LAYER: ExitCode.failure,
  OCI_INVALID_MANIFEST: ExitCode.failure,
  OCI_NOT_AN_IMAGE: ExitCode.usage,
  OCI_PLATFORM_NOT_FOUND: ExitCode.notFound,
  OCI_SIZE_MISMATCH: ExitCode.failure,
  OCI_UNSUPPORTED_ALGORITHM: ExitCode.usage,
  SRC_AMBIGUOUS: ExitCode.usage,
  SRC_DIGEST_MISMATCH: ExitCode.failure,
  SRC_DISPOSED: ExitCode.failure,
  SRC_ENGINE_DENIED: ExitCode.auth,
  SRC_ENGINE_IMAGE_NOT_FOUND: ExitCode.notFound,
  SRC_ENGINE_NO_DIGEST: ExitCode.failure,
  SRC_ENGINE_PUSH_FAILED: ExitCode.failure,
  SRC_ENGINE_UNAUTHORIZED: ExitCode.auth,
  SRC_ENGINE_UNAVAILABLE: ExitCode.unavailable,
  SRC_INVALID_ARCHIVE: ExitCode.failure,
  SRC_INVALID_LAYOUT: ExitCode.failure,
  SRC_INVALID_NAME: ExitCode.usage,
  SRC_INVALID_OPTION: ExitCode.usage,
  SRC_INVALID_SPEC: ExitCode.usage,
  SRC_NOT_FOUND: ExitCode.notFound,
  SRC_NO_MATCH: ExitCode.notFound,
  SRC_SIZE_MISMATCH: ExitCode.failure,
  SRC_UNKNOWN_TRANSPORT: ExitCode.usage,
  SRC_UNSUPPORTED: ExitCode.failure,
  SRC_UPLOAD_INCOMPLETE: ExitCode.failure,
  CLIENT_AUTH_REALM: ExitCode.failure,
  CLIENT_BAD_LOCATION: ExitCode.failure,
  CLIENT_BAD_RESPONSE: ExitCode.failure,
  CLIENT_CREDENTIALS_CONFIG: ExitCode.failure,
  CLIENT_CREDENTIALS_HELPER: ExitCode.failure,
  CLIENT_DENIED: ExitCode.auth,
  CLIENT_DIGEST_MISMATCH: ExitCode.failure,
  CLIENT_INVALID_CREDENTIALS: ExitCode.usage,
  CLIENT_INVALID_OPTION: ExitCode.usage,
  CLIENT_INVALID_REPOSITORY: ExitCode.usage,
  CLIENT_INVALID_TARGET: ExitCode.usage,
  CLIENT_MANIFEST_TOO_LARGE: ExitCode.failure,
  CLIENT_NETWORK_ERROR: ExitCode.unavailable,
  CLIENT_NOT_FOUND: ExitCode.notFound,
  CLIENT_RATE_LIMITED: ExitCode.unavailable,
  CLIENT_REGISTRY_ERROR: ExitCode.failure,
  CLIENT_RETRIES_EXHAUSTED: ExitCode.unavailable,
  CLIENT_SOURCE_READ: ExitCode.failure,
  CLIENT_TIMEOUT: ExitCode.unavailable,
  CLIENT_TOKEN_INVALID: ExitCode.auth,
  CLIENT_TOO_MANY_PAGES: ExitCode.failure,
  CLIENT_UNAUTHORIZED: ExitCode.auth,
  CLIENT_UNAVAILABLE: ExitCode.unavailable,
  CLIENT_UPLOAD_INCOMPLETE: ExitCode.failure,
  REGISTRY_ADDRESS_IN_USE: ExitCode.failure,
  REGISTRY_CONFIG_INVALID: ExitCode.usage,
  REGISTRY_SIGNING_KEY_INVALID: ExitCode.usage,
  REGISTRY_STORAGE_LOCKED: ExitCode.failure,
  REGISTRY_STORAGE_S3: ExitCode.failure,
  REGISTRY_STORAGE_MISSING: ExitCode.failure,
  REGISTRY_WORKER_FAILED: ExitCode.failure,
  REGISTRY_DIGEST_MISMATCH: ExitCode.failure,
  REGISTRY_INVALID_OPTION: ExitCode.usage,
  REGISTRY_JWKS_INVALID: ExitCode.failure,
  REGISTRY_STORE_CORRUPT: ExitCode.failure,
  REGISTRY_TOKENS_FILE_INVALID: ExitCode.usage,
  REGISTRY_TOKENS_FILE_LOCKED: ExitCode.failure,
  REGISTRY_TOKEN_INVALID_INPUT: ExitCode.usage,
  REGISTRY_TOKEN_NOT_FOUND: ExitCode.notFound,
  REGISTRY_UPLOAD_LENGTH_MISMATCH: ExitCode.failure,
  REGISTRY_UPLOAD_OUT_OF_ORDER: ExitCode.failure,
  REGISTRY_UPLOAD_UNKNOWN: ExitCode.failure,
  CI_ACTION_INCOMPLETE: ExitCode.failure,
  CI_AGENT_BAD_OUTPUT: ExitCode.failure,
  CI_AGENT_FAILED: ExitCode.failure,
  CI_AGENT_INVALID_ARGUMENT: ExitCode.usage,
  CI_AGENT_NOT_FOUND: ExitCode.failure,
  CI_AGENT_TIMEOUT: ExitCode.failure,
  CI_CONFIG_CONFLICT: ExitCode.usage,
  CI_CONFIG_INVALID: ExitCode.usage,
  CI_CONFIG_UNREADABLE: ExitCode.failure,
  CI_CONFIG_UNRESOLVABLE: ExitCode.usage,
  CI_INPUT_CONFLICT: ExitCode.usage,
  CI_INPUT_INVALID: ExitCode.usage,
  CI_INPUT_MISSING: ExitCode.usage,
  CI_LOCAL_REGISTRY_MIRROR: ExitCode.failure,
  CI_OIDC_FAILED: ExitCode.failure,
  CI_OIDC_UNAVAILABLE: ExitCode.failure,
  CI_TOKEN_MISSING: ExitCode.usage,
  CI_UNEXPECTED: ExitCode.failure,
  CLI_DESTINATION_DIGEST: ExitCode.usage,
  CLI_EMPTY_SECRET: ExitCode.usage,
  CLI_INTERRUPTED: ExitCode.interrupted,
  CLI_NOTHING_PUSHED: ExitCode.failure,
  CLI_OUTPUT_EXISTS: ExitCode.usage,
  CLI_NO_SECRET: ExitCode.usage,
  CLI_STDIN_IS_TTY: ExitCode.usage,
  CLI_TOKEN_ENV_EMPTY: ExitCode.usage,
  CLI_UNEXPECTED: ExitCode.failure,
  CLI_USAGE: ExitCode.usage,
  CLI_USERNAME_REQUIRED: ExitCode.usage,
  DOCKER_CONFIG_NOT_OURS: ExitCode.failure,
  DOCKER_CONFIG_UNREADABLE: ExitCode.failure,
  DOCKER_CONFIG_WRITE_FAILED: ExitCode.failure,
  EXEC_FAILED: ExitCode.failure,
  EXEC_NOT_FOUND: ExitCode.failure,
  EXEC_TIMEOUT: ExitCode.failure,
  PUBLISH_DUPLICATE_NAME: ExitCode.usage,
  PUBLISH_INVALID_NAME: ExitCode.usage,
  PUBLISH_NAME_REQUIRED: ExitCode.usage,
  PUBLISH_NO_TAG: ExitCode.usage,
  REGISTRY_API_BLOB_UNKNOWN: ExitCode.notFound,
  REGISTRY_API_BLOB_UPLOAD_INVALID: ExitCode.failure,
  REGISTRY_API_BLOB_UPLOAD_UNKNOWN: ExitCode.notFound,
  REGISTRY_API_DIGEST_INVALID: ExitCode.usage,
  REGISTRY_API_MANIFEST_BLOB_UNKNOWN: ExitCode.notFound,
  REGISTRY_API_MANIFEST_INVALID: ExitCode.failure,
  REGISTRY_API_MANIFEST_UNKNOWN: ExitCode.notFound,
  REGISTRY_API_NAME_INVALID: ExitCode.usage,
  REGISTRY_API_NAME_UNKNOWN: ExitCode.notFound,
  REGISTRY_API_SIZE_INVALID: ExitCode.failure,
  REGISTRY_API_TAG_INVALID: ExitCode.usage,
  REGISTRY_API_UNAUTHORIZED: ExitCode.auth,
  REGISTRY_API_DENIED: ExitCode.auth,
  REGISTRY_API_UNSUPPORTED: ExitCode.failure,
  REGISTRY_API_TOOMANYREQUESTS: ExitCode.unavailable,
  REGISTRY_API_RANGE_INVALID: ExitCode.failure,
  REGISTRY_API_PAGINATION_NUMBER_INVALID: ExitCode.usage,
  REGISTRY_API_UNKNOWN: ExitCode.failure
};
function exitCodeFor(code) {
  if (code === void 0 || !Object.hasOwn(EXIT_CODES, code)) return ExitCode.failure;
  return EXIT_CODES[code];
}

// src/cli/interrupt.ts
async function interruptible(work) {
  const controller = new AbortController();
  let received;
  const onSignal = (signal) => {
    if (received !== void 0) process.exit(ExitCode.interrupted);
    received = signal;
    process.stderr.write(`${signal}: stopping, cleaning up (send it again to quit at once)
`);
    controller.abort(
      new ContainerPackageError(
        "CLI_INTERRUPTED",
        `interrupted by ${signal}; nothing half-written was left behind`,
        {
          hint: "run the command again: what was already pushed is skipped"
        }
      )
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await work(controller.signal);
  } catch (error) {
    throw received === void 0 ? error : controller.signal.reason;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

// src/cli/progress.ts
init_render();
function progressMode(stream, env = process.env) {
  return stream.isTTY && !env.CI && env.TERM !== "dumb" ? "live" : "plain";
}
var Progress = class {
  #stream;
  #mode;
  #blobs = /* @__PURE__ */ new Map();
  #timer;
  #drawn = 0;
  #target = "";
  constructor(options) {
    this.#stream = options.stream;
    this.#mode = options.mode ?? progressMode(options.stream);
    if (this.#mode === "live") this.#timer = setInterval(() => this.#draw(), 100);
    else if (this.#mode === "plain")
      this.#timer = setInterval(() => this.#summary(), (options.intervalSeconds ?? 5) * 1e3);
    this.#timer?.unref();
  }
  /** Feeds one event. */
  onEvent = (event) => {
    if (this.#mode === "none") return;
    switch (event.type) {
      case "image-start":
        this.#target = event.target;
        this.#blobs.clear();
        this.#line(`pushing ${event.source} to ${event.repository}`);
        return;
      case "engine-line":
        this.#line(`  ${event.line}`);
        return;
      case "image-done":
        this.#draw();
        this.#drawn = 0;
        this.#blobs.clear();
        this.#line(
          `pushed ${event.image.references.join(", ")} (${event.image.digest}, ${formatBytes(event.image.size)})`
        );
        return;
      case "progress":
        this.#progress(event.event);
    }
  };
  /** Stops the timers and draws the final state (of a push that did not finish: a finished one is drawn). */
  stop() {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#mode === "live" && this.#blobs.size > 0) this.#draw();
  }
  #progress(event) {
    const short = event.digest.replace(/^sha(256|512):/, "").slice(0, 12);
    if (event.type === "manifest-done") {
      this.#line(`  manifest ${short}${event.tag ? ` tagged ${event.tag}` : ""}`);
      return;
    }
    const earlier = event.replaces === void 0 ? void 0 : this.#blobs.get(event.replaces);
    if (event.replaces !== void 0) this.#blobs.delete(event.replaces);
    const state = earlier ?? this.#blobs.get(event.digest) ?? {
      digest: short,
      bytes: 0,
      total: event.total,
      status: "pushing"
    };
    state.digest = short;
    state.bytes = event.bytes;
    state.total = event.total;
    const done = {
      "blob-done": "pushed",
      "blob-skipped": "exists",
      "blob-mounted": "mounted"
    };
    state.status = done[event.type] ?? "pushing";
    this.#blobs.set(event.digest, state);
    if (this.#mode === "plain" && event.type !== "blob-progress") {
      const what = event.type === "blob-start" ? "uploading" : state.status === "exists" ? "already there" : state.status;
      this.#line(`  blob ${short} ${what} (${formatBytes(event.total)})`);
    }
  }
  #summary() {
    const pushing = [...this.#blobs.values()].filter((b) => b.status === "pushing");
    if (pushing.length === 0) return;
    const sent = pushing.reduce((n, b) => n + b.bytes, 0);
    const total = pushing.reduce((n, b) => n + b.total, 0);
    this.#line(
      `  ${this.#target}: ${pushing.length} layer(s) uploading, ${formatBytes(sent)} of ${formatBytes(total)}`
    );
  }
  #draw() {
    if (this.#mode !== "live") return;
    const lines = [...this.#blobs.values()].map((b) => {
      const pct = b.total > 0 ? Math.floor(100 * Math.min(b.bytes, b.total) / b.total) : 100;
      const width = 24;
      const filled = b.status === "pushing" ? Math.round(pct / 100 * width) : width;
      const bar = "=".repeat(filled).padEnd(width, " ");
      const label2 = b.status === "pushing" ? `${formatBytes(b.bytes)}/${formatBytes(b.total)}` : b.status;
      return `  ${b.digest} [${bar}] ${label2}`;
    });
    let out = this.#drawn > 0 ? `\x1B[${this.#drawn}A` : "";
    out += lines.map((l) => `\x1B[2K${l}
`).join("");
    this.#drawn = lines.length;
    if (out) this.#stream.write(out);
  }
  #line(text2) {
    if (this.#mode === "live" && this.#drawn > 0) {
      this.#stream.write(`\x1B[${this.#drawn}A\x1B[0J`);
      this.#drawn = 0;
    }
    this.#stream.write(`${text2}
`);
  }
};

// src/cli/destination.ts
init_errors();
init_targets();
init_reference2();
function parseDestination(to, organization, packagesHost) {
  const ref = parseReference(to);
  if (ref.digest !== void 0) {
    throw new ContainerPackageError("CLI_DESTINATION_DIGEST", `destination ${to} has a digest`, {
      hint: "push to a tag (host/repo:tag); the digest is what the push reports"
    });
  }
  const slash = ref.repository.lastIndexOf("/");
  const name = ref.repository.slice(slash + 1);
  const prefix = slash < 0 ? ref.registry : `${ref.registry}/${ref.repository.slice(0, slash)}`;
  const target = resolveTarget(prefix, {
    ...organization && { organization },
    ...packagesHost && { packagesHost }
  });
  return { target, name, ...ref.tag !== void 0 && { tag: ref.tag } };
}

// src/render/json.ts
var VERBATIM = /* @__PURE__ */ new Set(["labels", "annotations"]);
function snakeCase(key2) {
  return key2.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z])([A-Z][a-z])/g, "$1_$2").toLowerCase();
}
function toSnakeCaseKeys(value) {
  if (Array.isArray(value)) return value.map(toSnakeCaseKeys);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [key2, inner] of Object.entries(value)) {
    out[snakeCase(key2)] = VERBATIM.has(key2) ? inner : toSnakeCaseKeys(inner);
  }
  return out;
}
function jsonOutput(value, options = {}) {
  return JSON.stringify(toSnakeCaseKeys(value), null, options.compact ? void 0 : 2);
}

// src/cli/push-action.ts
async function runPush(input, log) {
  const { publish: publish2 } = await Promise.resolve().then(() => (init_publish2(), publish_exports));
  const extraTags = (input.tag ?? []).map((t) => parseTag(t));
  const destinations = input.to.map((to) => {
    const destination = parseDestination(to, input.org, input["packages-host"]);
    const tags = [.../* @__PURE__ */ new Set([...destination.tag ? [destination.tag] : [], ...extraTags])];
    if (tags.length === 0) tags.push("latest");
    return { target: destination.target, name: destination.name, tags };
  });
  const first = destinations[0];
  if (first === void 0) throw new ContainerPackageError("CLI_NOTHING_PUSHED", "nothing was pushed");
  const progress = new Progress({ stream: process.stderr, ...input.json && { mode: "none" } });
  let results;
  try {
    results = await interruptible(
      (signal) => publish2({
        images: [{ source: input.source, name: first.name, tags: first.tags, destinations }],
        registries: destinations.map((d) => d.target),
        ...input["docker-config"] && { dockerConfig: input["docker-config"] },
        ...input.org && { organization: input.org },
        compression: input.compression,
        client: {
          insecure: [...input.insecure ?? []],
          concurrency: input.concurrency,
          retries: input.retries
        },
        onEvent: progress.onEvent,
        signal
      })
    );
  } finally {
    progress.stop();
  }
  if (results.length === 0) throw new ContainerPackageError("CLI_NOTHING_PUSHED", "nothing was pushed");
  if (input.json) {
    log(jsonOutput(results.length === 1 ? results[0] : results));
    return;
  }
  for (const result of results) {
    for (const reference2 of result.references) log(`${reference2}@${result.digest}`);
  }
}

// src/cli/fast/fail.ts
init_common_js();
init_errors();

// src/cli/report-error.ts
init_errors();
function describeFailure(error) {
  if (isContainerPackageError(error)) {
    return {
      code: error.code,
      message: error.message,
      hint: error.hint ?? null,
      exit_code: exitCodeFor(error.code)
    };
  }
  const oclif = error?.oclif;
  const code = error?.code;
  return {
    code: typeof code === "string" ? code : "CLI_UNEXPECTED",
    message: error instanceof Error ? error.message : String(error),
    hint: null,
    exit_code: oclif?.exit ?? ExitCode.failure
  };
}
function failureLines(failure) {
  return [
    `Error: ${failure.message}`,
    `Code: ${failure.code}`,
    ...failure.hint === null ? [] : [`Hint: ${failure.hint}`]
  ].join("\n");
}
function printFailure(error, options) {
  const failure = describeFailure(error);
  process.stderr.write(`${failureLines(failure)}
`);
  if (options.json)
    process.stdout.write(`${JSON.stringify({ error: failure }, null, 2)}
`);
  return failure.exit_code;
}

// src/cli/fast/fail.ts
async function failLikeOclif(error, options = {}) {
  const json2 = options.json ?? false;
  if (isContainerPackageError(error) || json2) {
    process.exitCode = printFailure(error, { json: json2 });
    process.exit();
  }
  const { handle } = await __cpImport("lazy:oclif-handle").then(commonJsExports);
  await handle(error);
  process.exit(1);
}

// src/cli/fast/push.ts
async function pushFast(args) {
  const parsed = parsePlain(args, { args: PUSH_ARG_SPECS, flags: PUSH_FLAG_SPECS });
  if (parsed === void 0) return false;
  try {
    await runPush(
      { ...parsed.flags, source: parsed.args.source },
      (line) => process.stdout.write(`${line}
`)
    );
  } catch (error) {
    await failLikeOclif(error, { json: parsed.flags.json });
  }
  return true;
}

// src/cli/run-hook.ts
var HOOKS = ["environment", "post-checkout", "pre-command", "post-command", "pre-exit"];
function isHookName(name) {
  return HOOKS.includes(name);
}
async function runHook2(hook, cli, out) {
  const [{ runHook: runBuildkiteHook }, { renderExports: renderExports2 }] = await Promise.all([
    Promise.resolve().then(() => (init_run(), run_exports)),
    Promise.resolve().then(() => (init_shell(), shell_exports))
  ]);
  const exports2 = await runBuildkiteHook(hook, process.env, cli, (line) => process.stderr.write(`${line}
`));
  if (hook !== "post-command") out(renderExports2(exports2));
}

// src/cli/fast/hook.ts
async function hookFast(args, cli) {
  const [hook, ...rest] = args;
  if (rest.length > 0 || !isHookName(hook)) return false;
  try {
    await runHook2(hook, cli, (line) => process.stdout.write(`${line}
`));
  } catch (error) {
    await failLikeOclif(error);
  }
  return true;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  hookFast,
  pushFast
});
