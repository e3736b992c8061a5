import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  require_tar_stream
} from "./chunk-AN7L37DW.js";
import {
  mapLimit
} from "./chunk-W2BKWXYY.js";
import {
  resolveCompressOptions
} from "./chunk-EMWTN7W3.js";
import {
  formatSource
} from "./chunk-XC7ADSYC.js";
import {
  DigestStream,
  MediaType,
  VerifyingStream,
  digestBytes,
  formatPlatform,
  isDigest,
  isForeign,
  isIndexMediaType,
  isManifestMediaType,
  parseDigest,
  parseManifest
} from "./chunk-QWLZKD2D.js";
import {
  BlobIntegrityError,
  ImageSelectionError,
  SourceError,
  SourceNotFoundError
} from "./chunk-R6VQUKQF.js";
import {
  formatReference,
  parseReference
} from "./chunk-H7VNZ2OX.js";
import {
  __toESM
} from "./chunk-MFDBYX32.js";

// src/sources/loaded-image.ts
function loadedImage(artifact, origin, dispose = () => Promise.resolve()) {
  let disposed;
  return {
    artifact,
    origin,
    dispose: () => disposed ??= dispose()
  };
}

// src/sources/layout/layout-dir.ts
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";

// src/sources/file-blob.ts
import { open } from "node:fs/promises";
import { Readable, addAbortSignal, pipeline } from "node:stream";
import { createGunzip, createZstdDecompress } from "node:zlib";

// src/sources/verify.ts
var SourceVerifyingStream = class extends VerifyingStream {
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

// src/sources/file-blob.ts
var READ_CHUNK = 1024 * 1024;
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
      if (options.decompress === "gzip") steps.push(createGunzip());
      if (options.decompress === "zstd") steps.push(createZstdDecompress());
      pipeline([raw, ...steps, verifier], () => void 0);
      if (signal !== void 0) addAbortSignal(signal, verifier);
      return verifier;
    }
  };
}
async function openRange(range, where2) {
  const start = range.start ?? 0;
  let handle;
  try {
    handle = await open(range.file, "r");
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
    return Readable.from([]);
  }
  const end = range.length === void 0 ? void 0 : start + range.length - 1;
  return handle.createReadStream({ start, end, highWaterMark: READ_CHUNK });
}
function bytesBlob(descriptor, bytes) {
  return {
    descriptor,
    open(signal) {
      signal?.throwIfAborted();
      return Promise.resolve(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
    }
  };
}

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

// src/sources/layout/layout-dir.ts
var LAYOUT_HINT = "An OCI image layout directory holds oci-layout, index.json and blobs/; check the path.";
var LayoutDir = class _LayoutDir {
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
    return join(this.root, blobName(digest, where2));
  }
  async readFile(name, maxBytes) {
    const path = join(this.root, name);
    const info = await statOrUndefined(path);
    if (info === void 0 || !info.isFile())
      throw new SourceNotFoundError(path, `${name} of the OCI layout`, LAYOUT_HINT);
    if (info.size > maxBytes) {
      throw new SourceError(
        "SRC_UNSUPPORTED",
        `${path} is ${info.size} bytes; at most ${maxBytes} bytes are accepted`,
        { path }
      );
    }
    return readFile(path);
  }
  async check(descriptor) {
    const path = this.blobPath(descriptor.digest);
    const info = await statOrUndefined(path);
    if (info === void 0 || !info.isFile()) {
      throw new SourceNotFoundError(
        path,
        `blob ${descriptor.digest}`,
        "The layout is incomplete: copy the image into it again."
      );
    }
    if (info.size !== descriptor.size) {
      throw new BlobIntegrityError(
        "SRC_SIZE_MISMATCH",
        path,
        `${descriptor.size} bytes`,
        `${info.size} bytes`
      );
    }
  }
  blob(descriptor) {
    return fileBlob(descriptor, { file: this.blobPath(descriptor.digest) });
  }
};
async function statOrUndefined(path) {
  try {
    return await stat(path);
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR") return void 0;
    throw error;
  }
}

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

// src/sources/layout/layout-files.ts
var MAX_LAYOUT_FILE_BYTES = 64 * 1024;
var MAX_INDEX_BYTES = 8 * 1024 * 1024;
var REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";
var CONTAINERD_NAME_ANNOTATION = "io.containerd.image.name";
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

// src/sources/layout/artifact.ts
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
var MAX_DEPTH = 8;
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
  const bytes = await readBlob(store.blob(descriptor), MAX_MANIFEST_BYTES, "manifest", signal);
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

// src/sources/layout/from-layout.ts
async function fromLayout(dir, options = {}) {
  options.signal?.throwIfAborted();
  const select = options.select ?? { by: "only" };
  const store = await LayoutDir.open(dir);
  const artifact = await readLayout(store, select, options.signal);
  return loadedImage(artifact, formatSource({ kind: "oci", path: dir, select }));
}

// src/sources/archive/archive-layout.ts
var ArchiveLayout = class {
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

// src/sources/archive/open-archive.ts
import { createReadStream as createReadStream2, createWriteStream } from "node:fs";
import { stat as stat2 } from "node:fs/promises";
import { pipeline as pipeline2 } from "node:stream/promises";
import { createGunzip as createGunzip2, createZstdDecompress as createZstdDecompress2 } from "node:zlib";

// src/sources/sniff.ts
import { open as open2 } from "node:fs/promises";
var MAGIC = [
  ["gzip", [31, 139, 8]],
  ["zstd", [40, 181, 47, 253]],
  ["bzip2", [66, 90, 104]],
  ["xz", [253, 55, 122, 88, 90, 0]]
];
var SNIFF_BYTES = 6;
function detectCompression(head) {
  for (const [name, magic] of MAGIC) {
    if (head.length >= magic.length && magic.every((byte, i) => head[i] === byte)) return name;
  }
  return "none";
}
async function detectFileCompression(file, offset = 0) {
  const handle = await open2(file, "r");
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

// src/sources/temp-dir.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
var TempDir = class _TempDir {
  path;
  #disposed = false;
  constructor(path) {
    this.path = path;
  }
  /**
   * Creates `container-package-<purpose>-XXXXXX` under `parent`.
   *
   * @param parent Default `os.tmpdir()` (`TMPDIR`). Put it on a disk with room for the image.
   */
  static async create(purpose, parent = tmpdir()) {
    return new _TempDir(await mkdtemp(join2(parent, `container-package-${purpose}-`)));
  }
  /** A path inside the directory. */
  file(name) {
    return join2(this.path, name);
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
    await rm(this.path, { recursive: true, force: true });
  }
};

// src/sources/archive/tar-file.ts
import { open as open3 } from "node:fs/promises";
import { posix as posix2 } from "node:path";

// src/sources/archive/tar-index.ts
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { createReadStream } from "node:fs";
import { posix } from "node:path";
var BLOCK = 512;
async function indexTar(file, signal, display = file) {
  signal?.throwIfAborted();
  const entries = /* @__PURE__ */ new Map();
  const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const parser = (0, import_tar_stream.extract)();
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const entry of parser) {
      signal?.throwIfAborted();
      const { header } = entry;
      const name = normalizeTarPath(header.name);
      if (!entries.has(name)) {
        entries.set(name, {
          name,
          type: header.type,
          size: header.type === "file" || header.type === "contiguous-file" ? header.size : 0,
          offset: entry.offset + BLOCK,
          linkname: header.linkname ?? void 0
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
  const cleaned = posix.normalize(`${name}`.replace(/^\/+/, "")).replace(/\/+$/, "");
  return cleaned === "." ? "" : cleaned.replace(/^\.\//, "");
}

// src/sources/archive/tar-file.ts
var MAX_LINK_HOPS = 8;
var TarFile = class {
  /** The tar file read. */
  path;
  /** The archive as the user named it. */
  display;
  #entries;
  #guard;
  constructor(path, entries, display = path, guard) {
    this.path = path;
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
        const base = entry.type === "symlink" ? posix2.dirname(current) : "";
        current = normalizeTarPath(posix2.join(base, entry.linkname));
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
    const handle = await open3(this.path, "r");
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
    const decompressor = compression === "gzip" ? createGunzip2() : createZstdDecompress2();
    await pipeline2(createReadStream2(file), decompressor, createWriteStream(copy), { signal });
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
    info = await stat2(file);
  } catch (error) {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") {
      throw new SourceNotFoundError(file, "archive", "Check the path of the archive.", error);
    }
    throw error;
  }
  if (!info.isFile())
    throw new SourceNotFoundError(file, "archive (it is not a file)", "Check the path of the archive.");
}

// src/sources/archive/oci-archive.ts
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

// src/sources/archive/docker-archive.ts
import { createReadStream as createReadStream3 } from "node:fs";
import { pipeline as pipeline3 } from "node:stream/promises";
import { createGunzip as createGunzip3, createZstdDecompress as createZstdDecompress3 } from "node:zlib";

// src/sources/archive/docker-manifest.ts
var DOCKER_LAYER_UNCOMPRESSED = "application/vnd.docker.image.rootfs.diff.tar";
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

// src/sources/archive/docker-archive.ts
var MAX_JSON_BYTES = 8 * 1024 * 1024;
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
    const path = normalizeTarPath(item.Layers[i]);
    if (paths.has(path)) throw invalidArchive(where2, `layer ${path} is listed for two different diff IDs`);
    paths.add(path);
    known.set(diffId, await layerInfo(tar, path, diffId, options.signal));
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
async function layerInfo(tar, path, diffId, signal) {
  const range = tar.range(path);
  const compression = range.length === 0 ? "none" : await detectFileCompression(range.file, range.start);
  if (compression === "none") return { path, size: range.length, decompress: void 0 };
  if (compression !== "gzip" && compression !== "zstd") {
    throw new SourceError(
      "SRC_UNSUPPORTED",
      `${tar.where(path)} is a ${compression}-compressed layer, which is not supported`,
      {
        path: tar.display,
        hint: "Store the layers uncompressed or gzip-compressed (as `docker save` does)."
      }
    );
  }
  const end = range.start + range.length - 1;
  const hasher = new DigestStream(diffId.startsWith("sha512:") ? "sha512" : "sha256");
  const decompressor = compression === "gzip" ? createGunzip3() : createZstdDecompress3();
  try {
    await pipeline3(
      createReadStream3(range.file, { start: range.start, end }),
      decompressor,
      hasher,
      async (source) => {
        for await (const chunk of source) void chunk;
      },
      { signal }
    );
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw invalidArchive(tar.where(path), `cannot decompress the layer: ${error.message}`, error);
  }
  if (hasher.digest !== diffId)
    throw new BlobIntegrityError("SRC_DIGEST_MISMATCH", tar.where(path), diffId, hasher.digest);
  return { path, size: hasher.size, decompress: compression };
}

// src/sources/compress-layer.ts
import { createWriteStream as createWriteStream2 } from "node:fs";
import { Transform, pipeline as pipeStreams } from "node:stream";
import { pipeline as pipeline4 } from "node:stream/promises";
import { promisify } from "node:util";
import { constants, createGzip, createZstdCompress, gzip } from "node:zlib";
async function compressToFile(blob, compression, level, file, signal) {
  signal?.throwIfAborted();
  const effective = await effectiveLevel(blob, compression, level, signal);
  const source = await blob.open(signal);
  const hasher = new DigestStream("sha256");
  await pipeline4(source, compressor(compression, effective), hasher, createWriteStream2(file), { signal });
  return { digest: hasher.digest, size: hasher.size, level: effective };
}
async function compressToUpload(blob, compression, level, upload, signal, keep) {
  signal.throwIfAborted();
  const effective = await effectiveLevel(blob, compression, level, signal);
  const compressed = await compressStream(blob, compression, effective, signal);
  const tee = keep === void 0 ? void 0 : new FileTee(keep);
  const stream = tee === void 0 ? compressed : pipeStreams(compressed, tee, noop);
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
var FileTee = class extends Transform {
  #file;
  /** Settles when the file is closed: resolved after a complete write, rejected on a write error. */
  written;
  constructor(path) {
    super();
    this.#file = createWriteStream2(path);
    this.written = new Promise((resolve, reject) => {
      this.#file.once("error", (error) => {
        reject(error);
        this.destroy(error);
      });
      this.#file.once("close", resolve);
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
async function compressStream(blob, compression, level, signal) {
  const source = await blob.open(signal);
  return pipeStreams(source, compressor(compression, level), noop);
}
var OUTPUT_CHUNK = 1024 * 1024;
function compressor(compression, level) {
  if (compression === "gzip") return createGzip({ level, chunkSize: OUTPUT_CHUNK });
  return createZstdCompress({
    params: { [constants.ZSTD_c_compressionLevel]: level },
    chunkSize: OUTPUT_CHUNK
  });
}
var gzipAsync = promisify(gzip);
var SAMPLE_BYTES = 1 << 20;
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
  const compressed = await gzipAsync(sample, { level });
  return compressed.length > sample.length * 0.97;
}

// src/sources/manifest-rewrite.ts
var TAR_LAYERS = /* @__PURE__ */ new Set([
  MediaType.ociLayer,
  MediaType.ociLayerGzip,
  MediaType.ociLayerZstd,
  MediaType.dockerLayerGzip,
  DOCKER_LAYER_UNCOMPRESSED
]);
var DOCKER_TO_OCI = {
  [MediaType.dockerManifest]: MediaType.ociManifest,
  [MediaType.dockerManifestList]: MediaType.ociIndex,
  [MediaType.dockerConfig]: MediaType.ociConfig,
  [MediaType.dockerLayerGzip]: MediaType.ociLayerGzip,
  [DOCKER_LAYER_UNCOMPRESSED]: MediaType.ociLayer,
  [MediaType.dockerLayerForeignGzip]: MediaType.ociLayerNondistributableGzip,
  "application/vnd.docker.image.rootfs.foreign.diff.tar": MediaType.ociLayerNondistributable
};
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

// src/sources/compress.ts
async function compressImage(image, options = {}) {
  const resolved = resolveCompressOptions(options);
  resolved.signal?.throwIfAborted();
  if (resolved.compression === "none") return image;
  const todo = await plainLayers(image.artifact, resolved, options.cache);
  if (todo.length === 0) return image;
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
    const artifact = rebuild(image.artifact, done, compression, temp);
    return loadedImage(artifact, image.origin, async () => {
      await temp.dispose();
      await image.dispose();
    });
  } catch (error) {
    await temp.dispose();
    resolved.signal?.throwIfAborted();
    throw error;
  }
}
async function plainLayers(artifact, options, cache) {
  const candidates = /* @__PURE__ */ new Map();
  const visit = (a) => {
    if (a.kind === "index") return a.children.forEach(visit);
    for (const layer of a.layers) {
      if (isForeign(layer.descriptor) || !isTarLayerMediaType(layer.descriptor.mediaType)) continue;
      if (!candidates.has(layer.descriptor.digest)) candidates.set(layer.descriptor.digest, layer);
    }
  };
  visit(artifact);
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
function rebuildImage(image, done, compression, temp) {
  if (!image.layers.some((layer) => done.has(layer.descriptor.digest))) return image;
  const toOci = compression === "zstd" && image.mediaType === MediaType.dockerManifest;
  const mediaType = compressedLayerMediaType(
    image.mediaType === MediaType.dockerManifest && !toOci ? "docker" : "oci",
    compression
  );
  const changes = /* @__PURE__ */ new Map();
  const layers = image.layers.map((layer, i) => {
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
  const bytes = rewriteImageManifest(image.bytes, changes, toOci);
  return {
    kind: "image",
    mediaType: toOci ? MediaType.ociManifest : image.mediaType,
    bytes,
    digest: digestBytes(bytes),
    config: toOci ? withMediaType(image.config, toOciMediaType(image.config.descriptor.mediaType)) : image.config,
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

// src/sources/open.ts
function isLocalSource(spec) {
  return spec.kind === "oci" || spec.kind === "oci-archive" || spec.kind === "docker-archive";
}
async function openLocalSource(spec, options = {}) {
  const { tmpDir, signal } = options;
  switch (spec.kind) {
    case "oci":
      return fromLayout(spec.path, { select: spec.select, signal });
    case "oci-archive":
      return fromOciArchive(spec.path, { select: spec.select, tmpDir, signal });
    case "docker-archive":
      return fromDockerArchive(spec.path, {
        select: spec.select,
        tmpDir,
        signal,
        layerMediaType: options.layerMediaType
      });
    default:
      throw new SourceError("SRC_UNSUPPORTED", `${formatSource(spec)} is not a file-based source`, {
        hint: "Engine (docker:, podman:) and registry sources are read by their own clients."
      });
  }
}

// src/sources/example-image.ts
var import_tar_stream2 = __toESM(require_tar_stream(), 1);
import { mkdir, writeFile } from "node:fs/promises";
import { join as join3 } from "node:path";
import { promisify as promisify2 } from "node:util";
import { gzip as gzip2 } from "node:zlib";
var gzipAsync2 = promisify2(gzip2);
async function writeExampleLayout(dir, options = {}) {
  const tag = options.tag ?? "latest";
  const text = options.text ?? "Hello from container-package!\n";
  const epoch = /* @__PURE__ */ new Date("2026-01-01T00:00:00Z");
  const tar = await tarOf([{ name: "hello.txt", content: text, mtime: epoch }]);
  const layer = await gzipAsync2(tar, { level: 9 });
  const config = json({
    created: epoch.toISOString(),
    architecture: "amd64",
    os: "linux",
    config: {
      Cmd: ["/hello.txt"],
      Labels: {
        "org.opencontainers.image.title": "container-package example",
        "org.opencontainers.image.source": "https://github.com/buildkite/container-package"
      }
    },
    rootfs: { type: "layers", diff_ids: [digestBytes(tar)] },
    history: [{ created: epoch.toISOString(), created_by: "container-package example image" }]
  });
  const manifest = json({
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: { mediaType: MediaType.ociConfig, digest: digestBytes(config), size: config.byteLength },
    layers: [{ mediaType: MediaType.ociLayerGzip, digest: digestBytes(layer), size: layer.byteLength }]
  });
  const digest = digestBytes(manifest);
  await mkdir(join3(dir, "blobs", "sha256"), { recursive: true });
  for (const blob of [layer, config, manifest]) {
    await writeFile(join3(dir, "blobs", "sha256", digestBytes(blob).slice("sha256:".length)), blob);
  }
  await writeFile(join3(dir, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
  const index = {
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: [
      {
        mediaType: MediaType.ociManifest,
        digest,
        size: manifest.byteLength,
        annotations: { "org.opencontainers.image.ref.name": tag }
      }
    ]
  };
  await writeFile(join3(dir, "index.json"), JSON.stringify(index));
  return { dir, source: `oci:${dir}:${tag}`, digest };
}
function json(value) {
  return Buffer.from(JSON.stringify(value));
}
async function tarOf(files) {
  const archive = (0, import_tar_stream2.pack)();
  const chunks = [];
  archive.on("data", (chunk) => {
    chunks.push(chunk);
  });
  const done = new Promise((resolve, reject) => {
    archive.on("end", resolve);
    archive.on("error", reject);
  });
  for (const file of files) {
    archive.entry({ name: file.name, mode: 420, mtime: file.mtime, uid: 0, gid: 0 }, file.content);
  }
  archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

// src/sources/blob-info-cache.ts
import { mkdir as mkdir2, readFile as readFile2, rename, writeFile as writeFile2 } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join as join4 } from "node:path";
var MAX_ENTRIES = 1e4;
var FORMAT = 2;
function defaultBlobInfoCachePath(env = process.env) {
  return join4(env.XDG_CACHE_HOME || join4(homedir(), ".cache"), "container-package", "blob-info.json");
}
var BlobInfoCache = class _BlobInfoCache {
  #path;
  #entries;
  #dirty = false;
  constructor(path, entries) {
    this.#path = path;
    this.#entries = entries;
  }
  /** An empty cache that is never saved (tests, `--no-cache`). */
  static inMemory() {
    return new _BlobInfoCache(void 0, /* @__PURE__ */ new Map());
  }
  /** Reads the cache file at `path`; anything unreadable is an empty cache. */
  static async open(path = defaultBlobInfoCachePath()) {
    const entries = /* @__PURE__ */ new Map();
    try {
      const value = JSON.parse(await readFile2(path, "utf8"));
      if (typeof value === "object" && value !== null) {
        for (const [key2, info] of Object.entries(value)) {
          if (key2.endsWith(` v${FORMAT}`) && isInfo(info)) entries.set(key2, info);
        }
      }
    } catch {
    }
    return new _BlobInfoCache(path, entries);
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
      await mkdir2(dirname(this.#path), { recursive: true, mode: 448 });
      const tmp = `${this.#path}.${process.pid}.tmp`;
      await writeFile2(tmp, JSON.stringify(Object.fromEntries(this.#entries)), { mode: 384 });
      await rename(tmp, this.#path);
      this.#dirty = false;
    } catch {
    }
  }
};
function key(layerDigest, compression, level) {
  return `${layerDigest} ${compression} ${level} v${FORMAT}`;
}
function isInfo(value) {
  if (typeof value !== "object" || value === null) return false;
  const info = value;
  return typeof info.digest === "string" && /^sha256:[a-f0-9]{64}$/.test(info.digest) && Number.isSafeInteger(info.size) && Number.isInteger(info.level);
}

export {
  loadedImage,
  fromLayout,
  detectCompression,
  fromOciArchive,
  DOCKER_LAYER_UNCOMPRESSED,
  fromDockerArchive,
  compressImage,
  isLocalSource,
  openLocalSource,
  writeExampleLayout,
  defaultBlobInfoCachePath,
  BlobInfoCache
};
