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

// src/reference/digest.ts
var DIGEST_ALGORITHMS = ["sha256", "sha512"];
var DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 };
var ALGORITHM_GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/;
var LOWER_HEX = /^[a-f0-9]*$/;
var ANY_HEX = /^[a-fA-F0-9]*$/;
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

export {
  InvalidReferenceError,
  invalid,
  TagTemplateError,
  TAG_MAX_LENGTH,
  DOCKER_HUB,
  DOCKER_HUB_LEGACY,
  OFFICIAL_PREFIX,
  DEFAULT_TAG,
  REPOSITORY_PATH,
  DOMAIN,
  TAG,
  HEX_IDENTIFIER,
  TAG_RULE,
  HOST_RULE,
  isValidTag,
  isValidDomain,
  looksLikeHost,
  DIGEST_ALGORITHMS,
  isDigestAlgorithm,
  checkDigest,
  checkRepositoryComponents,
  checkRepositoryLength,
  parseRepositoryPath
};
