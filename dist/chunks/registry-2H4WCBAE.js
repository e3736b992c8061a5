import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  cacheDir
} from "./chunk-B343HUJE.js";
import {
  MIN_PART_SIZE,
  StoreError,
  checkKey,
  isMissing,
  joinKey
} from "./chunk-F5KOE3EW.js";
import {
  isDockerHub,
  isLoopback
} from "./chunk-VOPWR7NI.js";
import {
  require_node_http
} from "./chunk-UWDPJ3P3.js";
import {
  require_tar_stream
} from "./chunk-ZF4LR3CR.js";
import {
  MediaType,
  archiveStream,
  isForeign,
  isImageConfigMediaType,
  isIndex,
  parseManifest,
  planArchive
} from "./chunk-3Z4QJIGU.js";
import {
  dump,
  load
} from "./chunk-DD32BUKB.js";
import {
  BUILDKITE_USERNAME,
  DOMAIN,
  REPOSITORY_PATH,
  checkDigest,
  isDigestAlgorithm,
  isValidTag,
  parseRepositoryPath
} from "./chunk-43WCQIHM.js";
import {
  ContainerPackageError,
  isContainerPackageError
} from "./chunk-P65RQTMN.js";
import {
  __toESM
} from "./chunk-MFDBYX32.js";

// src/registry/server.ts
var import_node_http = __toESM(require_node_http(), 1);

// src/registry/errors.ts
var ERROR_TABLE = {
  BLOB_UNKNOWN: { status: 404, message: "blob unknown to registry" },
  BLOB_UPLOAD_INVALID: { status: 400, message: "blob upload invalid" },
  BLOB_UPLOAD_UNKNOWN: { status: 404, message: "blob upload unknown to registry" },
  DIGEST_INVALID: { status: 400, message: "provided digest did not match uploaded content" },
  MANIFEST_BLOB_UNKNOWN: {
    status: 400,
    message: "manifest references a manifest or blob unknown to registry"
  },
  MANIFEST_INVALID: { status: 400, message: "manifest invalid" },
  MANIFEST_UNKNOWN: { status: 404, message: "manifest unknown to registry" },
  NAME_INVALID: { status: 400, message: "invalid repository name" },
  NAME_UNKNOWN: { status: 404, message: "repository name not known to registry" },
  SIZE_INVALID: { status: 400, message: "provided length did not match content length" },
  TAG_INVALID: { status: 400, message: "invalid tag" },
  UNAUTHORIZED: { status: 401, message: "authentication required" },
  DENIED: { status: 403, message: "requested access to the resource is denied" },
  UNSUPPORTED: { status: 405, message: "the operation is unsupported" },
  TOOMANYREQUESTS: { status: 429, message: "too many requests" },
  RANGE_INVALID: { status: 416, message: "requested range not satisfiable" },
  PAGINATION_NUMBER_INVALID: { status: 400, message: "invalid number of results requested" },
  UNKNOWN: { status: 500, message: "unknown error" }
};
var RegistryApiError = class extends ContainerPackageError {
  apiCode;
  status;
  detail;
  headers;
  constructor(apiCode, options = {}) {
    const entry = ERROR_TABLE[apiCode];
    super(`REGISTRY_API_${apiCode}`, options.message ?? entry.message, { cause: options.cause });
    this.name = "RegistryApiError";
    this.apiCode = apiCode;
    this.status = options.status ?? entry.status;
    this.detail = options.detail;
    this.headers = options.headers ?? {};
  }
};
function apiError(code, options = {}) {
  return new RegistryApiError(code, options);
}
function isRegistryApiError(value) {
  return value instanceof ContainerPackageError && value.code.startsWith("REGISTRY_API_") && typeof value.status === "number";
}
function errorBody(error) {
  const entry = { code: error.apiCode, message: error.message };
  if (error.detail !== void 0) entry.detail = error.detail;
  return JSON.stringify({ errors: [entry] });
}
function writeError(res, error, method = "GET") {
  const value = isRegistryApiError(error) ? error : apiError("UNKNOWN", { message: "internal server error" });
  if (res.destroyed || res.writableEnded) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = Buffer.from(errorBody(value));
  res.statusCode = value.status;
  for (const [name, headerValue] of Object.entries(value.headers)) res.setHeader(name, headerValue);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", body.length);
  res.end(method === "HEAD" ? void 0 : body);
}

// src/registry/names.ts
var MAX_REPOSITORY_LENGTH = 255;
var UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function isSafeRepository(name) {
  return name.length > 0 && name.length <= MAX_REPOSITORY_LENGTH && REPOSITORY_PATH.test(name);
}
function isSafeTag(tag) {
  return isValidTag(tag);
}
function isSafeUploadId(id) {
  return UPLOAD_ID.test(id);
}
function parseStoreDigest(digest) {
  const check = checkDigest(digest);
  if (!check.ok) throw new Error(`invalid digest ${JSON.stringify(digest)}: ${check.reason}`);
  return { algorithm: check.algorithm, hex: check.hex, value: check.value };
}
function parseRepositoryParam(name) {
  try {
    parseRepositoryPath(name);
  } catch (error) {
    throw apiError("NAME_INVALID", {
      message: error instanceof Error ? error.message : `invalid repository name ${JSON.stringify(name)}`,
      detail: { name: name.slice(0, 300) }
    });
  }
  if (!isSafeRepository(name)) {
    throw apiError("NAME_INVALID", { detail: { name: name.slice(0, 300) } });
  }
  return name;
}
function parseDigestParam(value) {
  const check = checkDigest(value);
  if (!check.ok) {
    throw apiError("DIGEST_INVALID", {
      message: `invalid digest ${JSON.stringify(value.slice(0, 200))}: ${check.reason}`,
      detail: { digest: value.slice(0, 200) }
    });
  }
  return { algorithm: check.algorithm, hex: check.hex, value: check.value };
}
function parseTagParam(tag) {
  if (isSafeTag(tag)) return tag;
  throw apiError("TAG_INVALID", {
    message: `invalid tag ${JSON.stringify(tag.slice(0, 200))}: a tag is at most 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'`,
    detail: { tag: tag.slice(0, 200) }
  });
}
function parseManifestReference(reference) {
  if (reference.includes(":")) return { kind: "digest", digest: parseDigestParam(reference) };
  return { kind: "tag", tag: parseTagParam(reference) };
}

// src/registry/request-info.ts
var infos = /* @__PURE__ */ new WeakMap();
function noteRequest(req, info) {
  infos.set(req, { ...infos.get(req), ...info });
}
function requestInfo(req) {
  return infos.get(req) ?? {};
}

// src/registry/http/headers.ts
var API_VERSION_HEADER = "Docker-Distribution-API-Version";
var API_VERSION = "registry/2.0";
var DIGITS = /^\d{0,15}$/;
function parseRange(header2, size) {
  if (header2 === void 0) return void 0;
  const value = header2.trim();
  if (!/^bytes=/i.test(value)) return void 0;
  const spec = value.slice(6).trim();
  if (spec.includes(",")) return void 0;
  const dash = spec.indexOf("-");
  if (dash === -1) return "unsatisfiable";
  const first = spec.slice(0, dash).trim();
  const last = spec.slice(dash + 1).trim();
  if (!DIGITS.test(first) || !DIGITS.test(last) || first === "" && last === "") return "unsatisfiable";
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start2 = Number(first);
  if (start2 >= size) return "unsatisfiable";
  if (last === "") return { start: start2, end: size - 1 };
  const end = Number(last);
  if (end < start2) return "unsatisfiable";
  return { start: start2, end: Math.min(end, size - 1) };
}
function parseContentRange(header2) {
  if (header2 === void 0) return void 0;
  const match = /^(?:bytes[ =])?\s*(\d{1,15})-(\d{1,15})(?:\/(?:\d{1,15}|\*))?$/i.exec(header2.trim());
  if (match === null) return void 0;
  const start2 = Number(match[1]);
  const end = Number(match[2]);
  return end < start2 ? void 0 : { start: start2, end };
}
function blobLocation(name, digest) {
  return `/v2/${name}/blobs/${digest}`;
}
function manifestLocation(name, digest) {
  return `/v2/${name}/manifests/${digest}`;
}
function uploadLocation(name, id) {
  return `/v2/${name}/blobs/uploads/${id}`;
}
function uploadRange(size) {
  return `0-${Math.max(size - 1, 0)}`;
}
function uploadHeaders(state) {
  return {
    Location: uploadLocation(state.repository, state.id),
    "Docker-Upload-UUID": state.id,
    Range: uploadRange(state.size)
  };
}
function header(headers, name) {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

// src/registry/http/reply.ts
function sendEmpty(res, status, headers = {}) {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Content-Length", 0);
  res.end();
}
function sendBytes(res, method, status, body, contentType, headers = {}) {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Content-Type", contentType);
  res.setHeader("Content-Length", body.length);
  res.end(method === "HEAD" ? void 0 : body);
}
function sendJson(res, method, status, value, headers = {}, contentType = "application/json") {
  sendBytes(res, method, status, Buffer.from(JSON.stringify(value)), contentType, headers);
}

// src/registry/http/response-sink.ts
function responseSink(res) {
  const pending = /* @__PURE__ */ new Set();
  let gone;
  res.once("close", () => {
    if (res.writableFinished) return;
    gone = Object.assign(new Error("the client closed the connection during the response"), {
      code: "ERR_STREAM_PREMATURE_CLOSE"
    });
    for (const fail2 of pending) fail2(gone);
    pending.clear();
  });
  return (chunk) => new Promise((resolve5, reject) => {
    if (gone !== void 0) {
      reject(gone);
      return;
    }
    pending.add(reject);
    res.write(chunk, (error) => {
      pending.delete(reject);
      if (error) reject(error);
      else resolve5();
    });
  });
}

// src/registry/http/blobs.ts
async function handleBlob(ctx, name, rawDigest) {
  const digest = parseDigestParam(rawDigest).value;
  if (ctx.method === "DELETE") {
    if (!await ctx.store.deleteBlob(name, digest)) throw apiError("BLOB_UNKNOWN", { detail: { digest } });
    sendEmpty(ctx.res, 202, { "Docker-Content-Digest": digest });
    return;
  }
  const blob = await ctx.store.getBlob(name, digest);
  if (blob === void 0) throw apiError("BLOB_UNKNOWN", { detail: { digest } });
  const range = parseRange(header(ctx.req.headers, "range"), blob.size);
  if (range === "unsatisfiable") {
    throw apiError("RANGE_INVALID", {
      message: `requested range not satisfiable: the blob has ${blob.size} bytes`,
      detail: { size: blob.size },
      headers: { "Content-Range": `bytes */${blob.size}` }
    });
  }
  const { res } = ctx;
  if (ctx.method === "GET" && blob.redirect !== void 0) {
    sendEmpty(res, 307, { Location: blob.redirect, "Docker-Content-Digest": digest });
    return;
  }
  const start2 = range?.start ?? 0;
  const end = range?.end ?? blob.size - 1;
  const length = blob.size === 0 ? 0 : end - start2 + 1;
  res.statusCode = range === void 0 ? 200 : 206;
  if (range !== void 0) res.setHeader("Content-Range", `bytes ${start2}-${end}/${blob.size}`);
  res.setHeader("Docker-Content-Digest", digest);
  res.setHeader("ETag", `"${digest}"`);
  res.setHeader("Accept-Ranges", "bytes");
  res.setHeader("Cache-Control", "max-age=31536000");
  res.setHeader("Content-Type", "application/octet-stream");
  res.setHeader("Content-Length", length);
  if (ctx.method === "HEAD" || length === 0) {
    res.end();
    return;
  }
  await blob.read(start2, end, responseSink(res));
  res.end();
}

// src/registry/http/pagination.ts
function paginate(sorted, query, path) {
  const rawN = query.get("n");
  const last = query.get("last");
  let n;
  if (rawN !== null && rawN !== "") {
    if (!/^\d{1,9}$/.test(rawN)) {
      throw apiError("PAGINATION_NUMBER_INVALID", {
        message: `invalid n=${JSON.stringify(rawN.slice(0, 50))}: n must be a non-negative integer`
      });
    }
    n = Number(rawN);
  }
  const rest = last === null || last === "" ? sorted : sorted.filter((item) => item > last);
  const items = n === void 0 ? [...rest] : rest.slice(0, n);
  const more = n !== void 0 && n > 0 && rest.length > n;
  const next = items.at(-1);
  const link3 = more && next !== void 0 ? `<${path}?n=${n}&last=${encodeURIComponent(next)}>; rel="next"` : void 0;
  return { items, link: link3 };
}

// src/registry/http/catalog.ts
async function handleCatalog(ctx) {
  const { authorizer } = ctx.options;
  let names = await ctx.store.listRepositories();
  if (authorizer.visibleRepositories !== void 0)
    names = await authorizer.visibleRepositories(ctx.req, names);
  const page = paginate(names, ctx.query, "/v2/_catalog");
  sendJson(
    ctx.res,
    ctx.method,
    200,
    { repositories: page.items },
    page.link === void 0 ? {} : { Link: page.link }
  );
}

// src/registry/http/drain.ts
var DRAIN_LIMITS = { bytes: 64 * 1024 * 1024, ms: 3e4 };
function drainRequest(req, limits = DRAIN_LIMITS) {
  if (req.complete || req.destroyed) return;
  let drained = 0;
  const stop = () => {
    clearTimeout(timer);
    req.off("data", onData);
    req.socket.destroy();
  };
  const onData = (chunk) => {
    drained += chunk.length;
    if (drained > limits.bytes) stop();
  };
  const timer = setTimeout(stop, limits.ms);
  timer.unref();
  req.on("data", onData);
  req.once("end", () => {
    clearTimeout(timer);
    req.off("data", onData);
  });
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

// src/registry/manifest-check.ts
var STORABLE_MANIFEST_TYPES = [
  MediaType.ociManifest,
  MediaType.ociIndex,
  MediaType.dockerManifest,
  MediaType.dockerManifestList
];
var GENERIC_TYPES = /* @__PURE__ */ new Set(["", "application/json", "application/octet-stream", "text/plain"]);
function checkManifest(bytes2, contentType) {
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes2).toString("utf8"));
  } catch {
    throw invalid("the manifest is not valid JSON");
  }
  if (!isObject(value)) throw invalid("the manifest is not a JSON object");
  const mediaType = chooseMediaType(value, contentType);
  if (value.schemaVersion !== 2) {
    throw invalid(
      `schemaVersion is ${JSON.stringify(value.schemaVersion)}; only schema 2 manifests are stored`
    );
  }
  const subject = value.subject === void 0 ? void 0 : descriptor(value.subject, "subject");
  const annotations = stringMap(value.annotations);
  const declaredType = typeof value.artifactType === "string" ? value.artifactType : void 0;
  if (mediaType === MediaType.ociIndex || mediaType === MediaType.dockerManifestList) {
    const manifests = list(value.manifests, "manifests").map(
      (entry, i) => descriptor(entry, `manifests[${i}]`)
    );
    return {
      mediaType,
      kind: "index",
      blobs: [],
      manifests: uniqueByDigest(manifests),
      subject,
      artifactType: declaredType,
      annotations
    };
  }
  const config = descriptor(value.config, "config");
  const layers = list(value.layers, "layers").map((entry, i) => descriptor(entry, `layers[${i}]`));
  return {
    mediaType,
    kind: "image",
    blobs: uniqueByDigest([config, ...layers.filter((layer) => !isForeign(layer))]),
    manifests: [],
    subject,
    artifactType: declaredType ?? config.mediaType,
    annotations
  };
}
function uniqueByDigest(descriptors) {
  const seen = /* @__PURE__ */ new Set();
  return descriptors.filter((d) => !seen.has(d.digest) && seen.add(d.digest) !== void 0);
}
function chooseMediaType(value, contentType) {
  const header2 = (contentType ?? "").split(";")[0].trim();
  const fromHeader = GENERIC_TYPES.has(header2.toLowerCase()) ? void 0 : header2;
  const fromBody = typeof value.mediaType === "string" ? value.mediaType : void 0;
  if (value.mediaType !== void 0 && fromBody === void 0) throw invalid('"mediaType" must be a string');
  if (fromBody !== void 0 && fromHeader !== void 0 && fromBody !== fromHeader) {
    throw invalid(
      `the request's Content-Type ${JSON.stringify(fromHeader)} differs from the manifest's mediaType ${JSON.stringify(fromBody)}`
    );
  }
  const inferred = Array.isArray(value.manifests) ? MediaType.ociIndex : MediaType.ociManifest;
  const mediaType = fromBody ?? fromHeader ?? inferred;
  if (!STORABLE_MANIFEST_TYPES.includes(mediaType)) {
    throw invalid(
      `unsupported manifest media type ${JSON.stringify(mediaType)}; this registry stores ${STORABLE_MANIFEST_TYPES.join(", ")}`
    );
  }
  return mediaType;
}
function descriptor(value, field) {
  if (!isObject(value)) throw invalid(`"${field}" must be a descriptor object`, field);
  if (typeof value.mediaType !== "string" || value.mediaType === "") {
    throw invalid(`"${field}.mediaType" must be a non-empty string`, field);
  }
  const digest = typeof value.digest === "string" ? checkDigest(value.digest) : void 0;
  if (digest === void 0 || !digest.ok) {
    const reason = digest === void 0 ? "it is missing" : digest.reason;
    throw invalid(`"${field}.digest" is not a valid digest: ${reason}`, field);
  }
  if (typeof value.size !== "number" || !Number.isSafeInteger(value.size) || value.size < 0) {
    throw invalid(`"${field}.size" must be a non-negative integer`, field);
  }
  if (value.urls !== void 0 && !(Array.isArray(value.urls) && value.urls.every((u) => typeof u === "string"))) {
    throw invalid(`"${field}.urls" must be an array of strings`, field);
  }
  return value;
}
function list(value, field) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) throw invalid(`"${field}" must be an array`, field);
  return value;
}
function stringMap(value) {
  if (!isObject(value)) return void 0;
  const entries = Object.entries(value).filter(
    (entry) => typeof entry[1] === "string"
  );
  return entries.length === 0 ? void 0 : Object.fromEntries(entries);
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function invalid(message2, field) {
  return apiError("MANIFEST_INVALID", {
    message: `invalid manifest: ${message2}`,
    detail: field === void 0 ? void 0 : { field }
  });
}

// src/registry/storage/hashing.ts
import { createHash } from "node:crypto";
var READ_CHUNK = 1024 * 1024;
function newHash(algorithm) {
  return createHash(algorithm);
}
async function hashStream(stream, algorithm) {
  const hash2 = createHash(algorithm);
  let size = 0;
  for await (const chunk of stream) {
    const bytes2 = chunk;
    hash2.update(bytes2);
    size += bytes2.length;
  }
  return { digest: `${algorithm}:${hash2.digest("hex")}`, size };
}
function digestOf(bytes2, algorithm = "sha256") {
  return `${algorithm}:${createHash(algorithm).update(bytes2).digest("hex")}`;
}

// src/registry/http/body.ts
import { Transform } from "node:stream";
function contentLength(req) {
  const value = header(req.headers, "content-length");
  if (value === void 0 || !/^\d{1,15}$/.test(value.trim())) return void 0;
  return Number(value);
}
function readBody(req, limit) {
  const declared = contentLength(req);
  if (declared !== void 0 && declared > limit) return Promise.reject(tooLarge(declared, limit));
  return new Promise((resolve5, reject) => {
    const chunks = [];
    let size = 0;
    const finish = (error, body) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", finish);
      req.off("close", onClose);
      if (body === void 0) reject(error);
      else resolve5(body);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(tooLarge(size, limit));
      } else chunks.push(chunk);
    };
    const onEnd = () => finish(void 0, Buffer.concat(chunks, size));
    const onClose = () => {
      if (!req.complete) finish(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    };
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", finish);
    req.once("close", onClose);
  });
}
function tooLarge(size, limit) {
  return apiError("SIZE_INVALID", {
    status: 413,
    message: `manifest is larger than this registry accepts (${limit} bytes)`,
    detail: { size, limit }
  });
}
function limitedBody(req, limit) {
  if (limit <= 0) return req;
  const declared = contentLength(req);
  if (declared !== void 0 && declared > limit) throw requestTooLarge(declared, limit);
  let seen = 0;
  const counter = new Transform({
    highWaterMark: 1 << 20,
    transform(chunk, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(requestTooLarge(seen, limit));
      else done(null, chunk);
    }
  });
  req.on("error", (error) => counter.destroy(error));
  counter.on("error", () => void 0);
  return req.pipe(counter);
}
function requestTooLarge(size, limit) {
  return apiError("SIZE_INVALID", {
    status: 413,
    message: `request body is larger than this registry accepts (${limit} bytes per request); raise limits.max-request-bytes or send smaller chunks`,
    detail: { size, limit }
  });
}

// src/registry/http/slots.ts
var Slots = class {
  #size;
  #used = 0;
  #waiting = [];
  constructor(size) {
    this.#size = Math.max(1, size);
  }
  /** Runs `fn` once a slot is free, and frees it when `fn` settles. */
  async run(fn) {
    if (this.#used >= this.#size) await new Promise((resolve5) => this.#waiting.push(resolve5));
    else this.#used += 1;
    try {
      return await fn();
    } finally {
      const next = this.#waiting.shift();
      if (next !== void 0) next();
      else this.#used -= 1;
    }
  }
  /** Holders now, and callers waiting. */
  get load() {
    return { running: this.#used, waiting: this.#waiting.length };
  }
};

// src/registry/http/manifests.ts
var VALIDATIONS = new Slots(4);
var CHECKS_PER_MANIFEST = 16;
async function handleManifest(ctx, name, reference) {
  if (ctx.method === "PUT") return putManifest(ctx, name, reference);
  const ref = readableReference(reference);
  if (ctx.method === "DELETE") {
    const deleted = ref === void 0 ? false : ref.includes(":") ? await ctx.store.deleteManifest(name, ref) : await ctx.store.deleteTag(name, ref);
    if (!deleted) throw unknown(reference);
    sendEmpty(ctx.res, 202);
    return;
  }
  if (ref === void 0) throw unknown(reference);
  const found = ctx.method === "HEAD" ? await ctx.store.statManifest(name, ref) : await ctx.store.getManifest(name, ref);
  if (found === void 0) throw unknown(reference);
  const { res } = ctx;
  res.setHeader("Docker-Content-Digest", found.digest);
  res.setHeader("ETag", `"${found.digest}"`);
  if (header(ctx.req.headers, "if-none-match") === `"${found.digest}"`) {
    sendEmpty(res, 304);
    return;
  }
  res.statusCode = 200;
  res.setHeader("Content-Type", found.mediaType);
  res.setHeader("Content-Length", found.size);
  if (ctx.method === "GET") ctx.options.stats.recordDownload(name, found.digest, ref);
  res.end("bytes" in found && ctx.method !== "HEAD" ? found.bytes : void 0);
}
function readableReference(reference) {
  if (reference.includes(":")) return parseDigestParam(reference).value;
  return isSafeTag(reference) ? reference : void 0;
}
function unknown(reference) {
  return apiError("MANIFEST_UNKNOWN", {
    message: `manifest unknown: ${JSON.stringify(reference.slice(0, 200))} is not in this repository`,
    detail: { reference: reference.slice(0, 200) }
  });
}
async function putManifest(ctx, name, reference) {
  const ref = parseManifestReference(reference);
  const extraTags = ctx.query.getAll("tag");
  for (const tag of extraTags) parseTagParam(tag);
  const bytes2 = await readBody(ctx.req, ctx.options.maxManifestBytes);
  const digest = digestOf(bytes2, ref.kind === "digest" ? ref.digest.algorithm : "sha256");
  if (ref.kind === "digest" && ref.digest.value !== digest) {
    throw apiError("DIGEST_INVALID", {
      message: `manifest content has digest ${digest}, not ${ref.digest.value}`,
      detail: { expected: ref.digest.value, actual: digest }
    });
  }
  const tags = ref.kind === "tag" ? [ref.tag, ...extraTags] : extraTags;
  let subject;
  await VALIDATIONS.run(async () => {
    const checked = checkManifest(bytes2, header(ctx.req.headers, "content-type"));
    subject = checked.subject?.digest;
    const referenced = [...checked.blobs, ...checked.manifests].map((d) => d.digest);
    await ctx.options.caching.gc.lease(referenced, async () => {
      if (ctx.options.requireManifestReferences) await requireReferences(ctx, name, checked);
      await ctx.store.putManifest(name, {
        bytes: bytes2,
        digest,
        mediaType: checked.mediaType,
        tags,
        referrer: subject === void 0 ? void 0 : { subject, descriptor: referrerDescriptor(checked, digest, bytes2.length) }
      });
    });
  });
  ctx.options.stats.recordPush(name, digest, tags);
  const headers = {
    Location: manifestLocation(name, digest),
    "Docker-Content-Digest": digest
  };
  if (subject !== void 0) headers["OCI-Subject"] = subject;
  if (extraTags.length > 0) headers["OCI-Tag"] = extraTags.join(", ");
  sendEmpty(ctx.res, 201, headers);
}
async function requireReferences(ctx, name, checked) {
  const all = [
    ...checked.blobs.map((d) => ({ d, what: "blob" })),
    ...checked.manifests.map((d) => ({ d, what: "manifest" }))
  ];
  let next = 0;
  let firstMissing = all.length;
  const worker = async () => {
    while (firstMissing === all.length && next < all.length) {
      const index = next++;
      const { d, what: what2 } = all[index];
      const found = what2 === "blob" ? await ctx.store.statBlob(name, d.digest) : await ctx.store.statManifest(name, d.digest);
      if (found === void 0) firstMissing = Math.min(firstMissing, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECKS_PER_MANIFEST, all.length) }, worker));
  if (firstMissing === all.length) return;
  const { d: first, what } = all[firstMissing];
  throw apiError("MANIFEST_BLOB_UNKNOWN", {
    message: `manifest references ${what} ${first.digest}, which is not in repository ${name}; push it first`,
    detail: { digest: first.digest }
  });
}
function referrerDescriptor(checked, digest, size) {
  return {
    mediaType: checked.mediaType,
    digest,
    size,
    ...checked.artifactType === void 0 ? {} : { artifactType: checked.artifactType },
    ...checked.annotations === void 0 ? {} : { annotations: checked.annotations }
  };
}

// src/registry/http/referrers.ts
async function handleReferrers(ctx, name, rawDigest) {
  const subject = parseDigestParam(rawDigest).value;
  const artifactType = ctx.query.get("artifactType");
  let manifests = await ctx.store.listReferrers(name, subject);
  const headers = {};
  if (artifactType !== null && artifactType !== "") {
    manifests = manifests.filter((entry) => entry.artifactType === artifactType);
    headers["OCI-Filters-Applied"] = "artifactType";
  }
  const index = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  sendJson(ctx.res, ctx.method, 200, index, headers, MediaType.ociIndex);
}

// src/registry/http/refusal.ts
var DEFAULT_CODE = {
  400: "NAME_INVALID",
  401: "UNAUTHORIZED",
  403: "DENIED",
  404: "NAME_UNKNOWN"
};
function refusal(verdict) {
  return apiError(verdict.code ?? DEFAULT_CODE[verdict.status], {
    status: verdict.status,
    message: verdict.message,
    headers: verdict.challenge === void 0 ? {} : { "WWW-Authenticate": verdict.challenge }
  });
}

// src/registry/http/router.ts
var ROUTE_METHODS = {
  base: ["GET", "HEAD"],
  catalog: ["GET"],
  blob: ["GET", "HEAD", "DELETE"],
  uploads: ["POST"],
  upload: ["GET", "PATCH", "PUT", "DELETE"],
  manifest: ["GET", "HEAD", "PUT", "DELETE"],
  tags: ["GET"],
  referrers: ["GET"]
};
var PATTERNS = [
  [/^\/v2\/?$/, () => ({ kind: "base" })],
  [/^\/v2\/_catalog$/, () => ({ kind: "catalog" })],
  [/^\/v2\/(.+)\/blobs\/uploads\/?$/, (m) => ({ kind: "uploads", name: m[1] })],
  [/^\/v2\/(.+)\/blobs\/uploads\/([^/]+)$/, (m) => ({ kind: "upload", name: m[1], id: m[2] })],
  [/^\/v2\/(.+)\/blobs\/([^/]+)$/, (m) => ({ kind: "blob", name: m[1], digest: m[2] })],
  [/^\/v2\/(.+)\/manifests\/([^/]+)$/, (m) => ({ kind: "manifest", name: m[1], reference: m[2] })],
  [/^\/v2\/(.+)\/tags\/list$/, (m) => ({ kind: "tags", name: m[1] })],
  [/^\/v2\/(.+)\/referrers\/([^/]+)$/, (m) => ({ kind: "referrers", name: m[1], digest: m[2] })]
];
var MAX_TARGET_LENGTH = 8192;
function splitTarget(url) {
  let rest = url;
  const scheme = /^https?:\/\/[^/]*/i.exec(rest);
  if (scheme !== null) rest = rest.slice(scheme[0].length) || "/";
  const question = rest.indexOf("?");
  if (question === -1) return { path: rest, query: new URLSearchParams() };
  return { path: rest.slice(0, question), query: new URLSearchParams(rest.slice(question + 1)) };
}
function matchRoute(path) {
  if (path.length > MAX_TARGET_LENGTH) return void 0;
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(path);
    if (match !== null) return build(match);
  }
  return void 0;
}

// src/registry/http/service-routes.ts
var SERVICE_METHODS = {
  token: ["GET"],
  healthz: ["GET", "HEAD"],
  metrics: ["GET"],
  packages: ["GET"],
  package: ["GET"],
  download: ["GET", "HEAD"]
};
var PACKAGES = [
  /^\/api\/v1\/registries\/([^/]+\/[^/]+)\/packages\/?$/,
  /^\/api\/v1\/registries\/([^/]+)\/packages\/?$/
];
var PACKAGE = [
  /^\/api\/v1\/registries\/([^/]+\/[^/]+)\/packages\/(.+)$/,
  /^\/api\/v1\/registries\/([^/]+)\/packages\/(.+)$/
];
function matchServiceRoute(path) {
  if (path.length > 1024) return void 0;
  if (path === "/token") return { kind: "token" };
  if (path === "/healthz") return { kind: "healthz" };
  if (path === "/metrics") return { kind: "metrics" };
  for (const pattern of PACKAGES) {
    const list2 = pattern.exec(path);
    if (list2 !== null) return { kind: "packages", registry: list2[1] };
  }
  for (const pattern of PACKAGE) {
    const one = pattern.exec(path);
    if (one === null) continue;
    const image = one[2];
    if (image.endsWith("/download") && image.length > "/download".length) {
      return { kind: "download", registry: one[1], image: image.slice(0, -"/download".length) };
    }
    return { kind: "package", registry: one[1], image };
  }
  return void 0;
}

// src/registry/auth/credentials.ts
var USERNAME = BUILDKITE_USERNAME;
var MAX_HEADER_LENGTH = 16 * 1024;
function readCredentials(req) {
  const header2 = req.headers.authorization;
  if (header2 === void 0 || header2.trim() === "") return { kind: "none" };
  return parseAuthorization(header2);
}
function parseAuthorization(header2) {
  if (header2.length > MAX_HEADER_LENGTH) {
    return {
      kind: "malformed",
      reason: `the Authorization header is longer than ${MAX_HEADER_LENGTH} bytes`
    };
  }
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(header2);
  if (match === null)
    return { kind: "malformed", reason: 'the Authorization header is not "<scheme> <credentials>"' };
  const scheme = match[1].toLowerCase();
  const value = match[2];
  if (scheme === "bearer") return { kind: "bearer", token: value };
  if (scheme !== "basic") {
    return {
      kind: "malformed",
      reason: `unsupported authorization scheme ${match[1].slice(0, 20)}; use Basic or Bearer`
    };
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    return { kind: "malformed", reason: "Basic credentials are not base64" };
  }
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1)
    return { kind: "malformed", reason: 'Basic credentials hold no ":" between user name and password' };
  return { kind: "basic", username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// src/registry/packages/viewer.ts
function viewerOf(request) {
  return { request };
}
function viewerWithToken(request, token) {
  const authorization = `Basic ${Buffer.from(`${USERNAME}:${token}`).toString("base64")}`;
  const headers = { ...request.headers, authorization };
  const proxy = new Proxy(request, {
    get: (target, key2) => key2 === "headers" ? headers : Reflect.get(target, key2, target)
  });
  return { request: proxy };
}
async function requirePull(authorizer, viewer, name, target) {
  const verdict = await authorizer.authorize(viewer.request, { repository: name, actions: ["pull"], target });
  if (!verdict.ok) throw refusal(verdict);
}
async function canPull(authorizer, viewer, name, target) {
  const verdict = await authorizer.authorize(viewer.request, { repository: name, actions: ["pull"], target });
  return verdict.ok;
}

// src/registry/http/download.ts
import { Transform as Transform2 } from "node:stream";
import { pipeline } from "node:stream/promises";

// src/registry/packages/archive.ts
import { createHash as createHash2 } from "node:crypto";

// src/registry/packages/manifest-reader.ts
async function readManifest(store, repository, reference) {
  const stored2 = await store.getManifest(repository, reference);
  if (stored2 === void 0) {
    throw apiError("MANIFEST_UNKNOWN", {
      message: `no manifest ${reference.slice(0, 200)} in ${repository}`,
      detail: { name: repository, reference }
    });
  }
  let manifest;
  try {
    manifest = parseManifest(stored2.bytes, stored2.mediaType).manifest;
  } catch {
    manifest = void 0;
  }
  return { stored: stored2, manifest };
}
var MAX_CONFIG_BYTES = 4 * 1024 * 1024;
async function readConfig(store, repository, digest) {
  const blob = await store.getBlob(repository, digest);
  if (blob === void 0 || blob.size > MAX_CONFIG_BYTES) return void 0;
  try {
    const value = JSON.parse((await readAll(blob.open())).toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
  } catch {
    return void 0;
  }
}
async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// src/registry/packages/platforms.ts
function platformsOf(manifests) {
  return manifests.map((d) => {
    const p = d.platform;
    const platform = p === void 0 ? null : {
      os: p.os,
      architecture: p.architecture,
      ...p.variant === void 0 ? {} : { variant: p.variant }
    };
    const attestation = d.annotations?.["vnd.docker.reference.type"] === "attestation-manifest" || p?.os === "unknown" && p.architecture === "unknown";
    return { digest: d.digest, media_type: d.mediaType, size: d.size, platform, attestation };
  });
}
function platformName(platform) {
  return platform === null ? "unknown" : [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
}
function pickPlatform(platforms, wanted) {
  const images = platforms.filter((p) => !p.attestation);
  const found = wanted === void 0 || wanted === "" ? images[0] : images.find((p) => platformName(p.platform) === wanted) ?? images.find((p) => p.digest === wanted) ?? (wanted.split("/").length === 2 ? images.find((p) => platformName(p.platform).startsWith(`${wanted}/`)) : void 0);
  if (found === void 0) {
    const known = images.map((p) => platformName(p.platform)).join(", ") || "none";
    throw apiError("MANIFEST_UNKNOWN", {
      message: `no platform ${JSON.stringify((wanted ?? "").slice(0, 100))} in this index; platforms: ${known}`
    });
  }
  return found;
}

// src/registry/packages/archive.ts
async function planImageArchive(store, repository, digest, tag, format, platform) {
  let root = await readManifest(store, repository, digest);
  if (root.manifest === void 0) throw notAnImage(digest);
  if (format === "docker-archive" && isIndex(root.manifest)) {
    const chosen = pickPlatform(platformsOf(root.manifest.manifests), platform);
    root = await readManifest(store, repository, chosen.digest);
    if (root.manifest === void 0 || isIndex(root.manifest)) throw notAnImage(chosen.digest);
  }
  if (format === "docker-archive" && !isIndex(root.manifest)) {
    const { config } = root.manifest;
    if (!isImageConfigMediaType(config.mediaType)) {
      const type = ("artifactType" in root.manifest ? root.manifest.artifactType : void 0) ?? config.mediaType;
      throw apiError("UNSUPPORTED", {
        status: 400,
        message: `${root.stored.digest} is an artifact (${type}), not a container image: docker load cannot read it; download it as oci-archive`
      });
    }
  }
  const blobs = [];
  await collect(store, repository, root.stored.digest, root.manifest, blobs, 0);
  const { stored: stored2, manifest } = root;
  const docker = format === "docker-archive" && !isIndex(manifest) ? { config: manifest.config.digest, layers: await storedLayers(store, repository, manifest) } : void 0;
  const repoTags = format === "docker-archive" && tag !== void 0 ? [`${repository}:${tag}`] : [];
  const input = {
    format,
    root: { digest: stored2.digest, mediaType: stored2.mediaType, size: stored2.size },
    ...tag === void 0 ? {} : { refName: tag },
    ...docker === void 0 ? {} : { docker },
    repoTags,
    blobs
  };
  const plan = planArchive(input);
  const key2 = createHash2("sha256").update(JSON.stringify({ format, root: stored2.digest, tag: tag ?? null, repoTags })).digest("hex");
  return { plan, digest: stored2.digest, key: key2 };
}
function storeOpener(store, repository) {
  return async (blob) => {
    const reader = await store.getBlob(repository, blob.digest);
    if (reader !== void 0) return reader.open();
    const manifest = await store.getManifest(repository, blob.digest);
    if (manifest !== void 0) return [manifest.bytes];
    throw apiError("BLOB_UNKNOWN", { message: `blob ${blob.digest} is gone from ${repository}` });
  };
}
async function collect(store, repository, digest, manifest, blobs, depth) {
  const stored2 = await store.statManifest(repository, digest);
  if (stored2 === void 0) throw notAnImage(digest);
  blobs.push({ digest: stored2.digest, size: stored2.size });
  if (isIndex(manifest)) {
    if (depth >= 2) return;
    for (const child of manifest.manifests) {
      const read = await readManifest(store, repository, child.digest).catch(() => void 0);
      if (read?.manifest === void 0) continue;
      await collect(store, repository, child.digest, read.manifest, blobs, depth + 1);
    }
    return;
  }
  for (const d of [manifest.config, ...manifest.layers]) {
    const info = await store.statBlob(repository, d.digest);
    if (info !== void 0) blobs.push({ digest: d.digest, size: info.size });
    else if (!isForeign(d))
      throw apiError("BLOB_UNKNOWN", { message: `blob ${d.digest} is not in ${repository}` });
  }
}
async function storedLayers(store, repository, manifest) {
  const layers = [];
  for (const layer of "layers" in manifest ? manifest.layers : []) {
    if (await store.statBlob(repository, layer.digest) !== void 0) layers.push(layer.digest);
  }
  return layers;
}
function notAnImage(digest) {
  return apiError("MANIFEST_INVALID", {
    message: `${digest} is not an image manifest or index this registry can archive`
  });
}

// src/registry/packages/checksums.ts
import { createHash as createHash3 } from "node:crypto";
var ChecksumsHasher = class {
  #hashes = ["md5", "sha1", "sha256", "sha512"].map((name) => createHash3(name));
  update(chunk) {
    for (const hash2 of this.#hashes) hash2.update(chunk);
  }
  digest() {
    const [md5, sha1, sha256, sha512] = this.#hashes.map((hash2) => hash2.digest("hex"));
    return { md5, sha1, sha256, sha512 };
  }
};
function checksumsOf(bytes2) {
  const hasher = new ChecksumsHasher();
  hasher.update(bytes2);
  return hasher.digest();
}
async function checksumsOfStream(stream) {
  const hasher = new ChecksumsHasher();
  for await (const chunk of stream) hasher.update(chunk);
  return hasher.digest();
}

// src/registry/http/download.ts
var FORMATS = ["oci-archive", "docker-archive"];
async function handleDownload(ctx, registry, image) {
  const format = ctx.query.get("format") ?? "oci-archive";
  if (!FORMATS.includes(format)) {
    throw apiError("UNSUPPORTED", {
      status: 400,
      message: `unknown format ${JSON.stringify(format.slice(0, 50))}: use oci-archive or docker-archive`
    });
  }
  const tag = ctx.query.get("tag") ?? void 0;
  const digest = ctx.query.get("digest") ?? void 0;
  if (tag !== void 0 && digest !== void 0) {
    throw apiError("UNSUPPORTED", { status: 400, message: "give tag or digest, not both" });
  }
  const { packages, stats, onError } = ctx.options;
  const { store } = ctx;
  const planned = await packages.planDownload(
    viewerOf(ctx.req),
    registry,
    image,
    { ...tag === void 0 ? {} : { tag }, ...digest === void 0 ? {} : { digest } },
    format,
    ctx.query.get("platform") ?? void 0
  );
  const { archive, resolved, repository } = planned;
  const { res } = ctx;
  res.statusCode = 200;
  res.setHeader("Content-Type", "application/x-tar");
  res.setHeader("Content-Length", archive.plan.length);
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="${fileName(repository, resolved.tag, archive.digest, format)}"`
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Docker-Content-Digest", archive.digest);
  if (ctx.method === "HEAD") {
    res.end();
    return;
  }
  const known = await packages.cachedChecksums(archive);
  const hasher = known === void 0 ? new ChecksumsHasher() : void 0;
  const tee = new Transform2({
    transform(chunk, _encoding, done) {
      hasher?.update(chunk);
      done(null, chunk);
    }
  });
  await pipeline(archiveStream(archive.plan, storeOpener(store, repository)), tee, res);
  stats.recordDownload(repository, resolved.info.digest, resolved.tag ?? resolved.info.digest);
  if (hasher !== void 0) {
    await packages.rememberChecksums(archive, hasher.digest()).catch((error) => {
      onError(error, { method: ctx.method, url: (ctx.req.url ?? "").split("?")[0] ?? "" });
    });
  }
}
function fileName(repository, tag, digest, format) {
  const base = repository.split("/").at(-1).replace(/[^A-Za-z0-9._-]/g, "_");
  const version = tag ?? digest.replace(":", "-").slice(0, 19);
  return `${base}-${version.replace(/[^A-Za-z0-9._-]/g, "_")}.${format === "oci-archive" ? "oci" : "docker"}.tar`;
}

// src/registry/http/service.ts
async function handleService(ctx, route, state) {
  switch (route.kind) {
    case "token":
      return handleToken(ctx);
    case "healthz":
      return handleHealth(ctx, state);
    case "metrics":
      return sendBytes(
        ctx.res,
        ctx.method,
        200,
        Buffer.from(await ctx.options.metricsText()),
        "text/plain; version=0.0.4; charset=utf-8"
      );
    case "packages":
      return listPackages(ctx, groupOf(route.registry));
    case "package":
      return showPackage(ctx, groupOf(route.registry), route.image);
    case "download":
      return handleDownload(ctx, groupOf(route.registry), route.image);
  }
}
function groupOf(registry) {
  return registry === "-" ? "" : registry;
}
async function handleToken(ctx) {
  const { authorizer } = ctx.options;
  if (authorizer.issueToken === void 0) {
    throw apiError("UNSUPPORTED", {
      status: 404,
      message: "this registry does not use token authentication: no credentials are needed"
    });
  }
  const answer = await authorizer.issueToken(ctx.req, ctx.query);
  sendJson(ctx.res, ctx.method, answer.status, answer.body, { ...answer.headers });
}
async function handleHealth(ctx, state) {
  if (state.closing) {
    sendJson(ctx.res, ctx.method, 503, { status: "stopping" });
    return;
  }
  try {
    await ctx.store.checkWritable?.();
  } catch (error) {
    ctx.options.onError(error, { method: ctx.method, url: "/healthz" });
    sendJson(ctx.res, ctx.method, 503, { status: "unavailable", reason: "the storage is not writable" });
    return;
  }
  sendJson(ctx.res, ctx.method, 200, { status: "ok" });
}
async function listPackages(ctx, registry) {
  const listing = await ctx.options.packages.listImages(viewerOf(ctx.req), registry);
  const packages = listing.packages.map(({ tags, ...rest }) => ({ ...rest, tags: tags.length }));
  sendJson(ctx.res, ctx.method, 200, { registry, visibility: listing.visibility, packages });
}
async function showPackage(ctx, registry, image) {
  const { packages } = ctx.options;
  const summary = await packages.summary(viewerOf(ctx.req), registry, image);
  sendJson(ctx.res, ctx.method, 200, { registry, visibility: packages.visibilityOf(registry), ...summary });
}

// src/registry/http/tags.ts
async function handleTags(ctx, name) {
  const tags = await ctx.store.listTags(name);
  if (tags === void 0) {
    throw apiError("NAME_UNKNOWN", {
      message: `repository ${name} is not known to this registry`,
      detail: { name }
    });
  }
  const page = paginate(tags, ctx.query, `/v2/${name}/tags/list`);
  sendJson(
    ctx.res,
    ctx.method,
    200,
    { name, tags: page.items },
    page.link === void 0 ? {} : { Link: page.link }
  );
}

// src/registry/packages/contents/contents-cache.ts
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";

// src/registry/packages/contents/file-tree.ts
var WHITEOUT = ".wh.";
var OPAQUE = ".wh..wh..opq";
var FileTree = class {
  #root = { type: "directory", size: 0, mode: 493, children: /* @__PURE__ */ new Map() };
  #maxNodes;
  #nodes = 0;
  /**
   * `maxNodes`: most entries the tree may hold, the directories that paths imply included (one
   * long name implies as many directories as it has components); beyond, 413 `UNSUPPORTED`.
   */
  constructor(maxNodes = Number.POSITIVE_INFINITY) {
    this.#maxNodes = maxNodes;
  }
  /** Applies one layer, its entries in tar order. */
  applyLayer(entries) {
    const added = [];
    for (const entry of entries) {
      const slash = entry.path.lastIndexOf("/");
      const base = entry.path.slice(slash + 1);
      if (!base.startsWith(WHITEOUT)) {
        added.push(entry);
        continue;
      }
      const parent = this.#find(slash === -1 ? "" : entry.path.slice(0, slash));
      if (parent?.children === void 0) continue;
      if (base === OPAQUE) parent.children.clear();
      else parent.children.delete(base.slice(WHITEOUT.length));
    }
    for (const entry of added) this.#add(entry);
  }
  /**
   * Every entry, depth first with siblings in byte order, and the totals. Walked with a stack of
   * its own, so a tree as deep as a tar name is long (a hostile layer) does not overflow the call
   * stack; more than `maxPathBytes` of paths in all (a deep tree repeats its prefixes in every
   * entry, quadratic in the depth) fails with 413 `UNSUPPORTED` instead of filling the memory.
   */
  list(digest, maxPathBytes = Number.POSITIVE_INFINITY) {
    const entries = [];
    let files = 0;
    let directories = 0;
    let bytes2 = 0;
    let pathBytes = 0;
    const stack = [];
    const pushChildren = (node, prefix) => {
      const names = [...node.children.keys()].sort(byteOrder).reverse();
      for (const name of names) stack.push({ node: node.children.get(name), prefix: `${prefix}/${name}` });
    };
    pushChildren(this.#root, "");
    for (let next = stack.pop(); next !== void 0; next = stack.pop()) {
      const { node: child, prefix: path } = next;
      pathBytes += path.length;
      if (pathBytes > maxPathBytes) {
        throw apiError("UNSUPPORTED", {
          status: 413,
          message: `the image's file paths are too long to list (over ${maxPathBytes} bytes together)`
        });
      }
      entries.push({
        path,
        type: child.type,
        size: child.size,
        mode: child.mode,
        ...child.link === void 0 ? {} : { link: child.link }
      });
      if (child.type === "directory") {
        directories++;
        pushChildren(child, path);
      } else {
        files++;
        bytes2 += child.size;
      }
    }
    return { digest, files, directories, bytes: bytes2, entries };
  }
  #find(path) {
    let node = this.#root;
    if (path === "") return node;
    for (const part of path.split("/")) {
      node = node?.children?.get(part);
      if (node === void 0) return void 0;
    }
    return node;
  }
  #add(entry) {
    if (entry.path === "") {
      if (entry.type === "directory") this.#root.mode = entry.mode;
      return;
    }
    const parts = entry.path.split("/");
    let node = this.#root;
    for (const part of parts.slice(0, -1)) {
      let next = node.children.get(part);
      if (next?.children === void 0) {
        next = { type: "directory", size: 0, mode: 493, children: /* @__PURE__ */ new Map() };
        this.#set(node, part, next);
      }
      node = next;
    }
    const name = parts.at(-1);
    const existing = node.children.get(name);
    if (entry.type === "directory") {
      if (existing?.children !== void 0) {
        existing.mode = entry.mode;
        return;
      }
      this.#set(node, name, { type: "directory", size: 0, mode: entry.mode, children: /* @__PURE__ */ new Map() });
      return;
    }
    const leaf = { type: entry.type, size: entry.type === "file" ? entry.size : 0, mode: entry.mode };
    if (entry.link !== void 0) leaf.link = entry.link;
    this.#set(node, name, leaf);
  }
  #set(parent, name, child) {
    if (!parent.children.has(name) && ++this.#nodes > this.#maxNodes) {
      throw apiError("UNSUPPORTED", {
        status: 413,
        message: `the image holds more files than this registry lists (${this.#maxNodes} entries)`
      });
    }
    parent.children.set(name, child);
  }
};
function normalizeEntryPath(name) {
  const parts = [];
  for (const part of name.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") return void 0;
    parts.push(part);
  }
  return parts.join("/");
}
function byteOrder(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/registry/packages/contents/scan-layer.ts
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { pipeline as pipeline2 } from "node:stream/promises";
import { createGunzip, createZstdDecompress } from "node:zlib";
function sniffCompression(head) {
  if (head[0] === 31 && head[1] === 139) return "gzip";
  if (head[0] === 40 && head[1] === 181 && head[2] === 47 && head[3] === 253) return "zstd";
  return "none";
}
var TYPES = {
  file: "file",
  "contiguous-file": "file",
  directory: "directory",
  symlink: "symlink",
  link: "hardlink",
  "character-device": "char",
  "block-device": "block",
  fifo: "fifo"
};
async function scanLayer(source, compression, maxEntries = Number.POSITIVE_INFINITY, maxPathBytes = Number.POSITIVE_INFINITY) {
  const entries = [];
  let pathBytes = 0;
  const unpack = (0, import_tar_stream.extract)();
  unpack.on("entry", (header2, stream, next) => {
    const entry = toEntry(header2);
    if (entry !== void 0) {
      entries.push(entry);
      pathBytes += entry.path.length + (entry.link?.length ?? 0);
    }
    if (pathBytes > maxPathBytes) {
      unpack.destroy(
        apiError("UNSUPPORTED", {
          status: 413,
          message: `the image's file names are too long to list (over ${maxPathBytes} bytes together)`
        })
      );
      return;
    }
    if (entries.length > maxEntries) {
      unpack.destroy(
        apiError("UNSUPPORTED", {
          status: 413,
          message: "the image holds more files than this registry lists (1,000,000 tar entries)"
        })
      );
      return;
    }
    stream.on("end", next);
    stream.resume();
  });
  const stages = [
    source,
    ...compression === "gzip" ? [createGunzip()] : compression === "zstd" ? [createZstdDecompress()] : [],
    unpack
  ];
  await pipeline2(stages);
  return entries;
}
function toEntry(header2) {
  const type = TYPES[header2.type ?? "file"];
  const path = normalizeEntryPath(header2.name);
  if (type === void 0 || path === void 0) return void 0;
  const link3 = header2.linkname ?? void 0;
  const linkPath = type === "hardlink" && link3 !== void 0 ? normalizeEntryPath(link3) : link3;
  return {
    path,
    type,
    size: type === "file" ? header2.size ?? 0 : 0,
    mode: (header2.mode ?? 0) & 4095,
    ...(type === "symlink" || type === "hardlink") && linkPath !== void 0 ? { link: type === "hardlink" ? `/${linkPath}` : linkPath } : {}
  };
}

// src/registry/packages/contents/compute.ts
var MAX_ENTRIES = 1e6;
var MAX_PATH_BYTES = 128 * 1024 * 1024;
function isFilesystemLayer(mediaType) {
  return /^application\/vnd\.oci\.image\.layer\.(nondistributable\.)?v1\.tar(\+gzip|\+zstd)?$/.test(mediaType) || /^application\/vnd\.docker\.image\.rootfs\.(foreign\.)?diff\.tar(\.gzip)?$/.test(mediaType);
}
async function computeContents(store, repository, digest) {
  const { manifest } = await readManifest(store, repository, digest);
  if (manifest === void 0 || !("layers" in manifest)) {
    throw apiError("MANIFEST_INVALID", {
      message: `${digest} is not an image manifest: contents are listed per platform image`
    });
  }
  const tree = new FileTree(MAX_ENTRIES);
  let seen = 0;
  let seenPathBytes = 0;
  for (const layer of manifest.layers) {
    if (!isFilesystemLayer(layer.mediaType)) continue;
    const blob = await store.getBlob(repository, layer.digest);
    if (blob === void 0) {
      if (isForeign(layer)) continue;
      throw apiError("BLOB_UNKNOWN", {
        message: `layer ${layer.digest} of ${digest} is not in ${repository}`,
        detail: { digest: layer.digest }
      });
    }
    if (blob.size === 0) continue;
    const head = await readAll(blob.open(0, Math.min(3, blob.size - 1)));
    const entries = await scanLayer(
      blob.open(),
      sniffCompression(head),
      MAX_ENTRIES - seen,
      MAX_PATH_BYTES - seenPathBytes
    );
    seen += entries.length;
    for (const entry of entries) seenPathBytes += entry.path.length + (entry.link?.length ?? 0);
    tree.applyLayer(entries);
  }
  return tree.list(digest, MAX_PATH_BYTES);
}

// src/registry/packages/contents/contents-cache.ts
var gzipAsync = promisify(gzip);
var gunzipAsync = promisify(gunzip);
var VERSION = 1;
var KEEP_FAILURES = 1e3;
var ContentsCache = class {
  #cache;
  #inFlight = /* @__PURE__ */ new Map();
  #recent = /* @__PURE__ */ new Map();
  #failed = /* @__PURE__ */ new Map();
  #keepEntries;
  #computing;
  /**
   * `keepEntries`: how many entries the lists kept in memory may hold together (the last one
   * read is always kept). Default 200,000, about 40 MiB. `computeAtOnce`: how many images'
   * contents are computed at the same time (each may take hundreds of MiB while its layers are
   * read: many pages of big images opened at once would otherwise exhaust the memory); the
   * others wait their turn. Default 2.
   */
  constructor(cache, keepEntries = 2e5, computeAtOnce = 2) {
    this.#cache = cache;
    this.#keepEntries = keepEntries;
    this.#computing = new Slots(computeAtOnce);
  }
  /** The contents of `digest`, computed from `repository`'s layers when not cached. */
  get(store, repository, digest) {
    const recent = this.#recent.get(digest);
    if (recent !== void 0) {
      this.#remember(digest, recent);
      return Promise.resolve(recent);
    }
    if (this.#failed.has(digest)) return Promise.reject(this.#failed.get(digest));
    let flight = this.#inFlight.get(digest);
    if (flight === void 0) {
      flight = this.#load(store, repository, digest).catch((error) => {
        if (decidedByContent(error)) this.#rememberFailure(digest, error);
        throw error;
      }).finally(() => this.#inFlight.delete(digest));
      this.#inFlight.set(digest, flight);
    }
    return flight;
  }
  /** The contents of `digest` when already computed, without computing them. */
  async peek(digest) {
    const contents = this.#recent.get(digest) ?? await this.#read(digest);
    if (contents !== void 0) this.#remember(digest, contents);
    return contents;
  }
  async #load(store, repository, digest) {
    let contents = await this.#read(digest);
    if (contents === void 0) {
      contents = await this.#computing.run(() => computeContents(store, repository, digest));
      await this.#cache.write(
        keyOf(digest),
        await gzipAsync(JSON.stringify({ version: VERSION, ...contents }))
      );
    }
    this.#remember(digest, contents);
    return contents;
  }
  async #read(digest) {
    const bytes2 = await this.#cache.read(keyOf(digest));
    if (bytes2 === void 0) return void 0;
    try {
      const value = JSON.parse((await gunzipAsync(bytes2)).toString("utf8"));
      if (value.version !== VERSION || value.digest !== digest || !Array.isArray(value.entries))
        return void 0;
      const { version: _version, ...contents } = value;
      return contents;
    } catch {
      return void 0;
    }
  }
  #rememberFailure(digest, error) {
    this.#failed.set(digest, error);
    for (const key2 of this.#failed.keys()) {
      if (this.#failed.size <= KEEP_FAILURES) break;
      this.#failed.delete(key2);
    }
  }
  #remember(digest, contents) {
    this.#recent.delete(digest);
    this.#recent.set(digest, contents);
    let total = 0;
    for (const kept of this.#recent.values()) total += kept.entries.length;
    for (const [key2, kept] of this.#recent) {
      if (total <= this.#keepEntries || this.#recent.size === 1) break;
      this.#recent.delete(key2);
      total -= kept.entries.length;
    }
  }
};
function decidedByContent(error) {
  if (isRegistryApiError(error)) return error.status === 413;
  return error instanceof Error && error.syscall === void 0;
}
function keyOf(digest) {
  return `contents/${digest.replace(":", "-")}.json.gz`;
}

// src/registry/packages/about.ts
var PREFIX = "org.opencontainers.image.";
var FIELDS = {
  title: "title",
  version: "version",
  description: "description",
  url: "url",
  source: "source",
  documentation: "documentation",
  licenses: "licenses",
  vendor: "vendor",
  authors: "authors",
  created: "created",
  revision: "revision",
  "base.name": "base_name",
  "base.digest": "base_digest"
};
var MAX_VALUE = 4096;
function aboutOf(sources) {
  const all = {};
  for (const source of sources) {
    for (const [key2, value] of Object.entries(source ?? {})) {
      if (!key2.startsWith(PREFIX) || typeof value !== "string" || key2 in all) continue;
      all[key2] = value.slice(0, MAX_VALUE);
    }
  }
  const about = {};
  for (const [suffix, field] of Object.entries(FIELDS)) {
    const value = all[PREFIX + suffix];
    if (value !== void 0 && value !== "") about[field] = value;
  }
  return { ...about, all };
}
function labelsOf(config) {
  const inner = config?.config;
  if (typeof inner !== "object" || inner === null) return void 0;
  const labels = inner.Labels;
  return typeof labels === "object" && labels !== null ? labels : void 0;
}

// src/registry/packages/summary.ts
async function summarizePackage(store, stats, registry, repository) {
  const tags = await store.listTags(repository);
  if (tags === void 0) return void 0;
  const recorded = stats.get(repository);
  const all = /* @__PURE__ */ new Map();
  const children = /* @__PURE__ */ new Set();
  const summaries = [];
  for (const tag of tags) {
    const info = await store.statManifest(repository, tag);
    if (info === void 0) continue;
    const blobs = await contentOf(store, repository, info.digest, info.size, 0);
    for (const [digest, size] of blobs) {
      all.set(digest, size);
      if (digest !== info.digest) children.add(digest);
    }
    summaries.push({
      tag,
      digest: info.digest,
      media_type: info.mediaType,
      pushed_at: recorded.tags[tag]?.pushedAt || null,
      downloads: recorded.tags[tag]?.downloads ?? 0,
      size: sum(blobs)
    });
  }
  if (summaries.length === 0) return void 0;
  summaries.sort(newestFirst);
  const pushed = summaries.map((t) => t.pushed_at).filter((t) => t !== null).sort();
  let downloads = summaries.reduce((n, t) => n + t.downloads, 0);
  for (const [digest, m] of Object.entries(recorded.manifests)) {
    if (!children.has(digest)) downloads += m.downloads;
  }
  return {
    name: registry === "" ? repository : repository.slice(registry.length + 1),
    repository,
    pushed_at: pushed.at(-1) ?? null,
    downloads,
    size: sum(all),
    tags: summaries
  };
}
function newestFirst(a, b) {
  const [x, y] = [a.pushed_at ?? "", b.pushed_at ?? ""];
  if (x !== y) return x > y ? -1 : 1;
  return a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0;
}
async function contentOf(store, repository, digest, size, depth) {
  const found = /* @__PURE__ */ new Map([[digest, size]]);
  const manifest = await store.getManifest(repository, digest);
  if (manifest === void 0) return found;
  let parsed;
  try {
    parsed = JSON.parse(manifest.bytes.toString("utf8"));
  } catch {
    return found;
  }
  for (const d of [parsed.config, ...parsed.layers ?? []]) {
    if (isDescriptor(d) && (d.urls === void 0 || d.urls.length === 0)) found.set(d.digest, d.size);
  }
  if (depth < 2) {
    for (const child of parsed.manifests ?? []) {
      if (!isDescriptor(child)) continue;
      for (const [d, s] of await contentOf(store, repository, child.digest, child.size, depth + 1))
        found.set(d, s);
    }
  }
  return found;
}
function isDescriptor(value) {
  const d = value;
  return typeof d?.digest === "string" && typeof d.size === "number" && Number.isSafeInteger(d.size) && d.size >= 0;
}
function sum(sizes) {
  let total = 0;
  for (const size of sizes.values()) total += size;
  return total;
}

// src/registry/packages/details.ts
async function describeImage(store, input) {
  const { repository, resolved, summary } = input;
  const { stored: stored2, manifest } = await readManifest(store, repository, resolved.info.digest);
  let platforms = [];
  let about = aboutOf([]);
  if (manifest !== void 0 && isIndex(manifest)) {
    platforms = platformsOf(manifest.manifests);
    const first = platforms.find((p) => !p.attestation);
    const child = first === void 0 ? void 0 : await readManifest(store, repository, first.digest).catch(() => void 0);
    const childManifest = child?.manifest;
    const config = childManifest !== void 0 && "config" in childManifest ? await readConfig(store, repository, childManifest.config.digest) : void 0;
    about = aboutOf([manifest.annotations, childManifest?.annotations, labelsOf(config)]);
  } else if (manifest !== void 0) {
    const config = await readConfig(store, repository, manifest.config.digest);
    about = aboutOf([manifest.annotations, labelsOf(config)]);
  }
  const dependencies = platforms.filter((p) => !p.attestation).map((p) => ({ kind: "platform", name: platformName(p.platform), digest: p.digest, repository }));
  if (about.base_name !== void 0) {
    const found = await input.findRepository(about.base_name);
    dependencies.push({
      kind: "base",
      name: about.base_name,
      ...about.base_digest === void 0 ? {} : { digest: about.base_digest },
      ...found === void 0 ? {} : { repository: found }
    });
  }
  const artifactType = artifactTypeOf(manifest);
  const tagged = resolved.tag === null ? void 0 : summary.tags.find((t) => t.tag === resolved.tag);
  const blobs = await contentOf(store, repository, stored2.digest, stored2.size, 0);
  let size = 0;
  for (const s of blobs.values()) size += s;
  return {
    registry: input.registry,
    visibility: input.visibility,
    name: summary.name,
    repository,
    tag: resolved.tag,
    tags: summary.tags,
    digest: stored2.digest,
    media_type: stored2.mediaType,
    artifact: artifactType !== null,
    artifact_type: artifactType,
    manifest_size: stored2.size,
    manifest_checksums: checksumsOf(stored2.bytes),
    platforms,
    about,
    pushed_at: tagged?.pushed_at ?? input.digestPushedAt,
    size,
    downloads: tagged?.downloads ?? input.digestDownloads,
    dependencies,
    total_files: input.totalFiles
  };
}
function artifactTypeOf(manifest) {
  if (manifest === void 0) return null;
  const declared = "artifactType" in manifest ? manifest.artifactType : void 0;
  if (isIndex(manifest)) return declared ?? null;
  if (isImageConfigMediaType(manifest.config.mediaType)) return null;
  return declared ?? manifest.config.mediaType;
}

// src/registry/packages/groups.ts
function openGroupOf(repository) {
  const parts = repository.split("/");
  if (parts.length >= 3) return `${parts[0]}/${parts[1]}`;
  if (parts.length === 2) return parts[0];
  return "";
}
function repositoriesIn(names, registry, configured) {
  if (configured) return names.filter((name) => name.startsWith(`${registry}/`));
  return names.filter((name) => openGroupOf(name) === registry);
}
function repositoryOf(registry, image) {
  return registry === "" ? image : `${registry}/${image}`;
}

// src/registry/packages/listings.ts
async function listRegistries(store, authorizer, viewer) {
  const names = await nonEmpty(store, await store.listRepositories());
  if (authorizer.registries !== void 0) {
    const listings = [];
    for (const r of authorizer.registries()) {
      if (!await canPull(authorizer, viewer, r.name, "registry")) continue;
      const images = repositoriesIn(names, r.name, true).length;
      listings.push({ name: r.name, visibility: r.visibility, images, configured: true });
    }
    return listings;
  }
  const groups = /* @__PURE__ */ new Map();
  for (const name of names) {
    if (!await canPull(authorizer, viewer, name, "repository")) continue;
    const group = openGroupOf(name);
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  return [...groups].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([name, images]) => ({ name, visibility: "public", images, configured: false }));
}
async function nonEmpty(store, names) {
  const found = [];
  for (const name of names) {
    const tags = await store.listTags(name);
    if (tags !== void 0 && tags.length > 0) found.push(name);
  }
  return found;
}

// src/registry/packages/archive-checksums.ts
async function readArchiveChecksums(cache, archive) {
  const bytes2 = await cache.read(keyOf2(archive));
  if (bytes2 === void 0) return void 0;
  try {
    const value = JSON.parse(bytes2.toString("utf8"));
    const { md5, sha1, sha256, sha512 } = value;
    if ([md5, sha1, sha256, sha512].some((v) => typeof v !== "string")) return void 0;
    return { md5, sha1, sha256, sha512 };
  } catch {
    return void 0;
  }
}
function writeArchiveChecksums(cache, archive, checksums) {
  return cache.write(keyOf2(archive), Buffer.from(JSON.stringify(checksums)));
}
function keyOf2(archive) {
  return `archives/${archive.key}.json`;
}

// src/registry/packages/base-image.ts
function baseRepository(name) {
  let rest = name.trim().split("@")[0];
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) rest = rest.slice(0, colon);
  const parts = rest.split("/");
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  const repo = parts.join("/");
  return isSafeRepository(repo) ? repo : void 0;
}

// src/registry/packages/resolve-ref.ts
async function resolveRef(store, repository, summary, ref) {
  if (ref.digest !== void 0 && ref.digest !== "") {
    const digest = parseDigestParam(ref.digest).value;
    const info2 = await store.statManifest(repository, digest);
    if (info2 === void 0) throw unknown2(repository, digest);
    return { tag: null, info: info2 };
  }
  const tag = ref.tag !== void 0 && ref.tag !== "" ? ref.tag : newestTag(summary);
  if (tag === void 0 || !isSafeTag(tag)) {
    throw apiError("TAG_INVALID", { message: `invalid tag ${JSON.stringify((tag ?? "").slice(0, 200))}` });
  }
  const info = await store.statManifest(repository, tag);
  if (info === void 0) throw unknown2(repository, tag);
  return { tag, info };
}
function newestTag(summary) {
  const rank = (t) => t.pushed_at ?? "";
  let best;
  for (const t of summary.tags) {
    if (best === void 0 || rank(t) > rank(best) || rank(t) === rank(best) && best.tag !== "latest")
      best = t;
  }
  return best?.tag;
}
function unknown2(repository, reference) {
  return apiError("MANIFEST_UNKNOWN", {
    message: `no tag or digest ${reference.slice(0, 200)} in ${repository}`,
    detail: { name: repository, reference }
  });
}

// src/registry/packages/service.ts
var MAX_PAGE = 5e3;
var PackagesService = class {
  #options;
  contentsCache;
  constructor(options) {
    this.#options = options;
    this.contentsCache = new ContentsCache(options.cache);
  }
  /** True when registries are configured (else: open mode, repositories grouped by name). */
  get configured() {
    return this.#options.authorizer.registries !== void 0;
  }
  /** The registries (or open-mode groups) the viewer may see, with their image counts. */
  listRegistries(viewer) {
    return listRegistries(this.#options.store, this.#options.authorizer, viewer);
  }
  /** The images of a registry (or open-mode group) with at least one tag. */
  async listImages(viewer, registry) {
    this.#checkRegistry(registry);
    const { authorizer, store, stats } = this.#options;
    if (this.configured) await requirePull(authorizer, viewer, registry, "registry");
    const names = repositoriesIn(await store.listRepositories(), registry, this.configured);
    const packages = [];
    for (const name of names) {
      if (!this.configured && !await canPull(authorizer, viewer, name, "repository")) continue;
      const summary = await summarizePackage(store, stats, registry, name);
      if (summary !== void 0) packages.push(summary);
    }
    return { registry, visibility: this.visibilityOf(registry), packages };
  }
  /** One image's summary (404 `NAME_UNKNOWN` when it has no tag). */
  async summary(viewer, registry, image) {
    const repository = await this.#authorizeImage(viewer, registry, image);
    const summary = await summarizePackage(this.#options.store, this.#options.stats, registry, repository);
    if (summary === void 0) {
      throw apiError("NAME_UNKNOWN", {
        message: `no image ${image.slice(0, 200)} in ${registry || "this registry"}`,
        detail: { name: repository }
      });
    }
    return summary;
  }
  /** The details page of an image at a tag, a digest, or (neither) its newest tag. */
  async details(viewer, registry, image, ref = {}) {
    const summary = await this.summary(viewer, registry, image);
    const { store, stats, authorizer } = this.#options;
    const resolved = await resolveRef(store, summary.repository, summary, ref);
    const recorded = stats.get(summary.repository).manifests[resolved.info.digest];
    return describeImage(store, {
      registry,
      visibility: this.visibilityOf(registry),
      repository: summary.repository,
      summary,
      resolved,
      digestDownloads: recorded?.downloads ?? 0,
      digestPushedAt: recorded?.pushedAt || null,
      totalFiles: (await this.#peekContents(summary.repository, resolved.info.digest))?.entries.length ?? null,
      findRepository: async (name) => {
        const repo = baseRepository(name);
        if (repo === void 0 || await store.listTags(repo) === void 0) return void 0;
        return await canPull(authorizer, viewer, repo, "repository") ? repo : void 0;
      }
    });
  }
  /**
   * A page of an image's filesystem (of an index: of `platform`, default the first
   * non-attestation image). Computed on first use, then read from the cache. An offset past the
   * end gives the last page (a stale or edited link still shows entries).
   */
  async contents(viewer, registry, image, ref = {}, page = {}) {
    const summary = await this.summary(viewer, registry, image);
    const { store } = this.#options;
    const resolved = await resolveRef(store, summary.repository, summary, ref);
    const target = await this.#imageOf(summary.repository, resolved.info.digest, page.platform);
    const all = await this.contentsCache.get(store, summary.repository, target.digest);
    const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(page.limit ?? 500)));
    const lastPage = Math.floor(Math.max(0, all.entries.length - 1) / limit) * limit;
    const asked = Math.max(0, Math.floor(page.offset ?? 0));
    const offset = asked < all.entries.length ? asked : lastPage;
    return {
      digest: target.digest,
      platform: target.platform,
      total: all.entries.length,
      files: all.files,
      directories: all.directories,
      bytes: all.bytes,
      offset,
      entries: all.entries.slice(offset, offset + limit)
    };
  }
  /** Plans a Download (authorized like a pull). */
  async planDownload(viewer, registry, image, ref, format, platform) {
    const summary = await this.summary(viewer, registry, image);
    const { store } = this.#options;
    const resolved = await resolveRef(store, summary.repository, summary, ref);
    const archive = await planImageArchive(
      store,
      summary.repository,
      resolved.info.digest,
      resolved.tag ?? void 0,
      format,
      platform
    );
    return { repository: summary.repository, archive, resolved };
  }
  /** Checksums of the Download archive: computed once (streaming it) and cached. */
  async archiveChecksums(viewer, registry, image, ref, format, platform) {
    const { repository, archive } = await this.planDownload(viewer, registry, image, ref, format, platform);
    const cached = await this.cachedChecksums(archive);
    if (cached !== void 0) return cached;
    const checksums = await checksumsOfStream(
      archiveStream(archive.plan, storeOpener(this.#options.store, repository))
    );
    await this.rememberChecksums(archive, checksums);
    return checksums;
  }
  /** Checksums of an archive already computed, or undefined. */
  cachedChecksums(archive) {
    return readArchiveChecksums(this.#options.cache, archive);
  }
  /** Keeps the checksums of an archive (a complete download computed them). */
  rememberChecksums(archive, checksums) {
    return writeArchiveChecksums(this.#options.cache, archive, checksums);
  }
  /** The visibility of a registry; `public` in open mode. */
  visibilityOf(registry) {
    return this.#options.authorizer.visibility?.(registry) ?? "public";
  }
  async #imageOf(repository, digest, platform) {
    const { manifest } = await readManifest(this.#options.store, repository, digest);
    if (manifest === void 0 || !("manifests" in manifest)) return { digest, platform: null };
    const chosen = pickPlatform(platformsOf(manifest.manifests), platform);
    return { digest: chosen.digest, platform: chosen.platform };
  }
  async #peekContents(repository, digest) {
    try {
      const target = await this.#imageOf(repository, digest);
      return await this.contentsCache.peek(target.digest);
    } catch {
      return void 0;
    }
  }
  async #authorizeImage(viewer, registry, image) {
    this.#checkRegistry(registry);
    const repository = repositoryOf(registry, image);
    if (!isSafeRepository(repository) || !this.configured && openGroupOf(repository) !== registry) {
      throw apiError("NAME_INVALID", {
        message: `invalid image name ${JSON.stringify(image.slice(0, 200))}`
      });
    }
    await requirePull(this.#options.authorizer, viewer, repository, "repository");
    return repository;
  }
  #checkRegistry(registry) {
    const parts = registry.split("/").length;
    const shape = this.configured ? parts === 2 : registry === "" || parts <= 2;
    if (!shape || registry !== "" && !isSafeRepository(registry)) {
      throw apiError("NAME_INVALID", {
        message: `invalid registry ${JSON.stringify(registry.slice(0, 200))}: expected ORG/REGISTRY`
      });
    }
  }
};

// src/registry/packages/write-atomically.ts
import { randomUUID } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
async function writeAtomically(file, data) {
  const temp = `${file}.${randomUUID()}.tmp`;
  const handle2 = await open(temp, "w", 420);
  try {
    await handle2.writeFile(data);
  } finally {
    await handle2.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

// src/registry/packages/derived-cache.ts
var KEY = /^[a-z0-9-]+(\/[a-zA-Z0-9._-]+)+$/;
function checkKey2(key2) {
  if (!KEY.test(key2) || key2.includes(".."))
    throw new Error(`invalid derived-cache key ${JSON.stringify(key2)}`);
  return key2;
}
var DriverDerivedCache = class {
  #driver;
  #dir;
  constructor(driver, dir = "derived") {
    this.#driver = driver;
    this.#dir = dir;
  }
  async read(key2) {
    return this.#driver.getContent(`${this.#dir}/${checkKey2(key2)}`);
  }
  async write(key2, bytes2) {
    await this.#driver.putContent(`${this.#dir}/${checkKey2(key2)}`, bytes2, { sync: false });
  }
};
var MemoryDerivedCache = class {
  #entries = /* @__PURE__ */ new Map();
  #maxBytes;
  #bytes = 0;
  constructor(maxBytes = 64 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }
  read(key2) {
    return Promise.resolve(this.#entries.get(checkKey2(key2)));
  }
  write(key2, bytes2) {
    checkKey2(key2);
    const old = this.#entries.get(key2);
    if (old !== void 0) this.#bytes -= old.length;
    this.#entries.delete(key2);
    this.#entries.set(key2, bytes2);
    this.#bytes += bytes2.length;
    for (const [k, v] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= v.length;
    }
    return Promise.resolve();
  }
};

// src/registry/ui/headers.ts
var CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'"
].join("; ");
function setPageHeaders(res) {
  res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
}
function sendPage(res, method, status, page) {
  const body = Buffer.from(page, "utf8");
  res.statusCode = status;
  setPageHeaders(res);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Length", body.length);
  res.end(method === "HEAD" ? void 0 : body);
}
function redirect(res, location, headers = {}) {
  res.statusCode = 303;
  setPageHeaders(res);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Location", location);
  res.setHeader("Content-Length", 0);
  res.end();
}

// src/registry/ui/assets.ts
import { createHash as createHash4 } from "node:crypto";

// src/registry/ui/assets/icon.ts
var ICON_BASE64 = "AAABAAEAICAAAAEAIAB9AAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAERJREFUeNpjYBgFo2AUoAHueJv/tMREOUB+RQ5N8KgDho4DBjwRipxpoAkedcCoA0YdMOqAUQeMOmDUAUOjPTAKRhwAAKs4hMkXJTgHAAAAAElFTkSuQmCC";

// src/registry/ui/assets/script.ts
var SCRIPT = `'use strict';
(function () {
  document.documentElement.classList.add('js');
  function copyText(text, button) {
    var done = function () {
      var label = button.getAttribute('data-label') || button.textContent;
      button.setAttribute('data-label', label);
      button.textContent = 'Copied';
      button.classList.add('copied');
      setTimeout(function () { button.textContent = label; button.classList.remove('copied'); }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }
  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var copy = target.closest('[data-copy]');
    if (copy) {
      var source = document.getElementById(copy.getAttribute('data-copy'));
      if (source) copyText(source.textContent, copy);
      event.preventDefault();
      return;
    }
    var open = target.closest('[data-open-dialog]');
    if (open) {
      var dialog = document.getElementById(open.getAttribute('data-open-dialog'));
      if (dialog && typeof dialog.showModal === 'function') {
        event.preventDefault();
        if (!dialog.open) dialog.showModal();
      }
      return;
    }
    var close = target.closest('[data-close-dialog]');
    if (close) {
      var owner = close.closest('dialog');
      if (owner && typeof owner.close === 'function') {
        event.preventDefault();
        owner.close();
      }
    }
  });
  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute('data-autosubmit') && target.form) {
      target.form.submit();
    }
  });
  var opened = document.querySelector('dialog[data-modal][open]');
  if (opened && typeof opened.showModal === 'function') {
    opened.close();
    opened.showModal();
  }
})();
`;

// src/registry/ui/assets/style.ts
var STYLE = `:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --bg: #ffffff;
  --accent: #14cc80; --accent-dark: #0b8a55; --link: #0969da; --warn: #9a6700; --bad: #cf222e;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { font: 15px/1.5 var(--sans); color: var(--fg); background: var(--soft); }
body { margin: 0; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { background: #181b20; color: #fff; }
header.top .bar { max-width: 1100px; margin: 0 auto; padding: 10px 24px; min-height: 52px; display: flex; align-items: center; gap: 20px; }
header.top a { color: #fff; }
header.top .brand { font-weight: 700; letter-spacing: .2px; display: flex; align-items: center; gap: 8px; }
header.top .brand .mark { width: 18px; height: 18px; border-radius: 4px; background: var(--accent); display: inline-block; }
header.top nav { flex: 1; display: flex; gap: 16px; }
header.top nav a { color: #d0d7de; }
header.top form { margin: 0; }
header.top .who { color: #d0d7de; font-size: 13px; }
main { max-width: 1100px; margin: 0 auto; padding: 20px 24px 48px; }
.crumbs { color: var(--muted); font-size: 14px; margin-bottom: 6px; overflow-wrap: anywhere; }
.crumbs a { color: var(--muted); }
h1 { font-size: 26px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 24px 0 10px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p.lead { color: var(--muted); margin: 0 0 18px; }
.title-row { display: flex; align-items: flex-start; gap: 16px; justify-content: space-between; flex-wrap: wrap; }
aside .card h2 { margin-top: 0; }
ul.deps { margin: 4px 0 0; padding-left: 18px; }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin-bottom: 16px; }
table.list { width: 100%; border-collapse: collapse; background: var(--bg); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
table.list th, table.list td { text-align: left; padding: 9px 14px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.list th { font-size: 12px; text-transform: uppercase; letter-spacing: .4px; color: var(--muted); background: var(--soft); font-weight: 600; }
table.list tr:last-child td { border-bottom: 0; }
table.list td.num, table.list th.num { text-align: right; white-space: nowrap; }
table.list td.name { font-weight: 600; overflow-wrap: break-word; }
@media (max-width: 640px) { table.list { display: block; overflow-x: auto; } table.list th, table.list td { padding: 8px; } }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; border: 1px solid var(--line); color: var(--muted); background: var(--soft); vertical-align: middle; }
.badge.private { color: var(--warn); border-color: #d4a72c; background: #fff8c5; }
.badge.public { color: var(--accent-dark); border-color: #4ac26b; background: #dafbe1; }
.tag { font-family: var(--mono); font-size: 12px; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; margin: 0 4px 2px 0; display: inline-block; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.mono { font-family: var(--mono); font-size: 13px; overflow-wrap: anywhere; }
.button, button { font: inherit; font-size: 14px; font-weight: 600; border-radius: 6px; padding: 6px 14px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); cursor: pointer; display: inline-block; }
.button:hover, button:hover { background: var(--soft); text-decoration: none; }
.button.primary, button.primary { background: var(--accent-dark); border-color: var(--accent-dark); color: #fff; }
.button.primary:hover, button.primary:hover { background: #097446; }
header.top button { background: transparent; color: #fff; border-color: #57606a; padding: 3px 10px; font-size: 13px; }
.snippet { position: relative; margin: 6px 0 14px; }
.snippet pre { margin: 0; background: #0d1117; color: #e6edf3; border-radius: 6px; padding: 12px 84px 12px 14px; font: 13px/1.5 var(--mono); white-space: pre-wrap; overflow-wrap: anywhere; }
.snippet button.copy { position: absolute; top: 7px; right: 7px; padding: 2px 10px; font-size: 12px; background: #30363d; color: #e6edf3; border-color: #484f58; }
.snippet button.copy.copied { background: var(--accent-dark); border-color: var(--accent-dark); }
.step-title { font-weight: 600; margin-top: 14px; }
.help { font-size: 13px; color: var(--muted); }
.help code { white-space: nowrap; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 20px; align-items: start; }
@media (max-width: 860px) { .layout { grid-template-columns: 1fr; } }
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--line); margin-bottom: 16px; }
.tabs a { padding: 8px 14px; color: var(--muted); border-bottom: 2px solid transparent; margin-bottom: -1px; font-weight: 600; }
.tabs a[aria-current="page"] { color: var(--fg); border-bottom-color: var(--accent); }
.tabs a:hover { text-decoration: none; color: var(--fg); }
dl.facts { margin: 0; }
dl.facts dt { font-size: 12px; text-transform: uppercase; letter-spacing: .4px; color: var(--muted); margin-top: 12px; }
dl.facts dt:first-child { margin-top: 0; }
dl.facts dd { margin: 2px 0 0; overflow-wrap: anywhere; }
table.sums { width: 100%; border-collapse: collapse; }
table.sums th { text-align: left; width: 80px; font-size: 13px; color: var(--muted); padding: 6px 8px 6px 0; vertical-align: top; }
table.sums td { font: 12.5px/1.5 var(--mono); overflow-wrap: anywhere; word-break: break-all; padding: 6px 0; }
table.files td:first-child { width: 120px; white-space: nowrap; }
table.files td.num { width: 90px; }
.title-row.compact { align-items: center; }
.title-row.compact h2 { margin: 8px 0; }
table.files td { font-family: var(--mono); font-size: 13px; padding: 4px 14px; }
table.files td.path { overflow-wrap: anywhere; word-break: break-all; }
.pager { display: flex; gap: 10px; align-items: center; margin: 12px 0; }
form.inline { display: inline-flex; gap: 8px; align-items: center; margin: 0; }
select, input[type=password], input[type=text] { font: inherit; font-size: 14px; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
input[type=password] { width: 100%; font-family: var(--mono); }
html.js .no-js { display: none; }
.notice { border: 1px solid #d4a72c; background: #fff8c5; border-radius: 6px; padding: 10px 14px; margin-bottom: 16px; }
.error { border: 1px solid #ff8182; background: #ffebe9; border-radius: 6px; padding: 10px 14px; margin-bottom: 16px; overflow-wrap: anywhere; }
dialog { border: 1px solid var(--line); border-radius: 10px; padding: 0; width: min(760px, 94vw); max-height: 90vh; }
dialog::backdrop { background: rgba(15, 20, 25, .55); }
dialog .head { display: flex; justify-content: space-between; align-items: center; padding: 14px 20px; border-bottom: 1px solid var(--line); }
dialog .head h2 { margin: 0; }
dialog .body { padding: 6px 20px 16px; overflow: auto; }
.empty { text-align: center; padding: 36px 16px; color: var(--muted); }
.signin { max-width: 440px; margin: 40px auto; }
.signin label { display: block; font-weight: 600; margin: 12px 0 6px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 12px; }
footer { max-width: 1100px; margin: 0 auto; padding: 0 24px 24px; color: var(--muted); font-size: 12px; }
`;

// src/registry/ui/assets.ts
function asset(stem, extension, content, contentType) {
  const body = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const hash2 = createHash4("sha256").update(body).digest("hex").slice(0, 12);
  return { file: `${stem}-${hash2}.${extension}`, body, contentType };
}
var ASSETS = {
  style: asset("style", "css", STYLE, "text/css; charset=utf-8"),
  script: asset("app", "js", SCRIPT, "text/javascript; charset=utf-8"),
  icon: asset("icon", "ico", Buffer.from(ICON_BASE64, "base64"), "image/x-icon")
};
function findAsset(file) {
  return Object.values(ASSETS).find((a) => a.file === file);
}
function assetPath(a) {
  return `/ui/-/assets/${a.file}`;
}

// src/registry/ui/html.ts
var Html = class _Html {
  #text;
  constructor(text) {
    this.#text = text;
  }
  /** Wraps markup written in this module's callers' source code. Never call it with data. */
  static fromTrusted(text) {
    return new _Html(text);
  }
  toString() {
    return this.#text;
  }
};
var ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;"
};
var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
function escapeHtml(text) {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]).replace(CONTROL, "\uFFFD");
}
function render(value) {
  if (value === null || value === void 0 || value === false) return "";
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}
function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return Html.fromTrusted(out);
}
function namePath(prefix, name) {
  return `${prefix}/${name.split("/").map(encodeURIComponent).join("/")}`;
}

// src/registry/ui/layout.ts
function layout(parts) {
  const { viewer } = parts;
  const account = viewer.signedIn ? html`<form method="post" action="/ui/-/sign-out">
        <span class="who">Signed in</span> <button type="submit" data-testid="sign-out">Sign out</button>
      </form>` : viewer.canSignIn ? html`<a href="${"/ui/-/sign-in?next=" + encodeURIComponent(parts.here)}" data-testid="sign-in-link"
          >Sign in</a
        >` : "";
  const crumbs = parts.crumbs === void 0 || parts.crumbs.length === 0 ? "" : html`<div class="crumbs">${parts.crumbs.map((c, i) => html`${i > 0 ? " / " : ""}${c}`)}</div>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${parts.title} \u00b7 Packages</title>
        <link rel="icon" href="${assetPath(ASSETS.icon)}" />
        <link rel="stylesheet" href="${assetPath(ASSETS.style)}" />
        <script src="${assetPath(ASSETS.script)}" defer></script>
      </head>
      <body>
        <header class="top">
          <div class="bar">
            <a class="brand" href="/ui/"><span class="mark"></span>Packages</a>
            <nav><a href="/ui/">Registries</a></nav>
            ${account}
          </div>
        </header>
        <main>${crumbs} ${parts.body}</main>
        <footer>
          Served by the container-package registry. Pages need no network: everything is bundled.
        </footer>
      </body>
    </html> `.toString();
}

// src/registry/ui/format.ts
var UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];
function formatBytes(bytes2) {
  let value = bytes2;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes2} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}
function formatCount(n) {
  return n.toLocaleString("en-US");
}
function formatDate(iso) {
  if (iso === null || iso === void 0) return "\u2014";
  const date2 = new Date(iso);
  if (Number.isNaN(date2.getTime())) return "\u2014";
  return `${date2.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
function formatMode(mode, type) {
  const letter = { directory: "d", symlink: "l", char: "c", block: "b", fifo: "p" }[type] ?? "-";
  let text = letter;
  for (const shift of [6, 3, 0]) {
    const bits = mode >> shift & 7;
    text += (bits & 4 ? "r" : "-") + (bits & 2 ? "w" : "-") + (bits & 1 ? "x" : "-");
  }
  return text;
}

// src/registry/ui/components.ts
function visibilityBadge(visibility) {
  return html`<span class="badge ${visibility}" data-testid="visibility"
    >${visibility === "private" ? "Private" : "Public"}</span
  >`;
}
function snippet(id, text, label = "Copy") {
  return html`<div class="snippet">
    <pre><code id="${id}">${text}</code></pre>
    <button type="button" class="copy" data-copy="${id}" aria-label="Copy to clipboard">${label}</button>
  </div>`;
}
function bytes(n) {
  return n === null || n === void 0 ? "\u2014" : formatBytes(n);
}
function count(n) {
  return n === null || n === void 0 ? "\u2014" : formatCount(n);
}
function date(iso) {
  return iso === null || iso === void 0 ? html`<span class="muted">\u2014</span>` : html`<time datetime="${iso}">${formatDate(iso)}</time>`;
}
function message(kind2, text) {
  return html`<div class="${kind2}" role="${kind2 === "error" ? "alert" : "status"}">${text}</div>`;
}

// src/registry/ui/pages/sign-in.ts
function signInBody(page) {
  return html`<div class="signin card">
    <h1>Sign in</h1>
    <p class="lead">
      ${page.registry === void 0 ? "This registry is private." : html`<span class="mono">${page.registry}</span> is private.`}
      Sign in with a registry token or an API access token that can read it (the <b>Read Packages</b> scope),
      the same token <code>docker login</code> takes.
    </p>
    ${page.problem === void 0 ? "" : message("error", page.problem)}
    <form method="post" action="/ui/-/sign-in" autocomplete="off">
      <input type="hidden" name="next" value="${page.next}" />
      <label for="token">Token</label>
      <input
        type="password"
        id="token"
        name="token"
        required
        autocomplete="off"
        spellcheck="false"
        data-testid="token"
      />
      <div class="actions"><button type="submit" class="primary" data-testid="sign-in">Sign in</button></div>
    </form>
    <p class="help">
      The session lasts 30 minutes, ends when you sign out, and keeps the token only in the registry's memory.
      Create a token with
      <code>container-package registry token create --registry ORG/REGISTRY --scope read</code>.
    </p>
  </div>`;
}

// src/registry/ui/request.ts
var MAX_FORM_BYTES = 16 * 1024;
async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes2 = chunk;
    size += bytes2.length;
    if (size > MAX_FORM_BYTES) return void 0;
    chunks.push(bytes2);
  }
  return new URLSearchParams(Buffer.concat(chunks, size).toString("utf8"));
}
function isSameOrigin(req) {
  const site = req.headers["sec-fetch-site"];
  if (site !== void 0 && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.origin;
  if (origin === void 0) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
function isSecure(req, publicUrl) {
  if (req.socket.encrypted === true) return true;
  if (req.headers["x-forwarded-proto"] === "https") return true;
  return publicUrl?.startsWith("https:") ?? false;
}
function safeNext(next) {
  if (next === null || next === void 0) return "/ui/";
  if (!/^\/ui\/[^\\]*$/.test(next) || next.startsWith("//") || /[\r\n\t]/.test(next)) return "/ui/";
  if (next.length > 2e3) return "/ui/";
  const url = new URL(next, "http://registry.invalid");
  return url.host === "registry.invalid" && url.pathname.startsWith("/ui/") ? next : "/ui/";
}
function wantsHtml(req) {
  return (req.headers.accept ?? "").includes("text/html");
}

// src/registry/ui/sessions.ts
import { createHash as createHash5, randomBytes } from "node:crypto";
var SESSION_COOKIE = "cp_session";
var SESSION_LIFETIME_MS = 30 * 60 * 1e3;
var MAX_SESSIONS = 1e4;
var Sessions = class {
  #byHash = /* @__PURE__ */ new Map();
  #now;
  constructor(now = Date.now) {
    this.#now = now;
  }
  /** Starts a session for `token`; returns the cookie value. */
  create(token) {
    this.#sweep();
    const id = randomBytes(32).toString("base64url");
    this.#byHash.set(hash(id), { token, expiresAt: this.#now() + SESSION_LIFETIME_MS });
    while (this.#byHash.size > MAX_SESSIONS) this.#byHash.delete(this.#byHash.keys().next().value);
    return id;
  }
  /** The token of a live session, or undefined (unknown or expired id). */
  token(id) {
    if (id === void 0 || !/^[A-Za-z0-9_-]{43}$/.test(id)) return void 0;
    const key2 = hash(id);
    const session = this.#byHash.get(key2);
    if (session === void 0) return void 0;
    if (session.expiresAt <= this.#now()) {
      this.#byHash.delete(key2);
      return void 0;
    }
    return session.token;
  }
  /** Ends a session. */
  delete(id) {
    if (id !== void 0) this.#byHash.delete(hash(id));
  }
  /** Live sessions (for tests). */
  get size() {
    this.#sweep();
    return this.#byHash.size;
  }
  #sweep() {
    const now = this.#now();
    for (const [key2, session] of this.#byHash) if (session.expiresAt <= now) this.#byHash.delete(key2);
  }
};
function hash(id) {
  return createHash5("sha256").update(id).digest("base64url");
}
function readCookie(header2, name) {
  if (header2 === void 0) return void 0;
  for (const part of header2.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return void 0;
}
function sessionCookie(value, secure) {
  const parts = [
    `${SESSION_COOKIE}=${value ?? ""}`,
    "Path=/ui",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${value === void 0 ? 0 : SESSION_LIFETIME_MS / 1e3}`
  ];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

// src/registry/ui/account.ts
function showSignIn(ui, status, next, problem, registry) {
  const body = signInBody({ next, problem, registry });
  sendPage(ui.res, ui.method, status, layout({ title: "Sign in", viewer: ui.page, here: next, body }));
}
async function signIn(ui) {
  if (ui.method !== "POST") {
    showSignIn(ui, 200, safeNext(ui.query.get("next")));
    return;
  }
  if (!isSameOrigin(ui.req))
    throw apiError("DENIED", { message: "sign-in forms are accepted from these pages only" });
  const form = await readForm(ui.req);
  const next = safeNext(form?.get("next"));
  const token = form?.get("token")?.trim() ?? "";
  if (!ui.page.canSignIn) {
    redirect(ui.res, next);
    return;
  }
  if (token === "") {
    noteRequest(ui.req, { reason: "UNAUTHORIZED" });
    showSignIn(ui, 401, next, "Enter a registry token or an API access token.");
    return;
  }
  const viewer = viewerWithToken(ui.req, token);
  const verdict = await ui.options.authorizer.authorize(viewer.request, { repository: "", actions: [] });
  if (!verdict.ok) {
    noteRequest(ui.req, { reason: "UNAUTHORIZED" });
    showSignIn(ui, 401, next, `Not signed in: ${verdict.message ?? "the registry refused the token"}.`);
    return;
  }
  ui.state.sessions.delete(ui.sessionId);
  const id = ui.state.sessions.create(token);
  redirect(ui.res, next, { "Set-Cookie": sessionCookie(id, isSecure(ui.req, ui.options.publicUrl)) });
}
function signOut(ui) {
  if (!isSameOrigin(ui.req))
    throw apiError("DENIED", { message: "sign-out forms are accepted from these pages only" });
  ui.state.sessions.delete(ui.sessionId);
  redirect(ui.res, "/ui/", {
    "Set-Cookie": sessionCookie(void 0, isSecure(ui.req, ui.options.publicUrl))
  });
}

// src/registry/ui/snippets.ts
var TOKEN_VARIABLE = "REGISTRY_TOKEN";
function registryRef(target) {
  return target.registry === "" ? target.host : `${target.host}/${target.registry}`;
}
function loginStdin(target) {
  return `printf '%s' "$${TOKEN_VARIABLE}" | docker login ${registryRef(target)} -u buildkite --password-stdin`;
}
function loginProduct(target, token) {
  return `docker login ${registryRef(target)} -u buildkite -p ${token}`;
}
function tagCommand(target) {
  return `docker tag current-image-name:tag ${registryRef(target)}/package-name:tag`;
}
function pushCommand(target) {
  return `docker push ${registryRef(target)}/package-name:tag`;
}
function pullCommand(target, image, ref) {
  const suffix = ref.tag !== void 0 ? `:${ref.tag}` : `@${ref.digest ?? ""}`;
  return `docker pull ${registryRef(target)}/${image}${suffix}`;
}
function artifactPullCommand(target, image, ref) {
  const suffix = ref.tag !== void 0 ? `:${ref.tag}` : `@${ref.digest ?? ""}`;
  const base = image.slice(image.lastIndexOf("/") + 1);
  const file = ref.tag !== void 0 ? `${base}-${ref.tag}.tar` : `${base}.tar`;
  return `container-package pull ${registryRef(target)}/${image}${suffix} --output ${file} --format oci-archive`;
}
function artifactSkopeoCommand(target, image, ref) {
  const suffix = ref.tag !== void 0 ? `:${ref.tag}` : `@${ref.digest ?? ""}`;
  const base = image.slice(image.lastIndexOf("/") + 1);
  return `skopeo copy docker://${registryRef(target)}/${image}${suffix} oci-archive:${base}.tar`;
}
function pipelineStep(target) {
  const registry = target.auth ? [
    `          registry:`,
    `            - url: ${registryRef(target)}`,
    `              username: buildkite`,
    `              token-env: ${TOKEN_VARIABLE}`
  ] : [`          registry:`, `            - url: ${registryRef(target)}`, `              auth: none`];
  return [
    "steps:",
    '  - label: ":docker: Publish"',
    "    command: docker build -t package-name:ci .",
    "    plugins:",
    "      - ORG/container-package#v1.0.0:",
    ...registry,
    "          images:",
    "            - source: docker:package-name:ci",
    '              tags: ["{{build.number}}", latest]'
  ].join("\n");
}
function workflowSteps(target) {
  const login = target.auth ? [`          username: buildkite`, `          token: \${{ secrets.${TOKEN_VARIABLE} }}`] : [`          auth: none`];
  return [
    "steps:",
    "  - uses: actions/checkout@v5",
    "  - run: docker build -t package-name:ci .",
    "  - uses: ORG/container-package@v1",
    "    with:",
    `      registry: ${registryRef(target)}`,
    ...login.map((l) => l.slice(4)),
    "      images: docker:package-name:ci",
    "      tags: |",
    "        {{build.number}}",
    "        latest"
  ].join("\n");
}
function clientHost(publicUrl, hostHeader) {
  if (publicUrl !== void 0) {
    try {
      return new URL(publicUrl).host;
    } catch {
    }
  }
  if (hostHeader !== void 0 && /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/.test(hostHeader)) {
    return hostHeader.toLowerCase();
  }
  return "localhost";
}

// src/registry/ui/context.ts
function uiContext(ctx, state) {
  const sessionId = readCookie(ctx.req.headers.cookie, SESSION_COOKIE);
  const token = state.sessions.token(sessionId);
  const viewer = token === void 0 ? viewerOf(ctx.req) : viewerWithToken(ctx.req, token);
  return {
    ...ctx,
    viewer,
    sessionId,
    state,
    page: { canSignIn: ctx.options.authorizer.issueToken !== void 0, signedIn: token !== void 0 },
    host: clientHost(ctx.options.publicUrl, ctx.req.headers.host)
  };
}
function noteViewer(ui) {
  if (ui.viewer.request !== ui.req) noteRequest(ui.req, requestInfo(ui.viewer.request));
}

// src/registry/ui/pages/image-page.ts
function versionQuery(details) {
  return details.tag !== null ? `tag=${encodeURIComponent(details.tag)}` : `digest=${encodeURIComponent(details.digest)}`;
}

// src/registry/ui/pages/image-contents.ts
function platformName2(p) {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ""}`;
}
function platformChooser(page, current) {
  const choices = page.details.platforms.filter((p) => !p.attestation && p.platform !== null);
  if (choices.length === 0) return html``;
  const chosen = current.platform === null ? "" : platformName2(current.platform);
  return html`<form class="inline" method="get" action="${page.href}" data-testid="platform-form">
    ${page.details.tag !== null ? html`<input type="hidden" name="tag" value="${page.details.tag}" />` : html`<input type="hidden" name="digest" value="${page.details.digest}" />`}
    <input type="hidden" name="tab" value="contents" />
    <label for="platform" class="muted">Platform</label>
    <select id="platform" name="platform" data-autosubmit data-testid="platform-select">
      ${choices.map((p) => {
    const name = platformName2(p.platform);
    return html`<option value="${name}" ${name === chosen ? html` selected` : ""}>${name}</option>`;
  })}
    </select>
    <button type="submit" class="no-js">Show</button>
  </form>`;
}
function pager(page, contents, size) {
  if (contents.total <= size) return html``;
  const base = `${page.href}?${versionQuery(page.details)}&tab=contents${contents.platform === null ? "" : `&platform=${encodeURIComponent(platformName2(contents.platform))}`}`;
  const first = contents.offset + 1;
  const last = contents.offset + contents.entries.length;
  const prev = Math.max(0, contents.offset - size);
  const next = contents.offset + size;
  return html`<div class="pager" data-testid="pager">
    ${contents.offset > 0 ? html`<a class="button" href="${`${base}&offset=${prev}`}" data-testid="pager-prev">Previous</a>` : ""}
    <span class="muted">${count(first)}\u2013${count(last)} of ${count(contents.total)}</span>
    ${next < contents.total ? html`<a class="button" href="${`${base}&offset=${next}`}" data-testid="pager-next">Next</a>` : ""}
  </div>`;
}
function contentsTab(page, contents, size) {
  const rows = contents.entries.map(
    (e) => html`<tr data-testid="file-row">
        <td>${formatMode(e.mode, e.type)}</td>
        <td class="num">${e.type === "file" ? bytes(e.size) : ""}</td>
        <td class="path" data-testid="file-path">
          ${e.path}${e.type === "directory" ? "/" : ""}${e.link === void 0 ? "" : html` <span class="muted">\u2192 ${e.link}</span>`}
        </td>
      </tr>`
  );
  return html`<div class="title-row compact">
      <h2>Contents</h2>
      ${platformChooser(page, contents)}
    </div>
    <p class="help">
      The image's filesystem as a container sees it: every layer applied in order, files deleted by a later
      layer (whiteouts) left out.
      ${contents.platform === null ? "" : html`For a multi-platform index, one platform at a time. `}Total
      files counts files, directories and links.
    </p>
    <p data-testid="contents-summary">
      <b data-testid="contents-total">${count(contents.total)}</b> entries: ${count(contents.files)} files,
      ${count(contents.directories)} directories, ${bytes(contents.bytes)} of file data.
    </p>
    ${pager(page, contents, size)}
    <table class="list files" data-testid="files">
      <thead>
        <tr>
          <th>Mode</th>
          <th class="num">Size</th>
          <th>Path</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    ${pager(page, contents, size)}`;
}

// src/registry/ui/pages/publish-dialog.ts
function publishDialog(target, open8) {
  const login = target.auth ? html`<p class="step-title">1. Log in to the registry</p>
        <p class="help">
          With a token that has the <b>Write Packages</b> scope in <code>$${TOKEN_VARIABLE}</code> (read from
          stdin, so it stays out of your shell history):
        </p>
        ${snippet("publish-login", loginStdin(target))}
        <p class="help">
          Or as Buildkite Packages shows it, with the token in place of <code>registry-write-token</code>:
        </p>
        ${snippet("publish-login-product", loginProduct(target, "registry-write-token"))}` : html`<p class="step-title">1. No login needed</p>
        <p class="help">This registry is open: anyone may push.</p>`;
  return html`<dialog
    id="publish"
    data-modal
    aria-labelledby="publish-title"
    data-testid="publish-dialog"
    ${open8 ? html` open` : ""}
  >
    <div class="head">
      <h2 id="publish-title">Publish a Container Package</h2>
      <a class="button" href="?" data-close-dialog aria-label="Close">Close</a>
    </div>
    <div class="body">
      <p class="help">
        Run these in your terminal. Replace <code>current-image-name:tag</code> with the image you built and
        <code>package-name:tag</code> with the name and tag to publish under
        <span class="mono">${registryRef(target)}</span>.
      </p>
      ${login}
      <p class="step-title">2. Tag your image</p>
      ${snippet("publish-tag", tagCommand(target))}
      <p class="step-title">3. Push it</p>
      ${snippet("publish-push", pushCommand(target))}
      <h3>In a Buildkite pipeline</h3>
      <p class="help">
        The container-package plugin builds nothing: it publishes what the step
        built${target.auth ? html`, logging in with the token in <code>$${TOKEN_VARIABLE}</code>` : ""}.
      </p>
      ${snippet("publish-pipeline", pipelineStep(target))}
      <h3>In a GitHub Actions workflow</h3>
      <p class="help">
        The container-package
        action${target.auth ? html`, with the token in the repository secret <code>${TOKEN_VARIABLE}</code>` : ""}.
      </p>
      ${snippet("publish-workflow", workflowSteps(target))}
    </div>
  </dialog>`;
}

// src/registry/ui/pages/registries.ts
function registryHref(name) {
  return name === "" ? "/ui/-/top-level" : namePath("/ui", name);
}
function registriesBody(registries, options) {
  const rows = registries.map(
    (r) => html`<tr data-testid="registry-row">
        <td class="name">
          <a href="${registryHref(r.name)}" data-testid="registry-link"
            >${r.name === "" ? "(no group)" : r.name}</a
          >
        </td>
        <td>${visibilityBadge(r.visibility)}</td>
        <td class="num">${count(r.images)}</td>
      </tr>`
  );
  const intro = options.open ? "An open registry: anyone may push and pull. Repositories are grouped by the first two components of their names, as ORG/REGISTRY on Buildkite Packages." : "Container registries you can see. Select one to list its images and publish to it.";
  return html`<div class="title-row">
      <div>
        <h1>Registries</h1>
        <p class="lead">${intro}</p>
      </div>
    </div>
    ${options.hiddenHint ? message("notice", html`Private registries appear once you <a href="/ui/-/sign-in?next=%2Fui%2F">sign in</a>.`) : ""}
    ${registries.length === 0 && options.open ? html`<div class="card empty" data-testid="no-registries">
            No registries to show yet. Push an image, for example
            <code>docker push ${options.host}/acme/images/web:v1</code>.
          </div>` : registries.length === 0 ? html`<div class="card empty" data-testid="no-registries">
              No registry here that you may see${options.hiddenHint ? " without signing in" : ""}.
            </div>` : html`<table class="list" data-testid="registries">
              <thead>
                <tr>
                  <th>Registry</th>
                  <th>Visibility</th>
                  <th class="num">Images</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`}`;
}

// src/registry/ui/pages/registry.ts
var TAGS_SHOWN = 5;
function imageHref(registry, image) {
  return namePath(registry === "" ? "/ui" : registryHref(registry), image);
}
function registryBody(listing, target, publishOpen) {
  const rows = listing.packages.map((p) => {
    const shown = p.tags.slice(0, TAGS_SHOWN);
    const more = p.tags.length - shown.length;
    return html`<tr data-testid="image-row">
      <td class="name">
        <a href="${imageHref(listing.registry, p.name)}" data-testid="image-link">${p.name}</a>
      </td>
      <td>
        ${shown.map((t) => html`<span class="tag">${t.tag}</span>`)}${more > 0 ? html`<span class="muted">+${more} more</span>` : ""}
      </td>
      <td>${date(p.pushed_at)}</td>
      <td class="num">${bytes(p.size)}</td>
      <td class="num">${count(p.downloads)}</td>
    </tr>`;
  });
  return html`<div class="title-row">
      <div>
        <h1>
          ${listing.registry === "" ? "(no group)" : listing.registry} ${visibilityBadge(listing.visibility)}
        </h1>
        <p class="lead">
          Container registry at
          <span class="mono"
            >${target.registry === "" ? target.host : `${target.host}/${target.registry}`}</span
          >
        </p>
      </div>
      <a class="button primary" href="?publish" data-open-dialog="publish" data-testid="publish-button"
        >Publish a Container Package</a
      >
    </div>
    <h2>Packages</h2>
    ${listing.packages.length === 0 ? html`<div class="card empty">
            No images yet. Select <b>Publish a Container Package</b> to push the first one.
          </div>` : html`<table class="list" data-testid="images">
            <thead>
              <tr>
                <th>Name</th>
                <th>Tags</th>
                <th>Pushed</th>
                <th class="num">Size</th>
                <th class="num">Downloads</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`}
    ${publishDialog(target, publishOpen)}`;
}

// src/registry/ui/pages/image-sidebar.ts
var ABOUT_FIELDS = [
  ["description", "Description"],
  ["url", "Homepage"],
  ["source", "Source"],
  ["documentation", "Documentation"],
  ["licenses", "Licenses"],
  ["vendor", "Vendor"],
  ["authors", "Authors"],
  ["revision", "Revision"],
  ["created", "Created"]
];
function maybeLink(value) {
  return /^https?:\/\/[^\s"<>]+$/i.test(value) ? html`<a href="${value}" rel="noopener noreferrer nofollow">${value}</a>` : value;
}
function distribution(details) {
  if (details.platforms.length === 0) return "Single-platform image";
  const names = details.platforms.filter((p) => !p.attestation && p.platform !== null).map(
    (p) => `${p.platform.os}/${p.platform.architecture}${p.platform.variant ? `/${p.platform.variant}` : ""}`
  );
  return `Multi-platform index: ${names.join(", ") || "no platforms named"}`;
}
function sidebar(details, totalFiles) {
  const about = details.about;
  const version = details.tag ?? details.digest;
  const extra = ABOUT_FIELDS.flatMap(([key2, label]) => {
    const value = about[key2];
    return typeof value === "string" && value !== "" ? [
      html`<dt>${label}</dt>
            <dd>${maybeLink(value)}</dd>`
    ] : [];
  });
  const dependencies = details.dependencies.map((d) => {
    const label = d.kind === "platform" ? `${d.name} image` : `base ${d.name}`;
    const link3 = d.repository !== void 0 && d.digest !== void 0 ? html`<a href="${dependencyHref(details, d.repository, d.digest)}" data-testid="dependency-link"
            >${label}</a
          >` : html`<span>${label}</span>`;
    return html`<li>
      ${link3}${d.digest === void 0 ? "" : html` <span class="mono muted">${d.digest.slice(0, 19)}\u2026</span>`}
    </li>`;
  });
  return html`<aside>
    <div class="card" data-testid="about">
      <h2>About this version</h2>
      <dl class="facts">
        <dt>Name</dt>
        <dd data-testid="about-name">${about.title ?? details.name}</dd>
        <dt>Version</dt>
        <dd class="mono">
          ${version}${about.version !== void 0 && about.version !== details.tag ? html` <span class="muted">(${about.version})</span>` : ""}
        </dd>
        <dt>Registry</dt>
        <dd class="mono">${details.registry === "" ? "(no group)" : details.registry}</dd>
        <dt>Visibility</dt>
        <dd>
          ${details.visibility === "private" ? "Private: sign-in or a token needed to pull" : "Public: anyone may pull"}
        </dd>
        <dt>Distribution</dt>
        <dd>${distribution(details)}</dd>
        ${extra}
      </dl>
    </div>
    <div class="card">
      <dl class="facts">
        <dt>Pushed</dt>
        <dd data-testid="pushed">${date(details.pushed_at)}</dd>
        <dt>Total files</dt>
        <dd data-testid="total-files">${count(totalFiles)}</dd>
        <dt>Dependencies</dt>
        <dd data-testid="dependencies">
          ${count(details.dependencies.length)}${dependencies.length === 0 ? "" : html`<ul class="deps">
                  ${dependencies}
                </ul>`}
        </dd>
        <dt>Package size</dt>
        <dd data-testid="package-size" title="${`${details.size} bytes`}">${bytes(details.size)}</dd>
        <dt>Downloads</dt>
        <dd data-testid="downloads">${count(details.downloads)}</dd>
      </dl>
      <p class="help" data-testid="figures-help">
        <b>Total files</b> counts the files and directories (and links) of the image's filesystem, of the
        first platform for an index. <b>Dependencies</b> are what the image needs: an index's platform images
        and a base image named in its OCI annotations. <b>Package size</b> is the manifest, config and layers,
        each blob once. <b>Downloads</b> count pulls and Downloads of this tag. <b>About</b> comes from
        <code>org.opencontainers.image.*</code> annotations and labels.
      </p>
    </div>
  </aside>`;
}
function dependencyHref(details, repository, digest) {
  const prefix = details.registry === "" ? "" : `${details.registry}/`;
  const page = repository.startsWith(prefix) ? imageHref(details.registry, repository.slice(prefix.length)) : namePath("/ui", repository);
  return `${page}?digest=${encodeURIComponent(digest)}`;
}

// src/registry/ui/pages/image.ts
function tabs(page) {
  const labels = [
    ["installation", "Installation"],
    ["contents", "Contents"],
    ["details", "Details"]
  ];
  return html`<nav class="tabs" aria-label="Sections">
    ${labels.map(
    ([tab, label]) => html`<a
          href="${`${page.href}?${versionQuery(page.details)}&tab=${tab}`}"
          data-testid="tab-${tab}"
          ${tab === page.tab ? html` aria-current="page"` : ""}
          >${label}</a
        >`
  )}
  </nav>`;
}
function tagChooser(page) {
  const { details } = page;
  const options = details.tags.map(
    (t) => html`<option value="${t.tag}" ${t.tag === details.tag ? html` selected` : ""}>${t.tag}</option>`
  );
  return html`<form class="inline" method="get" action="${page.href}" data-testid="tag-form">
    <label for="tag" class="muted">Tag</label>
    <select id="tag" name="tag" data-autosubmit data-testid="tag-select">
      ${details.tag === null ? html`<option value="" selected>${details.digest.slice(0, 19)}\u2026</option>` : ""}${options}
    </select>
    <input type="hidden" name="tab" value="${page.tab}" />
    <button type="submit" class="no-js">Show</button>
  </form>`;
}
function installation(page) {
  const { details, target } = page;
  const ref = details.tag !== null ? { tag: details.tag } : { digest: details.digest };
  const login = details.visibility === "private" ? html`<h3>Registry configuration</h3>
          <p class="help">
            This registry is private: log in first with a registry token or an API access token that has the
            <b>Read Packages</b> scope, in <code>$REGISTRY_TOKEN</code>:
          </p>
          ${snippet("install-login", loginStdin(target))}
          <p class="help">
            Or as Buildkite Packages shows it, with the token in place of <code>registry-read-token</code>:
          </p>
          ${snippet("install-login-product", loginProduct(target, "registry-read-token"))}` : "";
  if (details.artifact)
    return html`<h2>Installation instructions</h2>
      ${login}
      <h3>Package installation</h3>
      <p class="help">
        This is an artifact (<span class="mono">${details.artifact_type ?? ""}</span>), not a container image:
        <code>docker pull</code> cannot take it. Pull it as an OCI archive:
      </p>
      ${snippet("install-pull", artifactPullCommand(target, details.name, ref))}
      <p class="help">
        Or with skopeo (add <code>--src-tls-verify=false</code> for a registry served over plain HTTP), or
        <code>oras pull</code> to get its files:
      </p>
      ${snippet("install-pull-skopeo", artifactSkopeoCommand(target, details.name, ref))}`;
  return html`<h2>Installation instructions</h2>
    ${login}
    <h3>Package installation</h3>
    ${snippet("install-pull", pullCommand(target, details.name, ref))}
    <p class="help">
      Every tag and platform pulls the same way; docker picks this machine's platform from a multi-platform
      index.
    </p>`;
}
function checksumTable(sums, testid) {
  return html`<table class="sums" data-testid="${testid}">
    <tr>
      <th>MD5</th>
      <td data-testid="${testid}-md5">${sums.md5}</td>
    </tr>
    <tr>
      <th>SHA1</th>
      <td data-testid="${testid}-sha1">${sums.sha1}</td>
    </tr>
    <tr>
      <th>SHA256</th>
      <td data-testid="${testid}-sha256">${sums.sha256}</td>
    </tr>
    <tr>
      <th>SHA512</th>
      <td data-testid="${testid}-sha512">${sums.sha512}</td>
    </tr>
  </table>`;
}
function detailsTab(page) {
  const { details, archives } = page;
  return html`<h2>Checksums</h2>
    <p class="help">
      Of the image manifest exactly as stored (${details.manifest_size} bytes of
      <span class="mono">${details.media_type}</span>): its SHA256 is the image's digest.
    </p>
    <div class="card">${checksumTable(details.manifest_checksums, "manifest")}</div>
    ${["oci-archive", "docker-archive"].map((format) => {
    const error = page.archiveErrors?.[format];
    if (error !== void 0) return message("notice", `No ${format} Download of this image: ${error}`);
    const checksums = archives?.[format];
    return checksums === void 0 ? "" : html`<h3>Download archive: ${format}</h3>
            <p class="help">
              Of the file the <b>Download</b> button gives in this format: the archive is built the same way
              every time, so these hold.
            </p>
            <div class="card">${checksumTable(checksums, `archive-${format}`)}</div>`;
  })}`;
}
function imageBody(page) {
  const { details } = page;
  let content;
  if (page.tab === "contents" && page.contents !== void 0)
    content = contentsTab(page, page.contents, page.pageSize ?? 500);
  else if (page.tab === "contents")
    content = html`<h2>Contents</h2>
      ${message("notice", `The contents of this image cannot be listed: ${page.contentsError ?? "unknown reason"}`)}`;
  else if (page.tab === "details") content = detailsTab(page);
  else content = installation(page);
  return html`<div class="title-row">
      <div>
        <h1 data-testid="image-name">${details.name} ${visibilityBadge(details.visibility)}</h1>
        <p class="lead mono" data-testid="digest">${details.digest}</p>
      </div>
      <div class="actions">
        ${tagChooser(page)}
        <a
          class="button primary"
          href="${page.downloadHref("oci-archive")}"
          data-testid="download-oci"
          download
          >Download</a
        >
        ${page.archiveErrors?.["docker-archive"] === void 0 ? html`<a
                class="button"
                href="${page.downloadHref("docker-archive")}"
                data-testid="download-docker"
                download
                >docker-archive</a
              >` : ""}
      </div>
    </div>
    <div class="layout">
      <section>${tabs(page)} ${content}</section>
      ${sidebar(details, page.totalFiles)}
    </div>`;
}

// src/registry/ui/place.ts
function placeOf(rest, configured, groups) {
  if (configured) {
    const parts = rest.split("/");
    if (parts.length < 2) return { kind: "none" };
    const registry2 = `${parts[0]}/${parts[1]}`;
    if (parts.length === 2) return { kind: "registry", registry: registry2 };
    return { kind: "image", registry: registry2, image: parts.slice(2).join("/") };
  }
  if (rest === "" || groups.includes(rest)) return { kind: "registry", registry: rest };
  const registry = openGroupOf(rest);
  return { kind: "image", registry, image: registry === "" ? rest : rest.slice(registry.length + 1) };
}

// src/registry/ui/browse.ts
var CONTENTS_PAGE_SIZE = 500;
var TABS = ["installation", "contents", "details"];
async function showRegistries(ui) {
  const registries = await ui.options.packages.listRegistries(ui.viewer);
  noteViewer(ui);
  const open8 = registries.length > 0 ? !registries[0].configured : !ui.page.canSignIn;
  const body = registriesBody(registries, {
    open: open8,
    hiddenHint: ui.page.canSignIn && !ui.page.signedIn,
    host: ui.host
  });
  sendPage(ui.res, ui.method, 200, layout({ title: "Registries", viewer: ui.page, here: "/ui/", body }));
}
async function showPlace(ui, rest) {
  const place = await resolve(ui, rest);
  if (place.kind === "none") throw apiError("NAME_UNKNOWN", { message: `no registry ${rest}` });
  const here = `${ui.req.url ?? "/ui/"}`.split("#")[0];
  const crumbs = [html`<a href="/ui/">Registries</a>`];
  if (place.kind === "registry") {
    await showRegistry(ui, place.registry, here, crumbs);
    return;
  }
  const { registry, image } = place;
  const target = { host: ui.host, registry, auth: ui.page.canSignIn };
  const ref = refOf(ui.query);
  const service = ui.options.packages;
  let details;
  try {
    details = await service.details(ui.viewer, registry, image, ref);
  } catch (error) {
    const emptyGroup = !ui.page.canSignIn && rest.split("/").length === 2 && isRegistryApiError(error) && error.apiCode === "NAME_UNKNOWN";
    if (!emptyGroup || ref.tag !== void 0 || ref.digest !== void 0) throw error;
    await showRegistry(ui, rest, here, crumbs);
    return;
  }
  noteViewer(ui);
  const shown = details.tag !== null ? { tag: details.tag } : { digest: details.digest };
  const tab = TABS.find((t) => t === ui.query.get("tab")) ?? "installation";
  let contents;
  let contentsError;
  try {
    if (tab === "contents") {
      contents = await service.contents(ui.viewer, registry, image, shown, {
        platform: ui.query.get("platform") ?? void 0,
        offset: offsetOf(ui.query.get("offset")),
        limit: CONTENTS_PAGE_SIZE
      });
    } else if (details.total_files === null) {
      contents = await service.contents(ui.viewer, registry, image, shown, { limit: 0 });
    }
  } catch (error) {
    if (isRegistryApiError(error) && (error.status === 401 || error.status === 403)) throw error;
    contentsError = error instanceof Error ? error.message : String(error);
  }
  const archives = {};
  const archiveErrors = {};
  for (const format of ["oci-archive", "docker-archive"]) {
    if (tab !== "details" && format === "oci-archive") continue;
    try {
      if (tab === "details")
        archives[format] = await service.archiveChecksums(ui.viewer, registry, image, shown, format);
      else await service.planDownload(ui.viewer, registry, image, shown, format);
    } catch (error) {
      if (isRegistryApiError(error) && (error.status === 401 || error.status === 403)) throw error;
      archiveErrors[format] = error instanceof Error ? error.message : String(error);
    }
  }
  const href = imageHref(registry, image);
  const version = shown.tag !== void 0 ? `tag=${encodeURIComponent(shown.tag)}` : `digest=${encodeURIComponent(shown.digest)}`;
  const body = imageBody({
    details,
    target,
    tab,
    href,
    downloadHref: (format) => `/ui/-/download${href.slice("/ui".length)}?${version}&format=${format}`,
    contents: tab === "contents" ? contents : void 0,
    contentsError,
    archiveErrors,
    pageSize: CONTENTS_PAGE_SIZE,
    archives: tab === "details" ? archives : void 0,
    totalFiles: details.total_files ?? (tab === "contents" && ui.query.has("platform") ? null : contents?.total ?? null)
  });
  crumbs.push(html`<a href="${registryHref(registry)}">${registry === "" ? "(no group)" : registry}</a>`);
  sendPage(
    ui.res,
    ui.method,
    200,
    layout({ title: `${image} \xB7 ${registry}`, viewer: ui.page, here, crumbs, body })
  );
}
async function showRegistry(ui, registry, here, crumbs) {
  const target = { host: ui.host, registry, auth: ui.page.canSignIn };
  const listing = await ui.options.packages.listImages(ui.viewer, registry);
  noteViewer(ui);
  const body = registryBody(listing, target, ui.query.has("publish"));
  const title = registry === "" ? "(no group)" : registry;
  sendPage(ui.res, ui.method, 200, layout({ title, viewer: ui.page, here, crumbs, body }));
}
async function download(ui, rest) {
  const place = await resolve(ui, rest);
  if (place.kind !== "image") throw apiError("NAME_UNKNOWN", { message: `no image ${rest}` });
  ui.res.setHeader("Cache-Control", "no-store");
  await handleDownload({ ...ui, req: ui.viewer.request }, place.registry, place.image);
  noteViewer(ui);
}
async function resolve(ui, rest) {
  const configured = ui.page.canSignIn;
  const groups = configured ? [] : (await ui.options.packages.listRegistries(ui.viewer)).map((r) => r.name);
  return placeOf(rest, configured, groups);
}
function refOf(query) {
  const tag = query.get("tag");
  if (tag !== null && tag !== "") return { tag };
  const digest = query.get("digest");
  if (digest !== null && digest !== "") return { digest };
  return {};
}
function offsetOf(value) {
  if (value === null || !/^\d{1,9}$/.test(value)) return 0;
  return Number(value);
}

// src/registry/ui/routes.ts
var UI_METHODS = {
  root: ["GET", "HEAD"],
  registries: ["GET", "HEAD"],
  asset: ["GET", "HEAD"],
  favicon: ["GET", "HEAD"],
  "sign-in": ["GET", "HEAD", "POST"],
  "sign-out": ["POST"],
  download: ["GET", "HEAD"],
  browse: ["GET", "HEAD"]
};
function isUiPath(path) {
  return path === "/" || path === "/favicon.ico" || path === "/ui" || path.startsWith("/ui/");
}
function matchUiRoute(path) {
  if (path.length > 2048) return void 0;
  if (path === "/" || path === "/ui") return { kind: "root" };
  if (path === "/ui/") return { kind: "registries" };
  if (path === "/favicon.ico") return { kind: "favicon" };
  const asset2 = /^\/ui\/-\/assets\/([a-z0-9-]+\.(?:css|js|svg|ico))$/.exec(path);
  if (asset2 !== null) return { kind: "asset", file: asset2[1] };
  if (path === "/ui/-/sign-in") return { kind: "sign-in" };
  if (path === "/ui/-/sign-out") return { kind: "sign-out" };
  const download2 = /^\/ui\/-\/download\/(.+[^/])$/.exec(path);
  if (download2 !== null) return { kind: "download", rest: download2[1] };
  if (path === "/ui/-/top-level") return { kind: "browse", rest: "" };
  const browse = /^\/ui\/([^/-][^/]*(?:\/[^/]+)*)\/?$/.exec(path);
  if (browse !== null) return { kind: "browse", rest: browse[1] };
  return void 0;
}

// src/registry/ui/handler.ts
function createUiState() {
  return { sessions: new Sessions() };
}
async function handleUi(ctx, path, state) {
  const route = matchUiRoute(path);
  if (path === "/" && !wantsHtml(ctx.req)) return false;
  noteRequest(ctx.req, { route: "ui" });
  const ui = uiContext(ctx, state);
  try {
    if (route === void 0) throw notFound(path);
    if (!UI_METHODS[route.kind].includes(ctx.method)) {
      noteRequest(ctx.req, { reason: "UNSUPPORTED" });
      ui.res.setHeader("Allow", UI_METHODS[route.kind].join(", "));
      showProblem(ui, 405, `${ctx.method} is not allowed here.`);
      return true;
    }
    switch (route.kind) {
      case "root":
        redirect(ui.res, "/ui/");
        return true;
      case "asset":
        return sendAsset(ui, route.file);
      case "favicon":
        return sendAsset(ui, ASSETS.icon.file, "public, max-age=86400");
      case "sign-in":
        await signIn(ui);
        return true;
      case "sign-out":
        signOut(ui);
        return true;
      case "registries":
        await showRegistries(ui);
        return true;
      case "browse":
        await showPlace(ui, route.rest);
        return true;
      case "download":
        await download(ui, route.rest);
        return true;
    }
  } catch (error) {
    noteRequest(ctx.req, { reason: isRegistryApiError(error) ? error.apiCode : "UNKNOWN" });
    if (ui.res.headersSent) {
      ui.res.destroy();
      if (!isRegistryApiError(error)) ctx.options.onError(error, { method: ctx.method, url: path });
      return true;
    }
    if (isRegistryApiError(error)) showRefusal(ui, error);
    else {
      ctx.options.onError(error, { method: ctx.method, url: path });
      showProblem(ui, 500, "Something went wrong on the registry. The error is in its log.");
    }
  }
  return true;
}
function notFound(path) {
  return apiError("NAME_UNKNOWN", { status: 404, message: `There is no page at ${path.slice(0, 200)}.` });
}
function sendAsset(ui, file, cache = "public, max-age=31536000, immutable") {
  const asset2 = findAsset(file);
  if (asset2 === void 0) {
    noteRequest(ui.req, { reason: "NAME_UNKNOWN" });
    showProblem(ui, 404, "No such file.");
    return true;
  }
  ui.res.statusCode = 200;
  setPageHeaders(ui.res);
  ui.res.setHeader("Cache-Control", cache);
  ui.res.setHeader("Content-Type", asset2.contentType);
  ui.res.setHeader("Content-Length", asset2.body.length);
  ui.res.end(ui.method === "HEAD" ? void 0 : asset2.body);
  return true;
}
function showRefusal(ui, error) {
  const here = (ui.req.url ?? "/ui/").split("#")[0];
  if (error.status === 401 && ui.page.canSignIn) {
    if (ui.page.signedIn) {
      ui.state.sessions.delete(ui.sessionId);
      ui.res.setHeader("Set-Cookie", sessionCookie(void 0, isSecure(ui.req, ui.options.publicUrl)));
    }
    const problem = ui.page.signedIn ? `Your session's token was refused: ${error.message}` : void 0;
    const registry = /^\/ui\/(?:-\/download\/)?([a-z0-9-]+\/[a-z0-9-]+)(?:[/?]|$)/.exec(here)?.[1];
    showSignIn(ui, 401, here.startsWith("/ui/") ? here : "/ui/", problem, registry);
    return;
  }
  showProblem(ui, error.status, error.message, error.status === 403 && ui.page.canSignIn);
}
function showProblem(ui, status, text, offerSignIn = false) {
  const here = (ui.req.url ?? "/ui/").split("#")[0];
  const title = status === 404 ? "Not found" : status === 403 ? "Not allowed" : `Error ${status}`;
  const body = html`<h1>${title}</h1>
    ${message("error", text)}
    <p>
      <a href="/ui/">Back to the registries</a
      >${offerSignIn ? html` \u00b7 <a href="${`/ui/-/sign-in?next=${encodeURIComponent(here)}`}">Sign in with another token</a>` : ""}
    </p>`;
  sendPage(ui.res, ui.method, status, layout({ title, viewer: ui.page, here, body }));
}

// src/registry/http/store-errors.ts
function fromStoreError(error, upload) {
  if (!(error instanceof StoreError)) return error;
  switch (error.code) {
    case "REGISTRY_UPLOAD_UNKNOWN":
      return apiError("BLOB_UPLOAD_UNKNOWN", { message: error.message, cause: error });
    case "REGISTRY_UPLOAD_OUT_OF_ORDER":
      return outOfOrder(error, upload);
    case "REGISTRY_UPLOAD_LENGTH_MISMATCH":
      return apiError("SIZE_INVALID", { message: error.message, cause: error });
    case "REGISTRY_DIGEST_MISMATCH":
      return apiError("DIGEST_INVALID", {
        message: error.message,
        detail: { actual: error.actualDigest },
        cause: error
      });
    default:
      return error;
  }
}
function outOfOrder(error, upload) {
  const size = error.size ?? 0;
  const headers = { Range: uploadRange(size) };
  if (upload !== void 0) {
    headers.Location = uploadLocation(upload.repository, upload.id);
    headers["Docker-Upload-UUID"] = upload.id;
  }
  return apiError("BLOB_UPLOAD_INVALID", {
    status: 416,
    message: `${error.message}; send the chunk that starts at byte ${size}`,
    detail: { size },
    headers,
    cause: error
  });
}

// src/registry/http/uploads.ts
async function handleStartUpload(ctx, name) {
  const { store, query } = ctx;
  const mount = query.get("mount");
  if (mount !== null) {
    const digest = parseDigestParam(mount).value;
    if (await tryMount(ctx, name, digest, query.get("from"))) {
      ctx.req.resume();
      sendEmpty(ctx.res, 201, { Location: blobLocation(name, digest), "Docker-Content-Digest": digest });
      return;
    }
  } else if (query.get("digest") !== null) {
    const digest = parseDigestParam(query.get("digest")).value;
    const session2 = await store.createUpload(name);
    try {
      const body = limitedBody(ctx.req, ctx.options.maxRequestBytes);
      await store.commitUpload(name, session2.id, digest, { body, length: contentLength(ctx.req) });
    } catch (error) {
      await store.cancelUpload(name, session2.id).catch(() => false);
      throw fromStoreError(error);
    }
    sendEmpty(ctx.res, 201, { Location: blobLocation(name, digest), "Docker-Content-Digest": digest });
    return;
  }
  ctx.req.resume();
  const session = await store.createUpload(name);
  sendEmpty(ctx.res, 202, { ...uploadHeaders(session), "Content-Length": "0" });
}
async function tryMount(ctx, name, digest, from) {
  if (from === null) {
    if (!ctx.options.automaticCrossMount) return false;
    return await ctx.store.mountBlob(name, digest, void 0) !== void 0;
  }
  if (!isSafeRepository(from)) return false;
  const verdict = await ctx.options.authorizer.authorize(ctx.req, { repository: from, actions: ["pull"] });
  if (!verdict.ok) return false;
  return await ctx.store.mountBlob(name, digest, from) !== void 0;
}
async function handleUpload(ctx, name, id) {
  const { store, res } = ctx;
  if (!isSafeUploadId(id)) throw apiError("BLOB_UPLOAD_UNKNOWN", { detail: { id: id.slice(0, 100) } });
  const session = { repository: name, id };
  try {
    switch (ctx.method) {
      case "GET": {
        const state = await store.getUpload(name, id);
        if (state === void 0) throw apiError("BLOB_UPLOAD_UNKNOWN", { detail: { id } });
        sendEmpty(res, 204, uploadHeaders(state));
        return;
      }
      case "DELETE": {
        if (!await store.cancelUpload(name, id)) throw apiError("BLOB_UPLOAD_UNKNOWN", { detail: { id } });
        sendEmpty(res, 204);
        return;
      }
      case "PATCH": {
        const state = await store.appendUpload(name, id, chunkOf(ctx));
        sendEmpty(res, 202, uploadHeaders(state));
        return;
      }
      default: {
        const raw = ctx.query.get("digest");
        if (raw === null) {
          ctx.req.resume();
          throw apiError("DIGEST_INVALID", {
            message: "the digest query parameter is required to finish an upload (PUT <location>?digest=<digest>)"
          });
        }
        const digest = parseDigestParam(raw).value;
        await store.commitUpload(name, id, digest, chunkOf(ctx));
        sendEmpty(res, 201, { Location: blobLocation(name, digest), "Docker-Content-Digest": digest });
      }
    }
  } catch (error) {
    throw fromStoreError(error, session);
  }
}
function chunkOf(ctx) {
  const rangeHeader = header(ctx.req.headers, "content-range");
  const body = limitedBody(ctx.req, ctx.options.maxRequestBytes);
  if (rangeHeader === void 0) return { body, length: contentLength(ctx.req) };
  const range = parseContentRange(rangeHeader);
  if (range === void 0) {
    ctx.req.resume();
    throw apiError("BLOB_UPLOAD_INVALID", {
      message: `malformed Content-Range ${JSON.stringify(rangeHeader.slice(0, 100))}: expected "<start>-<end>"`
    });
  }
  return { body, start: range.start, length: range.end - range.start + 1 };
}

// src/registry/http/handler.ts
var CLIENT_GONE = /* @__PURE__ */ new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ERR_STREAM_PREMATURE_CLOSE"]);
function createRequestHandler(options, state = { closing: false }) {
  const ui = createUiState();
  return (req, res) => {
    void handle(req, res, options, state, ui);
  };
}
async function handle(req, res, options, state, ui) {
  const method = (req.method ?? "GET").toUpperCase();
  res.setHeader(API_VERSION_HEADER, API_VERSION);
  try {
    const { path, query } = splitTarget(req.url ?? "/");
    const { requestStore, mirrors } = options.caching;
    const ctx = { req, res, method, query, options, store: requestStore };
    if (isUiPath(path) && await handleUi(ctx, path, ui)) return;
    const service = path.startsWith("/v2") ? void 0 : matchServiceRoute(path);
    if (service !== void 0) {
      noteRequest(req, { route: service.kind });
      checkMethod(method, SERVICE_METHODS[service.kind]);
      await handleService(ctx, service, state);
      return;
    }
    const route = matchRoute(path);
    if (route === void 0) {
      noteRequest(req, { route: "unmatched" });
      throw apiError("UNSUPPORTED", {
        status: 404,
        message: `no registry API endpoint at ${path.slice(0, 200)}${path === "/" ? "; the web pages are at /ui/" : ""}`
      });
    }
    noteRequest(req, { route: route.kind });
    checkMethod(method, ROUTE_METHODS[route.kind]);
    const raw = "name" in route ? parseRepositoryParam(route.name) : "";
    const name = raw === "" || mirrors === void 0 ? raw : mirrors.localName(raw, query.get("ns"));
    if (name !== "") noteRequest(req, { repository: name });
    const verdict = await options.authorizer.authorize(req, accessFor(route, method, name, query));
    if (!verdict.ok) throw refusal(verdict);
    if (mirrors !== void 0 && name !== "" && await mirrors.handle(ctx, route, name)) return;
    await dispatch(ctx, route, name);
  } catch (error) {
    const gone = isClientGone(error);
    noteRequest(req, {
      reason: isRegistryApiError(error) ? error.apiCode : gone ? "CLIENT_GONE" : "UNKNOWN"
    });
    if (!isRegistryApiError(error) && !gone) {
      options.onError(error, { method, url: (req.url ?? "").split("?")[0] ?? "" });
    }
    writeError(res, error, method);
    drainRequest(req);
  }
}
function checkMethod(method, allowed) {
  if (!allowed.includes(method)) {
    throw apiError("UNSUPPORTED", {
      message: `method ${method} is not allowed here; use ${allowed.join(", ")}`,
      headers: { Allow: allowed.join(", ") }
    });
  }
}
async function dispatch(ctx, route, name) {
  switch (route.kind) {
    case "base":
      return sendJson(ctx.res, ctx.method, 200, {});
    case "catalog":
      return handleCatalog(ctx);
    case "blob":
      return handleBlob(ctx, name, route.digest);
    case "uploads":
      return handleStartUpload(ctx, name);
    case "upload":
      return handleUpload(ctx, name, route.id);
    case "manifest":
      return handleManifest(ctx, name, route.reference);
    case "tags":
      return handleTags(ctx, name);
    case "referrers":
      return handleReferrers(ctx, name, route.digest);
  }
}
function accessFor(route, method, name, query) {
  if (route.kind === "base") return { repository: "", actions: [] };
  if (route.kind === "catalog") return { repository: "", actions: ["pull"] };
  if (route.kind === "uploads") {
    const from = query?.get("mount") == null ? null : query.get("from") ?? null;
    if (from !== null && isSafeRepository(from) && from !== name) {
      return { repository: name, actions: ["push"], optional: { repository: from, actions: ["pull"] } };
    }
    return { repository: name, actions: ["push"] };
  }
  if (route.kind === "upload") return { repository: name, actions: ["push"] };
  if (method === "DELETE") return { repository: name, actions: ["delete"] };
  if (method === "PUT") return { repository: name, actions: ["push"] };
  return { repository: name, actions: ["pull"] };
}
function isClientGone(error) {
  const code = error?.code;
  return code !== void 0 && CLIENT_GONE.has(code) || error instanceof Error && error.message === "aborted";
}

// src/registry/ops/cached.ts
function cachedFor(maxAgeMs, compute, now = Date.now) {
  let last;
  let running;
  return () => {
    if (last !== void 0 && now() - last.at < maxAgeMs) return Promise.resolve(last.value);
    running ??= compute().then((value) => {
      last = { at: now(), value };
      return value;
    }).finally(() => {
      running = void 0;
    });
    return running;
  };
}

// src/registry/ops/observe.ts
import { randomUUID as randomUUID2 } from "node:crypto";
var REQUEST_ID_HEADER = "X-Request-Id";
var CLIENT_ID = /^[A-Za-z0-9._:-]{1,128}$/;
var marks = /* @__PURE__ */ new WeakMap();
var UPLOAD_PATH = /\/blobs\/uploads\//;
function observeRequest(req, res, logger, metrics) {
  const started = process.hrtime.bigint();
  const given = req.headers["x-request-id"];
  const id = typeof given === "string" && CLIENT_ID.test(given) ? given : randomUUID2();
  res.setHeader(REQUEST_ID_HEADER, id);
  const method = (req.method ?? "GET").toUpperCase();
  const socket = req.socket;
  const uploading = method !== "GET" && method !== "HEAD" && method !== "DELETE" && UPLOAD_PATH.test(req.url ?? "");
  const uploadDone = uploading ? metrics.uploadStarted() : void 0;
  res.once("close", () => {
    uploadDone?.();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const info = requestInfo(req);
    const route = info.route ?? "unmatched";
    const status = res.writableFinished ? res.statusCode : 499;
    const mark2 = marks.get(socket) ?? { read: 0, written: 0 };
    const bytesIn = Math.max(0, socket.bytesRead - mark2.read);
    const bytesOut = Math.max(0, socket.bytesWritten - mark2.written);
    marks.set(socket, { read: socket.bytesRead, written: socket.bytesWritten });
    metrics.record({ route, method, status, bytesIn, bytesOut, seconds });
    logger.log(status >= 500 ? "error" : "info", "request", {
      request_id: id,
      method,
      route,
      status,
      bytes_in: bytesIn,
      bytes_out: bytesOut,
      duration_ms: Math.round(seconds * 1e5) / 100,
      ...info.principal === void 0 ? {} : { principal: info.principal },
      ...status < 400 || info.repository === void 0 ? {} : { repository: info.repository },
      ...status < 400 ? {} : { reason: info.reason ?? (status === 499 ? "CLIENT_GONE" : "UNKNOWN") }
    });
  });
}

// src/registry/options.ts
import { hostname as hostname3 } from "node:os";
import { resolve as resolve2 } from "node:path";

// src/registry/auth/authorizer.ts
var openAuthorizer = {
  authorize: (req) => {
    noteRequest(req, { principal: "anonymous" });
    return Promise.resolve({ ok: true });
  }
};

// src/registry/gc/access-times.ts
var AccessTimes = class {
  #times = /* @__PURE__ */ new Map();
  #persisted = /* @__PURE__ */ new Map();
  #persist;
  #every;
  #onError;
  #now;
  constructor(options = {}) {
    this.#persist = options.persist;
    this.#every = options.persistEveryMs ?? 6e4;
    this.#onError = options.onError ?? (() => void 0);
    this.#now = options.now ?? Date.now;
  }
  /** Records an access to `digest` now; persists it unless it was persisted less than a minute ago. */
  touch(digest) {
    const now = this.#now();
    this.#times.set(digest, now);
    if (this.#persist === void 0) return;
    const last = this.#persisted.get(digest);
    if (last !== void 0 && now - last < this.#every) return;
    this.#persisted.set(digest, now);
    this.#persist(digest, now).catch(this.#onError);
  }
  /** The last access recorded in this process, or undefined. */
  get(digest) {
    return this.#times.get(digest);
  }
  /** Forgets digests last touched before `cutoffMs` whose time is already persisted (bounds memory). */
  prune(cutoffMs) {
    for (const [digest, at] of this.#times) {
      if (at >= cutoffMs) continue;
      if (this.#persist !== void 0 && this.#persisted.get(digest) !== at) continue;
      this.#times.delete(digest);
      this.#persisted.delete(digest);
    }
  }
  /** Number of digests held in memory. */
  get size() {
    return this.#times.size;
  }
};
function atimePersister(driver, layout2) {
  return (digest, atMs) => driver.setAccessTime(layout2.blob(digest), atMs);
}

// src/registry/gc/collector.ts
import { mkdir as mkdir3 } from "node:fs/promises";

// src/registry/ops/storage-lock.ts
import { randomUUID as randomUUID3 } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { link, open as open2, readFile, rename as rename2, stat, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
var FILES = { serve: "registry.lock", gc: "gc.lock" };
var StorageLockedError = class extends ContainerPackageError {
  holder;
  path;
  constructor(path, holder, role) {
    const who = `PID ${holder.pid}${holder.host === hostname() ? "" : ` on host ${holder.host}`}`;
    const what = role === "serve" ? "a registry serves" : "a garbage collection is running on";
    super(
      "REGISTRY_STORAGE_LOCKED",
      `${what} this storage directory: ${who} (${holder.command}, since ${holder.since}) holds ${path}`,
      {
        hint: role === "serve" ? `stop that registry first (kill -TERM ${holder.pid}) or give this one another --storage; if no such process runs any more, remove ${path}` : `wait for it to finish (or stop it: kill -TERM ${holder.pid}); if no such process runs any more, remove ${path}`
      }
    );
    this.name = "StorageLockedError";
    this.holder = holder;
    this.path = path;
  }
};
async function acquireStorageLock(root, role, options = {}) {
  const path = join(root, FILES[role]);
  const holder = {
    pid: process.pid,
    ...startTimeOf(process.pid),
    host: hostname(),
    command: options.command ?? `container-package registry ${role}`,
    since: (/* @__PURE__ */ new Date()).toISOString(),
    token: randomUUID3()
  };
  const text = `${JSON.stringify(holder)}
`;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (await createExclusive(path, text)) return heldLock(path, holder, text);
    const current = await readHolder(path);
    if (current === "gone") continue;
    if (current === "torn") {
      if (Date.now() - await mtimeOf(path) < 2e3) {
        await delay(50);
        continue;
      }
    } else if (isAlive(current)) {
      throw new StorageLockedError(path, current, role);
    }
    await takeOver(path, current);
  }
  throw new Error(`could not take ${path}: it keeps changing (several processes starting at once?)`);
}
function heldLock(path, holder, text) {
  let released = false;
  const releaseSync = () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(path, "utf8") === text) unlinkSync(path);
    } catch {
    }
  };
  process.once("exit", releaseSync);
  return {
    path,
    holder,
    release: async () => {
      process.off("exit", releaseSync);
      releaseSync();
    }
  };
}
async function createExclusive(path, text) {
  let handle2;
  try {
    handle2 = await open2(path, "wx", 420);
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle2.writeFile(text);
  } finally {
    await handle2.close();
  }
  return true;
}
async function readHolder(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (isMissing(error)) return "gone";
    throw error;
  }
  try {
    const value = JSON.parse(text);
    if (typeof value.pid !== "number" || typeof value.token !== "string") return "torn";
    return value;
  } catch {
    return "torn";
  }
}
async function takeOver(path, stale) {
  const aside = `${path}.stale-${process.pid}-${randomUUID3()}`;
  try {
    await rename2(path, aside);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  const moved = await readHolder(aside);
  const same = stale === "torn" ? moved === "torn" : typeof moved === "object" && moved.token === stale.token;
  if (!same) await link(aside, path).catch(() => void 0);
  await unlink(aside).catch(() => void 0);
}
function isAlive(holder) {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if (error.code === "ESRCH") return false;
  }
  const now = startTimeOf(holder.pid);
  if (now.state === "Z" || now.state === "X") return false;
  if (holder.start === void 0) return true;
  return now.start === void 0 || now.start === holder.start;
}
function startTimeOf(pid) {
  try {
    const stat7 = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat7.slice(stat7.lastIndexOf(")") + 2).split(" ");
    const [state, start2] = [fields[0], fields[19]];
    return { ...start2 === void 0 ? {} : { start: start2 }, ...state === void 0 ? {} : { state } };
  } catch {
    return {};
  }
}
async function mtimeOf(path) {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}
var delay = (ms) => new Promise((resolve5) => setTimeout(resolve5, ms));

// src/registry/storage/driver/filesystem.ts
import { createReadStream } from "node:fs";
import { randomUUID as randomUUID6 } from "node:crypto";
import { link as link2, mkdir as mkdir2, readdir, rm as rm3, stat as stat3, truncate, utimes, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname2, join as join4 } from "node:path";

// src/registry/ops/young-gc.ts
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
var gc;
try {
  setFlagsFromString("--expose-gc");
  gc = runInNewContext("gc");
} catch {
  gc = void 0;
}
var YOUNG_GC_EVERY_BYTES = 2 * 1024 * 1024;
function collectYoungGeneration() {
  gc?.({ type: "minor", execution: "sync" });
}

// src/registry/storage/append-file.ts
import { close, open as open3, write } from "node:fs";
import { promisify as promisify2 } from "node:util";

// src/registry/storage/buffer-pool.ts
var POOL_LIMIT = 8;
var pool = [];
var POOLED_BUFFER_SIZE = READ_CHUNK;
function takeBuffer() {
  return pool.pop() ?? Buffer.allocUnsafeSlow(POOLED_BUFFER_SIZE);
}
function returnBuffer(buffer) {
  if (pool.length < POOL_LIMIT) pool.push(buffer);
}

// src/registry/storage/append-file.ts
var openAsync = promisify2(open3);
var closeAsync = promisify2(close);
var writeAsync = promisify2(write);
async function appendBody(body, path, position, onBytes, options = {}) {
  const fd = await openAsync(path, "r+");
  let filling = takeBuffer();
  let other = takeBuffer();
  let failed = false;
  let written = Promise.resolve();
  let at = position;
  let used = 0;
  const flush = async () => {
    const bytes2 = filling.subarray(0, used);
    onBytes(bytes2);
    await written;
    written = writeFully(fd, bytes2, at);
    written.catch(() => void 0);
    at += used;
    used = 0;
    [filling, other] = [other, filling];
  };
  let sinceGc = 0;
  try {
    for await (const chunk of body) {
      sinceGc += chunk.length;
      if (sinceGc >= YOUNG_GC_EVERY_BYTES) {
        sinceGc = 0;
        collectYoungGeneration();
      }
      let offset = 0;
      while (offset < chunk.length) {
        const n = chunk.copy(filling, used, offset);
        used += n;
        offset += n;
        if (used === filling.length) await flush();
      }
      if (options.follow && used > 0) await flush();
    }
    if (used > 0) await flush();
    await written;
    return at - position;
  } catch (error) {
    failed = true;
    body.destroy();
    await written.catch(() => void 0);
    throw error;
  } finally {
    await closeAsync(fd);
    if (!failed) {
      returnBuffer(filling);
      returnBuffer(other);
    }
  }
}
async function writeFully(fd, bytes2, position) {
  let offset = 0;
  while (offset < bytes2.length) {
    const { bytesWritten } = await writeAsync(fd, bytes2, offset, bytes2.length - offset, position + offset);
    offset += bytesWritten;
  }
}

// src/registry/storage/files.ts
import { randomUUID as randomUUID4 } from "node:crypto";
import { readFile as readFile2 } from "node:fs";
import { mkdir, open as open4, rename as rename3, rm as rm2, stat as stat2, unlink as unlink2 } from "node:fs/promises";
import { dirname, join as join2 } from "node:path";
async function writeFileAtomic(tmpDir, target, data, options = {}) {
  const sync = options.fsync ?? true;
  const temp = join2(tmpDir, `${randomUUID4()}.tmp`);
  const handle2 = await open4(temp, "w");
  try {
    await handle2.writeFile(data);
    if (sync) await handle2.sync();
  } finally {
    await handle2.close();
  }
  try {
    await renameInto(temp, target, sync);
  } catch (error) {
    await rm2(temp, { force: true });
    throw error;
  }
}
async function renameInto(source, target, sync = true) {
  try {
    await rename3(source, target);
  } catch (error) {
    if (!isMissing(error)) throw error;
    await mkdir(dirname(target), { recursive: true });
    await rename3(source, target);
  }
  if (sync) await fsyncDirectory(dirname(target));
}
async function fsyncDirectory(dir) {
  let handle2;
  try {
    handle2 = await open4(dir, "r");
    await handle2.sync();
  } catch (error) {
    const code = error.code;
    if (code !== "EISDIR" && code !== "EINVAL" && code !== "EPERM" && !isMissing(error)) throw error;
  } finally {
    await handle2?.close();
  }
}
async function fsyncFile(path) {
  const handle2 = await open4(path, "r+");
  try {
    await handle2.sync();
  } finally {
    await handle2.close();
  }
}
function readIfExists(path) {
  return new Promise((resolve5, reject) => {
    readFile2(path, (error, data) => {
      if (error === null) resolve5(data);
      else if (isMissing(error)) resolve5(void 0);
      else reject(error);
    });
  });
}
async function fileSize(path) {
  try {
    const info = await stat2(path);
    return info.isFile() ? info.size : void 0;
  } catch (error) {
    if (isMissing(error)) return void 0;
    throw error;
  }
}
async function unlinkIfExists(path) {
  try {
    await unlink2(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}
async function touch(path) {
  try {
    await (await open4(path, "a")).close();
  } catch (error) {
    if (!isMissing(error)) throw error;
    await mkdir(dirname(path), { recursive: true });
    await (await open4(path, "a")).close();
  }
}

// src/registry/storage/range-reader.ts
import { open as open5 } from "node:fs/promises";
async function readRange(path, start2, end, sink) {
  const handle2 = await open5(path, "r");
  let current = { buffer: takeBuffer(), released: Promise.resolve() };
  let other = { buffer: takeBuffer(), released: Promise.resolve() };
  let failed = false;
  try {
    let position = start2;
    while (position <= end) {
      await current.released;
      const length = Math.min(current.buffer.length, end - position + 1);
      const { bytesRead } = await handle2.read(current.buffer, 0, length, position);
      if (bytesRead === 0) {
        throw new StoreError(
          "REGISTRY_STORE_CORRUPT",
          `blob file ${path} ends at byte ${position}, before byte ${end}`,
          { hint: "run `container-package registry fsck` to find and remove corrupt content" }
        );
      }
      position += bytesRead;
      current.released = sink(current.buffer.subarray(0, bytesRead));
      current.released.catch(() => void 0);
      [current, other] = [other, current];
    }
    await Promise.all([current.released, other.released]);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await handle2.close();
    if (!failed) {
      returnBuffer(current.buffer);
      returnBuffer(other.buffer);
    }
  }
}

// src/registry/storage/usage.ts
import { randomUUID as randomUUID5 } from "node:crypto";
import { unlink as unlink3, writeFile } from "node:fs/promises";
import { join as join3 } from "node:path";
async function measureBlobs(driver, layout2) {
  let blobs = 0;
  let bytes2 = 0;
  await driver.walk(layout2.blobsDir, (entry) => {
    blobs += 1;
    bytes2 += entry.size;
  });
  return { blobs, bytes: bytes2 };
}
async function probeWritable(dir) {
  const probe = join3(dir, `${randomUUID5()}.probe`);
  await writeFile(probe, "ok");
  await unlink3(probe);
}

// src/registry/storage/driver/filesystem.ts
var TMP = "tmp";
var FilesystemDriver = class {
  name = "filesystem";
  root;
  #fsync;
  constructor(options) {
    this.root = options.root;
    this.#fsync = options.fsync ?? true;
  }
  get location() {
    return this.root;
  }
  /** The local path of `key`. */
  path(key2) {
    return join4(this.root, checkKey(key2));
  }
  localPath(key2) {
    return this.path(key2);
  }
  async init() {
    for (const dir of ["blobs", "repositories", TMP]) await mkdir2(this.path(dir), { recursive: true });
  }
  getContent(key2) {
    return readIfExists(this.path(key2));
  }
  putContent(key2, data, options = {}) {
    return writeFileAtomic(this.path(TMP), this.path(key2), data, { fsync: options.sync ?? this.#fsync });
  }
  /** Writes a temp file and hard-links it into place: `link` fails when the target exists. */
  async createExclusive(key2, data) {
    const temp = join4(this.path(TMP), `${randomUUID6()}.tmp`);
    await writeFile2(temp, data);
    const target = this.path(key2);
    try {
      await mkdir2(dirname2(target), { recursive: true });
      await link2(temp, target);
      return true;
    } catch (error) {
      if (error.code === "EEXIST") return false;
      throw error;
    } finally {
      await rm3(temp, { force: true });
    }
  }
  putMarker(key2) {
    return touch(this.path(key2));
  }
  async stat(key2) {
    try {
      const info = await stat3(this.path(key2));
      return info.isFile() ? { size: info.size, modifiedMs: info.mtimeMs } : void 0;
    } catch (error) {
      if (isMissing(error)) return void 0;
      throw error;
    }
  }
  async list(key2) {
    let entries;
    try {
      entries = await readdir(this.path(key2), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    return entries.map((entry) => ({ name: entry.name, directory: entry.isDirectory() })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  }
  /** Depth first, in name order; files vanishing during the walk are skipped. */
  async walk(key2, visit) {
    for (const entry of await this.list(key2)) {
      const child = key2 === "" ? entry.name : `${key2}/${entry.name}`;
      if (entry.directory) {
        await this.walk(child, visit);
        continue;
      }
      let info;
      try {
        info = await stat3(this.path(child));
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
      if (info.isFile()) {
        await visit({ key: child, size: info.size, modifiedMs: info.mtimeMs, accessedMs: info.atimeMs });
      }
    }
  }
  delete(key2) {
    return unlinkIfExists(this.path(key2));
  }
  async deleteTree(key2) {
    await rm3(this.path(key2), { recursive: true, force: true });
  }
  move(from, to) {
    return renameInto(this.path(from), this.path(to), this.#fsync);
  }
  open(key2, start2, end) {
    return createReadStream(this.path(key2), { start: start2, end, highWaterMark: READ_CHUNK });
  }
  readRange(key2, start2, end, sink) {
    return readRange(this.path(key2), start2, end, sink);
  }
  /** Sets the file's atime and keeps its mtime; a missing file is ignored. */
  async setAccessTime(key2, atMs) {
    const path = this.path(key2);
    try {
      const info = await stat3(path);
      await utimes(path, atMs / 1e3, info.mtime);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  async createResumable(key2) {
    const path = this.path(key2);
    await mkdir2(dirname2(path), { recursive: true });
    await writeFile2(path, "");
  }
  resumableSize(key2) {
    return fileSize(this.path(key2));
  }
  /** Gathered into 1 MiB writes (see `appendBody`); cut back to `position` on failure. */
  async append(key2, position, body, onBytes, options = {}) {
    const path = this.path(key2);
    try {
      const count2 = await appendBody(body, path, position, onBytes, { follow: options.follow ?? false });
      options.check?.(count2);
      return count2;
    } catch (error) {
      await truncate(path, position).catch(() => void 0);
      throw error;
    }
  }
  openResumable(key2) {
    return this.open(key2);
  }
  async commitResumable(key2, target) {
    const source = this.path(key2);
    if (this.#fsync) await fsyncFile(source);
    await renameInto(source, this.path(target), this.#fsync);
  }
  deleteResumable(key2) {
    return unlinkIfExists(this.path(key2));
  }
  /** Removes temp files under `tmp/` last modified before `cutoffMs`. */
  async purgeStale(cutoffMs) {
    let removed = 0;
    for (const entry of await this.list(TMP)) {
      const path = this.path(`${TMP}/${entry.name}`);
      try {
        if ((await stat3(path)).mtimeMs >= cutoffMs) continue;
        await rm3(path, { force: true, recursive: true });
        removed += 1;
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return removed;
  }
  /** Writes and removes a probe file in `tmp/`. */
  checkWritable() {
    return probeWritable(this.path(TMP));
  }
};

// src/registry/storage/layout.ts
var Layout = class {
  blobsDir = "blobs";
  repositoriesDir = "repositories";
  statsFile = "package-stats.json";
  /** Content file of a digest. */
  blob(digest) {
    const { algorithm, hex } = parseStoreDigest(digest);
    return joinKey(this.blobsDir, algorithm, hex.slice(0, 2), hex);
  }
  /** Directory of a repository; throws on an unsafe name. */
  repository(name) {
    if (!isSafeRepository(name)) throw new Error(`unsafe repository name ${JSON.stringify(name)}`);
    return joinKey(this.repositoriesDir, ...name.split("/"));
  }
  layerLink(name, digest) {
    const { algorithm, hex } = parseStoreDigest(digest);
    return joinKey(this.repository(name), "_layers", algorithm, hex);
  }
  revisionsDir(name, algorithm) {
    return joinKey(this.repository(name), "_manifests", "revisions", algorithm);
  }
  revisionLink(name, digest) {
    const { algorithm, hex } = parseStoreDigest(digest);
    return joinKey(this.revisionsDir(name, algorithm), hex);
  }
  tagsDir(name) {
    return joinKey(this.repository(name), "_manifests", "tags");
  }
  tag(name, tag) {
    if (!isSafeTag(tag)) throw new Error(`unsafe tag ${JSON.stringify(tag)}`);
    return joinKey(this.tagsDir(name), tag);
  }
  referrersDir(name, subject) {
    const { algorithm, hex } = parseStoreDigest(subject);
    return joinKey(this.repository(name), "_referrers", algorithm, hex);
  }
  referrer(name, subject, referrer) {
    const { algorithm, hex } = parseStoreDigest(referrer);
    return joinKey(this.referrersDir(name, subject), `${algorithm}-${hex}`);
  }
  uploadsDir(name) {
    return joinKey(this.repository(name), "_uploads");
  }
  upload(name, id) {
    if (!isSafeUploadId(id)) throw new Error(`unsafe upload id ${JSON.stringify(id)}`);
    return joinKey(this.uploadsDir(name), id);
  }
  uploadData(name, id) {
    return joinKey(this.upload(name, id), "data");
  }
  uploadStartedAt(name, id) {
    return joinKey(this.upload(name, id), "startedat");
  }
};

// src/registry/storage/listing.ts
async function entryNames(driver, dir) {
  return (await driver.list(dir)).map((entry) => entry.name);
}
async function digestsUnder(driver, dir) {
  const found = [];
  for (const algorithm of await entryNames(driver, dir)) {
    for (const hex of await entryNames(driver, `${dir}/${algorithm}`)) {
      const digest = `${algorithm}:${hex}`;
      if (checkDigest(digest).ok) found.push(digest);
    }
  }
  return found;
}

// src/registry/gc/content.ts
async function listContent(driver, layout2) {
  const found = [];
  await driver.walk(layout2.blobsDir, (entry) => {
    const parts = entry.key.split("/");
    if (parts.length !== 4) return;
    const [, algorithm, prefix, hex] = parts;
    const digest = `${algorithm}:${hex}`;
    if (!hex.startsWith(prefix) || !checkDigest(digest).ok) return;
    found.push({
      digest,
      path: entry.key,
      size: entry.size,
      mtimeMs: entry.modifiedMs,
      atimeMs: entry.accessedMs
    });
  });
  return found;
}
var listDigests = digestsUnder;

// src/registry/ops/crash-point.ts
var CRASH_ENV = "CONTAINER_PACKAGE_TEST_CRASH_AT";
function crashPoint(name) {
  if (process.env[CRASH_ENV] === name) process.kill(process.pid, "SIGKILL");
}

// src/registry/gc/remove.ts
async function removeDigest(store, driver, file, marks2) {
  for (const repository of marks2.revisions.get(file.digest) ?? []) {
    await store.deleteManifest(repository, file.digest);
  }
  for (const repository of marks2.links.get(file.digest) ?? []) {
    await store.deleteBlob(repository, file.digest);
  }
  crashPoint("gc-sweep-mid-digest");
  await driver.delete(file.path);
  crashPoint("gc-sweep-after-content");
}
async function removeDanglingLinks(store, digest, marks2) {
  let removed = 0;
  for (const repository of marks2.links.get(digest) ?? []) {
    if (await store.deleteBlob(repository, digest)) removed += 1;
  }
  return removed;
}
function lastUse(file, inMemory) {
  return Math.max(file.mtimeMs, file.atimeMs, inMemory ?? 0);
}

// src/registry/gc/evict.ts
async function evict(input) {
  const { coordinator, marks: marks2 } = input;
  let remainingBytes = input.files.reduce((sum2, file) => sum2 + file.size, 0);
  const use = (file) => lastUse(file, coordinator.access.get(file.digest));
  const garbage = input.files.filter((f) => !marks2.live.has(f.digest) && use(f) < input.cutoffMs).sort((a, b) => use(a) - use(b));
  const cached = input.files.filter((f) => marks2.live.has(f.digest) && !marks2.pinned.has(f.digest)).sort((a, b) => use(a) - use(b));
  let evictedBlobs = 0;
  let evictedBytes = 0;
  let evictedManifests = 0;
  const candidates = [
    ...garbage.map((f) => [f, input.cutoffMs]),
    ...cached.map((f) => [
      f,
      marks2.linkedLocally.has(f.digest) ? input.cutoffMs : void 0
    ])
  ];
  for (const [file, cutoff] of candidates) {
    if (remainingBytes <= input.targetBytes) break;
    if (cutoff !== void 0 && use(file) >= cutoff) continue;
    if (!coordinator.claim(input.run, file.digest, cutoff)) continue;
    try {
      await removeDigest(input.store, input.driver, file, marks2);
    } finally {
      coordinator.release(file.digest);
    }
    if (marks2.revisions.has(file.digest)) evictedManifests += 1;
    evictedBlobs += 1;
    evictedBytes += file.size;
    remainingBytes -= file.size;
  }
  return { evictedBlobs, evictedBytes, evictedManifests, remainingBytes };
}

// src/registry/storage/bounded-map.ts
var BoundedMap = class {
  #map = /* @__PURE__ */ new Map();
  #limit;
  #ttlMs;
  #now;
  generation = 0;
  constructor(limit, ttlMs = void 0, now = Date.now) {
    this.#limit = limit;
    this.#ttlMs = ttlMs ?? Infinity;
    this.#now = now;
  }
  get(key2) {
    const entry = this.#map.get(key2);
    if (entry === void 0) return void 0;
    if (this.#ttlMs !== Infinity && this.#now() - entry.at >= this.#ttlMs) {
      this.#map.delete(key2);
      return void 0;
    }
    return entry.value;
  }
  set(key2, value) {
    if (this.#map.size >= this.#limit && !this.#map.has(key2)) this.#map.clear();
    if (this.#ttlMs === 0) return;
    this.#map.set(key2, { value, at: this.#ttlMs === Infinity ? 0 : this.#now() });
  }
  setIfUnchanged(key2, value, generation) {
    if (generation === this.generation) this.set(key2, value);
  }
  delete(key2) {
    this.generation++;
    this.#map.delete(key2);
  }
};

// src/registry/storage/lru.ts
var LruCache = class {
  #entries = /* @__PURE__ */ new Map();
  #maxBytes;
  #maxEntries;
  #bytes = 0;
  /**
   * @param maxBytes total size the cache may hold; an entry larger than this is never cached
   * @param maxEntries most entries the cache may hold
   */
  constructor(maxBytes, maxEntries = 1e4) {
    this.#maxBytes = maxBytes;
    this.#maxEntries = maxEntries;
  }
  /** The value for `key`, which becomes the most recently used; undefined when not cached. */
  get(key2) {
    const entry = this.#entries.get(key2);
    if (entry === void 0) return void 0;
    this.#entries.delete(key2);
    this.#entries.set(key2, entry);
    return entry.value;
  }
  /** Caches `value` as `size` bytes, evicting the least recently used entries over budget. */
  set(key2, value, size) {
    this.delete(key2);
    if (size > this.#maxBytes || this.#maxEntries <= 0) return;
    this.#entries.set(key2, { value, size });
    this.#bytes += size;
    while (this.#bytes > this.#maxBytes || this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.delete(oldest.value);
    }
  }
  /** Forgets `key`. */
  delete(key2) {
    const entry = this.#entries.get(key2);
    if (entry === void 0) return;
    this.#entries.delete(key2);
    this.#bytes -= entry.size;
  }
  /** Number of entries. */
  get size() {
    return this.#entries.size;
  }
  /** Total size of the entries. */
  get bytes() {
    return this.#bytes;
  }
};

// src/registry/storage/referrers.ts
var ENTRY = /^(sha256-[a-f0-9]{64}|sha512-[a-f0-9]{128})$/;
var Referrers = class {
  #layout;
  #driver;
  constructor(layout2, driver) {
    this.#layout = layout2;
    this.#driver = driver;
  }
  /** Records `descriptor` as a referrer of `subject` (atomic write). */
  async add(repository, subject, descriptor2) {
    const key2 = this.#layout.referrer(repository, subject, descriptor2.digest);
    await this.#driver.putContent(key2, JSON.stringify(descriptor2));
  }
  /** Forgets the referrer `referrer` of `subject`. */
  async remove(repository, subject, referrer) {
    await this.#driver.delete(this.#layout.referrer(repository, subject, referrer));
  }
  /** Descriptors of the subject's referrers, sorted by digest; unreadable entries are skipped. */
  async list(repository, subject) {
    const dir = this.#layout.referrersDir(repository, subject);
    const names = (await this.#driver.list(dir)).map((entry) => entry.name);
    const found = [];
    for (const name of names.filter((entry) => ENTRY.test(entry)).sort()) {
      const bytes2 = await this.#driver.getContent(`${dir}/${name}`);
      if (bytes2 === void 0) continue;
      try {
        found.push(JSON.parse(bytes2.toString("utf8")));
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
      }
    }
    return found;
  }
};

// src/registry/storage/manifests.ts
var Manifests = class {
  #layout;
  #blobs;
  #driver;
  #cache;
  #referrers;
  /**
   * `repository\0tag` \u2192 digest and `repository\0digest` \u2192 media type, as on disk: manifest HEAD
   * and GET then touch no file (about half their CPU, measured by `npm run bench`). Every write
   * and delete of tags and revision links in this process goes through this class, which keeps
   * the maps in step. When other processes share the store (replicas on S3), entries are
   * answered from memory for at most `cacheTtlMs` after they were read (0: every request reads
   * the store), then read from the store again. Workers of one registry on one machine instead
   * keep the maps and tell each other what they changed (`coherence`).
   */
  #tags;
  #links;
  #coherence;
  constructor(layout2, driver, blobs, options) {
    this.#tags = new BoundedMap(TAG_CACHE_ENTRIES, options.cacheTtlMs);
    this.#links = new BoundedMap(TAG_CACHE_ENTRIES, options.cacheTtlMs);
    this.#coherence = options.coherence;
    this.#coherence?.onChange((change) => {
      for (const key2 of change.tags) this.#tags.delete(key2);
      for (const key2 of change.links) this.#links.delete(key2);
    });
    this.#layout = layout2;
    this.#driver = driver;
    this.#blobs = blobs;
    this.#cache = new LruCache(options.cacheBytes);
    this.#referrers = new Referrers(layout2, driver);
  }
  /** Digest and media type for a tag or digest reference; undefined when not in the repository. */
  async resolve(repository, reference) {
    let digest = reference;
    if (!reference.includes(":")) {
      const tagKey = `${repository}\0${reference}`;
      const cached = this.#tags.get(tagKey);
      if (cached !== void 0) digest = cached;
      else {
        const generation = this.#tags.generation;
        const target = await this.#readText(this.#layout.tag(repository, reference));
        if (target === void 0) return void 0;
        try {
          parseStoreDigest(target);
        } catch (cause) {
          throw new StoreError(
            "REGISTRY_STORE_CORRUPT",
            `tag ${reference} in ${repository} holds no digest`,
            {
              cause
            }
          );
        }
        digest = target;
        this.#tags.setIfUnchanged(tagKey, digest, generation);
      }
    }
    const linkKey = `${repository}\0${digest}`;
    let mediaType = this.#links.get(linkKey);
    if (mediaType === void 0) {
      const generation = this.#links.generation;
      mediaType = await this.#readText(this.#layout.revisionLink(repository, digest));
      if (mediaType === void 0) return void 0;
      this.#links.setIfUnchanged(linkKey, mediaType, generation);
    }
    return { digest, mediaType };
  }
  /** Digest, media type and size for a tag or digest; the bytes are read into the cache when not there. */
  async stat(repository, reference) {
    const found = await this.resolve(repository, reference);
    if (found === void 0) return void 0;
    const bytes2 = await this.#content(found.digest);
    return bytes2 === void 0 ? void 0 : { ...found, size: bytes2.length };
  }
  /** The manifest's exact bytes with its digest and media type. */
  async get(repository, reference) {
    const found = await this.resolve(repository, reference);
    if (found === void 0) return void 0;
    const bytes2 = await this.#content(found.digest);
    return bytes2 === void 0 ? void 0 : { ...found, size: bytes2.length, bytes: bytes2 };
  }
  /** True when `repository` holds the manifest `digest`. */
  async has(repository, digest) {
    return await this.#driver.stat(this.#layout.revisionLink(repository, digest)) !== void 0;
  }
  /** Writes content, revision link, referrers entry, then tags; each file atomically. */
  async put(repository, manifest) {
    await this.#blobs.writeContent(manifest.digest, manifest.bytes);
    this.#cache.set(manifest.digest, manifest.bytes, manifest.bytes.length);
    const link3 = this.#layout.revisionLink(repository, manifest.digest);
    await this.#driver.putContent(link3, manifest.mediaType);
    stored(this.#links, `${repository}\0${manifest.digest}`, manifest.mediaType);
    if (manifest.referrer !== void 0) {
      await this.#referrers.add(repository, manifest.referrer.subject, manifest.referrer.descriptor);
    }
    for (const tag of manifest.tags) {
      await this.#driver.putContent(this.#layout.tag(repository, tag), manifest.digest);
      stored(this.#tags, `${repository}\0${tag}`, manifest.digest);
    }
    if (manifest.tags.length > 0 && !await this.has(repository, manifest.digest)) {
      for (const tag of manifest.tags) await this.#dropTagIfAt(repository, tag, manifest.digest);
    }
    await this.#announce({ tags: manifest.tags.map((tag) => `${repository}\0${tag}`), links: [] });
  }
  /** Tells the other processes serving this store what changed (see {@link CacheCoherence}). */
  async #announce(change) {
    if (this.#coherence === void 0 || change.tags.length === 0 && change.links.length === 0) return;
    await this.#coherence.announce(change);
  }
  /** Removes `tag` when it still points at `digest`; true when it did. */
  async #dropTagIfAt(repository, tag, digest) {
    this.#tags.delete(`${repository}\0${tag}`);
    if (await this.#readText(this.#layout.tag(repository, tag)) === digest) {
      const deleted = await this.#driver.delete(this.#layout.tag(repository, tag));
      this.#tags.delete(`${repository}\0${tag}`);
      return deleted;
    }
    return false;
  }
  /** Removes the revision link, the tags pointing at it and its referrers entry (content stays). */
  async delete(repository, digest) {
    const bytes2 = await this.#content(digest);
    const linkKey = `${repository}\0${digest}`;
    this.#links.delete(linkKey);
    const unlinked = await this.#driver.delete(this.#layout.revisionLink(repository, digest));
    this.#links.delete(linkKey);
    if (!unlinked) {
      await this.#announce({ tags: [], links: [linkKey] });
      return false;
    }
    const dropped = [];
    for (const tag of await this.tags(repository)) {
      if (await this.#dropTagIfAt(repository, tag, digest)) dropped.push(`${repository}\0${tag}`);
    }
    const subject = bytes2 === void 0 ? void 0 : subjectOf(bytes2);
    if (subject !== void 0) await this.#referrers.remove(repository, subject, digest);
    await this.#announce({ tags: dropped, links: [linkKey] });
    return true;
  }
  /** Removes one tag; false when there was none. */
  async deleteTag(repository, tag) {
    const tagKey = `${repository}\0${tag}`;
    this.#tags.delete(tagKey);
    const deleted = await this.#driver.delete(this.#layout.tag(repository, tag));
    this.#tags.delete(tagKey);
    await this.#announce({ tags: [tagKey], links: [] });
    return deleted;
  }
  /** Tags in byte order; empty when the repository has none (or does not exist). */
  async tags(repository) {
    const entries = await this.#driver.list(this.#layout.tagsDir(repository));
    return entries.filter((entry) => !entry.directory && isSafeTag(entry.name)).map((entry) => entry.name).sort(byteOrder2);
  }
  /** Referrers of `subject` whose manifests are still in the repository. */
  async referrers(repository, subject) {
    const entries = await this.#referrers.list(repository, subject);
    const present = [];
    for (const entry of entries) {
      if (await this.has(repository, entry.digest)) present.push(entry);
    }
    return present;
  }
  async #content(digest) {
    const cached = this.#cache.get(digest);
    if (cached !== void 0) return cached;
    const bytes2 = await this.#blobs.readContent(digest);
    if (bytes2 !== void 0) this.#cache.set(digest, bytes2, bytes2.length);
    return bytes2;
  }
  /** A small file's text, trimmed (tags, revision links), or undefined. */
  async #readText(key2) {
    const bytes2 = await this.#driver.getContent(key2);
    return bytes2 === void 0 ? void 0 : bytes2.toString("utf8").trim();
  }
};
function stored(map, key2, value) {
  map.delete(key2);
  map.set(key2, value);
}
var TAG_CACHE_ENTRIES = 1e5;
function byteOrder2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function subjectOf(bytes2) {
  try {
    const parsed = JSON.parse(bytes2.toString("utf8"));
    const digest = parsed.subject?.digest;
    if (typeof digest !== "string") return void 0;
    parseStoreDigest(digest);
    return digest;
  } catch {
    return void 0;
  }
}

// src/registry/storage/repositories.ts
var MARKERS = /* @__PURE__ */ new Set(["_layers", "_manifests", "_uploads", "_referrers"]);
async function listRepositories(driver, repositoriesDir) {
  const found = [];
  const walk = async (dir, prefix) => {
    const entries = await driver.list(dir);
    if (prefix !== "" && entries.some((entry) => entry.directory && MARKERS.has(entry.name))) {
      if (isSafeRepository(prefix)) found.push(prefix);
    }
    for (const entry of entries) {
      if (!entry.directory || entry.name.startsWith("_")) continue;
      await walk(`${dir}/${entry.name}`, prefix === "" ? entry.name : `${prefix}/${entry.name}`);
    }
  };
  await walk(repositoriesDir, "");
  return found.sort(byteOrder2);
}

// src/registry/gc/references.ts
var NONE = { blobs: [], manifests: [] };
function referencesOf(bytes2) {
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes2).toString("utf8"));
  } catch {
    return NONE;
  }
  if (typeof value !== "object" || value === null) return NONE;
  const record = value;
  return {
    blobs: [...digestsOf([record.config]), ...digestsOf(record.layers)],
    manifests: digestsOf(record.manifests)
  };
}
function digestsOf(list2) {
  if (!Array.isArray(list2)) return [];
  const found = [];
  for (const entry of list2) {
    const digest = entry?.digest;
    if (typeof digest === "string" && checkDigest(digest).ok) found.push(digest);
  }
  return found;
}

// src/registry/gc/mark.ts
var MAX_MANIFEST_READ = 16 * 1024 * 1024;
async function mark(driver, layout2, isMirror) {
  const live = /* @__PURE__ */ new Set();
  const pinned = /* @__PURE__ */ new Set();
  const revisions = /* @__PURE__ */ new Map();
  const links = /* @__PURE__ */ new Map();
  const linkedLocally = /* @__PURE__ */ new Set();
  const closures = /* @__PURE__ */ new Map();
  const repositories = await listRepositories(driver, layout2.repositoriesDir);
  for (const repository of repositories) {
    const dir = layout2.repository(repository);
    const mirror = isMirror(repository);
    for (const digest of await listDigests(driver, `${dir}/_layers`)) {
      append(links, digest, repository);
      if (!mirror) linkedLocally.add(digest);
    }
    for (const digest of await listDigests(driver, `${dir}/_manifests/revisions`)) {
      append(revisions, digest, repository);
      for (const reached of await closure(driver, layout2, digest, closures)) {
        live.add(reached);
        if (!mirror) pinned.add(reached);
      }
    }
  }
  return { live, pinned, revisions, links, linkedLocally, repositories: repositories.length };
}
async function closure(driver, layout2, digest, memo) {
  const known = memo.get(digest);
  if (known !== void 0) return known;
  const reached = /* @__PURE__ */ new Set();
  const pending = [digest];
  while (pending.length > 0) {
    const next = pending.pop();
    if (reached.has(next)) continue;
    reached.add(next);
    const memoised = memo.get(next);
    if (memoised !== void 0 && next !== digest) {
      for (const d of memoised) reached.add(d);
      continue;
    }
    const bytes2 = await readManifest2(driver, layout2, next);
    if (bytes2 === void 0) continue;
    const refs = referencesOf(bytes2);
    for (const blob of refs.blobs) reached.add(blob);
    pending.push(...refs.manifests);
  }
  const result = [...reached];
  memo.set(digest, result);
  return result;
}
async function readManifest2(driver, layout2, digest) {
  const key2 = layout2.blob(digest);
  const info = await driver.stat(key2);
  if (info === void 0 || info.size > MAX_MANIFEST_READ) return void 0;
  return driver.getContent(key2);
}
function append(map, key2, value) {
  const list2 = map.get(key2);
  if (list2 === void 0) map.set(key2, [value]);
  else list2.push(value);
}

// src/registry/gc/sweep.ts
async function sweep(input) {
  const { coordinator, run, marks: marks2, cutoffMs } = input;
  let freedBlobs = 0;
  let freedBytes = 0;
  let keptRecent = 0;
  let keptInUse = 0;
  for (const file of input.files) {
    if (marks2.live.has(file.digest)) continue;
    if (lastUse(file, coordinator.access.get(file.digest)) >= cutoffMs) {
      keptRecent += 1;
      continue;
    }
    if (input.dryRun) {
      freedBlobs += 1;
      freedBytes += file.size;
      continue;
    }
    if (!coordinator.claim(run, file.digest, cutoffMs)) {
      keptInUse += 1;
      continue;
    }
    try {
      await removeDigest(input.store, input.driver, file, marks2);
    } finally {
      coordinator.release(file.digest);
    }
    freedBlobs += 1;
    freedBytes += file.size;
  }
  const danglingLinks = await sweepDanglingLinks(input);
  const derivedRemoved = await sweepDerived(input);
  return { freedBlobs, freedBytes, keptRecent, keptInUse, danglingLinks, derivedRemoved };
}
var DERIVED_CONTENTS = "derived/contents";
var DERIVED_NAME = /^([a-z0-9]+)-([a-f0-9]+)\.json\.gz$/;
async function sweepDerived(input) {
  let count2 = 0;
  for (const entry of await input.driver.list(DERIVED_CONTENTS)) {
    const name = DERIVED_NAME.exec(entry.name);
    if (entry.directory || name === null) continue;
    if (await input.contentExists(`${name[1]}:${name[2]}`)) continue;
    if (!input.dryRun) await input.driver.delete(`${DERIVED_CONTENTS}/${entry.name}`);
    count2 += 1;
  }
  return count2;
}
async function sweepDanglingLinks(input) {
  const { coordinator, run, marks: marks2, cutoffMs } = input;
  const listed = new Set(input.files.map((file) => file.digest));
  let count2 = 0;
  for (const [digest, repositories] of marks2.links) {
    if (listed.has(digest) || marks2.live.has(digest)) continue;
    if (await input.contentExists(digest)) continue;
    if (input.dryRun) {
      count2 += repositories.length;
      continue;
    }
    if (!coordinator.claim(run, digest, cutoffMs)) continue;
    try {
      if (!await input.contentExists(digest))
        count2 += await removeDanglingLinks(input.store, digest, marks2);
    } finally {
      coordinator.release(digest);
    }
  }
  return count2;
}

// src/registry/gc/collector.ts
var LOW_WATER = 0.9;
var Collector = class {
  #options;
  #layout;
  #now;
  #queue = Promise.resolve();
  #estimate;
  #capLoop;
  #capAgain = false;
  constructor(options) {
    this.#options = options;
    this.#layout = new Layout();
    this.#now = options.now ?? Date.now;
  }
  /**
   * Removes content no manifest references and nobody wrote or used within the grace period
   * (`graceMs` overrides the configured one). A dry run only counts.
   */
  collect(options = {}) {
    const skipped = (leaseHolder) => ({
      dryRun: options.dryRun === true,
      graceMs: options.graceMs ?? this.#options.graceMs,
      ...{ blobs: 0, bytes: 0, liveBlobs: 0, repositories: 0, freedBlobs: 0, freedBytes: 0 },
      ...{ keptRecent: 0, keptInUse: 0, danglingLinks: 0, derivedRemoved: 0, durationMs: 0, leaseHolder }
    });
    return this.#serialised(skipped, async () => {
      const started = this.#now();
      const graceMs = options.graceMs ?? this.#options.graceMs;
      const { coordinator } = this.#options;
      const run = coordinator.begin();
      try {
        const files = await listContent(this.#options.driver, this.#layout);
        const marks2 = await mark(this.#options.driver, this.#layout, this.#isMirror);
        const result = await sweep({
          store: this.#options.store,
          driver: this.#options.driver,
          coordinator,
          run,
          files,
          marks: marks2,
          cutoffMs: started - graceMs,
          dryRun: options.dryRun === true,
          contentExists: async (digest) => await this.#options.driver.stat(this.#layout.blob(digest)) !== void 0
        });
        coordinator.access.prune(started - Math.max(graceMs, 36e5));
        const report = {
          dryRun: options.dryRun === true,
          graceMs,
          blobs: files.length,
          bytes: files.reduce((sum2, file) => sum2 + file.size, 0),
          liveBlobs: files.filter((file) => marks2.live.has(file.digest)).length,
          repositories: marks2.repositories,
          ...result,
          durationMs: this.#now() - started
        };
        this.#options.logger?.log("info", "garbage collection", { ...report });
        return report;
      } finally {
        coordinator.end(run);
      }
    });
  }
  /** Evicts least recently used content until it fits the cap (nothing to do without a cap). */
  enforceCap() {
    const max = this.#options.maxSizeBytes;
    const skipped = (leaseHolder) => ({
      ...{ maxSizeBytes: max, targetBytes: Math.floor(max * LOW_WATER), beforeBytes: 0, afterBytes: 0 },
      ...{ evictedBlobs: 0, evictedBytes: 0, evictedManifests: 0, leaseHolder }
    });
    return this.#serialised(skipped, async () => {
      const started = this.#now();
      const max2 = this.#options.maxSizeBytes;
      const targetBytes = Math.floor(max2 * LOW_WATER);
      const { coordinator } = this.#options;
      const files = await listContent(this.#options.driver, this.#layout);
      const beforeBytes = files.reduce((sum2, file) => sum2 + file.size, 0);
      const base = { maxSizeBytes: max2, targetBytes, beforeBytes };
      if (max2 === 0 || beforeBytes <= max2) {
        this.#estimate = beforeBytes;
        return { ...base, afterBytes: beforeBytes, evictedBlobs: 0, evictedBytes: 0, evictedManifests: 0 };
      }
      const run = coordinator.begin();
      try {
        const marks2 = await mark(this.#options.driver, this.#layout, this.#isMirror);
        const cutoffMs = started - this.#options.graceMs;
        const result = await evict({ ...this.#options, run, files, marks: marks2, cutoffMs, targetBytes });
        this.#estimate = result.remainingBytes;
        const report = {
          ...base,
          afterBytes: result.remainingBytes,
          evictedBlobs: result.evictedBlobs,
          evictedBytes: result.evictedBytes,
          evictedManifests: result.evictedManifests
        };
        const over = result.remainingBytes > max2;
        this.#options.logger?.log(over ? "warn" : "info", over ? "retention cap exceeded" : "retention", {
          ...report,
          ...over ? { reason: "the rest is local content or in use; it is never evicted" } : {},
          duration_ms: this.#now() - started
        });
        return report;
      } finally {
        coordinator.end(run);
      }
    });
  }
  /**
   * Tells the collector that `bytes` of content were written. Once the running estimate passes
   * the cap, an eviction is scheduled (at most one queued at a time). `onError` gets its failure.
   */
  noteWrite(bytes2, onError) {
    if (this.#options.maxSizeBytes === 0) return;
    if (this.#estimate !== void 0) {
      this.#estimate += bytes2;
      if (this.#estimate <= this.#options.maxSizeBytes) return;
    }
    if (this.#capLoop !== void 0) {
      this.#capAgain = true;
      return;
    }
    const loop = async () => {
      do {
        this.#capAgain = false;
        await this.enforceCap();
      } while (this.#capAgain);
    };
    this.#capLoop = loop().catch((error) => {
      if (error.code !== "REGISTRY_STORAGE_LOCKED") onError(error);
      else this.#options.logger?.log("info", "retention skipped", { reason: error.message });
    }).finally(() => this.#capLoop = void 0);
  }
  /** Resolves once the runs queued so far (and any scheduled eviction) have finished. */
  async idle() {
    for (; ; ) {
      const queue = this.#queue;
      const capLoop = this.#capLoop;
      await Promise.all([queue.catch(() => void 0), capLoop]);
      if (queue === this.#queue && this.#capLoop === void 0) return;
    }
  }
  /** Takes the storage directory's `gc` lock (file system only: a bucket has the lease). */
  async #lockDirectory() {
    const { driver } = this.#options;
    if (!(driver instanceof FilesystemDriver)) return void 0;
    await mkdir3(driver.root, { recursive: true });
    return acquireStorageLock(driver.root, "gc", {
      command: this.#options.lockCommand ?? "container-package registry serve (garbage collection)"
    });
  }
  #isMirror = (repository) => this.#options.isMirror?.(repository) ?? false;
  /**
   * Runs `fn` after the runs queued before it, holding the directory's `gc` lock on the file
   * system and the lease when there is one.
   */
  #serialised(skipped, fn) {
    const leased = async () => {
      const { lease } = this.#options;
      if (lease === void 0) return fn();
      const got = await lease.acquire();
      if (!got.ok) {
        this.#options.logger?.log("info", "garbage collection left to another replica", {
          holder: got.holder
        });
        return skipped(got.holder);
      }
      const renewal = setInterval(() => void got.lease.renew().catch(() => void 0), lease.durationMs / 3);
      renewal.unref();
      try {
        return await fn();
      } finally {
        clearInterval(renewal);
        await got.lease.release().catch(() => void 0);
      }
    };
    const locked = async () => {
      const lock = await this.#lockDirectory();
      try {
        return await leased();
      } finally {
        await lock?.release();
      }
    };
    const next = this.#queue.then(locked, locked);
    this.#queue = next.catch(() => void 0);
    return next;
  }
};

// src/registry/gc/coordinator.ts
var GcCoordinator = class {
  /** When each digest was last read or referenced. */
  access;
  #leases = /* @__PURE__ */ new Map();
  #deleting = /* @__PURE__ */ new Map();
  #now;
  #run;
  constructor(options = {}) {
    this.#now = options.now ?? Date.now;
    this.access = options.access ?? new AccessTimes({ now: this.#now });
  }
  /** Records a read of `digest` (a blob or manifest GET/HEAD): the LRU order and the grace period see it. */
  touch(digest) {
    this.access.touch(digest);
  }
  /**
   * Declares that `digests` are being referenced now: they count as used, a running collection
   * keeps them, and this waits until any deletion of them in progress has finished.
   */
  async protect(digests) {
    const waits = [];
    for (const digest of digests) {
      this.access.touch(digest);
      this.#run?.protected.add(digest);
      const deleting = this.#deleting.get(digest);
      if (deleting !== void 0) waits.push(deleting.done);
    }
    await Promise.all(waits);
  }
  /**
   * Runs `fn` while `digests` are leased: no collection deletes them meanwhile, nor later in a
   * collection that was running at any moment of the lease. Waits for deletions in progress first.
   */
  async lease(digests, fn) {
    for (const digest of digests) this.#leases.set(digest, (this.#leases.get(digest) ?? 0) + 1);
    try {
      await this.protect(digests);
      return await fn();
    } finally {
      for (const digest of digests) {
        const count2 = (this.#leases.get(digest) ?? 1) - 1;
        if (count2 <= 0) this.#leases.delete(digest);
        else this.#leases.set(digest, count2);
      }
    }
  }
  /**
   * Starts a collection; digests leased right now are protected for its whole length.
   *
   * @throws Error when another collection is running (callers serialise them)
   */
  begin() {
    if (this.#run !== void 0) throw new Error("a garbage collection is already running");
    const run = { startedAt: this.#now(), protected: new Set(this.#leases.keys()) };
    this.#run = run;
    return run;
  }
  /** Ends `run`. */
  end(run) {
    if (this.#run === run) this.#run = void 0;
  }
  /**
   * Claims `digest` for deletion by `run`: false when it is leased, protected during the run,
   * already being deleted, or (with `cutoffMs`) touched in this process at or after `cutoffMs`.
   * On true, call {@link release} once deleted.
   */
  claim(run, digest, cutoffMs) {
    if (this.#leases.has(digest) || run.protected.has(digest) || this.#deleting.has(digest)) return false;
    if (cutoffMs !== void 0) {
      const touched = this.access.get(digest);
      if (touched !== void 0 && touched >= cutoffMs) return false;
    }
    let resolve5;
    const done = new Promise((r) => resolve5 = r);
    this.#deleting.set(digest, { done, resolve: resolve5 });
    return true;
  }
  /** Ends the deletion of a claimed digest and wakes the requests waiting for it. */
  release(digest) {
    const deleting = this.#deleting.get(digest);
    this.#deleting.delete(digest);
    deleting?.resolve();
  }
  /** True while a collection runs. */
  get running() {
    return this.#run !== void 0;
  }
};

// src/registry/gc/lease.ts
var DIR = "_gc";
var NAME = /^lease-(\d{12})$/;
var GcLease = class {
  #driver;
  #holder;
  #durationMs;
  #now;
  constructor(driver, options) {
    this.#driver = driver;
    this.#holder = options.holder;
    this.#durationMs = options.durationMs ?? 15 * 6e4;
    this.#now = options.now ?? Date.now;
  }
  get durationMs() {
    return this.#durationMs;
  }
  /** The lease, or who holds it now. */
  async acquire() {
    const generations = (await this.#driver.list(DIR)).map((entry) => NAME.exec(entry.name)?.[1]).filter((n) => n !== void 0).map(Number).sort((a, b) => a - b);
    const current = generations.at(-1) ?? 0;
    if (current > 0) {
      const record = await this.#read(current);
      if (record !== void 0 && record.expiresAt > this.#now() && record.holder !== this.#holder) {
        return { ok: false, holder: record.holder };
      }
    }
    const next = current + 1;
    if (!await this.#driver.createExclusive(keyOf3(next), this.#record(this.#now() + this.#durationMs))) {
      const winner = await this.#read(next);
      return { ok: false, holder: winner?.holder ?? "another replica" };
    }
    for (const old of generations) await this.#driver.delete(keyOf3(old)).catch(() => false);
    return {
      ok: true,
      lease: {
        renew: () => this.#driver.putContent(keyOf3(next), this.#record(this.#now() + this.#durationMs)),
        release: () => this.#driver.putContent(keyOf3(next), this.#record(0))
      }
    };
  }
  #record(expiresAt) {
    return JSON.stringify({ holder: this.#holder, expiresAt });
  }
  async #read(generation) {
    const bytes2 = await this.#driver.getContent(keyOf3(generation));
    if (bytes2 === void 0) return void 0;
    try {
      return JSON.parse(bytes2.toString("utf8"));
    } catch {
      return { holder: "unknown", expiresAt: 0 };
    }
  }
};
function keyOf3(generation) {
  return `${DIR}/lease-${String(generation).padStart(12, "0")}`;
}

// src/registry/gc/guarded-store.ts
var GuardedStore = class {
  inner;
  #gc;
  #onWrite;
  usage;
  checkWritable;
  constructor(inner, gc2, onWrite = () => void 0) {
    this.inner = inner;
    this.#gc = gc2;
    this.#onWrite = onWrite;
    if (inner.usage !== void 0) this.usage = () => inner.usage();
    if (inner.checkWritable !== void 0) this.checkWritable = () => inner.checkWritable();
  }
  init() {
    return this.inner.init();
  }
  async statBlob(repository, digest) {
    await this.#gc.protect([digest]);
    return this.inner.statBlob(repository, digest);
  }
  async getBlob(repository, digest) {
    await this.#gc.protect([digest]);
    return this.inner.getBlob(repository, digest);
  }
  deleteBlob(repository, digest) {
    return this.inner.deleteBlob(repository, digest);
  }
  async mountBlob(repository, digest, from) {
    await this.#gc.protect([digest]);
    return this.inner.mountBlob(repository, digest, from);
  }
  createUpload(repository) {
    return this.inner.createUpload(repository);
  }
  getUpload(repository, id) {
    return this.inner.getUpload(repository, id);
  }
  appendUpload(repository, id, chunk) {
    return this.inner.appendUpload(repository, id, chunk);
  }
  async commitUpload(repository, id, digest, chunk) {
    await this.#gc.protect([digest]);
    const info = await this.inner.commitUpload(repository, id, digest, chunk);
    this.#onWrite(info.size);
    return info;
  }
  cancelUpload(repository, id) {
    return this.inner.cancelUpload(repository, id);
  }
  purgeExpiredUploads(maxAgeMs, now) {
    return this.inner.purgeExpiredUploads(maxAgeMs, now);
  }
  async statManifest(repository, reference) {
    if (reference.includes(":")) await this.#gc.protect([reference]);
    return this.#touched(await this.inner.statManifest(repository, reference));
  }
  async getManifest(repository, reference) {
    if (reference.includes(":")) await this.#gc.protect([reference]);
    return this.#touched(await this.inner.getManifest(repository, reference));
  }
  async putManifest(repository, manifest) {
    await this.#gc.protect([manifest.digest]);
    await this.inner.putManifest(repository, manifest);
    this.#onWrite(manifest.bytes.length);
  }
  deleteManifest(repository, digest) {
    return this.inner.deleteManifest(repository, digest);
  }
  deleteTag(repository, tag) {
    return this.inner.deleteTag(repository, tag);
  }
  listTags(repository) {
    return this.inner.listTags(repository);
  }
  listReferrers(repository, subject) {
    return this.inner.listReferrers(repository, subject);
  }
  listRepositories() {
    return this.inner.listRepositories();
  }
  fsck() {
    return this.inner.fsck();
  }
  #touched(found) {
    if (found !== void 0) this.#gc.touch(found.digest);
    return found;
  }
};

// src/registry/mirror/errors.ts
var STALE_WARNING = '110 - "response is stale", 111 - "revalidation failed"';
function isNotFound(error) {
  return isContainerPackageError(error) && error.code === "CLIENT_NOT_FOUND";
}
function upstreamFailure(error, what, where) {
  if (isContainerPackageError(error) && error.code.startsWith("REGISTRY_API_"))
    return error;
  const place = `${where.upstream}/${where.repository}`;
  if (isNotFound(error)) {
    return apiError(what === "blob" ? "BLOB_UNKNOWN" : "MANIFEST_UNKNOWN", {
      message: `${what} ${where.reference} is not in the upstream ${place}`,
      detail: { upstream: where.upstream, repository: where.repository, reference: where.reference },
      cause: error
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  const hint = isContainerPackageError(error) && error.hint !== void 0 ? ` (${error.hint})` : "";
  return apiError("UNKNOWN", {
    status: 502,
    message: `the upstream ${place} could not serve ${what} ${where.reference}: ${reason}${hint}`,
    detail: { upstream: where.upstream, repository: where.repository, reference: where.reference },
    cause: error
  });
}
function pushRefused(name, prefix, upstream) {
  return apiError("DENIED", {
    message: `${name} is under the mirror prefix ${prefix}/, a read-only cache of ${upstream}: push to a repository outside ${prefix}/ (or to the upstream itself)`,
    detail: { name, mirror: prefix }
  });
}

// src/registry/mirror/freshness.ts
var TagFreshness = class {
  #checked = /* @__PURE__ */ new Map();
  #failed = /* @__PURE__ */ new Map();
  #maxAgeMs;
  #failureBackoffMs;
  #now;
  constructor(maxAgeMs, failureBackoffMs, now = Date.now) {
    this.#maxAgeMs = maxAgeMs;
    this.#failureBackoffMs = failureBackoffMs;
    this.#now = now;
  }
  /** True when `key` was confirmed less than `maxAgeMs` ago. */
  isFresh(key2) {
    const at = this.#checked.get(key2);
    return at !== void 0 && this.#now() - at < this.#maxAgeMs;
  }
  /** True when a check of `key` failed less than `failureBackoffMs` ago. */
  inBackoff(key2) {
    const at = this.#failed.get(key2);
    return at !== void 0 && this.#now() - at < this.#failureBackoffMs;
  }
  /** Records a successful check now. */
  confirmed(key2) {
    this.#failed.delete(key2);
    this.#checked.set(key2, this.#now());
    if (this.#checked.size > 5e4) this.#prune();
  }
  /** Records a failed check now. */
  failed(key2) {
    this.#failed.set(key2, this.#now());
    if (this.#failed.size > 5e4) this.#prune();
  }
  /** Forgets `key` (its tag is gone upstream). */
  forget(key2) {
    this.#checked.delete(key2);
    this.#failed.delete(key2);
  }
  #prune() {
    const now = this.#now();
    for (const [key2, at] of this.#checked) if (now - at >= this.#maxAgeMs) this.#checked.delete(key2);
    for (const [key2, at] of this.#failed) if (now - at >= this.#failureBackoffMs) this.#failed.delete(key2);
  }
};

// src/registry/mirror/upstream.ts
function shorthandUpstream(prefix) {
  const host = prefix.split("/")[0];
  return isDockerHub(host) ? "https://registry-1.docker.io" : `https://${host}`;
}
function parseUpstream(prefix, text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return {
      error: `expected an http(s) URL such as https://registry-1.docker.io, got ${JSON.stringify(text)}`
    };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { error: `expected an http or https URL, got ${JSON.stringify(text)}` };
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    return { error: `expected a URL without query, fragment or credentials, got ${JSON.stringify(text)}` };
  }
  const path = url.pathname.replace(/^\/+|\/+$/g, "");
  if (path !== "" && !isSafeRepository(path)) {
    return { error: `the URL's path ${JSON.stringify(path)} is not a repository namespace` };
  }
  const dockerHub = isDockerHub(url.host);
  const registry = dockerHub ? "docker.io" : url.host;
  const [first, ...rest] = prefix.split("/");
  const samePlace = first === url.host.toLowerCase() || dockerHub && isDockerHub(first);
  const namespace = path !== "" ? path : samePlace ? rest.join("/") : "";
  const insecure = url.protocol === "http:" && !isLoopback(url.host);
  if (dockerHub && url.protocol === "http:") return { error: "Docker Hub is only served over https" };
  return {
    url: `${url.origin}${path === "" ? "" : `/${path}`}`,
    origin: url.origin,
    registry,
    namespace,
    insecure,
    dockerHub
  };
}
function upstreamRepository(upstream, prefix, name) {
  if (!name.startsWith(`${prefix}/`)) throw new Error(`${name} is not under the mirror prefix ${prefix}`);
  let rest = name.slice(prefix.length + 1);
  if (upstream.dockerHub && upstream.namespace === "" && !rest.includes("/")) rest = `library/${rest}`;
  return upstream.namespace === "" ? rest : `${upstream.namespace}/${rest}`;
}

// src/registry/mirror/options.ts
var MIRROR_DEFAULTS = {
  /** A cached tag is served without asking the upstream for this long after it was last checked. */
  tagMaxAgeMs: 5 * 60 * 1e3,
  /** Longest wait for the upstream when re-checking a cached tag; then the cached one is served. */
  revalidateTimeoutMs: 1e4,
  /** After a failed re-check, a cached tag is served stale without asking again for this long. */
  failureBackoffMs: 3e4,
  /** Retries of a failed upstream request (the client's backoff: 200 ms doubling, at most 2 s). */
  retries: 2
};
function resolveMirrors(mirrors) {
  const resolved = [];
  for (const [index, mirror] of mirrors.entries()) {
    const at = `mirrors[${index}]`;
    if (!isSafeRepository(mirror.prefix)) {
      return { option: `${at}.prefix`, error: `${JSON.stringify(mirror.prefix)} is not a repository path` };
    }
    const clash = resolved.find((m) => nested(m.prefix, mirror.prefix));
    if (clash !== void 0) {
      return { option: `${at}.prefix`, error: `${mirror.prefix} overlaps the mirror prefix ${clash.prefix}` };
    }
    const upstream = parseUpstream(mirror.prefix, mirror.upstream);
    if ("error" in upstream) return { option: `${at}.upstream`, error: upstream.error };
    const numbers = {
      tagMaxAgeMs: mirror.tagMaxAgeMs ?? MIRROR_DEFAULTS.tagMaxAgeMs,
      revalidateTimeoutMs: mirror.revalidateTimeoutMs ?? MIRROR_DEFAULTS.revalidateTimeoutMs,
      retries: mirror.retries ?? MIRROR_DEFAULTS.retries
    };
    for (const [name, value] of Object.entries(numbers)) {
      if (!Number.isSafeInteger(value) || value < 0 || name === "retries" && value > 10) {
        const range = name === "retries" ? "from 0 to 10" : "of at least 0";
        return { option: `${at}.${name}`, error: `expected a whole number ${range}, got ${String(value)}` };
      }
    }
    resolved.push({ prefix: mirror.prefix, upstream, credentials: mirror.credentials, ...numbers });
  }
  return resolved;
}
function nested(a, b) {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

// src/registry/mirror/serve.ts
import { pipeline as pipeline3 } from "node:stream/promises";

// src/registry/mirror/fill.ts
import { EventEmitter } from "node:events";
import { Transform as Transform3 } from "node:stream";
var BlobFill = class {
  digest;
  repository;
  size;
  /** Resolves once the upstream answered with the blob (or nothing was needed); rejects on failure. */
  started;
  /** Resolves once the blob is committed (or was present); rejects when it could not be. */
  done;
  /** The growing data file, once the fill has one; undefined when readers must wait for `done`. */
  dataPath;
  state = "running";
  error;
  #events = new EventEmitter();
  constructor(input) {
    this.digest = input.digest;
    this.repository = input.repository;
    this.size = input.size;
    this.#events.setMaxListeners(0);
    let markStarted;
    this.started = new Promise((resolve5) => markStarted = resolve5);
    this.done = this.#run(input, markStarted).then(
      (info) => {
        this.state = "done";
        this.#events.emit("progress");
        return info;
      },
      (error) => {
        this.error = error;
        this.state = "failed";
        this.#events.emit("progress");
        throw error;
      }
    );
    this.started = Promise.race([this.started, this.done.then(() => void 0)]);
    this.started.catch(() => void 0);
    this.done.catch(() => void 0);
  }
  /** True once the fill has failed (read fresh: the state changes while a request awaits). */
  isFailed() {
    return this.state === "failed";
  }
  /** Resolves at the next progress (bytes arrived, or the fill ended), or after `timeoutMs`. */
  waitForProgress(timeoutMs) {
    return new Promise((resolve5) => {
      const timer = setTimeout(finish, timeoutMs);
      const events = this.#events;
      function finish() {
        clearTimeout(timer);
        events.off("progress", finish);
        resolve5();
      }
      events.once("progress", finish);
    });
  }
  async #run(input, markStarted) {
    if (await input.present()) {
      markStarted();
      return void 0;
    }
    const { store, repository, digest } = input;
    const session = await store.createUpload(repository);
    let body;
    try {
      body = await input.open();
      this.dataPath = input.dataPath?.(repository, session.id);
      markStarted();
      const events = this.#events;
      const counter = new Transform3({
        transform(chunk, _encoding, callback) {
          callback(null, chunk);
          setImmediate(() => events.emit("progress"));
        }
      });
      const source = body;
      counter.on("error", () => void 0);
      source.on("error", (error) => counter.destroy(error));
      source.pipe(counter);
      return await store.commitUpload(repository, session.id, digest, { body: counter, follow: true });
    } catch (error) {
      body?.destroy();
      await store.cancelUpload(repository, session.id).catch(() => false);
      throw error;
    }
  }
};

// src/registry/mirror/blob-cache.ts
function blobFill(rt, mirror, name, digest) {
  const key2 = rt.crossMount ? digest : `${name}@${digest}`;
  const running = rt.fills.get(key2);
  if (running !== void 0) return running;
  const repository = upstreamRepository(mirror.upstream, mirror.prefix, name);
  const size = rt.sizes.get(digest);
  const fill = new BlobFill({
    store: rt.store,
    repository: name,
    digest,
    size,
    dataPath: rt.dataPath,
    present: async () => await rt.store.statBlob(name, digest) !== void 0 || rt.crossMount && await rt.store.mountBlob(name, digest, void 0) !== void 0,
    open: async () => {
      rt.logger.log("info", "mirror fetch", {
        mirror: mirror.prefix,
        upstream: mirror.upstream.origin,
        repository,
        reference: digest,
        kind: "blob",
        ...size === void 0 ? {} : { size }
      });
      const ref = { registry: mirror.upstream.registry, repository };
      return (await rt.client(mirror)).getBlob(ref, digest, size === void 0 ? {} : { size });
    }
  });
  rt.fills.set(key2, fill);
  const forget = () => {
    if (rt.fills.get(key2) === fill) rt.fills.delete(key2);
  };
  fill.done.then(forget, (error) => {
    forget();
    rt.logger.log("warn", "mirror fetch failed", {
      mirror: mirror.prefix,
      upstream: mirror.upstream.origin,
      repository,
      reference: digest,
      error: error instanceof Error ? error.message : String(error)
    });
  });
  return fill;
}

// src/registry/mirror/follow.ts
import { open as open6 } from "node:fs/promises";
import { Readable } from "node:stream";
var READ_SIZE = 256 * 1024;
var POLL_MS = 25;
function followFill(fill, fallback) {
  return Readable.from(follow(fill, fallback), { objectMode: false });
}
async function* follow(fill, fallback) {
  await fill.started;
  let handle2;
  if (fill.dataPath !== void 0 && fill.state === "running") {
    try {
      handle2 = await open6(fill.dataPath, "r");
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  if (handle2 === void 0) {
    await fill.done;
    yield* await fallback();
    return;
  }
  try {
    let position = 0;
    let held;
    for (; ; ) {
      const state = fill.state;
      if (state === "failed") throw fill.error;
      const buffer = Buffer.allocUnsafe(READ_SIZE);
      const { bytesRead } = await handle2.read(buffer, 0, READ_SIZE, position);
      if (bytesRead > 0) {
        position += bytesRead;
        if (held !== void 0) yield held;
        held = buffer.subarray(bytesRead - 1, bytesRead);
        if (bytesRead > 1) yield buffer.subarray(0, bytesRead - 1);
        continue;
      }
      if (state === "done") {
        if (held !== void 0) yield held;
        return;
      }
      await fill.waitForProgress(POLL_MS);
    }
  } finally {
    await handle2.close();
  }
}

// src/registry/mirror/manifest-cache.ts
var FRESH = { stale: false };
var STALE = { stale: true };
var FETCHED = { stale: false, fetched: true };
async function ensureManifest(rt, mirror, name, reference) {
  const repository = upstreamRepository(mirror.upstream, mirror.prefix, name);
  const where = { upstream: mirror.upstream.origin, repository, reference };
  const registry = mirror.upstream.registry;
  if (reference.includes(":")) {
    if (await rt.store.statManifest(name, reference) !== void 0) return FRESH;
    return rt.manifestFlights.run(`${name}@${reference}`, async () => {
      if (await rt.store.statManifest(name, reference) !== void 0) return FRESH;
      log(rt, mirror, repository, reference);
      try {
        const fetched = await (await rt.client(mirror)).getManifest({ registry, repository, digest: reference });
        return await keep(rt, name, fetched, []);
      } catch (error) {
        throw upstreamFailure(error, "manifest", where);
      }
    });
  }
  const key2 = `${name}:${reference}`;
  const freshness = rt.freshness(mirror);
  const cached = await rt.store.statManifest(name, reference);
  if (cached !== void 0 && freshness.isFresh(key2)) return FRESH;
  if (cached !== void 0 && freshness.inBackoff(key2)) return STALE;
  return rt.manifestFlights.run(key2, async () => {
    const current = await rt.store.statManifest(name, reference);
    if (current !== void 0 && freshness.isFresh(key2)) return FRESH;
    try {
      const signal = current === void 0 ? void 0 : AbortSignal.timeout(mirror.revalidateTimeoutMs);
      const client = await rt.client(mirror);
      log(rt, mirror, repository, reference);
      let fetched;
      if (current !== void 0) {
        const head = await client.headManifest({ registry, repository, tag: reference }, { signal });
        if (head === void 0) {
          await rt.store.deleteTag(name, reference);
          freshness.forget(key2);
          throw apiError("MANIFEST_UNKNOWN", {
            message: `manifest ${reference} is no longer in the upstream ${where.upstream}/${repository}`
          });
        }
        if (head.digest === current.digest) {
          freshness.confirmed(key2);
          return FRESH;
        }
        fetched = await client.getManifest({ registry, repository, digest: head.digest }, { signal });
      } else {
        fetched = await client.getManifest({ registry, repository, tag: reference });
      }
      const outcome = await keep(rt, name, fetched, [reference]);
      freshness.confirmed(key2);
      return outcome;
    } catch (error) {
      if (current === void 0 || isNotFound(error) || isApiError(error)) {
        throw upstreamFailure(error, "manifest", where);
      }
      freshness.failed(key2);
      rt.logger.log("warn", "mirror serving a stale tag", {
        mirror: mirror.prefix,
        upstream: mirror.upstream.origin,
        repository,
        tag: reference,
        error: error instanceof Error ? error.message : String(error)
      });
      return STALE;
    }
  });
}
async function keep(rt, name, fetched, tags) {
  let checked;
  try {
    checked = checkManifest(fetched.bytes, fetched.mediaType);
  } catch {
    return { stale: false, fetched: true, passthrough: fetched };
  }
  for (const blob of checked.blobs) rt.sizes.set(blob.digest, blob.size, 1);
  const subject = checked.subject?.digest;
  const write2 = {
    bytes: Buffer.from(fetched.bytes),
    digest: fetched.digest,
    mediaType: checked.mediaType,
    tags,
    ...subject === void 0 ? {} : {
      referrer: {
        subject,
        descriptor: {
          mediaType: checked.mediaType,
          digest: fetched.digest,
          size: fetched.bytes.byteLength,
          ...checked.artifactType === void 0 ? {} : { artifactType: checked.artifactType },
          ...checked.annotations === void 0 ? {} : { annotations: checked.annotations }
        }
      }
    }
  };
  await rt.store.putManifest(name, write2);
  return FETCHED;
}
function isApiError(error) {
  return error?.code?.toString().startsWith("REGISTRY_API_") === true;
}
function log(rt, mirror, repository, reference) {
  rt.logger.log("info", "mirror fetch", {
    mirror: mirror.prefix,
    upstream: mirror.upstream.origin,
    repository,
    reference,
    kind: "manifest"
  });
}

// src/registry/mirror/serve.ts
async function serveMirroredManifest(ctx, rt, mirror, name, reference) {
  if (reference.includes(":")) parseDigestParam(reference);
  else if (!isSafeTag(reference)) return handleManifest(ctx, name, reference);
  const outcome = await ensureManifest(rt, mirror, name, reference);
  const result = outcome.stale ? "stale" : outcome.fetched === true ? "miss" : "hit";
  ctx.options.metrics.recordMirror(mirror.prefix, "manifest", result);
  if (outcome.passthrough !== void 0) {
    const { bytes: bytes2, mediaType, digest } = outcome.passthrough;
    ctx.res.statusCode = 200;
    ctx.res.setHeader("Docker-Content-Digest", digest);
    ctx.res.setHeader("Content-Type", mediaType);
    ctx.res.setHeader("Content-Length", bytes2.byteLength);
    ctx.res.end(ctx.method === "HEAD" ? void 0 : bytes2);
    return;
  }
  if (outcome.stale) ctx.res.setHeader("Warning", STALE_WARNING);
  return handleManifest(ctx, name, reference);
}
async function serveMirroredBlob(ctx, rt, mirror, name, rawDigest) {
  const digest = parseDigestParam(rawDigest).value;
  if (await ctx.store.statBlob(name, digest) !== void 0) {
    ctx.options.metrics.recordMirror(mirror.prefix, "blob", "hit");
    return handleBlob(ctx, name, digest);
  }
  ctx.options.metrics.recordMirror(mirror.prefix, "blob", "miss");
  const fill = blobFill(rt, mirror, name, digest);
  const where = {
    upstream: mirror.upstream.origin,
    repository: upstreamRepository(mirror.upstream, mirror.prefix, name),
    reference: digest
  };
  const linkHere = async () => {
    if (await ctx.store.statBlob(name, digest) === void 0) {
      await ctx.store.mountBlob(name, digest, fill.repository);
    }
  };
  try {
    await fill.started;
    const streamable = ctx.method === "GET" && header(ctx.req.headers, "range") === void 0;
    if (!streamable || fill.dataPath === void 0 || fill.state !== "running") {
      await fill.done;
      await linkHere();
      return handleBlob(ctx, name, digest);
    }
  } catch (error) {
    throw upstreamFailure(error, "blob", where);
  }
  if (fill.repository !== name) fill.done.then(linkHere).catch(() => void 0);
  const { res } = ctx;
  res.statusCode = 200;
  res.setHeader("Docker-Content-Digest", digest);
  res.setHeader("ETag", `"${digest}"`);
  res.setHeader("Content-Type", "application/octet-stream");
  if (fill.size !== void 0) res.setHeader("Content-Length", fill.size);
  const fallback = async () => {
    const blob = await ctx.store.getBlob(fill.repository, digest);
    if (blob === void 0) throw new Error(`blob ${digest} vanished from ${fill.repository} after its fill`);
    return blob.open();
  };
  try {
    await pipeline3(followFill(fill, fallback), res);
  } catch (error) {
    if (fill.isFailed()) throw upstreamFailure(error, "blob", where);
    throw error;
  }
}

// src/registry/mirror/single-flight.ts
var SingleFlight = class {
  #running = /* @__PURE__ */ new Map();
  /** The running call for `key`, or `fn()` started now. */
  run(key2, fn) {
    const running = this.#running.get(key2);
    if (running !== void 0) return running;
    const started = (async () => fn())();
    this.#running.set(key2, started);
    const forget = () => {
      if (this.#running.get(key2) === started) this.#running.delete(key2);
    };
    started.then(forget, forget);
    return started;
  }
  /** Calls in flight. */
  get size() {
    return this.#running.size;
  }
};

// src/registry/mirror/table.ts
var MirrorTable = class {
  mirrors;
  constructor(mirrors) {
    this.mirrors = mirrors;
  }
  /** The mirror whose prefix `name` is under (`name` must have something after the prefix). */
  match(name) {
    return this.mirrors.find((m) => name.startsWith(`${m.prefix}/`));
  }
  /** True when `name` is a mirror's repository. */
  isMirror(name) {
    return this.match(name) !== void 0;
  }
  /**
   * The local name of a request for `name` with containerd's `ns` (null when absent):
   *
   * - a name already under a prefix keeps it;
   * - with `ns`, `<ns>/<name>` when that is under a prefix, else `<prefix>/<name>` for the mirror
   *   whose upstream is the registry `ns` names (Docker Hub's aliases are one registry);
   * - on Docker Hub, a one-component rest gets `library/` (`docker.io/alpine` \u2192
   *   `docker.io/library/alpine`), so both spellings share one cache.
   *
   * Anything else is returned unchanged (a local repository).
   */
  localName(name, ns) {
    let local = name;
    if (this.match(name) === void 0 && ns !== null && ns !== "") {
      const joined = `${ns.toLowerCase()}/${name}`;
      if (isSafeRepository(joined) && this.match(joined) !== void 0) {
        local = joined;
      } else {
        const mirror2 = this.mirrors.find((m) => sameRegistry(m, ns) && m.upstream.namespace === "");
        if (mirror2 !== void 0 && isSafeRepository(`${mirror2.prefix}/${name}`)) {
          local = `${mirror2.prefix}/${name}`;
        }
      }
    }
    const mirror = this.match(local);
    if (mirror === void 0 || !mirror.upstream.dockerHub || mirror.upstream.namespace !== "") return local;
    const rest = local.slice(mirror.prefix.length + 1);
    const canonical = `${mirror.prefix}/library/${rest}`;
    return rest.includes("/") || !isSafeRepository(canonical) ? local : canonical;
  }
};
function sameRegistry(mirror, ns) {
  if (mirror.upstream.dockerHub) return isDockerHub(ns);
  return mirror.upstream.registry.toLowerCase() === ns.toLowerCase();
}

// src/registry/mirror/mirrors.ts
var Mirrors = class {
  table;
  #runtime;
  #clients = /* @__PURE__ */ new Map();
  #freshness = /* @__PURE__ */ new Map();
  constructor(options) {
    this.table = new MirrorTable(options.mirrors);
    const clients = this.#clients;
    const freshness = this.#freshness;
    this.#runtime = {
      store: options.store,
      logger: options.logger,
      crossMount: options.automaticCrossMount,
      dataPath: options.dataPath,
      async client(mirror) {
        let client = clients.get(mirror.prefix);
        if (client === void 0) {
          const { RegistryClient, dockerConfigCredentials } = await import("./client-EJLK2VSW.js");
          client = clients.get(mirror.prefix);
          if (client !== void 0) return client;
          client = new RegistryClient({
            concurrency: 16,
            backoffBaseMs: 200,
            backoffMaxMs: 2e3,
            ...options.client,
            retries: mirror.retries,
            credentials: mirror.credentials ?? dockerConfigCredentials(),
            insecure: mirror.upstream.insecure ? [mirror.upstream.registry] : []
          });
          clients.set(mirror.prefix, client);
        }
        return client;
      },
      freshness(mirror) {
        let entry = freshness.get(mirror.prefix);
        if (entry === void 0) {
          entry = new TagFreshness(
            mirror.tagMaxAgeMs,
            Math.min(mirror.tagMaxAgeMs, MIRROR_DEFAULTS.failureBackoffMs)
          );
          freshness.set(mirror.prefix, entry);
        }
        return entry;
      },
      manifestFlights: new SingleFlight(),
      fills: /* @__PURE__ */ new Map(),
      sizes: new LruCache(2e5, 2e5)
    };
  }
  /** The local name of a request (containerd's `ns`, Docker Hub's `library/`); see `MirrorTable.localName`. */
  localName(name, ns) {
    return this.table.localName(name, ns);
  }
  /** True when `name` is a mirror repository. */
  isMirror(name) {
    return this.table.isMirror(name);
  }
  /**
   * Answers `route` when `name` is a mirror repository and the request is a pull, refuses pushes
   * into one (403 `DENIED`), and returns false for everything the local handlers answer.
   */
  async handle(ctx, route, name) {
    const mirror = this.table.match(name);
    if (mirror === void 0) return false;
    const read = ctx.method === "GET" || ctx.method === "HEAD";
    switch (route.kind) {
      case "uploads":
      case "upload":
        ctx.req.resume();
        throw pushRefused(name, mirror.prefix, mirror.upstream.url);
      case "manifest":
        if (ctx.method === "PUT") {
          ctx.req.resume();
          throw pushRefused(name, mirror.prefix, mirror.upstream.url);
        }
        if (!read) return false;
        await serveMirroredManifest(ctx, this.#runtime, mirror, name, route.reference);
        return true;
      case "blob":
        if (!read) return false;
        await serveMirroredBlob(ctx, this.#runtime, mirror, name, route.digest);
        return true;
      default:
        return false;
    }
  }
  /**
   * Waits (at most `timeoutMs`, default 10 s) for blob fills in flight, which finish even when
   * their clients left, then closes the upstream clients.
   */
  async close(timeoutMs = 1e4) {
    const fills = Promise.allSettled([...this.#runtime.fills.values()].map((fill) => fill.done));
    await within(timeoutMs, fills);
    const clients = [...this.#clients.values()];
    this.#clients.clear();
    await within(timeoutMs, Promise.allSettled(clients.map((client) => client.close())));
  }
};
async function within(ms, promise) {
  let timer;
  const timeout = new Promise((resolve5) => {
    timer = setTimeout(resolve5, ms);
    timer.unref();
  });
  await Promise.race([promise, timeout]);
  clearTimeout(timer);
}

// src/registry/caching.ts
function createCaching(input) {
  const { store } = input;
  const { driver } = store;
  const layout2 = new Layout();
  const report = (error) => input.onError(error, { method: "GC", url: "" });
  const access = new AccessTimes({
    ...driver === void 0 ? {} : { persist: atimePersister(driver, layout2) },
    onError: report
  });
  const gc2 = new GcCoordinator({ access });
  const isMirror = (name) => input.mirrors.some((m) => name.startsWith(`${m.prefix}/`));
  const collector = driver !== void 0 ? new Collector({
    store,
    driver,
    coordinator: gc2,
    graceMs: input.graceMs,
    maxSizeBytes: input.maxSizeBytes,
    isMirror,
    logger: input.logger,
    // Processes share the store: one collector at a time, elected through a lease object.
    ...input.replica === void 0 ? {} : { lease: new GcLease(driver, { holder: input.replica }) }
  }) : void 0;
  const requestStore = new GuardedStore(store, gc2, (bytes2) => collector?.noteWrite(bytes2, report));
  const mirrors = input.mirrors.length === 0 ? void 0 : new Mirrors({
    mirrors: input.mirrors,
    store: requestStore,
    ...driver?.localPath === void 0 ? {} : { dataPath: (repo, id) => driver.localPath(layout2.uploadData(repo, id)) },
    automaticCrossMount: input.automaticCrossMount,
    logger: input.logger
  });
  return { gc: gc2, collector, requestStore, mirrors };
}

// src/registry/gc/options.ts
var GC_DEFAULTS = {
  /** How often the registry collects garbage while it serves. */
  intervalMs: 60 * 60 * 1e3,
  /** Unreferenced content written or used within this long is kept. */
  graceMs: 60 * 60 * 1e3,
  /** No cap. */
  maxSizeBytes: 0,
  /** How often the cap is checked besides after writes. */
  checkIntervalMs: 60 * 1e3
};

// src/registry/ops/line-batcher.ts
var FLUSH_BYTES = 64 * 1024;
var LineBatcher = class {
  #out;
  #pending = [];
  #bytes = 0;
  #scheduled = false;
  #onExit = () => this.flush();
  constructor(out) {
    this.#out = out;
    process.on("exit", this.#onExit);
  }
  /** Queues `line` (with its newline). */
  write(line2) {
    this.#pending.push(line2);
    this.#bytes += line2.length;
    if (this.#bytes >= FLUSH_BYTES) {
      this.flush();
      return;
    }
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        this.flush();
      });
    }
  }
  /** Writes every queued line now. */
  flush() {
    if (this.#pending.length === 0) return;
    const text = this.#pending.length === 1 ? this.#pending[0] : this.#pending.join("");
    this.#pending = [];
    this.#bytes = 0;
    this.#out.write(text);
  }
  /** Flushes and stops listening for the process's exit. */
  close() {
    this.flush();
    process.off("exit", this.#onExit);
  }
};

// src/registry/ops/logger.ts
var ORDER = { debug: 0, info: 1, warn: 2, error: 3 };
var silentLogger = { log: () => void 0 };
function jsonLogger(out = process.stderr, minLevel = "info", now = () => /* @__PURE__ */ new Date()) {
  return {
    log(level, message2, fields = {}) {
      if (ORDER[level] < ORDER[minLevel]) return;
      out.write(line(now().toISOString(), level, message2, fields));
    }
  };
}
function batchedJsonLogger(out = process.stderr, minLevel = "info", base = {}) {
  const batcher = new LineBatcher(out);
  const inner = jsonLogger(batcher, minLevel);
  const logger = Object.keys(base).length === 0 ? inner : { log: (level, message2, fields = {}) => inner.log(level, message2, { ...base, ...fields }) };
  return { ...logger, close: () => batcher.close() };
}
function line(time, level, message2, fields) {
  if ("time" in fields || "level" in fields || "msg" in fields) {
    return `${JSON.stringify({ time, level, msg: message2, ...fields })}
`;
  }
  const rest = JSON.stringify(fields);
  const head = `{"time":"${time}","level":"${level}","msg":${JSON.stringify(message2)}`;
  return rest === "{}" ? `${head}}
` : `${head},${rest.slice(1)}
`;
}

// src/registry/ops/histogram.ts
var LATENCY_BUCKETS = [
  1e-3,
  25e-4,
  5e-3,
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
  5,
  10,
  30,
  60,
  300
];
var Histogram = class {
  #bounds;
  #counts;
  #sum = 0;
  #count = 0;
  constructor(bounds = LATENCY_BUCKETS) {
    this.#bounds = bounds;
    this.#counts = bounds.map(() => 0);
  }
  observe(value) {
    this.#sum += value;
    this.#count += 1;
    const index = this.#bounds.findIndex((bound) => value <= bound);
    if (index >= 0) this.#counts[index] += 1;
  }
  /**
   * The series' lines: cumulative `_bucket{\u2026,le="\u2026"}` lines ending with `le="+Inf"`, then
   * `_sum` and `_count`. `labels` is the rendered label list without braces (`route="blob"`).
   */
  lines(name, labels) {
    const out = [];
    let cumulative = 0;
    this.#bounds.forEach((bound, i) => {
      cumulative += this.#counts[i];
      out.push(`${name}_bucket{${labels},le="${bound}"} ${cumulative}`);
    });
    out.push(`${name}_bucket{${labels},le="+Inf"} ${this.#count}`);
    out.push(`${name}_sum{${labels}} ${this.#sum.toFixed(6)}`);
    out.push(`${name}_count{${labels}} ${this.#count}`);
    return out;
  }
  /** The smallest bucket bound holding at least `q` (0..1) of the observations (a coarse quantile). */
  quantileBound(q) {
    const target = q * this.#count;
    let cumulative = 0;
    for (let i = 0; i < this.#bounds.length; i += 1) {
      cumulative += this.#counts[i];
      if (cumulative >= target && this.#count > 0) return this.#bounds[i];
    }
    return Infinity;
  }
};

// src/registry/ops/process-metrics.ts
import { readdir as readdir2, readFile as readFile3 } from "node:fs/promises";
async function processMetricLines() {
  const lines = [];
  const gauge = (name, type, help, value) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
  };
  const cpu = process.cpuUsage();
  gauge("process_cpu_user_seconds_total", "counter", "User CPU time spent in seconds.", cpu.user / 1e6);
  gauge("process_cpu_system_seconds_total", "counter", "System CPU time spent in seconds.", cpu.system / 1e6);
  gauge(
    "process_cpu_seconds_total",
    "counter",
    "Total user and system CPU time spent in seconds.",
    (cpu.user + cpu.system) / 1e6
  );
  gauge(
    "process_start_time_seconds",
    "gauge",
    "Start time of the process since unix epoch in seconds.",
    Math.round(Date.now() / 1e3 - process.uptime())
  );
  const memory = process.memoryUsage();
  gauge("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", memory.rss);
  gauge(
    "nodejs_heap_size_total_bytes",
    "gauge",
    "Process heap size from Node.js in bytes.",
    memory.heapTotal
  );
  gauge(
    "nodejs_heap_size_used_bytes",
    "gauge",
    "Process heap size used from Node.js in bytes.",
    memory.heapUsed
  );
  gauge(
    "nodejs_external_memory_bytes",
    "gauge",
    "Node.js external memory size in bytes (buffers).",
    memory.external
  );
  const fds = await readdir2("/proc/self/fd").catch(() => void 0);
  if (fds !== void 0)
    gauge("process_open_fds", "gauge", "Number of open file descriptors.", fds.length - 1);
  const limits = await readFile3("/proc/self/limits", "utf8").catch(() => "");
  const max = /^Max open files\s+(\d+)/m.exec(limits)?.[1];
  if (max !== void 0)
    gauge("process_max_fds", "gauge", "Maximum number of open file descriptors.", Number(max));
  return lines;
}

// src/registry/ops/metrics.ts
var Metrics = class {
  #requests = /* @__PURE__ */ new Map();
  #bytesIn = /* @__PURE__ */ new Map();
  #bytesOut = /* @__PURE__ */ new Map();
  #seconds = /* @__PURE__ */ new Map();
  #mirror = /* @__PURE__ */ new Map();
  #uploadsInFlight = 0;
  #storage;
  /** Sets where the storage figures come from (called on every scrape; cache inside). */
  setStorageSource(source) {
    this.#storage = source;
  }
  /** Counts a finished request. */
  record(sample) {
    const key2 = `${sample.route}\0${sample.method}\0${sample.status}`;
    this.#requests.set(key2, (this.#requests.get(key2) ?? 0) + 1);
    add(this.#bytesIn, sample.route, sample.bytesIn);
    add(this.#bytesOut, sample.route, sample.bytesOut);
    let time = this.#seconds.get(sample.route);
    if (time === void 0) this.#seconds.set(sample.route, time = new Histogram());
    time.observe(sample.seconds);
  }
  /**
   * Counts a pull served by a mirror: `hit` from the cache, `miss` fetched from the upstream,
   * `stale` a cached tag served because the upstream could not be asked. `mirror` is its prefix.
   */
  recordMirror(mirror, kind2, result) {
    const key2 = `${mirror}\0${kind2}\0${result}`;
    this.#mirror.set(key2, (this.#mirror.get(key2) ?? 0) + 1);
  }
  /** The latency histogram of `route` (undefined before its first request). */
  latency(route) {
    return this.#seconds.get(route);
  }
  /** Marks an upload request as started; call the returned function once when it ends. */
  uploadStarted() {
    this.#uploadsInFlight += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#uploadsInFlight -= 1;
    };
  }
  /** Upload requests being received right now. */
  get uploadsInFlight() {
    return this.#uploadsInFlight;
  }
  /** The metrics in Prometheus text format. */
  async render() {
    const lines = [];
    const family = (name, type, help) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    };
    family("registry_http_requests_total", "counter", "HTTP requests answered, by route, method and status.");
    for (const [key2, value] of [...this.#requests].sort()) {
      const [route, method, status] = key2.split("\0");
      lines.push(
        `registry_http_requests_total{route="${route}",method="${method}",status="${status}"} ${value}`
      );
    }
    family("registry_http_request_bytes_total", "counter", "Bytes received (headers included), by route.");
    for (const [route, value] of [...this.#bytesIn].sort())
      lines.push(`registry_http_request_bytes_total{route="${route}"} ${value}`);
    family("registry_http_response_bytes_total", "counter", "Bytes sent (headers included), by route.");
    for (const [route, value] of [...this.#bytesOut].sort())
      lines.push(`registry_http_response_bytes_total{route="${route}"} ${value}`);
    family(
      "registry_http_request_duration_seconds",
      "histogram",
      "Time from request to the end of the response, by route."
    );
    for (const [route, histogram] of [...this.#seconds].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(...histogram.lines("registry_http_request_duration_seconds", `route="${route}"`));
    }
    family(
      "registry_mirror_requests_total",
      "counter",
      "Pulls served by a mirror, by mirror prefix, kind (manifest, blob) and result (hit, miss, stale)."
    );
    for (const [key2, value] of [...this.#mirror].sort()) {
      const [mirror, kind2, result] = key2.split("\0");
      lines.push(
        `registry_mirror_requests_total{mirror="${escapeLabel(mirror)}",kind="${kind2}",result="${result}"} ${value}`
      );
    }
    family("registry_uploads_in_flight", "gauge", "Blob upload requests being received now.");
    lines.push(`registry_uploads_in_flight ${this.#uploadsInFlight}`);
    const usage = await this.#storage?.().catch(() => void 0);
    if (usage !== void 0) {
      family(
        "registry_storage_bytes",
        "gauge",
        "Bytes of blob and manifest content in the store (refreshed at most once a minute)."
      );
      lines.push(`registry_storage_bytes ${usage.bytes}`);
      family(
        "registry_storage_blobs",
        "gauge",
        "Blobs and manifests in the store (refreshed at most once a minute)."
      );
      lines.push(`registry_storage_blobs ${usage.blobs}`);
    }
    lines.push(...await processMetricLines());
    return `${lines.join("\n")}
`;
  }
};
function escapeLabel(value) {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}
function add(map, key2, value) {
  map.set(key2, (map.get(key2) ?? 0) + value);
}

// src/registry/packages/stats-document.ts
import { hostname as hostname2 } from "node:os";
var PER_REPLICA_DIR = "package-stats";
function statsDocument(driver, options = {}) {
  const root = new Layout().statsFile;
  const name = options.shared === true ? `${(options.replica ?? `${hostname2()}-${process.pid}`).replace(/[^A-Za-z0-9._-]/g, "_")}.json` : void 0;
  const key2 = name === void 0 ? root : `${PER_REPLICA_DIR}/${name}`;
  return {
    read: () => driver.getContent(key2),
    write: (text) => driver.putContent(key2, text),
    readPeers: async () => {
      const found = [];
      if (name !== void 0) {
        const single = await driver.getContent(root);
        if (single !== void 0) found.push(single);
      }
      for (const entry of await driver.list(PER_REPLICA_DIR)) {
        if (entry.directory || entry.name === name || !entry.name.endsWith(".json")) continue;
        const bytes2 = await driver.getContent(`${PER_REPLICA_DIR}/${entry.name}`);
        if (bytes2 !== void 0) found.push(bytes2);
      }
      return found;
    }
  };
}

// src/registry/packages/stats.ts
import { readFile as readFile4 } from "node:fs/promises";

// src/registry/packages/stats-merge.ts
function parseStats(bytes2) {
  const data = JSON.parse(bytes2.toString("utf8"));
  return typeof data.repositories === "object" && data.repositories !== null ? data.repositories : {};
}
function mergeRepository(parts) {
  const merged = { manifests: {}, tags: {} };
  for (const part of parts) {
    if (part === void 0) continue;
    for (const [digest, entry] of Object.entries(part.manifests ?? {})) {
      const seen = merged.manifests[digest];
      merged.manifests[digest] = {
        pushedAt: later(seen?.pushedAt, entry.pushedAt),
        downloads: (seen?.downloads ?? 0) + (entry.downloads ?? 0)
      };
    }
    for (const [tag, entry] of Object.entries(part.tags ?? {})) {
      const seen = merged.tags[tag];
      const downloads = (seen?.downloads ?? 0) + (entry.downloads ?? 0);
      merged.tags[tag] = {
        pushedAt: later(seen?.pushedAt, entry.pushedAt),
        ...downloads === 0 ? {} : { downloads }
      };
    }
  }
  return merged;
}
function later(a, b) {
  return a === void 0 || b > a ? b : a;
}

// src/registry/packages/stats.ts
var PEERS_MAX_AGE_MS = 5e3;
var PackageStats = class {
  #document;
  #delay;
  #now;
  #onError;
  #repos = {};
  #peers = [];
  #peersAt = 0;
  #peersLoading;
  #timer;
  #writing = Promise.resolve();
  constructor(options = {}) {
    const file = options.file;
    this.#document = options.document ?? (file === void 0 ? void 0 : fileDocument(file));
    this.#delay = options.flushDelayMs ?? 1e3;
    this.#now = options.now ?? (() => /* @__PURE__ */ new Date());
    this.#onError = options.onError ?? (() => void 0);
  }
  /** Reads the file, if there is one (a missing or unreadable file starts empty). */
  async load() {
    if (this.#document === void 0) return;
    try {
      const bytes2 = await this.#document.read();
      if (bytes2 !== void 0) this.#repos = parseStats(bytes2);
      await this.#loadPeers();
    } catch (error) {
      if (error.code !== "ENOENT") this.#onError(error);
    }
  }
  /** Records a manifest push and the tags now pointing at it. */
  recordPush(repository, digest, tags) {
    const repo = this.#repo(repository);
    const pushedAt = this.#now().toISOString();
    repo.manifests[digest] = { pushedAt, downloads: repo.manifests[digest]?.downloads ?? 0 };
    for (const tag of tags) repo.tags[tag] = { pushedAt, downloads: repo.tags[tag]?.downloads ?? 0 };
    this.#schedule();
  }
  /**
   * Records one download (a manifest GET or an archive download) under what was asked for:
   * `reference` is the tag, or the digest itself for a pull by digest.
   */
  recordDownload(repository, digest, reference = digest) {
    const repo = this.#repo(repository);
    if (reference !== digest) {
      const tag = repo.tags[reference] ??= { pushedAt: "" };
      tag.downloads = (tag.downloads ?? 0) + 1;
    } else {
      const entry = repo.manifests[digest] ??= { pushedAt: "", downloads: 0 };
      entry.downloads += 1;
    }
    this.#schedule();
  }
  /**
   * The statistics of a repository (empty when nothing was recorded): this process's counts, plus
   * the other replicas' as last read (at load, after each flush, and in the background when
   * older than {@link PEERS_MAX_AGE_MS}).
   */
  get(repository) {
    const stale = Date.now() - this.#peersAt > PEERS_MAX_AGE_MS;
    if (this.#document?.readPeers !== void 0 && stale && this.#peersLoading === void 0) {
      this.#peersLoading = this.#loadPeers().catch(this.#onError).finally(() => this.#peersLoading = void 0);
    }
    const own = this.#repos[repository] ?? { manifests: {}, tags: {} };
    if (this.#peers.length === 0) return own;
    return mergeRepository([own, ...this.#peers.map((peer) => peer[repository])]);
  }
  /** Writes pending changes now. */
  flush() {
    clearTimeout(this.#timer);
    this.#timer = void 0;
    const document = this.#document;
    if (document === void 0) return Promise.resolve();
    const text = `${JSON.stringify({ version: 1, repositories: this.#repos })}
`;
    this.#writing = this.#writing.then(() => document.write(text)).then(() => this.#loadPeers()).catch(this.#onError);
    return this.#writing;
  }
  async #loadPeers() {
    if (this.#document?.readPeers === void 0) return;
    const peers = [];
    for (const bytes2 of await this.#document.readPeers()) {
      try {
        peers.push(parseStats(bytes2));
      } catch (error) {
        this.#onError(error);
      }
    }
    this.#peers = peers;
    this.#peersAt = Date.now();
  }
  /** Stops the timer and writes pending changes. */
  close() {
    return this.#timer === void 0 ? this.#writing : this.flush();
  }
  #repo(repository) {
    return this.#repos[repository] ??= { manifests: {}, tags: {} };
  }
  #schedule() {
    if (this.#document === void 0 || this.#timer !== void 0) return;
    this.#timer = setTimeout(() => void this.flush(), this.#delay);
    this.#timer.unref();
  }
};
function fileDocument(file) {
  return {
    read: async () => {
      try {
        return await readFile4(file);
      } catch (error) {
        if (error.code === "ENOENT") return void 0;
        throw error;
      }
    },
    write: (text) => writeAtomically(file, text)
  };
}

// src/registry/storage/blobs.ts
var Blobs = class {
  #layout;
  #driver;
  constructor(layout2, driver) {
    this.#layout = layout2;
    this.#driver = driver;
  }
  /** Size of the blob content with `digest`, whether or not any repository links it. */
  async contentSize(digest) {
    return (await this.#driver.stat(this.#layout.blob(digest)))?.size;
  }
  /** Size of a blob linked into `repository`; undefined when unlinked or its content is gone. */
  async stat(repository, digest) {
    if (await this.#driver.stat(this.#layout.layerLink(repository, digest)) === void 0) return void 0;
    const size = await this.contentSize(digest);
    return size === void 0 ? void 0 : { digest, size };
  }
  /** A linked blob with functions that stream it (1 MiB reads), and a redirect URL when the driver gives one. */
  async get(repository, digest) {
    const info = await this.stat(repository, digest);
    if (info === void 0) return void 0;
    const key2 = this.#layout.blob(digest);
    const driver = this.#driver;
    const redirect2 = driver.redirectURL === void 0 ? void 0 : await driver.redirectURL(key2);
    return {
      ...info,
      ...redirect2 === void 0 ? {} : { redirect: redirect2 },
      open: (start2, end) => driver.open(key2, start2, end),
      read: (start2, end, sink) => driver.readRange(key2, start2, end, sink)
    };
  }
  /** Removes the link from `repository`; false when there was none. */
  async delete(repository, digest) {
    return this.#driver.delete(this.#layout.layerLink(repository, digest));
  }
  /** Links a blob into `repository` (idempotent). */
  async link(repository, digest) {
    await this.#driver.putMarker(this.#layout.layerLink(repository, digest));
  }
  /** Links a blob from `from` (or, when `from` is undefined, from any content) into `repository`. */
  async mount(repository, digest, from) {
    const source = from === void 0 ? await this.contentSize(digest).then((size) => size === void 0 ? void 0 : { digest, size }) : await this.stat(from, digest);
    if (source === void 0) return void 0;
    await this.link(repository, digest);
    return source;
  }
  /**
   * Moves a verified resumable upload file into place as the content of `digest` and links it
   * into `repository`: the content is complete before the link makes it visible. When the content
   * already exists (an identical upload won), the upload is dropped.
   */
  async commitUpload(repository, digest, source) {
    const target = this.#layout.blob(digest);
    if (await this.#driver.stat(target) === void 0) {
      await this.#driver.commitResumable(source, target);
    } else {
      await this.#driver.deleteResumable(source);
    }
    await this.link(repository, digest);
  }
  /** Stores in-memory content (a manifest) under `digest`, unless it is already there. */
  async writeContent(digest, bytes2) {
    const target = this.#layout.blob(digest);
    if (await this.#driver.stat(target) !== void 0) return;
    await this.#driver.putContent(target, bytes2);
  }
  /** The content of `digest` read whole (manifests), or undefined. */
  readContent(digest) {
    return this.#driver.getContent(this.#layout.blob(digest));
  }
};

// src/registry/storage/fsck.ts
async function fsck(driver, layout2) {
  const problems = [];
  const report = (kind2, path, message2) => {
    problems.push({ kind: kind2, path, message: message2 });
  };
  const entryNames2 = (dir) => entryNames(driver, dir);
  const digestsUnder2 = (dir) => digestsUnder(driver, dir);
  const exists = async (key2) => await driver.stat(key2) !== void 0;
  let blobs = 0;
  let blobBytes = 0;
  for (const algorithm of await entryNames2(layout2.blobsDir)) {
    for (const prefix of await entryNames2(joinKey(layout2.blobsDir, algorithm))) {
      for (const hex of await entryNames2(joinKey(layout2.blobsDir, algorithm, prefix))) {
        const path = joinKey(layout2.blobsDir, algorithm, prefix, hex);
        const digest = `${algorithm}:${hex}`;
        if (!isDigestAlgorithm(algorithm) || !checkDigest(digest).ok || !hex.startsWith(prefix)) {
          report("misplaced-blob", path, "file name is not a digest in its expected place");
          continue;
        }
        try {
          const actual = await hashStream(driver.open(path), algorithm);
          blobs += 1;
          blobBytes += actual.size;
          if (actual.digest !== digest) report("corrupt-blob", path, `content hashes to ${actual.digest}`);
        } catch (error) {
          report("unreadable", path, error.message);
        }
      }
    }
  }
  const repositories = await listRepositories(driver, layout2.repositoriesDir);
  let links = 0;
  let manifests = 0;
  let tags = 0;
  const contentExists = async (digest) => exists(layout2.blob(digest));
  for (const repository of repositories) {
    for (const digest of await digestsUnder2(joinKey(layout2.repository(repository), "_layers"))) {
      links += 1;
      if (!await contentExists(digest)) {
        report("dangling-layer-link", layout2.layerLink(repository, digest), `no content for ${digest}`);
      }
    }
    for (const digest of await digestsUnder2(joinKey(layout2.repository(repository), "_manifests", "revisions"))) {
      manifests += 1;
      if (!await contentExists(digest)) {
        report("dangling-manifest", layout2.revisionLink(repository, digest), `no content for ${digest}`);
      }
    }
    for (const tag of await entryNames2(layout2.tagsDir(repository))) {
      tags += 1;
      const path = joinKey(layout2.tagsDir(repository), tag);
      if (!isSafeTag(tag)) {
        report("invalid-tag", path, "file name is not a valid tag");
        continue;
      }
      const target = (await driver.getContent(path))?.toString("utf8").trim() ?? "";
      if (!checkDigest(target).ok || !await exists(layout2.revisionLink(repository, target))) {
        report("dangling-tag", path, `tag points at ${JSON.stringify(target)}, which is not a manifest here`);
      }
    }
    await checkReferrers(driver, layout2, repository, report);
  }
  return {
    ok: problems.length === 0,
    blobs,
    blobBytes,
    repositories: repositories.length,
    links,
    manifests,
    tags,
    problems
  };
}
async function checkReferrers(driver, layout2, repository, report) {
  const root = joinKey(layout2.repository(repository), "_referrers");
  for (const subject of await digestsUnder(driver, root)) {
    const dir = layout2.referrersDir(repository, subject);
    for (const entry of await entryNames(driver, dir)) {
      const digest = entry.replace("-", ":");
      if (!checkDigest(digest).ok || await driver.stat(layout2.revisionLink(repository, digest)) === void 0) {
        report("dangling-referrer", joinKey(dir, entry), `referrer ${digest} is not a manifest here`);
      }
    }
  }
}

// src/registry/storage/uploads.ts
import { randomUUID as randomUUID7 } from "node:crypto";

// src/registry/storage/keyed-mutex.ts
var KeyedMutex = class {
  #tails = /* @__PURE__ */ new Map();
  /** Runs `fn` once every earlier call with the same `key` has settled. */
  async run(key2, fn) {
    const previous = this.#tails.get(key2) ?? Promise.resolve();
    const current = previous.then(fn, fn);
    const tail = current.catch(() => void 0);
    this.#tails.set(key2, tail);
    try {
      return await current;
    } finally {
      if (this.#tails.get(key2) === tail) this.#tails.delete(key2);
    }
  }
};

// src/registry/storage/uploads.ts
var Uploads = class {
  #layout;
  #driver;
  #blobs;
  #mutex = new KeyedMutex();
  #live = /* @__PURE__ */ new Map();
  constructor(layout2, driver, blobs) {
    this.#layout = layout2;
    this.#driver = driver;
    this.#blobs = blobs;
  }
  /** Starts a session with an empty data file and a fresh in-memory sha256. */
  async create(repository) {
    const id = randomUUID7();
    const startedAt = /* @__PURE__ */ new Date();
    await this.#driver.putContent(this.#layout.uploadStartedAt(repository, id), startedAt.toISOString(), {
      sync: false
    });
    await this.#driver.createResumable(this.#layout.uploadData(repository, id));
    this.#live.set(key(repository, id), { hash: newHash("sha256"), size: 0 });
    return { id, repository, size: 0, startedAt };
  }
  /** The session's size (its data file's) and start time, or undefined when there is none. */
  async get(repository, id) {
    const size = await this.#driver.resumableSize(this.#layout.uploadData(repository, id));
    if (size === void 0) return void 0;
    return { id, repository, size, startedAt: await this.#startedAt(repository, id) };
  }
  /** Appends a chunk; on any failure the data file is cut back to where it was. See `Store.appendUpload`. */
  async append(repository, id, chunk) {
    return this.#mutex.run(
      key(repository, id),
      async () => this.#append(await this.#require(repository, id), chunk)
    );
  }
  /** Appends the optional last chunk, verifies the digest and commits. See `Store.commitUpload`. */
  async commit(repository, id, digest, chunk) {
    return this.#mutex.run(key(repository, id), async () => {
      let state = await this.#require(repository, id);
      if (chunk !== void 0) state = await this.#append(state, chunk);
      const { algorithm } = parseStoreDigest(digest);
      const data = this.#layout.uploadData(repository, id);
      const live = this.#live.get(key(repository, id));
      this.#live.delete(key(repository, id));
      const actual = live !== void 0 && live.size === state.size && algorithm === "sha256" ? `sha256:${live.hash.digest("hex")}` : (await hashStream(this.#driver.openResumable(data), algorithm)).digest;
      if (actual !== digest) {
        await this.#remove(repository, id);
        throw new StoreError(
          "REGISTRY_DIGEST_MISMATCH",
          `uploaded content has digest ${actual}, not ${digest}`,
          {
            actualDigest: actual,
            size: state.size
          }
        );
      }
      await this.#blobs.commitUpload(repository, digest, data);
      await this.#driver.deleteTree(this.#layout.upload(repository, id));
      return { digest, size: state.size };
    });
  }
  /** Removes a session; false when there was none. */
  async cancel(repository, id) {
    return this.#mutex.run(key(repository, id), async () => {
      this.#live.delete(key(repository, id));
      const data = await this.#driver.resumableSize(this.#layout.uploadData(repository, id));
      const started = await this.#driver.stat(this.#layout.uploadStartedAt(repository, id));
      if (data === void 0 && started === void 0) return false;
      await this.#remove(repository, id);
      return true;
    });
  }
  /** Removes the sessions of `repository` started before `cutoff`; returns how many. */
  async purge(repository, ids, cutoff) {
    let removed = 0;
    for (const id of ids) {
      const startedAt = await this.#startedAt(repository, id);
      if (startedAt.getTime() >= cutoff) continue;
      if (await this.cancel(repository, id)) removed += 1;
    }
    return removed;
  }
  async #remove(repository, id) {
    await this.#driver.deleteResumable(this.#layout.uploadData(repository, id));
    await this.#driver.deleteTree(this.#layout.upload(repository, id));
  }
  async #require(repository, id) {
    const state = await this.get(repository, id);
    if (state === void 0) {
      throw new StoreError("REGISTRY_UPLOAD_UNKNOWN", `no upload session ${id} in repository ${repository}`);
    }
    return state;
  }
  async #append(state, chunk) {
    if (chunk.start !== void 0 && chunk.start !== state.size) {
      chunk.body.resume();
      throw new StoreError(
        "REGISTRY_UPLOAD_OUT_OF_ORDER",
        `chunk starts at byte ${chunk.start} but the upload holds ${state.size} bytes`,
        { size: state.size }
      );
    }
    const sessionKey = key(state.repository, state.id);
    let live = this.#live.get(sessionKey);
    if (live !== void 0 && live.size !== state.size) {
      this.#live.delete(sessionKey);
      live = void 0;
    }
    const before = live?.hash.copy();
    let count2;
    const data = this.#layout.uploadData(state.repository, state.id);
    const check = (received) => {
      if (chunk.length !== void 0 && received !== chunk.length) {
        throw new StoreError(
          "REGISTRY_UPLOAD_LENGTH_MISMATCH",
          `chunk announced ${chunk.length} bytes but held ${received}`,
          { size: state.size }
        );
      }
    };
    try {
      count2 = await this.#driver.append(data, state.size, chunk.body, (bytes2) => live?.hash.update(bytes2), {
        follow: chunk.follow ?? false,
        check
      });
    } catch (error) {
      if (live !== void 0 && before !== void 0) live.hash = before;
      throw error;
    }
    if (live !== void 0) live.size = state.size + count2;
    return { ...state, size: state.size + count2 };
  }
  async #startedAt(repository, id) {
    const text = await this.#driver.getContent(this.#layout.uploadStartedAt(repository, id));
    if (text !== void 0) {
      const date2 = new Date(text.toString("utf8").trim());
      if (!Number.isNaN(date2.getTime())) return date2;
    }
    const data = await this.#driver.stat(this.#layout.uploadData(repository, id));
    return new Date(data?.modifiedMs ?? 0);
  }
};
function key(repository, id) {
  return `${repository}\0${id}`;
}

// src/registry/storage/driver-store.ts
var STALE_TEMP_MS = 60 * 60 * 1e3;
var DriverStore = class {
  driver;
  #layout = new Layout();
  #blobs;
  #uploads;
  #manifests;
  constructor(driver, options = {}) {
    this.driver = driver;
    this.#blobs = new Blobs(this.#layout, driver);
    this.#uploads = new Uploads(this.#layout, driver, this.#blobs);
    this.#manifests = new Manifests(this.#layout, driver, this.#blobs, {
      cacheBytes: options.manifestCacheBytes ?? 32 * 1024 * 1024,
      ...options.cacheTtlMs === void 0 ? {} : { cacheTtlMs: options.cacheTtlMs },
      ...options.coherence === void 0 ? {} : { coherence: options.coherence }
    });
  }
  init() {
    return this.driver.init();
  }
  statBlob(repository, digest) {
    return this.#blobs.stat(repository, digest);
  }
  getBlob(repository, digest) {
    return this.#blobs.get(repository, digest);
  }
  deleteBlob(repository, digest) {
    return this.#blobs.delete(repository, digest);
  }
  mountBlob(repository, digest, from) {
    return this.#blobs.mount(repository, digest, from);
  }
  createUpload(repository) {
    return this.#uploads.create(repository);
  }
  getUpload(repository, id) {
    return this.#uploads.get(repository, id);
  }
  appendUpload(repository, id, chunk) {
    return this.#uploads.append(repository, id, chunk);
  }
  commitUpload(repository, id, digest, chunk) {
    return this.#uploads.commit(repository, id, digest, chunk);
  }
  cancelUpload(repository, id) {
    return this.#uploads.cancel(repository, id);
  }
  async purgeExpiredUploads(maxAgeMs, now = /* @__PURE__ */ new Date()) {
    const cutoff = now.getTime() - maxAgeMs;
    let uploads = 0;
    for (const repository of await listRepositories(this.driver, this.#layout.repositoriesDir)) {
      const ids = (await this.driver.list(this.#layout.uploadsDir(repository))).filter((entry) => entry.directory && isSafeUploadId(entry.name)).map((entry) => entry.name);
      uploads += await this.#uploads.purge(repository, ids, cutoff);
    }
    const tempFiles = await this.driver.purgeStale(now.getTime() - Math.min(maxAgeMs, STALE_TEMP_MS));
    return { uploads, tempFiles };
  }
  statManifest(repository, reference) {
    return this.#manifests.stat(repository, reference);
  }
  getManifest(repository, reference) {
    return this.#manifests.get(repository, reference);
  }
  putManifest(repository, manifest) {
    return this.#manifests.put(repository, manifest);
  }
  deleteManifest(repository, digest) {
    return this.#manifests.delete(repository, digest);
  }
  deleteTag(repository, tag) {
    return this.#manifests.deleteTag(repository, tag);
  }
  async listTags(repository) {
    if ((await this.driver.list(this.#layout.repository(repository))).length === 0) return void 0;
    return this.#manifests.tags(repository);
  }
  listReferrers(repository, subject) {
    return this.#manifests.referrers(repository, subject);
  }
  listRepositories() {
    return listRepositories(this.driver, this.#layout.repositoriesDir);
  }
  fsck() {
    return fsck(this.driver, this.#layout);
  }
  /** Counts and sizes the files under `blobs/` (one stat each; cache the answer). */
  usage() {
    return measureBlobs(this.driver, this.#layout);
  }
  /** Writes and removes a probe file (see the driver). */
  checkWritable() {
    return this.driver.checkWritable();
  }
};

// src/registry/storage/disk.ts
var DiskStore = class extends DriverStore {
  root;
  constructor(options) {
    super(new FilesystemDriver({ root: options.root, fsync: options.fsync }), {
      manifestCacheBytes: options.manifestCacheBytes,
      ...options.cacheTtlMs === void 0 ? {} : { cacheTtlMs: options.cacheTtlMs },
      ...options.coherence === void 0 ? {} : { coherence: options.coherence }
    });
    this.root = options.root;
  }
};

// src/registry/options.ts
var MiB = 1024 * 1024;
var HOUR = 60 * 60 * 1e3;
var RegistryOptionsError = class extends ContainerPackageError {
  option;
  constructor(option, message2) {
    super("REGISTRY_INVALID_OPTION", `invalid registry option ${option}: ${message2}`);
    this.name = "RegistryOptionsError";
    this.option = option;
  }
};
function resolveOptions(options = {}) {
  const fsync = options.fsync ?? true;
  const manifestCacheBytes = integer("manifestCacheBytes", options.manifestCacheBytes, 32 * MiB, 0);
  const store = options.store ?? new DiskStore({ root: resolve2(options.storageDir ?? "registry-data"), fsync, manifestCacheBytes });
  const automaticCrossMount = options.automaticCrossMount ?? true;
  const onError = options.onError ?? logToStderr;
  const logger = options.logger ?? silentLogger;
  const graceMs = integer("gc.graceMs", options.gc?.graceMs, GC_DEFAULTS.graceMs, 0);
  const maxSizeBytes = integer("retention.maxSizeBytes", options.retention?.maxSizeBytes, 0, 0);
  const mirrors = resolveMirrors(options.mirrors ?? []);
  if ("error" in mirrors) throw new RegistryOptionsError(mirrors.option, mirrors.error);
  const authorizer = options.authorizer ?? openAuthorizer;
  const metrics = options.metrics ?? new Metrics();
  const replica = options.sharedStore?.replica ?? (store.driver !== void 0 && store.driver.name !== "filesystem" ? `${hostname3()}-${process.pid}` : void 0);
  const stats = options.stats ?? new PackageStats(
    store.driver === void 0 ? {} : {
      document: statsDocument(store.driver, replica === void 0 ? {} : { shared: true, replica })
    }
  );
  const caching = createCaching({
    store,
    ...replica === void 0 ? {} : { replica },
    mirrors,
    graceMs,
    maxSizeBytes,
    automaticCrossMount,
    logger,
    onError
  });
  const derivedCache = options.derivedCache ?? (store.driver === void 0 ? new MemoryDerivedCache() : new DriverDerivedCache(store.driver));
  return {
    store,
    maxManifestBytes: integer("maxManifestBytes", options.maxManifestBytes, 4 * MiB, 4096),
    uploadExpiryMs: integer("uploadExpiryMs", options.uploadExpiryMs, 24 * HOUR, 1e3),
    purgeIntervalMs: integer("purgeIntervalMs", options.purgeIntervalMs, HOUR, 0),
    automaticCrossMount,
    requireManifestReferences: options.requireManifestReferences ?? true,
    authorizer,
    closeTimeoutMs: integer("closeTimeoutMs", options.closeTimeoutMs, 1e4, 0),
    onError,
    logger,
    metrics,
    metricsText: options.metricsText ?? (() => metrics.render()),
    stats,
    packages: new PackagesService({ store: caching.requestStore, stats, authorizer, cache: derivedCache }),
    maxRequestBytes: integer("maxRequestBytes", options.maxRequestBytes, 0, 0),
    maxHeaderBytes: integer("maxHeaderBytes", options.maxHeaderBytes, 16 * 1024, 1024),
    gcIntervalMs: integer("gc.intervalMs", options.gc?.intervalMs, GC_DEFAULTS.intervalMs, 0),
    graceMs,
    maxSizeBytes,
    retentionCheckIntervalMs: integer(
      "retention.checkIntervalMs",
      options.retention?.checkIntervalMs,
      GC_DEFAULTS.checkIntervalMs,
      0
    ),
    caching,
    publicUrl: options.publicUrl?.replace(/\/+$/, "")
  };
}
function integer(name, value, fallback, min) {
  if (value === void 0) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RegistryOptionsError(name, `expected an integer of at least ${min}, got ${String(value)}`);
  }
  return value;
}
function logToStderr(error, request) {
  const text = error instanceof Error ? error.stack ?? error.message : String(error);
  process.stderr.write(`registry: ${request.method} ${request.url} failed: ${text}
`);
}

// src/registry/server.ts
function createRegistry(options = {}) {
  const resolved = resolveOptions(options);
  const { store } = resolved;
  let server;
  let timer;
  const cacheTimers = [];
  let closing;
  const state = { closing: false };
  if (store.usage !== void 0) {
    resolved.metrics.setStorageSource(cachedFor(6e4, () => store.usage()));
  }
  const purge = () => store.purgeExpiredUploads(resolved.uploadExpiryMs);
  const { collector, mirrors } = resolved.caching;
  const needCollector = () => {
    if (collector === void 0) {
      throw new RegistryOptionsError(
        "store",
        "garbage collection and retention need a store on a storage driver"
      );
    }
    return collector;
  };
  const every = (ms, what, run) => {
    if (ms <= 0 || collector === void 0) return;
    const handle2 = setInterval(() => {
      run().catch((error) => {
        if (isLocked(error))
          resolved.logger.log("info", "collection skipped", { run: what, reason: error.message });
        else resolved.onError(error, { method: what, url: "" });
      });
    }, ms);
    handle2.unref();
    cacheTimers.push(handle2);
  };
  return {
    options: resolved,
    store,
    async listen(host, port) {
      if (server !== void 0) throw new Error("registry is already listening");
      await store.init();
      await resolved.stats.load();
      const handler = createRequestHandler(resolved, state);
      const serverOptions = {
        keepAliveTimeout: 65e3,
        requestTimeout: 0,
        maxHeaderSize: resolved.maxHeaderBytes
      };
      const http = (0, import_node_http.createServer)(serverOptions, (req, res) => {
        observeRequest(req, res, resolved.logger, resolved.metrics);
        if (closing !== void 0) res.setHeader("Connection", "close");
        res.once("finish", () => {
          if (closing !== void 0) setImmediate(() => http.closeIdleConnections());
        });
        handler(req, res);
      });
      http.headersTimeout = 6e4;
      server = http;
      await new Promise((resolve5, reject) => {
        http.once("error", reject);
        http.listen(port, host, () => {
          http.off("error", reject);
          resolve5();
        });
      });
      if (resolved.purgeIntervalMs > 0) {
        timer = setInterval(() => {
          purge().catch((error) => resolved.onError(error, { method: "PURGE", url: "" }));
        }, resolved.purgeIntervalMs);
        timer.unref();
      }
      every(resolved.gcIntervalMs, "GC", () => needCollector().collect());
      if (resolved.maxSizeBytes > 0) {
        every(resolved.retentionCheckIntervalMs, "RETENTION", () => needCollector().enforceCap());
      }
      const address = http.address();
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      const url = `http://${shownHost}:${address.port}`;
      resolved.authorizer.listening?.(url);
      return { url, port: address.port };
    },
    close() {
      state.closing = true;
      const stopTimers = () => {
        clearInterval(timer);
        for (const handle2 of cacheTimers.splice(0)) clearInterval(handle2);
      };
      closing ??= closeServer(server, resolved.closeTimeoutMs, stopTimers).then(async () => {
        await mirrors?.close(resolved.closeTimeoutMs);
        await collector?.idle();
        await resolved.stats.close();
      });
      return closing;
    },
    purgeExpiredUploads: purge,
    fsck: () => store.fsck(),
    collectGarbage: async (options2) => needCollector().collect(options2),
    enforceRetention: async () => needCollector().enforceCap()
  };
}
function isLocked(error) {
  return error instanceof Error && error.code === "REGISTRY_STORAGE_LOCKED";
}
async function closeServer(server, timeoutMs, stopTimer) {
  stopTimer();
  if (server === void 0 || !server.listening) return;
  const closed = new Promise((resolve5) => server.close(() => resolve5()));
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
  force.unref();
  await closed;
  clearTimeout(force);
}

// src/registry/auth/bearer.ts
import { createHmac, randomBytes as randomBytes2, timingSafeEqual } from "node:crypto";
var PREFIX2 = "cprb1.";
var BearerTokens = class {
  #key;
  #now;
  /** @param key HMAC key; default 32 random bytes. @param now clock in ms; default `Date.now`. */
  constructor(key2 = randomBytes2(32), now = Date.now) {
    this.#key = key2;
    this.#now = now;
  }
  /** True when `token` has this issuer's prefix (it may still be invalid). */
  static owns(token) {
    return token.startsWith(PREFIX2);
  }
  /** Signs `claims` into a token string. */
  issue(claims) {
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    return `${PREFIX2}${payload}.${this.#sign(payload)}`;
  }
  /** The claims of a valid, unexpired token; otherwise a reason. */
  check(token) {
    const rest = token.slice(PREFIX2.length);
    const dot = rest.indexOf(".");
    if (!token.startsWith(PREFIX2) || dot === -1)
      return { ok: false, reason: "the bearer token is malformed" };
    const payload = rest.slice(0, dot);
    const given = Buffer.from(rest.slice(dot + 1), "base64url");
    const expected = Buffer.from(this.#sign(payload), "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return {
        ok: false,
        reason: "the bearer token was not issued by this registry (it may have restarted, or its replicas do not share token-signing-key-file): log in again"
      };
    }
    let claims;
    try {
      claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    } catch {
      return { ok: false, reason: "the bearer token is malformed" };
    }
    if (this.#now() / 1e3 >= claims.expiresAt)
      return { ok: false, reason: "the bearer token expired: log in again" };
    return { ok: true, claims };
  }
  #sign(payload) {
    return createHmac("sha256", this.#key).update(PREFIX2).update(payload).digest("base64url");
  }
};

// src/registry/auth/challenge.ts
function baseUrlFor(req, origin) {
  if (origin.publicUrl !== void 0) return origin.publicUrl;
  const host = req.headers.host;
  if (host !== void 0 && DOMAIN.test(host)) return `http://${host}`;
  return origin.fallbackUrl;
}
function bearerChallenge(req, origin, repository, actions = [], also) {
  const base = baseUrlFor(req, origin);
  const service = new URL(base).host;
  let header2 = `Bearer realm="${base}/token",service="${service}"`;
  const scopes = [];
  if (repository !== void 0 && repository !== "" && actions.length > 0) {
    const wanted = actions.includes("push") && !actions.includes("pull") ? ["pull", ...actions] : actions;
    scopes.push(`repository:${repository}:${wanted.join(",")}`);
  }
  if (scopes.length > 0 && also !== void 0 && also.repository !== repository && also.actions.length > 0) {
    scopes.push(`repository:${also.repository}:${also.actions.join(",")}`);
  }
  if (scopes.length > 0) header2 += `,scope="${scopes.join(" ")}"`;
  return header2;
}

// src/registry/auth/oidc/policy.ts
function evaluatePolicy(registry, statements, issuer, claims) {
  if (statements.length === 0) {
    return {
      ok: false,
      reason: `${registry} has no OIDC policy, so no OIDC token may use it: add oidc-policy statements to its configuration`
    };
  }
  let closest;
  for (const [index, statement] of statements.entries()) {
    if (statement.iss !== issuer) continue;
    const failed = Object.entries(statement.claims).filter(([name, tests]) => !tests.every((t) => test(t, claims[name]))).map(([name]) => name);
    if (failed.length === 0) return { ok: true, scopes: statement.scopes, statement: index };
    if (closest === void 0 || failed.length < closest.length) closest = failed;
  }
  if (closest === void 0) {
    return { ok: false, reason: `no OIDC policy statement of ${registry} is for issuer ${issuer}` };
  }
  const names = [
    ...new Set(statements.filter((s) => s.iss === issuer).flatMap((s) => Object.keys(s.claims)))
  ];
  const shown = names.map((name) => `${name}=${show(claims[name])}`).join(" ");
  return {
    ok: false,
    reason: `no OIDC policy statement of ${registry} matches claims ${shown}; claims that did not match: ${closest.join(", ")}`
  };
}
function test(matcher, claim) {
  if (claim === void 0 || claim === null) return false;
  const values = Array.isArray(claim) ? claim : [claim];
  const strings = values.filter(isScalar).map(String);
  if (strings.length === 0) return false;
  switch (matcher.op) {
    case "equals":
      return strings.includes(String(matcher.value));
    case "not_equals":
      return strings.every((s) => s !== String(matcher.value));
    case "in":
      return strings.some((s) => matcher.values.some((v) => String(v) === s));
    case "not_in":
      return strings.every((s) => matcher.values.every((v) => String(v) !== s));
    case "matches":
      return strings.some((s) => matcher.patterns.some((p) => globToRegExp(p).test(s)));
  }
}
function isScalar(value) {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
var globCache = /* @__PURE__ */ new Map();
function globToRegExp(pattern) {
  let re = globCache.get(pattern);
  if (re === void 0) {
    const body = [...pattern.replace(/\*+/g, "*")].map((c) => c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")).join("");
    re = new RegExp(`^${body}$`, "s");
    if (globCache.size < 1e3) globCache.set(pattern, re);
  }
  return re;
}
function show(value) {
  if (value === void 0) return "(missing)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 100)}\u2026` : text;
}

// src/registry/auth/registry-name.ts
var SLUG = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
var REGISTRY_NAME_SHAPE = 'ORG/REGISTRY: two slugs of lowercase letters, digits and "-", such as acme/images';
function isRegistryName(value) {
  const parts = value.split("/");
  return parts.length === 2 && parts.every((part) => SLUG.test(part));
}
function isRegistryPattern(value) {
  const parts = value.split("/");
  return parts.length === 2 && SLUG.test(parts[0]) && (parts[1] === "*" || SLUG.test(parts[1]));
}
function registryMatches(pattern, name) {
  if (pattern === name) return true;
  return pattern.endsWith("/*") && name.startsWith(pattern.slice(0, -1));
}
function registryOfRepository(repository) {
  const parts = repository.split("/");
  if (parts.length < 3) return void 0;
  return `${parts[0]}/${parts[1]}`;
}

// src/registry/auth/scopes.ts
var SCOPES = ["read_packages", "write_packages", "delete_packages"];
var SCOPE_FOR_ACTION = {
  pull: "read_packages",
  push: "write_packages",
  delete: "delete_packages"
};
var SHORT_SCOPES = {
  read: "read_packages",
  write: "write_packages",
  delete: "delete_packages"
};
function isScope(value) {
  return typeof value === "string" && SCOPES.includes(value);
}
function parseScope(value) {
  const trimmed = value.trim().toLowerCase();
  return SHORT_SCOPES[trimmed] ?? (isScope(trimmed) ? trimmed : void 0);
}
function effectiveScopes(scopes) {
  const set = new Set(scopes);
  if (set.has("write_packages") || set.has("delete_packages")) set.add("read_packages");
  return SCOPES.filter((scope) => set.has(scope));
}
function allowedActions(scopes, wanted) {
  const effective = new Set(effectiveScopes(scopes));
  return wanted.filter((action) => effective.has(SCOPE_FOR_ACTION[action]));
}

// src/registry/auth/grants.ts
function grantFor(principal, registry, wanted, audiencePrefix) {
  const everyone = registry.visibility === "public" ? ["pull"] : [];
  let scopes = [];
  let why;
  if (principal.kind === "anonymous") {
    why = registry.visibility === "private" ? `${registry.name} is private: log in with username "${USERNAME}" and a registry token, an API token or an OIDC token` : `anonymous users may only pull from ${registry.name}: log in with a token that has write_packages to push, delete_packages to delete`;
  } else if (principal.kind === "token") {
    const { record } = principal;
    if (record.registries.some((pattern) => registryMatches(pattern, registry.name))) {
      scopes = record.scopes;
    } else {
      why = `token ${record.id} is not for ${registry.name} (it is for ${record.registries.join(", ")})`;
    }
  } else {
    const expected = `${audiencePrefix}/${registry.name}`;
    const aud = principal.token.claims.aud;
    const audiences = Array.isArray(aud) ? aud.filter((a) => typeof a === "string") : typeof aud === "string" ? [aud] : [];
    if (!audiences.includes(expected)) {
      const shown = audiences.length === 0 ? "(none)" : audiences.map((a) => a.slice(0, 200)).join(", ");
      why = `OIDC token audience ${shown} does not match ${expected}`;
    } else {
      const policy = evaluatePolicy(
        registry.name,
        registry.oidcPolicy,
        principal.token.issuer,
        principal.token.claims
      );
      if (policy.ok) scopes = policy.scopes;
      else why = policy.reason;
    }
  }
  const granted = /* @__PURE__ */ new Set([
    ...allowedActions(scopes, wanted),
    ...wanted.filter((a) => everyone.includes(a))
  ]);
  const actions = wanted.filter((a) => granted.has(a));
  if (actions.length === wanted.length) return { actions };
  if (why === void 0) {
    const missing = wanted.find((a) => !granted.has(a));
    const held = effectiveScopes(scopes).join(", ") || "no scopes";
    const who = principal.kind === "token" ? `token ${principal.record.id}` : "the OIDC policy";
    why = `${who} grants ${held} on ${registry.name}; ${missing} needs ${SCOPE_FOR_ACTION[missing]}`;
  }
  return { actions, reason: why };
}

// src/registry/auth/oidc/jwt.ts
var MAX_JWT_LENGTH = 16 * 1024;
var SEGMENT = /^[A-Za-z0-9_-]+$/;
function looksLikeJwt(value) {
  return value.length <= MAX_JWT_LENGTH && value.startsWith("eyJ") && value.split(".").length === 3;
}
function decodeJwt(token) {
  if (token.length > MAX_JWT_LENGTH)
    return { error: `the OIDC token is longer than ${MAX_JWT_LENGTH} bytes` };
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) {
    return { error: 'the OIDC token is not a JWT (three base64url parts separated by ".")' };
  }
  const header2 = parseJsonObject(parts[0]);
  const claims = parseJsonObject(parts[1]);
  if (header2 === void 0 || claims === void 0) {
    return { error: "the OIDC token header or payload is not a JSON object" };
  }
  if (typeof header2.alg !== "string") return { error: 'the OIDC token header has no "alg"' };
  if (header2.kid !== void 0 && typeof header2.kid !== "string") {
    return { error: 'the OIDC token header "kid" is not a string' };
  }
  return {
    header: header2,
    claims,
    signedPart: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2], "base64url")
  };
}
function parseJsonObject(segment) {
  try {
    const value = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
  } catch {
    return void 0;
  }
}

// src/registry/auth/principal.ts
var LOGIN_HINT = `log in with username "${USERNAME}" and a registry token, an API token or an OIDC token as the password`;
async function authenticate(credentials, sources) {
  switch (credentials.kind) {
    case "none":
      return { ok: true, principal: { kind: "anonymous" } };
    case "malformed":
      return { ok: false, reason: `${credentials.reason}: ${LOGIN_HINT}` };
    case "bearer":
      return authenticatePassword(credentials.token, sources);
    case "basic":
      if (credentials.username !== USERNAME) {
        return {
          ok: false,
          reason: `unknown user name ${JSON.stringify(credentials.username.slice(0, 100))}: the user name is always "${USERNAME}"; the password is the token`
        };
      }
      return authenticatePassword(credentials.password, sources);
  }
}
async function authenticatePassword(password, sources) {
  if (password === "") return { ok: false, reason: `empty password: ${LOGIN_HINT}` };
  if (looksLikeJwt(password)) {
    if (sources.oidc === void 0) {
      return {
        ok: false,
        reason: "OIDC tokens are not accepted here: no OIDC issuers are configured (oidc.issuers)"
      };
    }
    const result = await sources.oidc.verify(password);
    return result.ok ? { ok: true, principal: { kind: "oidc", token: result.token } } : result;
  }
  const record = sources.tokens === void 0 ? void 0 : await sources.tokens.find(password);
  if (record === void 0) {
    return {
      ok: false,
      reason: "the token is not known to this registry (revoked, mistyped, or made for another registry)"
    };
  }
  return { ok: true, principal: { kind: "token", record } };
}
function describePrincipal(principal) {
  switch (principal.kind) {
    case "anonymous":
      return "anonymous";
    case "token":
      return `token ${principal.record.id}`;
    case "oidc": {
      const sub = principal.token.claims.sub;
      return `OIDC token of ${principal.token.issuer}${typeof sub === "string" ? ` for ${sub.slice(0, 200)}` : ""}`;
    }
  }
}

// src/registry/auth/registries.ts
var RegistryDirectory = class {
  #byName;
  constructor(registries) {
    this.#byName = new Map(registries.map((r) => [r.name, r]));
  }
  /** Every registry, in configuration order. */
  get all() {
    return [...this.#byName.values()];
  }
  /** The registry named `{org}/{registry}`, or undefined. */
  get(name) {
    return this.#byName.get(name);
  }
  /** Where repository `name` (`{org}/{registry}/{image}...`) belongs. */
  place(repository) {
    const registry = registryOfRepository(repository);
    if (registry === void 0) return { kind: "too-short" };
    const found = this.#byName.get(registry);
    return found === void 0 ? { kind: "unknown-registry", registry } : { kind: "registry", registry: found };
  }
};

// src/registry/auth/token-scope.ts
var ALL = ["pull", "push", "delete"];
function parseTokenScopes(values) {
  const merged = /* @__PURE__ */ new Map();
  for (const scope of values.flatMap((v) => v.split(" ")).filter(Boolean).slice(0, 100)) {
    const first = scope.indexOf(":");
    const last = scope.lastIndexOf(":");
    if (first === -1 || last === first) continue;
    const type = scope.slice(0, first).replace(/\(.*\)$/, "");
    const name = scope.slice(first + 1, last);
    if (type !== "repository" || !isSafeRepository(name)) continue;
    const actions = merged.get(name) ?? /* @__PURE__ */ new Set();
    for (const action of scope.slice(last + 1).split(",")) {
      if (action === "*") ALL.forEach((a) => actions.add(a));
      else if (ALL.includes(action)) actions.add(action);
    }
    merged.set(name, actions);
  }
  return [...merged].map(([repository, actions]) => ({
    repository,
    actions: ALL.filter((a) => actions.has(a))
  }));
}

// src/registry/auth/token-endpoint.ts
async function issueToken(req, query, ctx) {
  const credentials = readCredentials(req);
  if (credentials.kind === "bearer" && BearerTokens.owns(credentials.token)) {
    return unauthorized(
      ctx,
      'send the token as a Basic password (user "buildkite"), not a bearer token of this registry'
    );
  }
  const auth = await authenticate(credentials, ctx.authenticators);
  if (!auth.ok) return unauthorized(ctx, auth.reason);
  const { principal } = auth;
  noteRequest(req, { principal: describePrincipal(principal) });
  const access = {};
  const denied = {};
  for (const scope of parseTokenScopes(query.getAll("scope"))) {
    const placed = ctx.directory.place(scope.repository);
    if (placed.kind !== "registry") {
      access[scope.repository] = [];
      denied[scope.repository] = placed.kind === "too-short" ? `invalid repository name ${scope.repository}: names here look like ORG/REGISTRY/IMAGE` : `${placed.registry} is not a registry here`;
      continue;
    }
    const grant = grantFor(principal, placed.registry, scope.actions, ctx.audiencePrefix);
    access[scope.repository] = [...grant.actions];
    if (grant.reason !== void 0) denied[scope.repository] = grant.reason;
  }
  const issuedAt = Math.floor(ctx.now() / 1e3);
  const token = ctx.bearer.issue({
    subject: subjectOf2(principal),
    issuedAt,
    expiresAt: issuedAt + ctx.lifetimeSeconds,
    access,
    denied
  });
  return {
    status: 200,
    body: {
      token,
      access_token: token,
      expires_in: ctx.lifetimeSeconds,
      issued_at: new Date(issuedAt * 1e3).toISOString()
    },
    headers: { "Cache-Control": "no-store" }
  };
}
function subjectOf2(principal) {
  switch (principal.kind) {
    case "anonymous":
      return { kind: "anonymous" };
    case "token":
      return { kind: "token", id: principal.record.id };
    case "oidc": {
      const sub = principal.token.claims.sub;
      return {
        kind: "oidc",
        issuer: principal.token.issuer,
        subject: typeof sub === "string" ? sub.slice(0, 300) : ""
      };
    }
  }
}
function unauthorized(ctx, message2) {
  return {
    status: 401,
    body: { errors: [{ code: "UNAUTHORIZED", message: message2 }], details: message2 },
    headers: { "WWW-Authenticate": ctx.challenge }
  };
}

// src/registry/auth/packages-authorizer.ts
var PackagesAuthorizer = class {
  directory;
  #options;
  #bearer;
  #origin;
  #audiencePrefix;
  constructor(options) {
    this.#options = options;
    this.directory = new RegistryDirectory(options.registries);
    this.#bearer = options.bearer ?? new BearerTokens(void 0, options.now);
    this.#origin = { publicUrl: trimSlash(options.publicUrl), fallbackUrl: "http://127.0.0.1" };
    this.#audiencePrefix = trimSlash(options.audiencePrefix ?? options.publicUrl);
  }
  /** The OIDC audience prefix in force (undefined until known). */
  get audiencePrefix() {
    return this.#audiencePrefix;
  }
  get #challengeOrigin() {
    return this.#origin;
  }
  visibility(registry) {
    return this.directory.get(registry)?.visibility;
  }
  registries() {
    return this.directory.all.map((r) => ({ name: r.name, visibility: r.visibility }));
  }
  listening(baseUrl) {
    this.#origin.fallbackUrl = trimSlash(baseUrl);
    this.#audiencePrefix ??= this.#origin.fallbackUrl;
  }
  async authorize(req, access) {
    const name = access.repository;
    let registry;
    let unknownRegistry;
    if (name !== "") {
      if (access.target === "registry") {
        registry = this.directory.get(name);
        if (registry === void 0) unknownRegistry = name;
      } else {
        const placed = this.directory.place(name);
        if (placed.kind === "too-short") {
          return { ok: false, status: 400, code: "NAME_INVALID", message: shapeMessage(name) };
        }
        if (placed.kind === "unknown-registry") unknownRegistry = placed.registry;
        else registry = placed.registry;
      }
    }
    const credentials = readCredentials(req);
    if (credentials.kind === "bearer" && BearerTokens.owns(credentials.token)) {
      return this.#authorizeBearer(req, credentials.token, access, registry, unknownRegistry);
    }
    const auth = await authenticate(credentials, this.#options);
    if (!auth.ok) return this.#unauthorized(req, access, auth.reason);
    const { principal } = auth;
    noteRequest(req, { principal: describePrincipal(principal) });
    const anonymous = principal.kind === "anonymous";
    if (name === "") return anonymous ? this.#unauthorized(req, access, loginMessage()) : { ok: true };
    if (registry === void 0) {
      return anonymous ? this.#unauthorized(req, access, loginMessage()) : this.#unknown(unknownRegistry);
    }
    const grant = grantFor(principal, registry, access.actions, this.#prefix());
    if (grant.actions.length === access.actions.length) return { ok: true };
    return anonymous ? this.#unauthorized(req, access, grant.reason) : { ok: false, status: 403, message: grant.reason };
  }
  issueToken(req, query) {
    return issueToken(req, query, {
      authenticators: this.#options,
      bearer: this.#bearer,
      directory: this.directory,
      audiencePrefix: this.#prefix(),
      lifetimeSeconds: this.#options.tokenLifetimeSeconds ?? 300,
      now: this.#options.now ?? Date.now,
      challenge: bearerChallenge(req, this.#challengeOrigin)
    });
  }
  async visibleRepositories(req, repositories) {
    const credentials = readCredentials(req);
    let canPull2;
    if (credentials.kind === "bearer" && BearerTokens.owns(credentials.token)) {
      const checked = this.#bearer.check(credentials.token);
      const access = checked.ok ? checked.claims.access : {};
      canPull2 = (name, registry) => registry.visibility === "public" || (access[name] ?? []).includes("pull");
    } else {
      const auth = await authenticate(credentials, this.#options);
      const principal = auth.ok ? auth.principal : { kind: "anonymous" };
      canPull2 = (_name, registry) => grantFor(principal, registry, ["pull"], this.#prefix()).actions.length === 1;
    }
    return repositories.filter((name) => {
      const placed = this.directory.place(name);
      return placed.kind === "registry" && canPull2(name, placed.registry);
    });
  }
  async #authorizeBearer(req, token, access, registry, unknownRegistry) {
    const checked = this.#bearer.check(token);
    if (!checked.ok) return this.#unauthorized(req, access, checked.reason);
    const { claims } = checked;
    const { subject } = claims;
    if (subject.kind === "token" && !await this.#options.tokens?.has(subject.id)) {
      return this.#unauthorized(req, access, `token ${subject.id} was revoked`);
    }
    noteRequest(req, { principal: describeSubject(claims) });
    const anonymous = subject.kind === "anonymous";
    const name = access.repository;
    if (name === "") return anonymous ? this.#unauthorized(req, access, loginMessage()) : { ok: true };
    if (registry === void 0) {
      return anonymous ? this.#unauthorized(req, access, loginMessage()) : this.#unknown(unknownRegistry);
    }
    if (access.target === "registry") {
      const any = Object.entries(claims.access).some(
        ([repo, actions]) => registryOfRepository(repo) === name && actions.includes("pull")
      );
      if (registry.visibility === "public" || any) return { ok: true };
      return this.#unauthorized(
        req,
        access,
        `the bearer token grants nothing in ${name}: log in with Basic credentials`
      );
    }
    const held = claims.access[name];
    const missing = access.actions.filter((a) => !(held ?? []).includes(a));
    if (missing.length === 0) {
      const also = access.optional;
      if (also === void 0 || anonymous || also.repository in claims.access) return { ok: true };
      return this.#unauthorized(
        req,
        access,
        `the bearer token does not cover ${also.actions.join(",")} on ${also.repository}, the mount's source`
      );
    }
    const denied = claims.denied[name];
    if (denied === void 0 || anonymous) {
      return this.#unauthorized(
        req,
        access,
        denied ?? `the bearer token does not cover ${missing.join(",")} on ${name}`
      );
    }
    return { ok: false, status: 403, message: denied };
  }
  #unauthorized(req, access, message2) {
    const repository = access.target === "registry" ? void 0 : access.repository;
    return {
      ok: false,
      status: 401,
      challenge: bearerChallenge(req, this.#challengeOrigin, repository, access.actions, access.optional),
      message: message2 ?? loginMessage()
    };
  }
  #unknown(registry) {
    const names = this.directory.all.map((r) => r.name).join(", ");
    return {
      ok: false,
      status: 404,
      code: "NAME_UNKNOWN",
      message: `${registry} is not a registry here; repository names look like ORG/REGISTRY/IMAGE with ORG/REGISTRY one of: ${names}`
    };
  }
  #prefix() {
    return this.#audiencePrefix ?? this.#origin.fallbackUrl;
  }
};
function describeSubject(claims) {
  const { subject } = claims;
  if (subject.kind === "anonymous") return "anonymous (bearer)";
  if (subject.kind === "token") return `token ${subject.id} (bearer)`;
  return `OIDC token of ${subject.issuer} for ${subject.subject} (bearer)`;
}
function loginMessage() {
  return `authentication required: log in with username "${USERNAME}" and a registry token, an API token or an OIDC token as the password`;
}
function shapeMessage(name) {
  return `invalid repository name ${JSON.stringify(name.slice(0, 200))}: names here look like ORG/REGISTRY/IMAGE (for example acme/images/web), as on Buildkite Packages`;
}
function trimSlash(url) {
  return url?.replace(/\/+$/, "");
}

// src/registry/auth/oidc/verify-jwt.ts
import { verify as verifySignature } from "node:crypto";
var ALGORITHMS = {
  RS256: { kty: "RSA" },
  ES256: { kty: "EC", crv: "P-256" }
};
var OidcVerifier = class {
  #issuers;
  #maxLifetime;
  #skew;
  #now;
  constructor(options) {
    this.#issuers = new Map(options.issuers.map((i) => [i.issuer, i.keys]));
    this.#maxLifetime = options.maxLifetimeSeconds ?? 300;
    this.#skew = options.clockSkewSeconds ?? 30;
    this.#now = options.now ?? Date.now;
  }
  /** The trusted issuers, for messages. */
  get issuers() {
    return [...this.#issuers.keys()];
  }
  async verify(token) {
    const jwt = decodeJwt(token);
    if ("error" in jwt) return fail(jwt.error);
    const { claims, header: header2 } = jwt;
    const algorithm = ALGORITHMS[header2.alg];
    if (algorithm === void 0) {
      return fail(
        `OIDC token algorithm ${JSON.stringify(header2.alg.slice(0, 20))} is not accepted: use RS256 or ES256`
      );
    }
    const issuer = claims.iss;
    if (typeof issuer !== "string") return fail('OIDC token has no "iss" claim');
    const source = this.#issuers.get(issuer);
    if (source === void 0) {
      const trusted = this.issuers.map((i) => JSON.stringify(i)).join(", ") || "none";
      return fail(
        `OIDC token issuer ${JSON.stringify(issuer.slice(0, 200))} is not trusted here (trusted: ${trusted})`
      );
    }
    const times = this.#checkTimes(claims);
    if (times !== void 0) return fail(times);
    let key2;
    try {
      key2 = pick(await source.keys(), header2, algorithm);
      if (key2 === void 0) key2 = pick(await source.keys(true), header2, algorithm);
    } catch (error) {
      return fail(`the keys of OIDC issuer ${issuer} cannot be loaded: ${error.message}`);
    }
    if (key2 === void 0) {
      const which = header2.kid === void 0 ? "a" : `key id ${JSON.stringify(header2.kid.slice(0, 100))}, a`;
      return fail(
        `OIDC token names ${which} ${header2.alg} key that issuer ${issuer} does not publish (${source.origin})`
      );
    }
    if (!checkSignature(jwt, key2))
      return fail(`OIDC token signature does not verify with the keys of issuer ${issuer}`);
    return { ok: true, token: { issuer, claims, expiresAt: claims.exp } };
  }
  #checkTimes(claims) {
    const { exp, iat, nbf } = claims;
    if (typeof exp !== "number" || !Number.isFinite(exp)) return 'OIDC token has no numeric "exp" claim';
    if (typeof iat !== "number" || !Number.isFinite(iat)) return 'OIDC token has no numeric "iat" claim';
    const now = this.#now() / 1e3;
    if (exp - iat > this.#maxLifetime) {
      return `OIDC token lifetime ${Math.round(exp - iat)}s exceeds ${this.#maxLifetime}s: request it with --lifetime ${this.#maxLifetime} (or less)`;
    }
    if (now > exp + this.#skew) {
      return `OIDC token expired at ${isoTime(exp)} (${Math.round(now - exp)}s ago): request a fresh one right before logging in`;
    }
    if (iat > now + this.#skew)
      return `OIDC token is issued in the future (${isoTime(iat)}): check the clocks`;
    if (nbf !== void 0) {
      if (typeof nbf !== "number") return 'OIDC token "nbf" claim is not a number';
      if (nbf > now + this.#skew) return `OIDC token is not valid before ${isoTime(nbf)}`;
    }
    return void 0;
  }
};
function pick(keys, header2, algorithm) {
  const usable = keys.filter(
    (k) => k.kty === algorithm.kty && (algorithm.crv === void 0 || k.crv === algorithm.crv) && (k.alg === void 0 || k.alg === header2.alg)
  );
  if (header2.kid !== void 0) return usable.find((k) => k.kid === header2.kid);
  return usable.length === 1 ? usable[0] : void 0;
}
function checkSignature(jwt, key2) {
  const data = Buffer.from(jwt.signedPart, "ascii");
  try {
    if (jwt.header.alg === "ES256") {
      if (jwt.signature.length !== 64) return false;
      return verifySignature("sha256", data, { key: key2.key, dsaEncoding: "ieee-p1363" }, jwt.signature);
    }
    return verifySignature("sha256", data, key2.key, jwt.signature);
  } catch {
    return false;
  }
}
function isoTime(seconds) {
  const date2 = new Date(seconds * 1e3);
  return Number.isNaN(date2.getTime()) ? String(seconds) : date2.toISOString();
}
function fail(reason) {
  return { ok: false, reason };
}

// src/registry/auth/oidc/jwks.ts
import { createPublicKey } from "node:crypto";
import { readFile as readFile5, stat as stat4 } from "node:fs/promises";

// src/registry/auth/errors.ts
var RegistryAuthError = class extends ContainerPackageError {
  constructor(code, message2, details = {}) {
    super(code, message2, details);
    this.name = "RegistryAuthError";
  }
};

// src/registry/auth/oidc/jwks.ts
function parseJwks(text, origin) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw jwksError(origin, "is not JSON", error);
  }
  const keys = doc?.keys;
  if (!Array.isArray(keys)) throw jwksError(origin, 'has no "keys" array');
  const out = [];
  for (const raw of keys) {
    if (typeof raw !== "object" || raw === null) continue;
    if (raw.use !== void 0 && raw.use !== "sig") continue;
    if (raw.kty !== "RSA" && raw.kty !== "EC") continue;
    try {
      const key2 = createPublicKey({ key: raw, format: "jwk" });
      out.push({
        kid: typeof raw.kid === "string" ? raw.kid : void 0,
        kty: raw.kty,
        crv: typeof raw.crv === "string" ? raw.crv : void 0,
        alg: typeof raw.alg === "string" ? raw.alg : void 0,
        key: key2
      });
    } catch {
    }
  }
  if (out.length === 0) throw jwksError(origin, "holds no RSA or EC signing key");
  return out;
}
function fileKeySource(path) {
  let cached;
  return {
    origin: path,
    async keys(refresh = false) {
      if (cached !== void 0 && !refresh) return cached.keys;
      let signature;
      try {
        const info = await stat4(path);
        signature = `${info.ino}:${info.size}:${info.mtimeMs}`;
      } catch (error) {
        throw jwksError(path, `cannot be read: ${error.message}`, error);
      }
      if (cached?.signature === signature) return cached.keys;
      cached = { signature, keys: parseJwks(await readFile5(path, "utf8"), path) };
      return cached.keys;
    }
  };
}
function urlKeySource(url, options = {}) {
  const maxAge = options.maxAgeMs ?? 10 * 6e4;
  const minInterval = options.minRefreshIntervalMs ?? 3e4;
  const timeout = options.timeoutMs ?? 1e4;
  const doFetch = options.fetch ?? fetch;
  let cached;
  let inFlight;
  const load2 = async () => {
    let text;
    try {
      const response = await doFetch(url, {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(timeout)
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      throw jwksError(url, `cannot be fetched: ${error.message}`, error);
    }
    const keys = parseJwks(text, url);
    cached = { at: Date.now(), keys };
    return keys;
  };
  return {
    origin: url,
    async keys(refresh = false) {
      const age = cached === void 0 ? Infinity : Date.now() - cached.at;
      const stale = age > maxAge || refresh && age > minInterval;
      if (cached !== void 0 && !stale) return cached.keys;
      inFlight ??= load2().finally(() => {
        inFlight = void 0;
      });
      try {
        return await inFlight;
      } catch (error) {
        if (cached !== void 0) return cached.keys;
        throw error;
      }
    }
  };
}
function jwksError(origin, what, cause) {
  return new RegistryAuthError("REGISTRY_JWKS_INVALID", `the JWKS ${origin} ${what}`, {
    hint: "point oidc.issuers[].jwks-file or jwks-url at the issuer's key set (for Buildkite: https://agent.buildkite.com/.well-known/jwks)",
    cause
  });
}

// src/registry/auth/tokens/token-store.ts
import { stat as stat5 } from "node:fs/promises";

// src/registry/auth/tokens/token-format.ts
import { createHash as createHash6, randomBytes as randomBytes3, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
var TOKEN_PREFIX = "bkpt_";
function generateToken() {
  return TOKEN_PREFIX + randomBytes3(32).toString("base64url");
}
function generateTokenId() {
  return `tok_${randomBytes3(6).toString("hex")}`;
}
function hashToken(token) {
  return createHash6("sha256").update(token, "utf8").digest();
}
function sameHash(a, b) {
  return a.length === b.length && timingSafeEqual2(a, b);
}

// src/registry/auth/tokens/tokens-file.ts
import { randomUUID as randomUUID8 } from "node:crypto";
import { mkdir as mkdir4, open as open7, readFile as readFile6, rename as rename4, rm as rm4, unlink as unlink4 } from "node:fs/promises";
import { dirname as dirname3 } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
var VERSION2 = 1;
async function readTokensFile(path) {
  let text;
  try {
    text = await readFile6(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return { tokens: [] };
    throw invalid2(path, `cannot be read: ${error.message}`, error);
  }
  return parseTokensFile(text, path);
}
function parseTokensFile(text, path) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid2(path, "is not JSON", error);
  }
  const root = data;
  if (typeof data !== "object" || data === null || root.version !== VERSION2 || !Array.isArray(root.tokens)) {
    throw invalid2(path, `is not a version ${VERSION2} tokens file ({"version":1,"tokens":[...]})`);
  }
  return { tokens: root.tokens.map((entry, index) => parseRecord(entry, `${path}: tokens[${index}]`)) };
}
function parseRecord(entry, where) {
  const r = entry;
  const ok = typeof entry === "object" && entry !== null && typeof r.id === "string" && typeof r.sha256 === "string" && /^[0-9a-f]{64}$/.test(r.sha256) && Array.isArray(r.registries) && r.registries.every((v) => typeof v === "string" && isRegistryPattern(v)) && Array.isArray(r.scopes) && r.scopes.every(isScope) && (r.description === void 0 || typeof r.description === "string") && typeof r.created_at === "string";
  if (!ok) {
    throw new RegistryAuthError(
      "REGISTRY_TOKENS_FILE_INVALID",
      `${where} is malformed: expected id, sha256 (64 hex), registries (ORG/REGISTRY or ORG/*), scopes (read_packages, write_packages, delete_packages), created_at`,
      {
        hint: "fix the entry by hand, or revoke and recreate the token with `container-package registry token`"
      }
    );
  }
  return {
    id: r.id,
    sha256: r.sha256,
    registries: r.registries,
    scopes: r.scopes,
    description: r.description ?? "",
    createdAt: r.created_at
  };
}
function serializeTokensFile(file) {
  const tokens = file.tokens.map((t) => ({
    id: t.id,
    sha256: t.sha256,
    registries: t.registries,
    scopes: t.scopes,
    description: t.description,
    created_at: t.createdAt
  }));
  return `${JSON.stringify({ version: VERSION2, tokens }, null, 2)}
`;
}
async function updateTokensFile(path, change) {
  const lock = `${path}.lock`;
  await mkdir4(dirname3(path), { recursive: true, mode: 448 });
  const handle2 = await acquireLock(lock);
  try {
    const { file, result } = change(await readTokensFile(path));
    const temp = `${path}.${randomUUID8()}.tmp`;
    const out = await open7(temp, "wx", 384);
    try {
      await out.writeFile(serializeTokensFile(file));
      await out.sync();
    } finally {
      await out.close();
    }
    try {
      await rename4(temp, path);
    } catch (error) {
      await rm4(temp, { force: true });
      throw error;
    }
    return result;
  } finally {
    await handle2.close();
    await unlink4(lock).catch(() => void 0);
  }
}
async function acquireLock(lock) {
  const deadline = Date.now() + 1e4;
  for (; ; ) {
    try {
      return await open7(lock, "wx", 384);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (Date.now() > deadline) {
        throw new RegistryAuthError("REGISTRY_TOKENS_FILE_LOCKED", `the tokens file lock ${lock} is held`, {
          hint: "another `registry token` command is running; if none is, remove the lock file"
        });
      }
      await sleep(50);
    }
  }
}
function invalid2(path, what, cause) {
  return new RegistryAuthError("REGISTRY_TOKENS_FILE_INVALID", `tokens file ${path} ${what}`, {
    hint: "tokens files are written by `container-package registry token create`",
    cause
  });
}

// src/registry/auth/tokens/token-store.ts
var TokenStore = class {
  path;
  #onError;
  #records = [];
  #signature = "";
  #loading;
  constructor(path, onError = () => void 0) {
    this.path = path;
    this.#onError = onError;
  }
  /**
   * The record of `token`, or undefined when no stored hash matches. Every stored hash is compared
   * with `crypto.timingSafeEqual`, without stopping at the first match.
   */
  async find(token) {
    await this.#refresh();
    const hash2 = hashToken(token);
    let found;
    for (const entry of this.#records) {
      if (sameHash(entry.hash, hash2)) found = entry.record;
    }
    return found;
  }
  /** True while a token with this id is in the file (bearer tokens die with their registry token). */
  async has(id) {
    await this.#refresh();
    return this.#records.some((entry) => entry.record.id === id);
  }
  #refresh() {
    this.#loading ??= this.#reload().finally(() => {
      this.#loading = void 0;
    });
    return this.#loading;
  }
  async #reload() {
    let signature;
    try {
      const info = await stat5(this.path);
      signature = `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
      signature = "missing";
    }
    if (signature === this.#signature) return;
    try {
      const file = await readTokensFile(this.path);
      this.#records = file.tokens.map((record) => ({ record, hash: Buffer.from(record.sha256, "hex") }));
      this.#signature = signature;
    } catch (error) {
      this.#signature = signature;
      this.#onError(error);
    }
  }
};

// src/registry/auth/tokens/manage.ts
async function createToken(path, input) {
  if (input.registries.length === 0) throw badInput("at least one --registry ORG/REGISTRY is required");
  for (const registry of input.registries) {
    if (!isRegistryPattern(registry)) {
      throw badInput(
        `invalid registry ${JSON.stringify(registry)}: expected ${REGISTRY_NAME_SHAPE}, or ORG/*`
      );
    }
  }
  if (input.scopes.length === 0) throw badInput("at least one --scope (read, write or delete) is required");
  const scopes = input.scopes.map((value) => {
    const scope = parseScope(value);
    if (scope === void 0) {
      throw badInput(
        `invalid scope ${JSON.stringify(value)}: use read, write or delete (${SCOPES.join(", ")})`
      );
    }
    return scope;
  });
  const token = generateToken();
  const record = {
    id: generateTokenId(),
    sha256: hashToken(token).toString("hex"),
    registries: [...new Set(input.registries)],
    scopes: effectiveScopes(scopes),
    description: input.description ?? "",
    createdAt: (input.now ?? /* @__PURE__ */ new Date()).toISOString()
  };
  await updateTokensFile(path, (file) => ({ file: { tokens: [...file.tokens, record] }, result: void 0 }));
  return { token, record };
}
async function listTokens(path) {
  return (await readTokensFile(path)).tokens;
}
async function revokeToken(path, id) {
  return updateTokensFile(path, (file) => {
    const found = file.tokens.find((t) => t.id === id);
    if (found === void 0) {
      throw new RegistryAuthError(
        "REGISTRY_TOKEN_NOT_FOUND",
        `no token with id ${JSON.stringify(id)} in ${path}`,
        {
          hint: "list the tokens with `container-package registry token list`"
        }
      );
    }
    return { file: { tokens: file.tokens.filter((t) => t.id !== id) }, result: found };
  });
}
function badInput(message2) {
  return new RegistryAuthError("REGISTRY_TOKEN_INVALID_INPUT", message2);
}

// src/registry/config.ts
import { readFile as readFile7 } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname as dirname4, resolve as resolve3 } from "node:path";

// src/registry/config/defaults.ts
import { homedir } from "node:os";
import { join as join5 } from "node:path";
var DEFAULT_LISTEN = "127.0.0.1:5000";
function defaultStorageDir(env = process.env, home = homedir()) {
  return join5(cacheDir(env, home), "registry");
}
function defaultTokensFile(storage) {
  return join5(storage, "tokens.json");
}

// src/registry/config/errors.ts
var RegistryConfigError = class extends ContainerPackageError {
  path;
  source;
  constructor(path, message2, options = {}) {
    const where = options.source === void 0 ? "" : `${options.source}: `;
    super("REGISTRY_CONFIG_INVALID", `${where}${path === "" ? "" : `${path}: `}${message2}`, {
      hint: options.hint ?? "see docs/registry.md for every key and its default",
      cause: options.cause
    });
    this.name = "RegistryConfigError";
    this.path = path;
    this.source = options.source;
  }
};

// src/registry/config/reader.ts
var ConfigReader = class {
  source;
  constructor(source) {
    this.source = source;
  }
  fail(path, message2, hint) {
    throw new RegistryConfigError(path, message2, { source: this.source, hint });
  }
  /** A mapping with only `allowed` keys (unknown keys are named in the error). Undefined/null \u2192 `{}`. */
  object(value, path, allowed) {
    if (value === void 0 || value === null) return {};
    if (typeof value !== "object" || Array.isArray(value))
      this.fail(path || "(top level)", `expected a mapping, got ${kind(value)}`);
    const record = value;
    const unknown3 = Object.keys(record).filter((key2) => !allowed.includes(key2));
    if (unknown3.length > 0) {
      const first = unknown3[0];
      this.fail(
        join6(path, first),
        `unknown key ${JSON.stringify(first)}; allowed here: ${allowed.join(", ")}`
      );
    }
    return record;
  }
  list(value, path) {
    if (value === void 0 || value === null) return [];
    if (!Array.isArray(value)) this.fail(path, `expected a list, got ${kind(value)}`);
    return value;
  }
  string(value, path) {
    if (value === void 0 || value === null) return void 0;
    if (typeof value !== "string" || value.trim() === "")
      this.fail(path, `expected a non-empty string, got ${kind(value)}`);
    return value.trim();
  }
  requiredString(value, path) {
    return this.string(value, path) ?? this.fail(path, "is required");
  }
  boolean(value, path, fallback) {
    if (value === void 0 || value === null) return fallback;
    if (typeof value !== "boolean") this.fail(path, `expected true or false, got ${kind(value)}`);
    return value;
  }
  oneOf(value, path, choices, fallback) {
    if (value === void 0 || value === null) return fallback;
    if (typeof value !== "string" || !choices.includes(value)) {
      this.fail(path, `expected one of ${choices.join(", ")}, got ${kind(value)}`);
    }
    return value;
  }
};
function join6(path, key2) {
  if (typeof key2 === "number") return `${path}[${key2}]`;
  return path === "" ? key2 : `${path}.${key2}`;
}
function kind(value) {
  if (value === null || value === void 0) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${typeof value} ${text.slice(0, 60)}\u2026` : `${typeof value} ${text}`;
}

// src/registry/config/policy.ts
var OPERATORS = ["equals", "not_equals", "in", "not_in", "matches"];
function readPolicy(reader, value, path) {
  return reader.list(value, path).map((raw, index) => {
    const at = join6(path, index);
    const statement = reader.object(raw, at, ["iss", "scopes", "claims"]);
    const iss = reader.requiredString(statement.iss, join6(at, "iss"));
    const scopes = reader.list(statement.scopes, join6(at, "scopes")).map((scope, i) => {
      if (!isScope(scope))
        reader.fail(join6(join6(at, "scopes"), i), `expected one of ${SCOPES.join(", ")}, got ${kind(scope)}`);
      return scope;
    });
    if (scopes.length === 0) reader.fail(join6(at, "scopes"), `list at least one of ${SCOPES.join(", ")}`);
    const claimsAt = join6(at, "claims");
    const claims = {};
    const rawClaims = reader.object(statement.claims, claimsAt, Object.keys(statement.claims ?? {}));
    for (const [name, matcher] of Object.entries(rawClaims))
      claims[name] = readMatcher(reader, matcher, join6(claimsAt, name));
    return { iss, scopes, claims };
  });
}
function readMatcher(reader, value, path) {
  if (isScalar2(value)) return [{ op: "equals", value }];
  const ops = reader.object(value, path, OPERATORS);
  const out = [];
  for (const op of OPERATORS) {
    const v = ops[op];
    if (v === void 0) continue;
    const at = join6(path, op);
    if (op === "equals" || op === "not_equals") {
      if (!isScalar2(v)) reader.fail(at, `expected a string, number or boolean, got ${kind(v)}`);
      out.push({ op, value: v });
    } else if (op === "in" || op === "not_in") {
      const values = reader.list(v, at);
      values.forEach((item, i) => {
        if (!isScalar2(item))
          reader.fail(join6(at, i), `expected a string, number or boolean, got ${kind(item)}`);
      });
      if (values.length === 0) reader.fail(at, "expected a non-empty list");
      out.push({ op, values });
    } else {
      const patterns = typeof v === "string" ? [v] : reader.list(v, at);
      patterns.forEach((item, i) => {
        if (typeof item !== "string")
          reader.fail(typeof v === "string" ? at : join6(at, i), `expected a glob string, got ${kind(item)}`);
      });
      if (patterns.length === 0) reader.fail(at, "expected a glob or a non-empty list of globs");
      out.push({ op: "matches", patterns });
    }
  }
  if (out.length === 0)
    reader.fail(path, `expected a value or a mapping with one of ${OPERATORS.join(", ")}`);
  return out;
}
function isScalar2(value) {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

// src/registry/config/units.ts
var DURATION_UNITS = {
  ms: 1,
  s: 1e3,
  m: 6e4,
  h: 36e5,
  d: 864e5
};
var SIZE_UNITS = {
  b: 1,
  kb: 1e3,
  mb: 1e3 ** 2,
  gb: 1e3 ** 3,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3
};
function readDuration(reader, value, path, fallback) {
  if (value === void 0 || value === null) return fallback;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return Math.round(value * 1e3);
  if (typeof value === "string" && /^(\d+(ms|s|m|h|d))+$/.test(value.trim())) {
    let total = 0;
    for (const [, amount, unit] of value.trim().matchAll(/(\d+)(ms|s|m|h|d)/g))
      total += Number(amount) * DURATION_UNITS[unit];
    return total;
  }
  return reader.fail(path, `expected a duration such as 30s, 5m or 24h, got ${kind(value)}`);
}
function readSize(reader, value, path, fallback) {
  if (value === void 0 || value === null) return fallback;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  const match = typeof value === "string" ? /^(\d+)\s*([a-z]+)?$/i.exec(value.trim()) : null;
  const unit = SIZE_UNITS[(match?.[2] ?? "b").toLowerCase()];
  if (match === null || unit === void 0) {
    return reader.fail(path, `expected a size in bytes such as 4194304 or 4MiB, got ${kind(value)}`);
  }
  return Number(match[1]) * unit;
}
function parseListen(value) {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value.trim());
  if (match === null)
    return { error: `expected HOST:PORT such as 127.0.0.1:5000, got ${JSON.stringify(value)}` };
  const port = Number(match[2]);
  if (port > 65535) return { error: `port ${port} is out of range (0-65535)` };
  const host = match[1].startsWith("[") ? match[1].slice(1, -1) : match[1];
  return { host, port };
}
function isLoopbackHost(host) {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}

// src/registry/config/sections.ts
function readRegistries(r, value) {
  const seen = /* @__PURE__ */ new Set();
  return r.list(value, "registries").map((raw, index) => {
    const at = join6("registries", index);
    const entry = r.object(raw, at, ["name", "visibility", "oidc-policy"]);
    const name = r.requiredString(entry.name, join6(at, "name"));
    if (!isRegistryName(name))
      r.fail(
        join6(at, "name"),
        `invalid registry name ${JSON.stringify(name)}: expected ${REGISTRY_NAME_SHAPE}`
      );
    if (seen.has(name)) r.fail(join6(at, "name"), `registry ${name} is listed twice`);
    seen.add(name);
    return {
      name,
      visibility: r.oneOf(entry.visibility, join6(at, "visibility"), ["private", "public"], "private"),
      oidcPolicy: readPolicy(r, entry["oidc-policy"], join6(at, "oidc-policy"))
    };
  });
}
function readIssuers(r, value, path) {
  return r.list(value, "oidc.issuers").map((raw, index) => {
    const at = join6("oidc.issuers", index);
    const entry = r.object(raw, at, ["issuer", "jwks-file", "jwks-url"]);
    const issuer = r.requiredString(entry.issuer, join6(at, "issuer"));
    const jwksFile = path(r.string(entry["jwks-file"], join6(at, "jwks-file")));
    const jwksUrl = readUrl(r, entry["jwks-url"], join6(at, "jwks-url"));
    if (jwksFile === void 0 === (jwksUrl === void 0))
      r.fail(at, "give exactly one of jwks-file and jwks-url");
    if (jwksUrl !== void 0 && jwksUrl.startsWith("http:") && !isLoopbackHost(new URL(jwksUrl).hostname)) {
      r.fail(join6(at, "jwks-url"), "must be https (plain http only for a loopback address)");
    }
    return {
      issuer,
      ...jwksFile === void 0 ? {} : { jwksFile },
      ...jwksUrl === void 0 ? {} : { jwksUrl }
    };
  });
}
function readUrl(r, value, at) {
  const text = r.string(value, at);
  if (text === void 0) return void 0;
  let url;
  try {
    url = new URL(text);
  } catch {
    return r.fail(at, `expected an http(s) URL, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:" || url.search !== "" || url.hash !== "" || url.username !== "") {
    r.fail(at, `expected an http(s) URL with no query, fragment or credentials, got ${JSON.stringify(text)}`);
  }
  return text.replace(/\/+$/, "");
}
function checkConsistency(r, config, top) {
  const trusted = new Set(config.oidc.issuers.map((i) => i.issuer));
  config.registries.forEach(
    (registry, i) => registry.oidcPolicy.forEach((statement, j) => {
      if (!trusted.has(statement.iss)) {
        r.fail(
          `registries[${i}].oidc-policy[${j}].iss`,
          `issuer ${statement.iss} is not in oidc.issuers, so its tokens could never be verified`,
          "add it under oidc.issuers with its jwks-file or jwks-url"
        );
      }
    })
  );
  if (config.registries.length === 0) {
    for (const key2 of ["tokens-file", "oidc", "token-signing-key-file"]) {
      if (top[key2] !== void 0 && top[key2] !== null) {
        r.fail(
          key2,
          "tokens and OIDC tokens apply per registry, and no registries are configured (the registry is open)",
          "add a registries list, or remove this key"
        );
      }
    }
  }
}

// src/registry/config/storage.ts
var S3_KEYS = [
  "bucket",
  "endpoint",
  "region",
  "prefix",
  "force-path-style",
  "server-side-encryption",
  "kms-key-id",
  "redirect",
  "redirect-expiry",
  "part-size",
  "cache-ttl"
];
function readStorage(r, value) {
  if (value === void 0 || value === null || typeof value === "string") {
    return { directory: r.string(value, "storage"), shared: void 0, s3: void 0 };
  }
  const storage = r.object(value, "storage", ["s3", "directory", "shared", "cache-ttl"]);
  if (storage.s3 === void 0) {
    if (storage.directory === void 0 && storage.shared === void 0) {
      r.fail("storage", "expected a directory, a mapping with directory (and shared), or a mapping with s3");
    }
    const shared = r.boolean(storage.shared, "storage.shared", false);
    if (!shared && storage["cache-ttl"] !== void 0) {
      r.fail("storage.cache-ttl", "applies only to a shared directory (shared: true)");
    }
    return {
      directory: r.string(storage.directory, "storage.directory"),
      shared: shared ? { cacheTtlMs: readDuration(r, storage["cache-ttl"], "storage.cache-ttl", 0) } : void 0,
      s3: void 0
    };
  }
  for (const key2 of ["directory", "shared", "cache-ttl"]) {
    if (storage[key2] !== void 0) r.fail(`storage.${key2}`, "does not go with s3 (put cache-ttl under s3)");
  }
  const s3 = r.object(storage.s3, "storage.s3", S3_KEYS);
  const endpoint = r.string(s3.endpoint, "storage.s3.endpoint");
  if (endpoint !== void 0 && !/^https?:\/\/[^/]+/.test(endpoint)) {
    r.fail("storage.s3.endpoint", `expected an http:// or https:// URL, got ${JSON.stringify(endpoint)}`);
  }
  const encryption = s3["server-side-encryption"];
  const sse = encryption === void 0 || encryption === null ? void 0 : r.oneOf(encryption, "storage.s3.server-side-encryption", ["AES256", "aws:kms"], "AES256");
  const kmsKeyId = r.string(s3["kms-key-id"], "storage.s3.kms-key-id");
  if (kmsKeyId !== void 0 && sse !== "aws:kms") {
    r.fail("storage.s3.kms-key-id", "needs server-side-encryption: aws:kms");
  }
  const redirect2 = r.boolean(s3.redirect, "storage.s3.redirect", false);
  const partSize = readSize(r, s3["part-size"], "storage.s3.part-size", 8 * 1024 * 1024);
  if (partSize < MIN_PART_SIZE) r.fail("storage.s3.part-size", "must be at least 5MiB (the S3 part minimum)");
  const driver = {
    bucket: r.requiredString(s3.bucket, "storage.s3.bucket"),
    ...endpoint === void 0 ? {} : { endpoint },
    ...optional("region", r.string(s3.region, "storage.s3.region")),
    ...optional("prefix", r.string(s3.prefix, "storage.s3.prefix")),
    forcePathStyle: r.boolean(s3["force-path-style"], "storage.s3.force-path-style", false),
    ...optional("serverSideEncryption", sse),
    ...optional("kmsKeyId", kmsKeyId),
    redirectExpiryMs: redirect2 ? readDuration(r, s3["redirect-expiry"], "storage.s3.redirect-expiry", 20 * 6e4) : 0,
    partSize
  };
  return {
    directory: void 0,
    shared: void 0,
    s3: { driver, cacheTtlMs: readDuration(r, s3["cache-ttl"], "storage.s3.cache-ttl", 0) }
  };
}
function optional(key2, value) {
  return value === void 0 ? {} : { [key2]: value };
}

// src/registry/gc/config.ts
function readGc(r, value) {
  const gc2 = r.object(value, "gc", ["interval", "grace"]);
  return {
    intervalMs: readDuration(r, gc2.interval, "gc.interval", GC_DEFAULTS.intervalMs),
    graceMs: readDuration(r, gc2.grace, "gc.grace", GC_DEFAULTS.graceMs)
  };
}
function readRetention(r, value) {
  const retention = r.object(value, "retention", ["max-size", "check-interval"]);
  const maxSizeBytes = readSize(r, retention["max-size"], "retention.max-size", GC_DEFAULTS.maxSizeBytes);
  const checkIntervalMs = readDuration(
    r,
    retention["check-interval"],
    "retention.check-interval",
    GC_DEFAULTS.checkIntervalMs
  );
  return { maxSizeBytes, checkIntervalMs };
}
function parseDurationFlag(flag, value) {
  const text = value.trim();
  return readDuration(new ConfigReader(void 0), /^\d+(\.\d+)?$/.test(text) ? Number(text) : text, flag, 0);
}

// src/registry/mirror/config.ts
var KEYS = [
  "prefix",
  "upstream",
  "username",
  "password-env",
  "token-env",
  "tag-max-age",
  "revalidate-timeout"
];
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function readMirrors(r, value, registries) {
  const mirrors = [];
  for (const [index, raw] of r.list(value, "mirrors").entries()) {
    const at = join6("mirrors", index);
    const entry = typeof raw === "string" ? { prefix: raw } : r.object(raw, at, KEYS);
    const prefixAt = typeof raw === "string" ? at : join6(at, "prefix");
    const prefix = r.requiredString(entry.prefix, prefixAt).replace(/\/+$/, "");
    if (!isSafeRepository(prefix)) {
      r.fail(
        prefixAt,
        `${JSON.stringify(prefix)} is not a repository path (lowercase components joined by "/")`
      );
    }
    const clash = mirrors.find((m) => nested(m.prefix, prefix));
    if (clash !== void 0) r.fail(prefixAt, `${prefix} overlaps the mirror prefix ${clash.prefix}`);
    if (registries.length > 0 && !registries.some((reg) => prefix.startsWith(`${reg.name}/`))) {
      r.fail(
        prefixAt,
        `${prefix} is outside every configured registry, so nobody could be allowed to pull from it`,
        `use a prefix inside a registry, such as ${registries[0].name}/${prefix.replace(/[^a-z0-9]+/g, "-")}`
      );
    }
    const upstream = r.string(entry.upstream, join6(at, "upstream")) ?? shorthandUpstream(prefix);
    const parsed = parseUpstream(prefix, upstream);
    if ("error" in parsed) r.fail(join6(at, "upstream"), parsed.error);
    const username = r.string(entry.username, join6(at, "username"));
    const passwordEnv = envName(r, entry["password-env"], join6(at, "password-env"));
    const tokenEnv = envName(r, entry["token-env"], join6(at, "token-env"));
    if (passwordEnv !== void 0 && username === void 0)
      r.fail(join6(at, "password-env"), "needs username");
    if (username !== void 0 && passwordEnv === void 0)
      r.fail(join6(at, "username"), "needs password-env");
    if (tokenEnv !== void 0 && passwordEnv !== void 0) {
      r.fail(join6(at, "token-env"), "give either token-env or username and password-env, not both");
    }
    mirrors.push({
      prefix,
      upstream,
      ...username === void 0 ? {} : { username },
      ...passwordEnv === void 0 ? {} : { passwordEnv },
      ...tokenEnv === void 0 ? {} : { tokenEnv },
      tagMaxAgeMs: readDuration(
        r,
        entry["tag-max-age"],
        join6(at, "tag-max-age"),
        MIRROR_DEFAULTS.tagMaxAgeMs
      ),
      revalidateTimeoutMs: readDuration(
        r,
        entry["revalidate-timeout"],
        join6(at, "revalidate-timeout"),
        MIRROR_DEFAULTS.revalidateTimeoutMs
      )
    });
  }
  return mirrors;
}
function envName(r, value, at) {
  const name = r.string(value, at);
  if (name !== void 0 && !ENV_NAME.test(name)) {
    r.fail(at, `expected the name of an environment variable, got ${kind(name)}`);
  }
  return name;
}

// src/registry/config.ts
var TOP_KEYS = [
  "listen",
  "public-url",
  "storage",
  "insecure-listen",
  "registries",
  "tokens-file",
  "token-signing-key-file",
  "oidc",
  "limits",
  "uploads",
  "shutdown-timeout",
  "log-level",
  "mirrors",
  "gc",
  "retention",
  "workers"
];
function parseConfig(text, options = {}) {
  const r = new ConfigReader(options.source);
  let data;
  try {
    data = load(text);
  } catch (error) {
    throw new RegistryConfigError("", `is not valid YAML: ${error.message.split("\n")[0]}`, {
      source: options.source,
      cause: error
    });
  }
  const base = options.baseDir ?? (options.source === void 0 ? process.cwd() : dirname4(resolve3(options.source)));
  const path = (value) => value === void 0 ? void 0 : resolve3(base, value);
  const top = r.object(data, "", TOP_KEYS);
  const listenText = r.string(top.listen, "listen") ?? DEFAULT_LISTEN;
  const parsedListen = parseListen(listenText);
  const listen = "error" in parsedListen ? r.fail("listen", parsedListen.error) : parsedListen;
  const registries = readRegistries(r, top.registries);
  const oidc = r.object(top.oidc, "oidc", ["audience-prefix", "clock-skew", "issuers"]);
  const issuers = readIssuers(r, oidc.issuers, path);
  const limits = r.object(top.limits, "limits", [
    "max-manifest-bytes",
    "max-request-bytes",
    "max-header-bytes"
  ]);
  const uploads = r.object(top.uploads, "uploads", ["expiry", "purge-interval"]);
  const storage = readStorage(r, top.storage);
  const config = {
    source: options.source,
    listen,
    publicUrl: readUrl(r, top["public-url"], "public-url"),
    storage: path(storage.directory) ?? defaultStorageDir(options.env),
    s3: storage.s3,
    sharedStorage: storage.shared,
    workers: readWorkers(r, top.workers),
    insecureListen: r.boolean(top["insecure-listen"], "insecure-listen", false),
    registries,
    tokensFile: path(r.string(top["tokens-file"], "tokens-file")),
    tokenSigningKeyFile: path(r.string(top["token-signing-key-file"], "token-signing-key-file")),
    oidc: {
      audiencePrefix: readUrl(r, oidc["audience-prefix"], "oidc.audience-prefix"),
      clockSkewMs: readDuration(r, oidc["clock-skew"], "oidc.clock-skew", 3e4),
      issuers
    },
    limits: {
      maxManifestBytes: readSize(
        r,
        limits["max-manifest-bytes"],
        "limits.max-manifest-bytes",
        4 * 1024 * 1024
      ),
      maxRequestBytes: readSize(r, limits["max-request-bytes"], "limits.max-request-bytes", 0),
      maxHeaderBytes: readSize(r, limits["max-header-bytes"], "limits.max-header-bytes", 16 * 1024)
    },
    uploads: {
      expiryMs: readDuration(r, uploads.expiry, "uploads.expiry", 24 * 36e5),
      purgeIntervalMs: readDuration(r, uploads["purge-interval"], "uploads.purge-interval", 36e5)
    },
    shutdownTimeoutMs: readDuration(r, top["shutdown-timeout"], "shutdown-timeout", 3e4),
    logLevel: r.oneOf(top["log-level"], "log-level", ["debug", "info", "warn", "error"], "info"),
    mirrors: readMirrors(r, top.mirrors, registries),
    gc: readGc(r, top.gc),
    retention: readRetention(r, top.retention)
  };
  checkConsistency(r, config, top);
  return config;
}
var MAX_WORKERS = 64;
function parseWorkers(value) {
  if (value === "auto") return Math.min(availableParallelism(), MAX_WORKERS);
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) {
    return {
      error: `expected auto or a whole number from 1 to ${MAX_WORKERS}, got ${JSON.stringify(value)}`
    };
  }
  return n;
}
function readWorkers(r, value) {
  if (value === void 0 || value === null) return 1;
  const parsed = parseWorkers(value);
  return typeof parsed === "number" ? parsed : r.fail("workers", parsed.error);
}
async function loadConfigFile(file, env = process.env) {
  let text;
  try {
    text = await readFile7(file, "utf8");
  } catch (error) {
    throw new RegistryConfigError("", `cannot be read: ${error.message}`, {
      source: file,
      cause: error
    });
  }
  return parseConfig(text, { source: file, env });
}
function defaultConfig(env = process.env) {
  return parseConfig("{}", { env });
}
function tokensFileOf(config) {
  return config.tokensFile ?? defaultTokensFile(config.storage);
}
function isOpen(config) {
  return config.registries.length === 0;
}
function checkListenSafety(config) {
  if (!isOpen(config) || config.insecureListen || isLoopbackHost(config.listen.host)) return;
  throw new RegistryConfigError(
    "listen",
    `refusing to listen on ${config.listen.host}, which is not a loopback address, without authentication: anyone who can reach it could push and delete images`,
    {
      source: config.source,
      hint: "configure registries (with tokens or OIDC policies) in a --config file, or pass --insecure-listen (insecure-listen: true) if the network is trusted"
    }
  );
}

// src/registry/service.ts
import { mkdir as mkdir5 } from "node:fs/promises";
import { hostname as hostname4 } from "node:os";
import { resolve as resolve4 } from "node:path";

// src/registry/auth/signing-key.ts
import { readFile as readFile8, stat as stat6 } from "node:fs/promises";
var MIN_SIGNING_KEY_BYTES = 32;
async function readSigningKey(file) {
  let mode;
  let text;
  try {
    mode = (await stat6(file)).mode;
    text = (await readFile8(file, "utf8")).trim();
  } catch (error) {
    throw invalid3(
      `cannot be read: ${error.message}`,
      "create it with `openssl rand -base64 48`",
      error
    );
  }
  if ((mode & 63) !== 0) {
    throw invalid3(
      `is readable by group or others (mode ${(mode & 511).toString(8)})`,
      `run chmod 600 ${file}`
    );
  }
  const key2 = Buffer.from(text, "utf8");
  if (key2.length < MIN_SIGNING_KEY_BYTES) {
    throw invalid3(
      `holds ${key2.length} bytes; at least ${MIN_SIGNING_KEY_BYTES} are needed`,
      "write `openssl rand -base64 48` into it"
    );
  }
  return key2;
  function invalid3(what, hint, cause) {
    return new ContainerPackageError(
      "REGISTRY_SIGNING_KEY_INVALID",
      `token signing key file ${file} ${what}`,
      {
        hint,
        cause
      }
    );
  }
}

// src/registry/mirror/credentials.ts
function mirrorOptionsOf(mirrors, env, source) {
  return mirrors.map((mirror, index) => {
    const read = (name, key2) => {
      const value = env[name];
      if (value === void 0 || value === "") {
        throw new RegistryConfigError(`mirrors[${index}].${key2}`, `environment variable ${name} is not set`, {
          source,
          hint: `export ${name} with the credential for ${mirror.upstream} before starting the registry`
        });
      }
      return value;
    };
    let credentials = async (registry) => {
      const { dockerConfigCredentials } = await import("./client-EJLK2VSW.js");
      return dockerConfigCredentials({ env })(registry);
    };
    if (mirror.passwordEnv !== void 0) {
      const found = { username: mirror.username, password: read(mirror.passwordEnv, "password-env") };
      credentials = async () => found;
    } else if (mirror.tokenEnv !== void 0) {
      const found = { registryToken: read(mirror.tokenEnv, "token-env") };
      credentials = async () => found;
    }
    return {
      prefix: mirror.prefix,
      upstream: mirror.upstream,
      tagMaxAgeMs: mirror.tagMaxAgeMs,
      revalidateTimeoutMs: mirror.revalidateTimeoutMs,
      credentials
    };
  });
}

// src/registry/storage/open.ts
async function openStore(location, options = {}) {
  const cacheTtlMs = location.s3?.cacheTtlMs ?? location.sharedStorage?.cacheTtlMs;
  const caching = {
    ...options.coherence === void 0 ? {} : { coherence: options.coherence },
    ...cacheTtlMs === void 0 ? {} : { cacheTtlMs }
  };
  if (location.s3 === void 0) {
    return new DiskStore({ root: location.storage, ...options, ...caching });
  }
  const { S3Driver } = await import("./driver-XVZPCRNB.js");
  return new DriverStore(new S3Driver(location.s3.driver), {
    ...options.manifestCacheBytes === void 0 ? {} : { manifestCacheBytes: options.manifestCacheBytes },
    ...caching
  });
}
function describeStorage(location) {
  if (location.s3 === void 0) return location.storage;
  const { bucket, prefix } = location.s3.driver;
  return `s3://${bucket}/${prefix ?? ""}`;
}

// src/registry/service.ts
function withOverrides(config, overrides) {
  let listen = config.listen;
  if (overrides.listen !== void 0) {
    const parsed = parseListen(overrides.listen);
    if ("error" in parsed) throw new RegistryConfigError("--listen", parsed.error);
    listen = parsed;
  }
  let workers = config.workers;
  if (overrides.workers !== void 0) {
    const parsed = parseWorkers(overrides.workers);
    if (typeof parsed !== "number") throw new RegistryConfigError("--workers", parsed.error);
    workers = parsed;
  }
  if (overrides.storage !== void 0 && config.s3 !== void 0) {
    throw new RegistryConfigError(
      "--storage",
      `the config stores in the bucket ${config.s3.driver.bucket} (storage: s3:)`,
      { hint: "drop --storage, or use a config without storage: s3:" }
    );
  }
  return {
    ...config,
    listen,
    storage: overrides.storage === void 0 ? config.storage : resolve4(overrides.storage),
    insecureListen: config.insecureListen || overrides.insecureListen === true,
    workers
  };
}
function authorizerFor(config, onError, signingKey) {
  if (isOpen(config)) return openAuthorizer;
  const issuers = config.oidc.issuers.map((i) => ({
    issuer: i.issuer,
    keys: i.jwksFile !== void 0 ? fileKeySource(i.jwksFile) : urlKeySource(i.jwksUrl)
  }));
  return new PackagesAuthorizer({
    registries: config.registries,
    tokens: new TokenStore(tokensFileOf(config), onError),
    oidc: issuers.length === 0 ? void 0 : new OidcVerifier({ issuers, clockSkewSeconds: config.oidc.clockSkewMs / 1e3 }),
    publicUrl: config.publicUrl,
    audiencePrefix: config.oidc.audiencePrefix,
    ...signingKey === void 0 ? {} : { bearer: new BearerTokens(signingKey) }
  });
}
async function startRegistryService(config, options = {}) {
  checkListenSafety(config);
  const mirrors = mirrorOptionsOf(config.mirrors, options.env ?? process.env, config.source);
  const lock = options.worker === void 0 ? await lockStorage(config) : void 0;
  try {
    return await start(config, options, mirrors, lock);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
async function lockStorage(config) {
  if (config.s3 !== void 0) return void 0;
  await mkdir5(config.storage, { recursive: true }).catch((error) => {
    const code = error.code;
    const why = code === "EEXIST" || code === "ENOTDIR" ? "it (or a parent) is a file, not a directory" : code === "EACCES" || code === "EPERM" || code === "EROFS" ? "this user may not create or write it" : void 0;
    if (why === void 0) throw error;
    throw new RegistryConfigError(
      "storage",
      `cannot use ${config.storage} as the storage directory: ${why}`,
      {
        hint: "give --storage (or the config's storage) a directory this user may write, or a path to create",
        cause: error
      }
    );
  });
  if (config.sharedStorage !== void 0) return void 0;
  return acquireStorageLock(config.storage, "serve", {
    command: `container-package registry serve (listen ${config.listen.host}:${config.listen.port})`
  });
}
function replicaName(config, worker) {
  if (worker !== void 0 && config.s3 === void 0 && config.sharedStorage === void 0) {
    return `${hostname4()}-worker-${worker.index}`;
  }
  return `${hostname4()}-${process.pid}`;
}
async function start(config, options, mirrors, lock) {
  const { worker } = options;
  const own = options.logger === void 0 ? batchedJsonLogger(
    process.stderr,
    config.logLevel,
    worker === void 0 ? {} : { worker: worker.index }
  ) : void 0;
  const logger = options.logger ?? own;
  const metrics = new Metrics();
  worker?.onMetrics(metrics);
  const onError = (error, request) => {
    const text = error instanceof Error ? error.stack ?? error.message : String(error);
    logger.log("error", "unexpected error", { ...request ?? {}, error: text });
  };
  const shared = worker !== void 0 || config.sharedStorage !== void 0 || config.s3 !== void 0;
  const registry = createRegistry({
    storageDir: config.storage,
    // The S3 driver and its SDK load only for a bucket (`storage: s3:`).
    ...shared ? {
      store: await openStore(config, worker === void 0 ? {} : { coherence: worker.coherence }),
      sharedStore: { replica: replicaName(config, worker) }
    } : {},
    metrics,
    ...worker === void 0 ? {} : { metricsText: worker.metricsText },
    authorizer: authorizerFor(
      config,
      onError,
      worker !== void 0 ? worker.signingKey : config.tokenSigningKeyFile === void 0 ? void 0 : await readSigningKey(config.tokenSigningKeyFile)
    ),
    // With auth, a mount without `from` could hand out a blob of a registry the caller cannot
    // read just because they know its digest: only mounts from a readable repository then.
    automaticCrossMount: isOpen(config),
    maxManifestBytes: config.limits.maxManifestBytes,
    maxRequestBytes: config.limits.maxRequestBytes,
    maxHeaderBytes: config.limits.maxHeaderBytes,
    uploadExpiryMs: config.uploads.expiryMs,
    purgeIntervalMs: config.uploads.purgeIntervalMs,
    closeTimeoutMs: config.shutdownTimeoutMs,
    publicUrl: config.publicUrl,
    logger,
    onError,
    mirrors,
    gc: { intervalMs: config.gc.intervalMs, graceMs: config.gc.graceMs },
    retention: {
      maxSizeBytes: config.retention.maxSizeBytes,
      checkIntervalMs: config.retention.checkIntervalMs
    }
  });
  const { url } = await registry.listen(config.listen.host, config.listen.port);
  if (mirrors.length > 0) {
    logger.log("info", "mirrors", {
      mirrors: registry.options.caching.mirrors?.table.mirrors.map((m) => ({
        prefix: m.prefix,
        upstream: m.upstream.url
      }))
    });
  }
  if (!isOpen(config)) {
    logger.log("info", "auth enabled", {
      registries: config.registries.map((r) => r.name),
      tokens_file: tokensFileOf(config)
    });
  }
  return {
    registry,
    url,
    close: async () => {
      try {
        await registry.close();
      } finally {
        own?.close();
        await lock?.release();
      }
    }
  };
}

// src/registry/cluster/primary.ts
import cluster from "node:cluster";
import { randomBytes as randomBytes4 } from "node:crypto";

// src/registry/cluster/messages.ts
var WORKER_ENV = "CONTAINER_PACKAGE_REGISTRY_WORKER";
function isProtocolMessage(value) {
  return typeof value === "object" && value !== null && typeof value.cp === "string";
}

// src/registry/cluster/metrics-merge.ts
function mergeExpositions(texts) {
  const families = /* @__PURE__ */ new Map();
  for (const { worker, text } of texts) {
    let current;
    for (const line2 of text.split("\n")) {
      if (line2 === "") continue;
      const comment = /^# (HELP|TYPE) (\S+)/.exec(line2);
      if (comment !== null) {
        const name = comment[2];
        let family = families.get(name);
        if (family === void 0) families.set(name, family = { header: [], samples: [] });
        if (!family.header.some((seen) => seen.startsWith(`# ${comment[1]} `))) family.header.push(line2);
        current = family;
        continue;
      }
      if (line2.startsWith("#")) continue;
      const sample = withWorker(line2, worker);
      if (current === void 0) {
        const name = /^[^{\s]+/.exec(line2)?.[0] ?? line2;
        let family = families.get(name);
        if (family === void 0) families.set(name, family = { header: [], samples: [] });
        family.samples.push(sample);
      } else current.samples.push(sample);
    }
  }
  const lines = [];
  for (const family of families.values()) lines.push(...family.header, ...family.samples);
  return `${lines.join("\n")}
`;
}
function withWorker(line2, worker) {
  const label = `worker="${worker}"`;
  const brace = line2.indexOf("{");
  const space = line2.indexOf(" ");
  if (brace !== -1 && (space === -1 || brace < space)) {
    const empty = line2[brace + 1] === "}";
    return `${line2.slice(0, brace + 1)}${label}${empty ? "" : ","}${line2.slice(brace + 1)}`;
  }
  if (space === -1) return line2;
  return `${line2.slice(0, space)}{${label}}${line2.slice(space)}`;
}

// src/registry/cluster/primary.ts
var DROP_ACK_TIMEOUT_MS = 5e3;
var METRICS_TIMEOUT_MS = 2e3;
var MAX_RESTARTS = 5;
var RESTART_WINDOW_MS = 6e4;
async function startWorkers(config, logger) {
  checkListenSafety(config);
  mirrorOptionsOf(config.mirrors, process.env, config.source);
  const lock = await lockStorage(config);
  let service;
  try {
    const signingKey = isOpen(config) ? void 0 : config.tokenSigningKeyFile === void 0 ? randomBytes4(32) : await readSigningKey(config.tokenSigningKeyFile);
    service = await new Primary(config, logger, signingKey).start();
  } catch (error) {
    await lock?.release();
    throw error;
  }
  return {
    ...service,
    close: async () => {
      try {
        await service.close();
      } finally {
        await lock?.release();
      }
    }
  };
}
var Primary = class {
  #config;
  #logger;
  #signingKey;
  #slots;
  #drops = /* @__PURE__ */ new Map();
  #collections = /* @__PURE__ */ new Map();
  #nextId = 1;
  #started = false;
  #closing = false;
  #restarts = [];
  #onStarted;
  #url = "";
  #fail = () => void 0;
  #allExited = () => void 0;
  constructor(config, logger, signingKey) {
    this.#config = config;
    this.#logger = logger;
    this.#signingKey = signingKey;
    this.#slots = Array.from({ length: config.workers }, () => ({
      worker: void 0,
      listening: false,
      failure: void 0
    }));
  }
  async start() {
    const started = new Promise((resolve5, reject) => this.#onStarted = { resolve: resolve5, reject });
    for (let slot = 0; slot < this.#slots.length; slot += 1) this.#fork(slot);
    try {
      this.#url = await started;
    } catch (error) {
      await this.#stopAll();
      throw error;
    }
    this.#started = true;
    const failed = new Promise((_, reject) => this.#fail = reject);
    failed.catch(() => void 0);
    this.#logger.log("info", "workers listening", {
      workers: this.#slots.length,
      pids: this.#slots.map((s) => s.worker?.process.pid)
    });
    return { url: this.#url, failed, close: () => this.#stopAll() };
  }
  #fork(slot) {
    const worker = cluster.fork({ [WORKER_ENV]: String(slot) });
    const state = this.#slots[slot];
    state.worker = worker;
    state.listening = false;
    state.failure = void 0;
    worker.on("message", (message2) => {
      if (isProtocolMessage(message2)) this.#handle(slot, worker, message2);
    });
    worker.on("exit", (code, signal) => this.#exited(slot, worker, code, signal));
    worker.on("error", () => void 0);
  }
  #send(worker, message2) {
    if (worker.isConnected()) worker.send(message2);
  }
  #live() {
    return this.#slots.flatMap((s) => s.worker !== void 0 && s.worker.isConnected() ? [s.worker] : []);
  }
  #handle(slot, worker, message2) {
    const state = this.#slots[slot];
    switch (message2.cp) {
      case "ready":
        return this.#send(worker, {
          cp: "init",
          index: slot,
          ...this.#signingKey === void 0 ? {} : { signingKey: this.#signingKey.toString("base64") }
        });
      case "listening":
        state.listening = true;
        if (this.#started) {
          this.#logger.log("info", "worker replaced", { worker: slot, pid: worker.process.pid });
        } else if (this.#slots.every((s) => s.listening)) {
          this.#onStarted?.resolve(message2.url);
        }
        return;
      case "failed":
        state.failure = message2.error;
        return;
      case "drop":
        return this.#drop(worker, message2.id, message2.change);
      case "drop-ack":
        return this.#acknowledged(worker, message2.id);
      case "metrics":
        return this.#collect(worker, message2.id);
      case "metrics-text": {
        const pending = this.#collections.get(message2.id);
        if (pending === void 0 || !pending.remaining.delete(worker)) return;
        pending.texts.push({ worker: slot, text: message2.text });
        if (pending.remaining.size === 0) this.#answerMetrics(message2.id);
        return;
      }
    }
  }
  /** Tells every other worker to drop `change`; answers `from` once they all did. */
  #drop(from, id, change) {
    const others = this.#live().filter((w) => w !== from);
    if (others.length === 0) return this.#send(from, { cp: "dropped", id });
    const own = this.#nextId++;
    const timer = setTimeout(() => {
      const pending = this.#drops.get(own);
      if (pending === void 0) return;
      for (const stuck of pending.remaining) {
        this.#logger.log("error", "worker did not acknowledge a cache drop: replacing it", {
          worker: this.#slotOf(stuck),
          pid: stuck.process.pid
        });
        stuck.process.kill("SIGKILL");
      }
      this.#finishDrop(own);
    }, DROP_ACK_TIMEOUT_MS);
    timer.unref();
    this.#drops.set(own, { from, id, remaining: new Set(others), timer });
    for (const other of others) this.#send(other, { cp: "drop", id: own, change });
  }
  #acknowledged(worker, own) {
    const pending = this.#drops.get(own);
    if (pending === void 0) return;
    pending.remaining.delete(worker);
    if (pending.remaining.size === 0) this.#finishDrop(own);
  }
  #finishDrop(own) {
    const pending = this.#drops.get(own);
    if (pending === void 0) return;
    this.#drops.delete(own);
    clearTimeout(pending.timer);
    this.#send(pending.from, { cp: "dropped", id: pending.id });
  }
  /** Asks every worker for its metrics; answers `from` with all of them, labelled by worker. */
  #collect(from, id) {
    const own = this.#nextId++;
    const workers = this.#live();
    const timer = setTimeout(() => this.#answerMetrics(own), METRICS_TIMEOUT_MS);
    timer.unref();
    this.#collections.set(own, { from, id, texts: [], remaining: new Set(workers), timer });
    for (const worker of workers) this.#send(worker, { cp: "collect", id: own });
  }
  #answerMetrics(own) {
    const pending = this.#collections.get(own);
    if (pending === void 0) return;
    this.#collections.delete(own);
    clearTimeout(pending.timer);
    const texts = [...pending.texts].sort((a, b) => a.worker - b.worker);
    this.#send(pending.from, { cp: "metrics", id: pending.id, text: mergeExpositions(texts) });
  }
  #slotOf(worker) {
    return this.#slots.findIndex((s) => s.worker === worker);
  }
  #exited(slot, worker, code, signal) {
    const state = this.#slots[slot];
    if (state.worker === worker) state.worker = void 0;
    for (const [own, pending] of this.#drops) {
      if (pending.from === worker) {
        clearTimeout(pending.timer);
        this.#drops.delete(own);
      } else if (pending.remaining.delete(worker) && pending.remaining.size === 0) this.#finishDrop(own);
    }
    for (const [own, pending] of this.#collections) {
      if (pending.remaining.delete(worker) && pending.remaining.size === 0) this.#answerMetrics(own);
    }
    if (this.#closing) {
      if (this.#slots.every((s) => s.worker === void 0)) this.#allExited();
      return;
    }
    const how = signal === null ? `exited with status ${code ?? "?"}` : `was killed by ${signal}`;
    if (!this.#started) {
      const failure = state.failure;
      this.#onStarted?.reject(
        failure === void 0 ? new ContainerPackageError(
          "REGISTRY_WORKER_FAILED",
          `registry worker ${slot} (PID ${worker.process.pid ?? "?"}) ${how} before it listened`,
          { hint: "see its log lines above on stderr; try without --workers to see the error alone" }
        ) : restore(failure)
      );
      return;
    }
    const now = Date.now();
    this.#restarts = [...this.#restarts.filter((at) => now - at < RESTART_WINDOW_MS), now];
    if (this.#restarts.length > MAX_RESTARTS) {
      this.#logger.log("error", "workers keep dying: stopping", {
        worker: slot,
        restarts: this.#restarts.length
      });
      this.#fail(
        new ContainerPackageError(
          "REGISTRY_WORKER_FAILED",
          `registry workers died ${this.#restarts.length} times within ${RESTART_WINDOW_MS / 1e3} s (the last, worker ${slot}, ${how})`,
          {
            hint: "see the workers\u2019 error lines above on stderr; the registry stopped rather than restart them forever"
          }
        )
      );
      return;
    }
    this.#logger.log("error", "worker died: starting another", {
      worker: slot,
      pid: worker.process.pid,
      ...signal === null ? { status: code } : { signal }
    });
    this.#fork(slot);
  }
  /** Asks every worker to stop, waits for them (killing any that outlive the shutdown timeout). */
  async #stopAll() {
    this.#closing = true;
    const live = this.#slots.filter((s) => s.worker !== void 0);
    if (live.length > 0) {
      const exited = new Promise((resolve5) => this.#allExited = resolve5);
      for (const state of live) this.#send(state.worker, { cp: "shutdown" });
      const force = setTimeout(() => {
        for (const state of this.#slots) state.worker?.process.kill("SIGKILL");
      }, this.#config.shutdownTimeoutMs + 5e3);
      force.unref();
      await exited;
      clearTimeout(force);
    }
  }
};
function restore(failure) {
  if (failure.code === void 0) return new Error(failure.message);
  return new ContainerPackageError(failure.code, failure.message, {
    ...failure.hint === void 0 ? {} : { hint: failure.hint }
  });
}

// src/registry/cluster/worker.ts
var ANSWER_TIMEOUT_MS = 3e4;
async function runWorker(config, describe) {
  const send = (message2) => {
    if (process.connected) process.send(message2);
  };
  const waiting = /* @__PURE__ */ new Map();
  let nextId = 1;
  const ask = (message2) => {
    const id = nextId++;
    return new Promise((resolve5) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve5(void 0);
      }, ANSWER_TIMEOUT_MS);
      timer.unref();
      waiting.set(id, (answer) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve5(answer);
      });
      send(message2(id));
    });
  };
  let drop;
  let metrics;
  let service;
  let stopping;
  const stop = () => stopping ??= (async () => {
    await service?.close().catch(() => void 0);
    process.exit(0);
  })();
  let init = () => void 0;
  const initialized = new Promise((resolve5) => init = resolve5);
  process.on("message", (message2) => {
    if (!isProtocolMessage(message2)) return;
    const m = message2;
    switch (m.cp) {
      case "init":
        return init(m);
      case "drop":
        drop?.(m.change);
        return send({ cp: "drop-ack", id: m.id });
      case "collect":
        void (metrics?.render() ?? Promise.resolve("")).then(
          (text) => send({ cp: "metrics-text", id: m.id, text }),
          () => send({ cp: "metrics-text", id: m.id, text: "" })
        );
        return;
      case "dropped":
      case "metrics":
        return waiting.get(m.id)?.(m);
      case "shutdown":
        void stop();
        return;
    }
  });
  process.on("SIGINT", () => void 0);
  process.on("SIGTERM", () => void stop());
  process.on("disconnect", () => void stop());
  send({ cp: "ready" });
  const { index, signingKey } = await initialized;
  const coherence = {
    announce: async (change) => {
      await ask((id) => ({ cp: "drop", id, change }));
    },
    onChange: (listener) => {
      drop = listener;
    }
  };
  try {
    service = await startRegistryService(config, {
      worker: {
        index,
        signingKey: signingKey === void 0 ? void 0 : Buffer.from(signingKey, "base64"),
        coherence,
        metricsText: async () => {
          const answer = await ask((id) => ({ cp: "metrics", id }));
          if (answer?.cp === "metrics") return answer.text;
          return await metrics?.render() ?? "";
        },
        onMetrics: (created) => {
          metrics = created;
        }
      }
    });
  } catch (error) {
    send({ cp: "failed", error: describe(error) });
    await new Promise((resolve5) => setTimeout(resolve5, 50));
    process.exit(1);
  }
  send({ cp: "listening", url: service.url });
  return new Promise(() => void 0);
}
function workerSlot(env = process.env) {
  const value = env[WORKER_ENV];
  return value === void 0 || !/^\d+$/.test(value) ? void 0 : Number(value);
}

// src/registry/mirror/local-config.ts
function localMirrorConfig(entries, source = "local-registry.mirror") {
  const text = dump({ mirrors: entries.map((entry) => entry.trim().replace(/\/+$/, "")) });
  parseConfig(text, { source });
  return text;
}

// src/registry/gc/offline.ts
import { hostname as hostname5 } from "node:os";
async function collectGarbageAt(root, options = {}) {
  const store = typeof root === "string" ? new DiskStore({ root }) : root;
  const coordinator = new GcCoordinator({
    access: new AccessTimes({ persist: atimePersister(store.driver, new Layout()) })
  });
  const collector = new Collector({
    store,
    driver: store.driver,
    coordinator,
    graceMs: options.graceMs ?? GC_DEFAULTS.graceMs,
    maxSizeBytes: 0,
    lockCommand: "container-package registry gc",
    // Replicas may be collecting the same bucket: take the lease like they do.
    ...store.driver.name === "filesystem" ? {} : { lease: new GcLease(store.driver, { holder: `registry-gc@${hostname5()}-${process.pid}` }) }
  });
  return collector.collect({ dryRun: options.dryRun === true });
}
export {
  AccessTimes,
  Collector,
  DiskStore,
  DriverStore,
  ERROR_TABLE,
  FilesystemDriver,
  GC_DEFAULTS,
  GcCoordinator,
  GuardedStore,
  LOW_WATER,
  MIRROR_DEFAULTS,
  Metrics,
  Mirrors,
  OidcVerifier,
  PackageStats,
  PackagesAuthorizer,
  RegistryApiError,
  RegistryAuthError,
  RegistryConfigError,
  RegistryOptionsError,
  SCOPES,
  STALE_WARNING,
  StorageLockedError,
  StoreError,
  TokenStore,
  acquireStorageLock,
  apiError,
  atimePersister,
  authorizerFor,
  checkListenSafety,
  collectGarbageAt,
  createRegistry,
  createToken,
  defaultConfig,
  defaultStorageDir,
  describeStorage,
  fileKeySource,
  isOpen,
  jsonLogger,
  listTokens,
  loadConfigFile,
  localMirrorConfig,
  mirrorOptionsOf,
  openAuthorizer,
  openStore,
  parseConfig,
  parseDurationFlag,
  parseUpstream,
  resolveMirrors,
  resolveOptions,
  revokeToken,
  runWorker,
  silentLogger,
  startRegistryService,
  startWorkers,
  tokensFileOf,
  upstreamRepository,
  urlKeySource,
  withOverrides,
  workerSlot
};
