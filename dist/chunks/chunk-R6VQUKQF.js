import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/sources/errors.ts
var SourceError = class extends ContainerPackageError {
  path;
  constructor(code, message, details = {}) {
    super(code, message, details);
    this.name = "SourceError";
    this.path = details.path;
  }
};
var SOURCE_FORMS = [
  "oci:DIR[:NAME|:@INDEX|@DIGEST]      an OCI image layout directory",
  "oci-archive:FILE[:NAME|:@INDEX|@DIGEST]  an OCI image layout in a tar file",
  "docker-archive:FILE[:REF|:@INDEX]   `docker save` / `podman save` output",
  "docker:REF (or docker-daemon:REF)   an image in the Docker Engine",
  "podman:REF                          an image in Podman storage",
  "REF or docker://REF                 an image in a registry"
];
var InvalidSourceSpecError = class extends SourceError {
  spec;
  part;
  constructor(spec, part, reason, cause) {
    super("SRC_INVALID_SPEC", `invalid image source ${JSON.stringify(spec)}: ${reason}`, {
      hint: `Use one of:
  ${SOURCE_FORMS.join("\n  ")}`,
      cause
    });
    this.name = "InvalidSourceSpecError";
    this.spec = spec;
    this.part = part;
  }
};
var SourceNotFoundError = class extends SourceError {
  constructor(path, what, hint, cause) {
    super("SRC_NOT_FOUND", `${what} not found: ${path}`, { path, hint, cause });
    this.name = "SourceNotFoundError";
  }
};
var ImageSelectionError = class extends SourceError {
  available;
  constructor(code, message, available, path, hint) {
    const list = available.length === 0 ? " (it holds no image)" : `; it holds:
  ${available.join("\n  ")}`;
    super(code, message + list, { path, hint });
    this.name = "ImageSelectionError";
    this.available = available;
  }
};
var BlobIntegrityError = class extends SourceError {
  expected;
  actual;
  constructor(code, path, expected, actual, cause) {
    const what = code === "SRC_DIGEST_MISMATCH" ? "digest" : "size";
    super(code, `blob ${path} is corrupted: expected ${what} ${expected}, got ${actual}`, {
      path,
      hint: "The file was changed or truncated after it was written; export the image again.",
      cause
    });
    this.name = "BlobIntegrityError";
    this.expected = expected;
    this.actual = actual;
  }
};

export {
  SourceError,
  SOURCE_FORMS,
  InvalidSourceSpecError,
  SourceNotFoundError,
  ImageSelectionError,
  BlobIntegrityError
};
