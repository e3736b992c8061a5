import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  SourceError
} from "./chunk-R6VQUKQF.js";

// src/sources/compress-options.ts
import { availableParallelism } from "node:os";
var COMPRESSIONS = ["gzip", "zstd", "none"];
var LEVELS = {
  gzip: { min: 0, max: 9, default: 6 },
  zstd: { min: 1, max: 22, default: 3 },
  none: { min: 0, max: 0, default: 0 }
};
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
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw invalidOption(`concurrency ${concurrency} is not a positive integer`, "Use 1 or more.");
  }
  return { compression, level, concurrency, tmpDir: options.tmpDir, signal: options.signal };
}
function invalidOption(message, hint) {
  return new SourceError("SRC_INVALID_OPTION", message, { hint });
}

export {
  COMPRESSIONS,
  resolveCompressOptions
};
