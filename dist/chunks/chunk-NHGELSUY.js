import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  bytesBlob,
  detectFileCompression,
  loadedImage,
  normalizeTarPath,
  openArchive,
  zlib
} from "./chunk-EXMP6CA5.js";
import {
  DigestStream,
  MediaType,
  digestBytes,
  isDigest
} from "./chunk-3Z4QJIGU.js";
import {
  formatSource
} from "./chunk-DAVD5AZI.js";
import {
  BlobIntegrityError,
  ImageSelectionError,
  SourceError
} from "./chunk-R6VQUKQF.js";
import {
  formatReference,
  parseReference
} from "./chunk-43WCQIHM.js";

// src/sources/archive/docker-archive.ts
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";

// src/sources/archive/docker-manifest.ts
var DOCKER_LAYER_UNCOMPRESSED = "application/vnd.docker.image.rootfs.diff.tar";
function parseManifestJson(bytes, where) {
  let value;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw invalidArchive(where, "it is not valid JSON", error);
  }
  if (!Array.isArray(value)) throw invalidArchive(where, "it is not a JSON array");
  return value.map((item, i) => {
    const it = typeof item === "object" && item !== null ? item : {};
    const strings = (v) => Array.isArray(v) && v.every((s) => typeof s === "string");
    if (typeof it.Config !== "string" || !strings(it.Layers) || !(it.RepoTags == null || strings(it.RepoTags))) {
      throw invalidArchive(
        where,
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
function chooseItem(items, selector, where) {
  const available = describeItems(items);
  const hint = "Choose one by tag (docker-archive:FILE:REF) or position (docker-archive:FILE:@INDEX).";
  switch (selector.by) {
    case "only":
      if (items.length === 1) return items[0];
      if (items.length === 0)
        throw new ImageSelectionError("SRC_NO_MATCH", `${where} lists no image`, available, where, hint);
      throw new ImageSelectionError(
        "SRC_AMBIGUOUS",
        `${where} lists ${items.length} images and none was chosen`,
        available,
        where,
        hint
      );
    case "index": {
      const item = items[selector.index];
      if (item !== void 0) return item;
      const message = `no image @${selector.index} in ${where}: it lists ${items.length}`;
      throw new ImageSelectionError("SRC_NO_MATCH", message, available, where, hint);
    }
    case "reference": {
      for (const [i, item] of items.entries()) {
        for (const tag of item.RepoTags ?? []) {
          if (normalizeTag(tag, where, i) === selector.reference) return item;
        }
      }
      throw new ImageSelectionError(
        "SRC_NO_MATCH",
        `no image tagged ${selector.reference} in ${where}`,
        available,
        where,
        hint
      );
    }
  }
}
function normalizeTag(tag, where, i) {
  try {
    return formatReference(parseReference(tag, { defaultTag: true }));
  } catch (error) {
    throw invalidArchive(where, `item @${i} has an invalid tag ${JSON.stringify(tag)}`, error);
  }
}
function describeItems(items) {
  return items.map((item, i) => `@${i} ${(item.RepoTags ?? []).join(", ") || "(untagged)"}`);
}
function parseDiffIds(config, where) {
  let value;
  try {
    value = JSON.parse(new TextDecoder().decode(config));
  } catch (error) {
    throw invalidArchive(where, "the image config is not valid JSON", error);
  }
  const ids = value?.rootfs?.diff_ids;
  if (!Array.isArray(ids)) throw invalidArchive(where, "the image config has no rootfs.diff_ids");
  for (const id of ids) {
    if (!isDigest(id))
      throw invalidArchive(where, `the image config lists an invalid diff ID ${JSON.stringify(id)}`);
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
function invalidArchive(where, reason, cause, hint = "Export the image again with `docker save` (or `skopeo copy ... docker-archive:FILE`).") {
  return new SourceError("SRC_INVALID_ARCHIVE", `invalid docker archive: ${where}: ${reason}`, {
    path: where,
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
  const where = tar.where("manifest.json");
  const item = chooseItem(
    parseManifestJson(await tar.read("manifest.json", MAX_JSON_BYTES), where),
    select,
    where
  );
  const configBytes = await tar.read(item.Config, MAX_JSON_BYTES);
  const diffIds = parseDiffIds(configBytes, tar.where(item.Config));
  if (diffIds.length !== item.Layers.length) {
    throw invalidArchive(
      where,
      `${item.Layers.length} layers are listed but the config has ${diffIds.length} diff IDs`
    );
  }
  const known = /* @__PURE__ */ new Map();
  const paths = /* @__PURE__ */ new Set();
  for (const [i, diffId] of diffIds.entries()) {
    options.signal?.throwIfAborted();
    if (known.has(diffId)) continue;
    const path = normalizeTarPath(item.Layers[i]);
    if (paths.has(path)) throw invalidArchive(where, `layer ${path} is listed for two different diff IDs`);
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
  const decompressor = compression === "gzip" ? zlib().createGunzip() : zlib().createZstdDecompress();
  try {
    await pipeline(
      createReadStream(range.file, { start: range.start, end }),
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

export {
  DOCKER_LAYER_UNCOMPRESSED,
  fromDockerArchive
};
