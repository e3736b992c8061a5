import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  loadedImage,
  openArchive
} from "./chunk-EXMP6CA5.js";
import {
  formatPlatform,
  isForeign,
  isIndexMediaType,
  isManifestMediaType,
  parseDigest,
  parseManifest
} from "./chunk-3Z4QJIGU.js";
import {
  formatSource
} from "./chunk-DAVD5AZI.js";
import {
  BlobIntegrityError,
  ImageSelectionError,
  SourceError,
  SourceNotFoundError
} from "./chunk-R6VQUKQF.js";

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

export {
  blobName,
  readLayout,
  fromOciArchive
};
