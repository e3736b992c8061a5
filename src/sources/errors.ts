import { ContainerPackageError, type ErrorDetails } from '../errors.js';

/**
 * Errors of the daemonless image sources (OCI layouts, OCI archives, docker archives, compression).
 * Every code is `SRC_*`; callers match on `code`, never on the class.
 */

/** Every code a source error can carry. Codes never change once released. */
export type SourceErrorCode =
  /** A source string (`oci:DIR:TAG`, `docker-archive:FILE`, ...) that cannot be parsed. */
  | 'SRC_INVALID_SPEC'
  /** A `WORD:` prefix that is no transport: a typo such as `oci-arhive:` or `ocidir:`. */
  | 'SRC_UNKNOWN_TRANSPORT'
  /** A directory, file, archive entry or blob that does not exist. */
  | 'SRC_NOT_FOUND'
  /** An OCI layout whose `oci-layout`, `index.json` or manifests are malformed or unsupported. */
  | 'SRC_INVALID_LAYOUT'
  /** A tar archive that cannot be read, or a docker archive whose `manifest.json` or config is malformed. */
  | 'SRC_INVALID_ARCHIVE'
  /** A name taken from the input (a digest, an archive path) that is malformed or escapes its root. */
  | 'SRC_INVALID_NAME'
  /** The requested tag, digest or index matches no image. */
  | 'SRC_NO_MATCH'
  /** No image was requested and the source holds more than one. */
  | 'SRC_AMBIGUOUS'
  /** A blob whose bytes do not hash to the digest it is stored under. */
  | 'SRC_DIGEST_MISMATCH'
  /** A blob of another size than its descriptor says. */
  | 'SRC_SIZE_MISMATCH'
  /** Something valid that this tool does not handle (bzip2 archives, unknown media types...). */
  | 'SRC_UNSUPPORTED'
  /** A blob opened after the image that owns it was disposed (its temp files are gone). */
  | 'SRC_DISPOSED'
  /** An option out of range (compression level, concurrency...) or of an unknown value. */
  | 'SRC_INVALID_OPTION'
  /** A layer upload given to `compressImage` that resolved before reading all the bytes it was given. */
  | 'SRC_UPLOAD_INCOMPLETE';

/** Base class of every error thrown by `src/sources`. `path`, when set, is the file or directory concerned. */
export class SourceError extends ContainerPackageError {
  declare readonly code: SourceErrorCode;
  readonly path: string | undefined;

  constructor(code: SourceErrorCode, message: string, details: ErrorDetails & { path?: string } = {}) {
    super(code, message, details);
    this.name = 'SourceError';
    this.path = details.path;
  }
}

/** The forms {@link InvalidSourceSpecError} lists, one per line. */
export const SOURCE_FORMS: readonly string[] = [
  'oci:DIR[:NAME|:@INDEX|@DIGEST]      an OCI image layout directory',
  'oci-archive:FILE[:NAME|:@INDEX|@DIGEST]  an OCI image layout in a tar file',
  'docker-archive:FILE[:REF|:@INDEX]   `docker save` / `podman save` output',
  'docker:REF (or docker-daemon:REF)   an image in the Docker Engine',
  'podman:REF                          an image in Podman storage',
  'REF or docker://REF                 an image in a registry',
];

/** `SRC_INVALID_SPEC`: a source string that cannot be parsed. `part` is the offending piece of `spec`. */
export class InvalidSourceSpecError extends SourceError {
  readonly spec: string;
  readonly part: string;

  constructor(spec: string, part: string, reason: string, cause?: unknown) {
    super('SRC_INVALID_SPEC', `invalid image source ${JSON.stringify(spec)}: ${reason}`, {
      hint: `Use one of:\n  ${SOURCE_FORMS.join('\n  ')}`,
      cause,
    });
    this.name = 'InvalidSourceSpecError';
    this.spec = spec;
    this.part = part;
  }
}

/** `SRC_NOT_FOUND`: `path` does not exist (or is not what was expected there). */
export class SourceNotFoundError extends SourceError {
  declare readonly path: string;

  constructor(path: string, what: string, hint?: string, cause?: unknown) {
    super('SRC_NOT_FOUND', `${what} not found: ${path}`, { path, hint, cause });
    this.name = 'SourceNotFoundError';
  }
}

/**
 * `SRC_NO_MATCH` or `SRC_AMBIGUOUS`: the image to read could not be chosen. `available` lists what
 * the source holds (tags, names or digests, with their `@INDEX`) so the message can say what to pick.
 */
export class ImageSelectionError extends SourceError {
  declare readonly code: 'SRC_NO_MATCH' | 'SRC_AMBIGUOUS';
  readonly available: readonly string[];

  constructor(
    code: 'SRC_NO_MATCH' | 'SRC_AMBIGUOUS',
    message: string,
    available: readonly string[],
    path: string,
    hint: string,
  ) {
    const list = available.length === 0 ? ' (it holds no image)' : `; it holds:\n  ${available.join('\n  ')}`;
    super(code, message + list, { path, hint });
    this.name = 'ImageSelectionError';
    this.available = available;
  }
}

/**
 * `SRC_DIGEST_MISMATCH` or `SRC_SIZE_MISMATCH`: the bytes of `path` (a blob file, or `archive:entry`)
 * are not what their descriptor says. Never retried: the content on disk is wrong.
 */
export class BlobIntegrityError extends SourceError {
  declare readonly code: 'SRC_DIGEST_MISMATCH' | 'SRC_SIZE_MISMATCH';
  declare readonly path: string;
  readonly expected: string;
  readonly actual: string;

  constructor(
    code: 'SRC_DIGEST_MISMATCH' | 'SRC_SIZE_MISMATCH',
    path: string,
    expected: string,
    actual: string,
    cause?: unknown,
  ) {
    const what = code === 'SRC_DIGEST_MISMATCH' ? 'digest' : 'size';
    super(code, `blob ${path} is corrupted: expected ${what} ${expected}, got ${actual}`, {
      path,
      hint: 'The file was changed or truncated after it was written; export the image again.',
      cause,
    });
    this.name = 'BlobIntegrityError';
    this.expected = expected;
    this.actual = actual;
  }
}
