import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  DOCKER_LAYER_UNCOMPRESSED
} from "./chunk-NHGELSUY.js";
import {
  cacheDir
} from "./chunk-B343HUJE.js";
import {
  mapLimit
} from "./chunk-W2BKWXYY.js";
import {
  blobName,
  readLayout
} from "./chunk-44FGMJRL.js";
import {
  TempDir,
  detectBlobCompression,
  fileBlob,
  loadedImage,
  zlib
} from "./chunk-EXMP6CA5.js";
import {
  pipeReleasing
} from "./chunk-BTFJLG4I.js";
import {
  DigestStream,
  MediaType,
  digestBytes,
  isForeign
} from "./chunk-3Z4QJIGU.js";
import {
  loadTarStream
} from "./chunk-JXV47CFG.js";
import {
  resolveCompressOptions
} from "./chunk-EMWTN7W3.js";
import {
  formatSource
} from "./chunk-DAVD5AZI.js";
import {
  BlobIntegrityError,
  SourceError,
  SourceNotFoundError
} from "./chunk-R6VQUKQF.js";
import {
  parseRepositoryPath
} from "./chunk-43WCQIHM.js";

// src/sources/layout/layout-dir.ts
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
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
  blobPath(digest, where = "a descriptor") {
    return join(this.root, blobName(digest, where));
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

// src/sources/layout/from-layout.ts
async function fromLayout(dir, options = {}) {
  options.signal?.throwIfAborted();
  const select = options.select ?? { by: "only" };
  const store = await LayoutDir.open(dir);
  const artifact = await readLayout(store, select, options.signal);
  return loadedImage(artifact, formatSource({ kind: "oci", path: dir, select }));
}

// src/sources/compress-layer.ts
import { createWriteStream } from "node:fs";
import { Transform, pipeline as pipeStreams } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
async function compressToFile(blob, compression, level, file, signal) {
  signal?.throwIfAborted();
  const effective = await effectiveLevel(blob, compression, level, signal);
  const compressed = await compressStream(blob, compression, effective, signal);
  const hasher = new DigestStream("sha256");
  await pipeline(compressed, hasher, createWriteStream(file), { signal });
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
    this.#file = createWriteStream(path);
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
  const output = compressor(compression, level);
  pipeReleasing(source, output);
  return output;
}
var OUTPUT_CHUNK = 1024 * 1024;
function compressor(compression, level) {
  const { constants, createGzip, createZstdCompress } = zlib();
  if (compression === "gzip") return createGzip({ level, chunkSize: OUTPUT_CHUNK });
  return createZstdCompress({
    params: { [constants.ZSTD_c_compressionLevel]: level },
    chunkSize: OUTPUT_CHUNK
  });
}
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
  const compressed = await promisify(zlib().gzip)(sample, { level });
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
    case "oci-archive": {
      const { fromOciArchive: fromOciArchive2 } = await import("./oci-archive-F7YR3RTF.js");
      return fromOciArchive2(spec.path, { select: spec.select, tmpDir, signal });
    }
    case "docker-archive": {
      const { fromDockerArchive: fromDockerArchive2 } = await import("./docker-archive-5I6ZJ24U.js");
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

// src/sources/example-image.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";
import { promisify as promisify2 } from "node:util";
async function writeExampleLayout(dir, options = {}) {
  const tag = options.tag ?? "latest";
  const text = options.text ?? "Hello from container-package!\n";
  const epoch = /* @__PURE__ */ new Date("2026-01-01T00:00:00Z");
  const tar = await tarOf([{ name: "hello.txt", content: text, mtime: epoch }]);
  const layer = await promisify2(zlib().gzip)(tar, { level: 9 });
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
  await mkdir(join2(dir, "blobs", "sha256"), { recursive: true });
  for (const blob of [layer, config, manifest]) {
    await writeFile(join2(dir, "blobs", "sha256", digestBytes(blob).slice("sha256:".length)), blob);
  }
  await writeFile(join2(dir, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
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
  await writeFile(join2(dir, "index.json"), JSON.stringify(index));
  return { dir, source: `oci:${dir}:${tag}`, digest };
}
function json(value) {
  return Buffer.from(JSON.stringify(value));
}
async function tarOf(files) {
  const { pack } = await loadTarStream();
  const archive = pack();
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
import { dirname, join as join3 } from "node:path";
var MAX_ENTRIES = 1e4;
var MAX_LOCATED = 1e4;
var MAX_REPOSITORIES = 3;
var FORMAT = 2;
function defaultBlobInfoCachePath(env = process.env) {
  return join3(cacheDir(env), "blob-info.json");
}
var BlobInfoCache = class _BlobInfoCache {
  #path;
  #entries;
  #locations;
  #dirty = false;
  constructor(path, entries, locations = /* @__PURE__ */ new Map()) {
    this.#path = path;
    this.#entries = entries;
    this.#locations = locations;
  }
  /** An empty cache that is never saved (tests, `--no-cache`). */
  static inMemory() {
    return new _BlobInfoCache(void 0, /* @__PURE__ */ new Map());
  }
  /** Reads the cache file at `path`; anything unreadable is an empty cache. */
  static async open(path = defaultBlobInfoCachePath()) {
    const entries = /* @__PURE__ */ new Map();
    const locations = /* @__PURE__ */ new Map();
    try {
      const value = JSON.parse(await readFile2(path, "utf8"));
      if (typeof value === "object" && value !== null) {
        for (const [key2, info] of Object.entries(value)) {
          if (!key2.endsWith(` v${FORMAT}`)) continue;
          if (key2.startsWith(LOCATION) && isRepositoryList(info)) locations.set(key2, info);
          else if (isInfo(info)) entries.set(key2, info);
        }
      }
    } catch {
    }
    return new _BlobInfoCache(path, entries, locations);
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
      await mkdir2(dirname(this.#path), { recursive: true, mode: 448 });
      const tmp = `${this.#path}.${process.pid}.tmp`;
      const all = { ...Object.fromEntries(this.#entries), ...Object.fromEntries(this.#locations) };
      await writeFile2(tmp, JSON.stringify(all), { mode: 384 });
      await rename(tmp, this.#path);
      this.#dirty = false;
    } catch {
    }
  }
};
function key(layerDigest, compression, level) {
  return `${layerDigest} ${compression} ${level} v${FORMAT}`;
}
var LOCATION = "at ";
function locationKey(registry, digest) {
  return `${LOCATION}${registry} ${digest} v${FORMAT}`;
}
function isRepositoryList(value) {
  return Array.isArray(value) && value.length > 0 && value.length <= MAX_REPOSITORIES && value.every((r) => typeof r === "string" && isRepositoryPath(r));
}
function isRepositoryPath(path) {
  try {
    parseRepositoryPath(path);
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

export {
  fromLayout,
  compressImage,
  isLocalSource,
  openLocalSource,
  writeExampleLayout,
  defaultBlobInfoCachePath,
  BlobInfoCache
};
