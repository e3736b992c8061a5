import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  InvalidSourceSpecError,
  SourceError
} from "./chunk-R6VQUKQF.js";
import {
  checkDigest,
  formatReference,
  parseReference
} from "./chunk-43WCQIHM.js";

// src/sources/unknown-transport.ts
var KNOWN_TRANSPORTS = [
  "oci",
  "oci-archive",
  "docker-archive",
  "docker",
  "docker-daemon",
  "podman",
  "dir",
  "containers-storage"
];
var TAG = /^\w[\w.-]{0,127}$/;
var PORT_THEN_PATH = /^\d+(?:\/|$)/;
var ARCHIVE_FILE = /\.(?:tar|tgz|tar\.gz|tar\.zst|tar\.xz)$/i;
function refuseUnknownTransport(spec, transport, rest) {
  if (transport === "" || /[./@]/.test(transport) || PORT_THEN_PATH.test(rest)) return;
  const typo = typoOf(transport);
  const notATag = !TAG.test(rest) || ARCHIVE_FILE.test(rest);
  if (typo === void 0 && !notATag) return;
  const url = /^https?$/i.test(transport) && rest.startsWith("//");
  const suggestion = url ? "docker" : typo ?? (ARCHIVE_FILE.test(rest) ? "oci-archive" : "oci");
  throw new SourceError(
    "SRC_UNKNOWN_TRANSPORT",
    `unknown transport "${transport}:" in image source ${JSON.stringify(spec)}`,
    {
      hint: `did you mean "${suggestion}:${rest}"? Transports: ${KNOWN_TRANSPORTS.filter((t) => t !== "dir" && t !== "containers-storage").join(", ")}; an image in a registry is written REF or docker://REF (docker://HOST:PORT/NAME for a host without a dot)`
    }
  );
}
function typoOf(word) {
  const lower = word.toLowerCase();
  let best;
  for (const name of KNOWN_TRANSPORTS) {
    const distance = editDistance(lower, name);
    if (best === void 0 || distance < best.distance) best = { name, distance };
  }
  if (best !== void 0 && best.distance <= (best.name.length >= 6 ? 2 : 1)) return best.name;
  return KNOWN_TRANSPORTS.filter((name) => name !== "docker" && lower.startsWith(name)).sort(
    (a, b) => b.length - a.length
  )[0];
}
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from(
    { length: rows },
    (_, i) => Array.from({ length: cols }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, d[i - 2][j - 2] + 1);
      d[i][j] = value;
    }
  }
  return d[a.length][b.length];
}

// src/sources/spec.ts
var UNSUPPORTED_TRANSPORTS = [
  "dir",
  "containers-storage",
  "ostree",
  "sif",
  "tarball",
  "docker-daemon-archive"
];
var ALNUM = "[A-Za-z0-9]+";
var COMPONENT = `${ALNUM}(?:(?:[-._:@+]|--)${ALNUM})*`;
var OCI_NAME = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
var TRAILING_DIGEST = /@((?:sha256|sha512):[0-9a-f]+)$/;
function parseSource(spec, options = {}) {
  if (spec.trim() === "") throw new InvalidSourceSpecError(spec, spec, "a source cannot be empty");
  if (spec.startsWith("docker://"))
    return { kind: "registry", reference: reference(spec, spec.slice(9), options) };
  const colon = spec.indexOf(":");
  const transport = colon < 0 ? "" : spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  switch (transport) {
    case "oci":
    case "oci-archive":
      return { kind: transport, ...layoutDetails(spec, rest) };
    case "docker-archive":
      return { kind: "docker-archive", ...archiveDetails(spec, rest) };
    case "docker":
    case "docker-daemon":
      return { kind: "docker", reference: reference(spec, rest, options) };
    case "podman":
      return { kind: "podman", reference: reference(spec, rest, options) };
  }
  if (UNSUPPORTED_TRANSPORTS.includes(transport)) {
    throw new InvalidSourceSpecError(
      spec,
      transport,
      `the skopeo transport "${transport}:" is not supported`
    );
  }
  refuseUnknownTransport(spec, transport, rest);
  return { kind: "registry", reference: reference(spec, spec, options) };
}
function reference(spec, part, options) {
  if (part === "") throw new InvalidSourceSpecError(spec, part, "the image reference is missing");
  try {
    return parseReference(part, { ...options, defaultTag: true });
  } catch (error) {
    throw new InvalidSourceSpecError(spec, part, error.message, error);
  }
}
function layoutDetails(spec, rest) {
  const digest = TRAILING_DIGEST.exec(rest);
  if (digest !== null && !rest.slice(0, digest.index).includes(":")) {
    const value = digest[1];
    if (!checkDigest(value).ok)
      throw new InvalidSourceSpecError(spec, value, `${JSON.stringify(value)} is not a valid digest`);
    return { path: path(spec, rest.slice(0, digest.index)), select: { by: "digest", digest: value } };
  }
  const [dir, image] = splitAtFirstColon(rest);
  const select = image === void 0 || image === "" ? { by: "only" } : layoutImage(spec, image);
  return { path: path(spec, dir), select };
}
function layoutImage(spec, image) {
  if (image.startsWith("@")) return { by: "index", index: sourceIndex(spec, image) };
  if (!OCI_NAME.test(image)) {
    throw new InvalidSourceSpecError(
      spec,
      image,
      `invalid image name ${JSON.stringify(image)}: a name is letters and digits joined by one of "-._:@+" or "--", in "/"-separated parts (and the path before it cannot contain ":")`
    );
  }
  return { by: "name", name: image };
}
function archiveDetails(spec, rest) {
  const [file, ref] = splitAtFirstColon(rest);
  if (ref === void 0 || ref === "") return { path: path(spec, file), select: { by: "only" } };
  if (ref.startsWith("@"))
    return { path: path(spec, file), select: { by: "index", index: sourceIndex(spec, ref) } };
  const parsed = reference(spec, ref, {});
  if (parsed.digest !== void 0) {
    throw new InvalidSourceSpecError(
      spec,
      ref,
      "a docker archive is searched by tag (its RepoTags), not by digest; use :REF or :@INDEX"
    );
  }
  return { path: path(spec, file), select: { by: "reference", reference: formatReference(parsed) } };
}
function splitAtFirstColon(value) {
  const colon = value.indexOf(":");
  return colon < 0 ? [value, void 0] : [value.slice(0, colon), value.slice(colon + 1)];
}
function path(spec, value) {
  if (value === "") throw new InvalidSourceSpecError(spec, value, "the path is missing");
  return value;
}
function sourceIndex(spec, part) {
  const digits = part.slice(1);
  if (!/^\d{1,9}$/.test(digits)) {
    throw new InvalidSourceSpecError(
      spec,
      part,
      `invalid source index ${JSON.stringify(part)}: write @ and a non-negative integer, e.g. @0`
    );
  }
  return Number(digits);
}
function formatSource(spec) {
  switch (spec.kind) {
    case "oci":
    case "oci-archive":
      return `${spec.kind}:${spec.path}${formatLayoutSelector(spec.select)}`;
    case "docker-archive": {
      const s = spec.select;
      const suffix = s.by === "only" ? "" : s.by === "index" ? `:@${s.index}` : `:${s.reference}`;
      return `docker-archive:${spec.path}${suffix}`;
    }
    case "docker":
    case "podman":
      return `${spec.kind}:${formatReference(spec.reference)}`;
    case "registry":
      return `docker://${formatReference(spec.reference)}`;
  }
}
function formatLayoutSelector(select) {
  switch (select.by) {
    case "only":
      return "";
    case "name":
      return `:${select.name}`;
    case "digest":
      return `@${select.digest}`;
    case "index":
      return `:@${select.index}`;
  }
}

export {
  parseSource,
  formatSource
};
