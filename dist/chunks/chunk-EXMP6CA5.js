import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  ChunkPool
} from "./chunk-BTFJLG4I.js";
import {
  VerifyingStream
} from "./chunk-3Z4QJIGU.js";
import {
  loadTarStream
} from "./chunk-JXV47CFG.js";
import {
  BlobIntegrityError,
  SourceError,
  SourceNotFoundError
} from "./chunk-R6VQUKQF.js";

// src/sources/loaded-image.ts
function loadedImage(artifact, origin, dispose = () => Promise.resolve()) {
  let disposed;
  return {
    artifact,
    origin,
    dispose: () => disposed ??= dispose()
  };
}

// src/sources/zlib.ts
function zlib() {
  return process.getBuiltinModule("node:zlib");
}

// src/sources/file-blob.ts
import { open } from "node:fs/promises";
import { Readable, addAbortSignal, pipeline } from "node:stream";

// src/sources/verify.ts
var SourceVerifyingStream = class extends VerifyingStream {
  where;
  constructor(expected, where) {
    super(expected);
    this.where = where;
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
      const where = options.where ?? located.file;
      const raw = await openRange(located, where);
      const verifier = new SourceVerifyingStream({ digest: descriptor.digest, size: descriptor.size }, where);
      const steps = [];
      if (options.decompress === "gzip") steps.push(zlib().createGunzip());
      if (options.decompress === "zstd") steps.push(zlib().createZstdDecompress());
      pipeline([raw, ...steps, verifier], () => void 0);
      if (signal !== void 0) addAbortSignal(signal, verifier);
      return verifier;
    }
  };
}
async function openRange(range, where) {
  const start = range.start ?? 0;
  let handle;
  try {
    handle = await open(range.file, "r");
  } catch (error) {
    if (error.code === "ENOENT") {
      throw new SourceNotFoundError(
        where,
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
  return new FileRangeReader(handle, start, range.length);
}
var FileRangeReader = class extends Readable {
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
function bytesBlob(descriptor, bytes) {
  return {
    descriptor,
    open(signal) {
      signal?.throwIfAborted();
      return Promise.resolve(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
    }
  };
}

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

// src/sources/archive/tar-index.ts
import { createReadStream } from "node:fs";
import { posix } from "node:path";
var BLOCK = 512;
async function indexTar(file, signal, display = file) {
  signal?.throwIfAborted();
  const entries = /* @__PURE__ */ new Map();
  const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const { extract } = await loadTarStream();
  const parser = extract();
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

// src/sources/archive/open-archive.ts
import { createReadStream as createReadStream2, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline as pipeline2 } from "node:stream/promises";

// src/sources/temp-dir.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
    return new _TempDir(await mkdtemp(join(parent, `container-package-${purpose}-`)));
  }
  /** A path inside the directory. */
  file(name) {
    return join(this.path, name);
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
    const decompressor = compression === "gzip" ? zlib().createGunzip() : zlib().createZstdDecompress();
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
    info = await stat(file);
  } catch (error) {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") {
      throw new SourceNotFoundError(file, "archive", "Check the path of the archive.", error);
    }
    throw error;
  }
  if (!info.isFile())
    throw new SourceNotFoundError(file, "archive (it is not a file)", "Check the path of the archive.");
}

export {
  loadedImage,
  zlib,
  fileBlob,
  bytesBlob,
  detectCompression,
  detectFileCompression,
  detectBlobCompression,
  TempDir,
  normalizeTarPath,
  openArchive
};
