import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  mapLimit
} from "./chunk-W2BKWXYY.js";
import {
  ExecError
} from "./chunk-UMIJCHBN.js";
import {
  credentialKey,
  keyMatches,
  registryOrigin,
  splitHostPort
} from "./chunk-VOPWR7NI.js";
import {
  require_node_http
} from "./chunk-UWDPJ3P3.js";
import {
  pipeReleasing
} from "./chunk-BTFJLG4I.js";
import {
  DigestStream,
  MediaType,
  OciFormatError,
  VerifyingStream,
  blobsOf,
  createDigester,
  digestBytes,
  isDigest,
  isForeign,
  manifestAcceptTypes,
  parseDigest,
  parseManifest
} from "./chunk-3Z4QJIGU.js";
import {
  parseJsonObject
} from "./chunk-WQLW65TX.js";
import {
  isDigestAlgorithm,
  parseReference,
  parseTag
} from "./chunk-43WCQIHM.js";
import {
  ContainerPackageError,
  isContainerPackageError
} from "./chunk-P65RQTMN.js";
import {
  loadExeca
} from "./chunk-DKSL4ZNQ.js";
import {
  __toESM
} from "./chunk-MFDBYX32.js";

// src/client/blobs/get-blob.ts
import { Transform } from "node:stream";

// src/client/errors.ts
var import_node_http = __toESM(require_node_http(), 1);
var ClientError = class extends ContainerPackageError {
  constructor(code, message, details = {}) {
    super(code, message, details);
    this.name = "ClientError";
  }
  /** True when the same request may succeed if sent again later (the retry layer asks this). */
  isTemporary() {
    return false;
  }
};
var TEMPORARY_STATUSES = /* @__PURE__ */ new Set([408, 425, 429, 500, 502, 503, 504]);
var NOT_FOUND_CODES = /* @__PURE__ */ new Set(["MANIFEST_UNKNOWN", "BLOB_UNKNOWN", "NAME_UNKNOWN", "NOT_FOUND"]);
var RegistryError = class extends ClientError {
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
var TEMPORARY_REASONS = /* @__PURE__ */ new Set([
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
var NetworkError = class _NetworkError extends ClientError {
  /** The low-level code, e.g. `ECONNRESET`, `UND_ERR_SOCKET`. */
  reason;
  method;
  url;
  /** How many times the request was sent, once the retry layer gave up; else `undefined`. */
  attempts;
  constructor(code, reason, method, url, details = {}) {
    const tries = details.attempts === void 0 ? "" : ` after ${details.attempts} attempts`;
    super(code, `${method} ${url}: ${describeReason(code, reason)}${tries}`, {
      hint: details.hint ?? (code === "CLIENT_UNAVAILABLE" ? UNAVAILABLE_HINT : void 0),
      cause: details.cause
    });
    this.name = "NetworkError";
    this.reason = reason;
    this.method = method;
    this.url = url;
    this.attempts = details.attempts;
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
var UNAVAILABLE_HINT = "check that the registry is running and reachable, and whether it speaks http or https (plain http is used only for loopback addresses, and for hosts given to the CLI with --insecure)";
function describeReason(code, reason) {
  if (code === "CLIENT_UNAVAILABLE") return `cannot connect (${reason})`;
  if (code === "CLIENT_TIMEOUT") return `timed out (${reason})`;
  return `connection failed (${reason})`;
}
var RetriesExhaustedError = class extends ClientError {
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
var ContentMismatchError = class extends ClientError {
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
function clientError(code, message, details = {}) {
  return new ClientError(code, message, details);
}

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

// src/client/transport/backoff.ts
function backoffDelay(retry, policy, random = Math.random) {
  const exponent = Math.max(0, retry - 1);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  return Math.floor(random() * ceiling);
}
function parseRetryAfter(value, now = Date.now()) {
  if (value === void 0) return void 0;
  const text = value.trim();
  if (text === "") return void 0;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1e3);
  if (!/[a-z]/i.test(text)) return void 0;
  const date = Date.parse(text);
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
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// src/client/transport/redact.ts
var SECRET_PARAMS = /* @__PURE__ */ new Set([
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
var REDACTED = "REDACTED";
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
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.has(key.toLowerCase())) parsed.searchParams.set(key, REDACTED);
  }
  return parsed.toString();
}
function redactText(text, secrets = []) {
  let out = text.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`).replace(
    /("(?:token|access_token|refresh_token|identitytoken|password|secret|auth)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    `$1"${REDACTED}"`
  ).replace(/(\/\/)[^/\s:@]+:[^/\s@]+@/g, `$1${REDACTED}@`).replace(
    /\b(token|access_token|refresh_token|password|passwd|secret)(\s*[=:]\s*)(?!REDACTED)[^\s&"',;]+/gi,
    `$1$2${REDACTED}`
  ).replace(
    /([?&])([A-Za-z_-]+)=([^&\s"']*)/g,
    (match, sep, key) => SECRET_PARAMS.has(key.toLowerCase()) ? `${sep}${key}=${REDACTED}` : match
  );
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

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

// src/client/transport/check.ts
var ERROR_BODY_LIMIT = 64 * 1024;
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
function parseDiagnostics(text) {
  let value;
  try {
    value = JSON.parse(text);
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
  const text = response.method === "HEAD" ? "" : await readCapped(response.body);
  if (response.method === "HEAD") await response.body.dump().catch(() => void 0);
  const diagnostics = parseDiagnostics(text);
  const retryAfterMs = parseRetryAfter(header(response, "retry-after"));
  return new RegistryError({
    status: response.status,
    method: response.method,
    url: redactUrl(response.url),
    diagnostics: diagnostics ?? [],
    ...diagnostics === void 0 && text.trim() !== "" ? { body: redactText(text) } : {},
    ...retryAfterMs === void 0 ? {} : { retryAfterMs },
    ...context
  });
}
async function expectStatus(response, expected, context = {}) {
  if (expected.includes(response.status)) return;
  throw await readRegistryError(response, context);
}

// src/client/blobs/get-blob.ts
var MAX_REDIRECTS = 5;
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
var BlobVerifier = class extends Transform {
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

// src/client/progress.ts
function report(observer, event) {
  if (observer === void 0) return;
  try {
    observer(event);
  } catch {
  }
}

// src/client/blobs/attempts.ts
var LOST_UPLOAD_CODES = /* @__PURE__ */ new Set(["BLOB_UPLOAD_UNKNOWN", "BLOB_UPLOAD_INVALID"]);
function isRestartable(error) {
  if (!(error instanceof ClientError)) return false;
  if (error.isTemporary()) return true;
  return error instanceof RegistryError && (error.status === 416 || error.diagnostics.some((d) => LOST_UPLOAD_CODES.has(d.code)));
}
var Attempts = class {
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

// src/client/blobs/steps.ts
function base(ctx, scopes = [pushScope(ctx.repo)]) {
  return { scopes, ...ctx.signal ? { signal: ctx.signal } : {} };
}
var REDIRECTS = [301, 302, 303, 307, 308];
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
var INITIATE_TIMEOUT_MS = 6e4;
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
var CANCEL_TIMEOUT_MS = 5e3;
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
function withDigest(location, digest) {
  const url = new URL(location);
  url.searchParams.set("digest", digest);
  return url;
}
async function commitUpload(ctx, location, digest) {
  const response = await ctx.session.send(
    { method: "PUT", url: withDigest(location, digest), headers: { "content-length": "0" }, ...base(ctx) },
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

// src/client/blobs/upload.ts
import { Readable } from "node:stream";

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
var BlobHasher = class {
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
var BlobCursor = class {
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
function checksItself(stream, descriptor) {
  return stream instanceof VerifyingStream && stream.expected.digest === descriptor.digest && stream.expected.size === descriptor.size;
}
function toBuffer(value) {
  if (typeof value === "string") return Buffer.from(value);
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

// src/client/blobs/upload.ts
async function uploadMonolithic(ctx, blob, location) {
  const { digest, size } = blob.descriptor;
  const body = async (signal) => {
    const cursor = new BlobCursor(await openSource(blob, signal), new BlobHasher(blob.descriptor), signal);
    return Readable.from(closing(cursor, cursor.take(size, ctx.onBytes)), { objectMode: false });
  };
  const response = await ctx.session.send(
    {
      method: "PUT",
      url: withDigest(location, digest),
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
      body: Readable.from(cursor.take(count, ctx.onBytes), { objectMode: false }),
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

// src/client/blobs/push-blob.ts
async function pushBlobTo(ctx, blob, options = {}) {
  const { digest, size } = blob.descriptor;
  parseDigest(digest);
  const { session, repo, signal } = ctx;
  const repository = formatRepository(repo);
  const event = (type, bytes, from) => report(options.onProgress, { type, repository, digest, bytes, total: size, ...from ? { from } : {} });
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

// src/client/blobs/stream-blob.ts
import { pipeline } from "node:stream";
var PROGRESS_STEP = 1024 * 1024;
async function uploadStream(ctx, stream, options = {}) {
  const repository = formatRepository(ctx.repo);
  const id = options.progressId ?? "";
  const event = (type, bytes, total) => report(options.onProgress, { type, repository, digest: id, bytes, total });
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
    pipeline(stream, hasher, () => void 0);
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
var ProgressDigestStream = class extends DigestStream {
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

// src/client/listing.ts
var MAX_PAGES = 1e4;
var PAGE_LIMIT = 16 * 1024 * 1024;
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
    const text = await readCapped(response.body, PAGE_LIMIT);
    let page;
    try {
      page = JSON.parse(text);
    } catch {
      throw clientError("CLIENT_BAD_RESPONSE", `${first.pathname} answered something that is not JSON`);
    }
    onPage(page, response);
    const next = nextLink(header(response, "link"));
    url = next === void 0 ? void 0 : sameOrigin(next, url, ctx.session.origin, "Link");
  }
  return true;
}

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

// src/client/manifests.ts
var MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
function opts(ctx, scope) {
  return { scopes: [scope], ...ctx.signal ? { signal: ctx.signal } : {} };
}
async function putManifest(ctx, reference, bytes, mediaType, tagAlgorithm = "sha256") {
  const algorithm = isDigest(reference) ? parseDigest(reference).algorithm : tagAlgorithm;
  const digest = digestBytes(bytes, algorithm);
  if (isDigest(reference) && reference !== digest) {
    throw new ContentMismatchError(`manifest bytes hash to ${digest}, not ${reference}`, reference, digest);
  }
  const response = await ctx.session.send(
    {
      method: "PUT",
      url: ctx.session.url(apiPath(ctx.repo, "manifests", reference)),
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
async function getManifest(ctx, reference, accept = manifestAcceptTypes) {
  const response = await ctx.session.send(
    {
      method: "GET",
      url: ctx.session.url(apiPath(ctx.repo, "manifests", reference)),
      headers: { accept: accept.join(", ") },
      ...opts(ctx, pullScope(ctx.repo))
    },
    [200],
    { repository: ctx.repo.repository }
  );
  const bytes = await readLimited(response, MAX_MANIFEST_BYTES);
  const algorithm = isDigest(reference) ? parseDigest(reference).algorithm : "sha256";
  const digest = digestBytes(bytes, algorithm);
  if (isDigest(reference) && reference !== digest) {
    throw new ContentMismatchError(
      `the registry served manifest bytes hashing to ${digest} for ${reference}`,
      reference,
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
async function headManifest(ctx, reference, accept = manifestAcceptTypes) {
  const response = await ctx.session.send(
    {
      method: "HEAD",
      url: ctx.session.url(apiPath(ctx.repo, "manifests", reference)),
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
    const fetched = await getManifest(ctx, reference, accept);
    return { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.size };
  }
  return { digest, mediaType, size };
}
async function deleteManifest(ctx, reference) {
  const response = await ctx.session.send(
    {
      method: "DELETE",
      url: ctx.session.url(apiPath(ctx.repo, "manifests", reference)),
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

// src/client/transport/node-http.ts
import { createRequire } from "node:module";
var requireBuiltin = createRequire(import.meta.url);
var DUMP_LIMIT = 128 * 1024;
var NodeHttpDispatcher = class {
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
function send(scheme, url, secure, options, connectTimeoutMs) {
  return new Promise((resolve, reject) => {
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
      resolve({
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
  const dump = ({ limit = DUMP_LIMIT } = {}) => new Promise((resolve) => {
    if (response.readableEnded || response.destroyed) {
      resolve();
      return;
    }
    let seen = 0;
    const done = () => {
      response.off("data", count);
      resolve();
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
  return Object.assign(response, { dump });
}
function timeout(code, message) {
  return Object.assign(new Error(message), { code });
}

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
var LazyUndiciAgent = class {
  #options;
  #agent;
  constructor(options) {
    this.#options = options;
  }
  async request(options) {
    this.#agent ??= import("./agent-63T2TI2P.js").then(
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

// src/client/credentials/docker-config.ts
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
function dockerConfigDir(env = process.env) {
  const dir = env.DOCKER_CONFIG;
  return dir !== void 0 && dir !== "" ? dir : join(homedir(), ".docker");
}
function dockerConfigPath(dir = dockerConfigDir()) {
  return join(dir, "config.json");
}
async function readDockerConfig(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw clientError("CLIENT_CREDENTIALS_CONFIG", `cannot read the docker config ${path}`, { cause: error });
  }
  return parseDockerConfig(text, path);
}
function parseDockerConfig(text, path) {
  const value = parseJsonObject(text);
  if (value === void 0) {
    throw clientError("CLIENT_CREDENTIALS_CONFIG", `the docker config ${path} is not a JSON object`, {
      hint: "fix or remove the file (docker login recreates it)"
    });
  }
  return value;
}
function findAuthEntry(config, registry) {
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    if (!keyMatches(key, registry) || typeof entry !== "object" || entry === null) continue;
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
  for (const [key, helper] of Object.entries(config.credHelpers ?? {})) {
    if (keyMatches(key, registry) && typeof helper === "string" && helper !== "") return helper;
  }
  return nonEmpty(config.credsStore);
}
function nonEmpty(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}

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
    const text = `${result.stdout}
${result.stderr}`.trim();
    if (/credentials not found|not found in native keychain|no credentials/i.test(text)) return void 0;
    throw clientError(
      "CLIENT_CREDENTIALS_HELPER",
      `${program} get failed for ${registry} (exit ${result.exitCode}): ${redactText(text).slice(0, 300)}`,
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

// src/client/credentials/provider.ts
function dockerConfigCredentials(options = {}) {
  return async (registry) => {
    const env = options.env ?? process.env;
    const path = dockerConfigPath(options.configDir ?? dockerConfigDir(env));
    const config = await readDockerConfig(path);
    if (config === void 0) return void 0;
    const fromFile = findAuthEntry(config, registry);
    if (fromFile !== void 0) return fromFile;
    const helper = helperFor(config, registry);
    return helper === void 0 ? void 0 : helperCredentials(helper, registry, { env });
  };
}
function staticCredentials(map) {
  return async (registry) => {
    for (const [key, value] of Object.entries(map)) {
      if (!keyMatches(key, registry)) continue;
      return "auth" in value ? decodeAuthEntry(value) : value;
    }
    return void 0;
  };
}
var anonymousCredentials = async () => void 0;

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

// package.json
var package_default = { name: "container-package", version: "0.1.0" };

// src/client/version.ts
var VERSION = package_default.version;

// src/client/options.ts
var MiB = 1024 * 1024;
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

// src/client/credentials/types.ts
var CREDENTIALS_REFRESH_MARGIN_MS = 6e4;
function isExpiring(credentials, now = Date.now()) {
  return credentials?.expiresAt !== void 0 && credentials.expiresAt - now < CREDENTIALS_REFRESH_MARGIN_MS;
}

// src/client/transport/basic.ts
function basicAuthorization(credentials) {
  if (credentials?.username === void 0 || credentials.username === "") return void 0;
  const pair = `${credentials.username}:${credentials.password ?? ""}`;
  return `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
}

// src/client/transport/token.ts
import { isIP } from "node:net";
var DEFAULT_TOKEN_LIFETIME_S = 60;
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
  const text = await readCapped(response.body, 1024 * 1024);
  return parseTokenResponse(text, started, request);
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
function parseTokenResponse(text, now, request) {
  let value;
  try {
    value = JSON.parse(text);
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
  if (isIP(host) !== 0 || host.includes(":")) return host;
  return host.split(".").slice(-2).join(".");
}

// src/client/transport/bearer.ts
function scopeKey(scopes) {
  return [...new Set(scopes)].sort().join(" ");
}
var BearerTokens = class {
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
    const key = scopeKey(scopes);
    const now = (this.#options.now ?? Date.now)();
    let pending = this.#tokens.get(key);
    if (pending !== void 0) {
      const token = await pending.catch(() => void 0);
      if (token !== void 0 && token.refreshAt > now) return `Bearer ${token.token}`;
      if (this.#tokens.get(key) === pending) this.#tokens.delete(key);
      pending = this.#tokens.get(key);
    }
    if (pending === void 0) {
      const credentials = await this.#options.credentials();
      if (credentials?.registryToken) return `Bearer ${credentials.registryToken}`;
      pending = this.#tokens.get(key);
      if (pending === void 0) {
        const started = this.#fetch(key, credentials, signal);
        this.#tokens.set(key, started);
        started.catch(() => {
          if (this.#tokens.get(key) === started) this.#tokens.delete(key);
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
  #fetch(key, credentials, signal) {
    return fetchToken(this.#options.transport, {
      realm: this.#challenge.realm,
      service: this.#challenge.service,
      scopes: key === "" ? [] : key.split(" "),
      credentials,
      registry: this.#options.registry,
      clientId: this.#options.clientId,
      ...signal ? { signal } : {}
    });
  }
};

// src/client/transport/challenge.ts
var SEPARATORS = /* @__PURE__ */ new Set([" ", "	", ",", "=", '"']);
function parseChallenges(values) {
  const out = [];
  for (const value of typeof values === "string" ? [values] : values) out.push(...parseOne(value));
  return out;
}
function parseOne(text) {
  const challenges = [];
  let current;
  let i = 0;
  const skip = (chars) => {
    while (i < text.length && chars.includes(text[i])) i++;
  };
  const token = () => {
    const start = i;
    while (i < text.length && !SEPARATORS.has(text[i])) i++;
    return text.slice(start, i);
  };
  const quoted = () => {
    let value = "";
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\" && i + 1 < text.length) i++;
      value += text[i];
      i++;
    }
    i++;
    return value;
  };
  while (i < text.length) {
    skip(" 	,");
    if (i >= text.length) break;
    if (text[i] === '"') {
      quoted();
      continue;
    }
    const name = token();
    skip(" 	");
    if (text[i] === "=" && name !== "") {
      i++;
      skip(" 	");
      const value = text[i] === '"' ? quoted() : token();
      const key = name.toLowerCase();
      if (current && !(key in current.params)) current.params[key] = value;
      continue;
    }
    if (name === "") {
      i++;
      continue;
    }
    current = { scheme: name.toLowerCase(), params: {} };
    challenges.push(current);
    const token68 = TOKEN68.exec(text.slice(i));
    if (token68) i += token68[0].length;
  }
  return challenges;
}
var TOKEN68 = /^[ \t]*[A-Za-z0-9._~+/-]+=*(?=[ \t]*(?:,|$))/;
function findChallenge(challenges, scheme) {
  return challenges.find((c) => c.scheme === scheme.toLowerCase());
}

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

// src/client/transport/auth.ts
var RegistryAuth = class {
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
function mergeScopes(challengeScope, scopes = []) {
  return [.../* @__PURE__ */ new Set([...challengeScope.split(" ").filter(Boolean), ...scopes])];
}

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
var TLS_REASON = /CERT|SSL|TLS|EPROTO/i;
var TLS_HINT = "the TLS connection failed: if the registry's certificate comes from a private CA, add the CA to NODE_EXTRA_CA_CERTS; plain http is used only for loopback addresses, and for hosts given to the CLI with --insecure";
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

// src/client/session.ts
var REFUSED = /* @__PURE__ */ new Set([401, 403]);
var RegistrySession = class {
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
  url(path) {
    return new URL(path, this.origin);
  }
  /**
   * Sends `request` and checks the status is one of `expected`.
   *
   * @throws RegistryError (with a `CLIENT_*` code chosen from the status) otherwise.
   */
  async send(request, expected, context = {}) {
    const response = await this.transport(request);
    const where = { registry: this.registry, ...context };
    if (request.method === "HEAD" && !expected.includes(response.status) && REFUSED.has(response.status)) {
      await discard(response);
      const again = await this.transport({ ...request, method: "GET" });
      if (REFUSED.has(again.status)) throw await readRegistryError(again, where);
      await discard(again);
      throw await readRegistryError(response, where);
    }
    await expectStatus(response, expected, where);
    return response;
  }
};

// src/client/registry-client.ts
var RegistryClient = class {
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
  putManifest(repo, reference, bytes, mediaType, options = {}) {
    return putManifest(this.#ctx(repo, options), reference, bytes, mediaType, options.algorithm);
  }
  /** Fetches a manifest (by digest when the reference has one, else by tag, default `latest`). */
  getManifest(ref, options = {}) {
    const { repo, reference } = splitReference(ref);
    return getManifest(this.#ctx(repo, options), reference, options.accept);
  }
  /** Digest, media type and size of a manifest, or `undefined` when there is none. */
  headManifest(ref, options = {}) {
    const { repo, reference } = splitReference(ref);
    return headManifest(this.#ctx(repo, options), reference);
  }
  /** Deletes a manifest (most registries want a digest reference). */
  deleteManifest(ref, options = {}) {
    const { repo, reference } = splitReference(ref);
    return deleteManifest(this.#ctx(repo, options), reference);
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
        putManifest: (repo, reference, bytes, mediaType, opts2) => this.putManifest(repo, reference, bytes, mediaType, opts2)
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
function namespaceOf(repository) {
  return repository.slice(0, repository.lastIndexOf("/") + 1);
}
function splitReference(ref) {
  const parsed = typeof ref === "string" ? parseReference(ref, { defaultTag: true }) : ref;
  const reference = parsed.digest ?? parsed.tag ?? "latest";
  const algorithm = parsed.digest?.slice(0, parsed.digest.indexOf(":"));
  if (algorithm !== void 0 && !isDigestAlgorithm(algorithm)) {
    throw new OciFormatError(
      "OCI_UNSUPPORTED_ALGORITHM",
      `${algorithm} digests cannot be verified by this client (it verifies sha256 and sha512): ${parsed.digest}`,
      { hint: "refer to the image by tag, or by its sha256 digest (`container-package inspect` shows it)" }
    );
  }
  return { repo: { registry: parsed.registry, repository: parsed.repository }, reference };
}

// src/client/credentials/store.ts
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile as readFile2, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
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
    for (const key of Object.keys(auths)) if (keyMatches(key, registry)) delete auths[key];
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
    for (const key of Object.keys(auths)) {
      if (keyMatches(key, registry)) {
        delete auths[key];
        removed = true;
      }
    }
    return removed ? { ...config, auths } : void 0;
  });
  return removed;
}
async function updateConfig(options, change) {
  const path = dockerConfigPath(options.configDir ?? dockerConfigDir());
  let text = "";
  try {
    text = await readFile2(path, "utf8");
  } catch (error) {
    if (error.code !== "ENOENT") {
      throw clientError("CLIENT_CREDENTIALS_CONFIG", `cannot read the docker config ${path}`, {
        cause: error
      });
    }
  }
  const next = change(parseDockerConfig(text, path));
  if (next === void 0) return path;
  await writeAtomically(path, `${JSON.stringify(next, null, "	")}
`);
  return path;
}
async function writeAtomically(path, content) {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 448 });
    await writeFile(temp, content, { mode: 384, flag: "wx" });
    await chmod(temp, 384);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw clientError("CLIENT_CREDENTIALS_CONFIG", `cannot write the docker config ${path}`, {
      cause: error,
      hint: `check that ${dirname(path)} is writable (or set DOCKER_CONFIG to a directory that is)`
    });
  }
}

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

export {
  ClientError,
  RegistryError,
  isTemporaryStatus,
  NetworkError,
  RetriesExhaustedError,
  ContentMismatchError,
  toRepositoryName,
  formatRepository,
  redactUrl,
  redactText,
  dockerConfigDir,
  dockerConfigPath,
  dockerConfigCredentials,
  staticCredentials,
  anonymousCredentials,
  resolveClientOptions,
  CREDENTIALS_REFRESH_MARGIN_MS,
  isExpiring,
  RegistryClient,
  splitReference,
  storeCredentials,
  removeCredentials,
  fetchArtifact
};
