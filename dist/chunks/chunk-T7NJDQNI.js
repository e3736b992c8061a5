import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  isImageManifestMediaType,
  isIndexMediaType
} from "./chunk-42VI6ERD.js";
import {
  DIGEST_ALGORITHMS,
  checkDigest,
  isDigestAlgorithm
} from "./chunk-BOB5LCPH.js";
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/oci/digest.ts
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";

// src/oci/errors.ts
var OciFormatError = class extends ContainerPackageError {
  constructor(code, message, details = {}) {
    super(code, message, details);
    this.name = "OciFormatError";
  }
};
var InvalidDigestError = class extends ContainerPackageError {
  value;
  reason;
  constructor(value, reason) {
    super("OCI_INVALID_DIGEST", `invalid digest ${JSON.stringify(value)}: ${reason}`);
    this.name = "InvalidDigestError";
    this.value = value;
    this.reason = reason;
  }
};
var DigestMismatchError = class extends ContainerPackageError {
  expected;
  actual;
  constructor(expected, actual) {
    super("OCI_DIGEST_MISMATCH", `content digest mismatch: expected ${expected}, got ${actual}`);
    this.name = "DigestMismatchError";
    this.expected = expected;
    this.actual = actual;
  }
};
var SizeMismatchError = class extends ContainerPackageError {
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
var DigestStateError = class extends ContainerPackageError {
  constructor(message, hint) {
    super("OCI_DIGEST_STATE", message, hint === void 0 ? {} : { hint });
    this.name = "DigestStateError";
  }
};

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
  return `${algorithm}:${createHash(algorithm).update(data).digest("hex")}`;
}
function createDigester(algorithm = "sha256") {
  parseDigestAlgorithm(algorithm);
  const hash = createHash(algorithm);
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
      size += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      hash.update(chunk);
    },
    digest() {
      result ??= `${algorithm}:${hash.digest("hex")}`;
      return result;
    }
  };
}

// src/oci/digest-stream.ts
import { Transform } from "node:stream";
var DigestStream = class extends Transform {
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
var VerifyingStream = class extends DigestStream {
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

// src/oci/manifest.ts
function parseManifest(bytes, contentType) {
  const text = typeof bytes === "string" ? bytes : new TextDecoder().decode(bytes);
  let value;
  try {
    value = JSON.parse(text);
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
  const mediaType = declared ?? (contentType && (isIndexMediaType(contentType) || isImageManifestMediaType(contentType)) ? contentType : isList ? "application/vnd.oci.image.index.v1+json" : "application/vnd.oci.image.manifest.v1+json");
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

// src/oci/image.ts
function blobsOf(artifact) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  const visit = (a) => {
    if (a.kind === "index") {
      a.children.forEach(visit);
      return;
    }
    for (const blob of [a.config, ...a.layers]) {
      if (seen.has(blob.descriptor.digest)) continue;
      seen.add(blob.descriptor.digest);
      out.push(blob);
    }
  };
  visit(artifact);
  return out;
}

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

export {
  parseDigest,
  isDigest,
  digestBytes,
  createDigester,
  DigestStream,
  VerifyingStream,
  parseManifest,
  blobsOf,
  mapLimit
};
