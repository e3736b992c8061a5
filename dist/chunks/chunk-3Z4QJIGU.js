import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  DIGEST_ALGORITHMS,
  checkDigest,
  isDigestAlgorithm
} from "./chunk-43WCQIHM.js";
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/oci/digest.ts
import { Buffer as Buffer2 } from "node:buffer";
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
      size += typeof chunk === "string" ? Buffer2.byteLength(chunk) : chunk.byteLength;
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

// src/oci/media-types.ts
var MediaType = {
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
var manifestAcceptTypes = [
  MediaType.ociIndex,
  MediaType.ociManifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest
];
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

// src/oci/descriptor.ts
function formatPlatform(platform) {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
}
function isForeign(descriptor) {
  return (descriptor.urls?.length ?? 0) > 0 || descriptor.mediaType.includes("nondistributable") || descriptor.mediaType.includes(".foreign.");
}

// src/oci/manifest.ts
function isIndex(manifest) {
  return Array.isArray(manifest.manifests);
}
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

// src/oci/archive/image-archive.ts
import { Readable } from "node:stream";

// src/oci/archive/tar.ts
var BLOCK = 512;
var TAR_END = Buffer.alloc(2 * BLOCK);
function paddingOf(size) {
  return (BLOCK - size % BLOCK) % BLOCK;
}
function padding(size) {
  return Buffer.alloc(paddingOf(size));
}
function tarHeader(name, size, type = "file") {
  const nameBytes = Buffer.from(name, "utf8");
  if (nameBytes.length <= 100) return ustar(name, size, type === "file" ? "0" : "5");
  const record = paxRecord("path", name);
  const pax = Buffer.concat([ustar("PaxHeader", record.length, "x"), record, padding(record.length)]);
  return Buffer.concat([
    pax,
    ustar(nameBytes.subarray(0, 100).toString("latin1"), size, type === "file" ? "0" : "5", true)
  ]);
}
function tarHeaderLength(name) {
  if (Buffer.byteLength(name, "utf8") <= 100) return BLOCK;
  const record = paxRecord("path", name);
  return BLOCK + record.length + paddingOf(record.length) + BLOCK;
}
function paxRecord(key, value) {
  const body = ` ${key}=${value}
`;
  const bodyLength = Buffer.byteLength(body, "utf8");
  let length = bodyLength + 1;
  while (String(length).length + bodyLength !== length) length++;
  return Buffer.from(`${length}${body}`, "utf8");
}
function ustar(name, size, typeflag, latin1Name = false) {
  const header = Buffer.alloc(BLOCK);
  header.write(name, 0, 100, latin1Name ? "latin1" : "utf8");
  header.write(typeflag === "5" ? "0000755\0" : "0000644\0", 100, "ascii");
  header.write("0000000\0", 108, "ascii");
  header.write("0000000\0", 116, "ascii");
  writeSize(header, size);
  header.write("00000000000\0", 136, "ascii");
  header.write("        ", 148, "ascii");
  header.write(typeflag, 156, "ascii");
  header.write("ustar\0", 257, "ascii");
  header.write("00", 263, "ascii");
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return header;
}
function writeSize(header, size) {
  if (size < 8589934591) {
    header.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "ascii");
    return;
  }
  let value = BigInt(size);
  for (let i = 135; i > 124; i--) {
    header[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  header[124] = 128;
}

// src/oci/archive/image-archive.ts
function planArchive(input) {
  const entries = [];
  const json = (name, value) => {
    entries.push({ kind: "bytes", name, data: Buffer.from(JSON.stringify(value), "utf8") });
  };
  json("oci-layout", { imageLayoutVersion: "1.0.0" });
  const descriptor = {
    mediaType: input.root.mediaType,
    digest: input.root.digest,
    size: input.root.size,
    ...input.refName === void 0 ? {} : { annotations: { "org.opencontainers.image.ref.name": input.refName } }
  };
  json("index.json", { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [descriptor] });
  if (input.format === "docker-archive") {
    if (input.docker === void 0) throw new Error("a docker-archive needs its image (config and layers)");
    json("manifest.json", [
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
function archiveStream(plan, open) {
  return Readable.from(archiveChunks(plan, open), { objectMode: false });
}
async function* archiveChunks(plan, open) {
  for (const entry of plan.entries) {
    const size = sizeOf(entry);
    yield tarHeader(entry.name, size, entry.kind === "directory" ? "directory" : "file");
    if (entry.kind === "bytes") yield entry.data;
    if (entry.kind === "blob") {
      let seen = 0;
      for await (const chunk of await open(entry.blob)) {
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

// src/oci/archive/from-artifact.ts
import { Readable as Readable2 } from "node:stream";
function archiveOfArtifact(artifact, format, names = {}, platform) {
  const root = format === "docker-archive" && artifact.kind === "index" ? pickImage(artifact, platform) : artifact;
  if (format === "docker-archive" && root.kind === "image") refuseArtifact(root);
  const sources = /* @__PURE__ */ new Map();
  const visit = (a) => {
    sources.set(a.digest, a.bytes);
    if (a.kind === "index") a.children.forEach(visit);
    else for (const blob of [a.config, ...a.layers]) sources.set(blob.descriptor.digest, blob);
  };
  visit(root);
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
  const open = async (blob) => {
    const source = sources.get(blob.digest);
    if (source === void 0) throw new Error(`no blob ${blob.digest} in the image`);
    return source instanceof Uint8Array ? Readable2.from([Buffer.from(source)]) : source.open();
  };
  return { input, open };
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
function refuseArtifact(image) {
  const configType = image.config.descriptor.mediaType;
  if (isImageConfigMediaType(configType)) return;
  let type = configType;
  try {
    const { manifest } = parseManifest(image.bytes, image.mediaType);
    if ("artifactType" in manifest && typeof manifest.artifactType === "string") type = manifest.artifactType;
  } catch {
  }
  throw new OciFormatError(
    "OCI_NOT_AN_IMAGE",
    `${image.digest} is an artifact (${type}), not a container image: docker load cannot read a docker-archive of it`,
    { hint: "use --format oci-archive (or --format oci) to keep it as it is stored" }
  );
}

export {
  OciFormatError,
  parseDigest,
  isDigest,
  digestBytes,
  createDigester,
  DigestStream,
  VerifyingStream,
  MediaType,
  manifestAcceptTypes,
  isIndexMediaType,
  isImageConfigMediaType,
  isManifestMediaType,
  layerCompression,
  formatPlatform,
  isForeign,
  isIndex,
  parseManifest,
  blobsOf,
  planArchive,
  archiveStream,
  archiveOfArtifact
};
