import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/registry/storage/errors.ts
var StoreError = class extends ContainerPackageError {
  /** For upload errors: the number of bytes the session holds now. */
  size;
  /** For digest mismatches: the digest the content actually has. */
  actualDigest;
  constructor(code, message, details = {}) {
    super(code, message, { hint: details.hint, cause: details.cause });
    this.name = "StoreError";
    this.size = details.size;
    this.actualDigest = details.actualDigest;
  }
};
function isMissing(error) {
  const code = error?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

// src/registry/storage/s3/options.ts
var MIN_PART_SIZE = 5 * 1024 * 1024;
var DEFAULT_PART_SIZE = 8 * 1024 * 1024;
function normalisePrefix(prefix) {
  const trimmed = (prefix ?? "").replace(/^\/+/, "").replace(/\/+$/, "");
  return trimmed === "" ? "" : `${trimmed}/`;
}

// src/registry/storage/driver/keys.ts
function joinKey(...segments) {
  return segments.filter((segment) => segment !== "").join("/");
}
function checkKey(key) {
  if (key === "") return key;
  if (key.startsWith("/") || key.includes("\\") || key.includes("\0")) throw unsafe(key);
  for (const segment of key.split("/")) {
    if (segment === "" || segment === "." || segment === "..") throw unsafe(key);
  }
  return key;
}
function unsafe(key) {
  return new Error(`unsafe storage key ${JSON.stringify(key)}`);
}

export {
  StoreError,
  isMissing,
  joinKey,
  checkKey,
  MIN_PART_SIZE,
  DEFAULT_PART_SIZE,
  normalisePrefix
};
