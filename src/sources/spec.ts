import {
  checkDigest,
  formatReference,
  parseReference,
  type ParseOptions,
  type Reference,
} from '../reference/index.js';
import { InvalidSourceSpecError } from './errors.js';
import { refuseUnknownTransport } from './unknown-transport.js';

/**
 * Source strings in skopeo's `transport:details` style, parsed into a discriminated union.
 * Parsing is pure: nothing is read from disk here.
 */

/** Which image of an OCI layout (or OCI archive) to read. */
export type LayoutSelector =
  /** The only entry of `index.json`; an error when there are several. */
  | { readonly by: 'only' }
  /** The entry whose `org.opencontainers.image.ref.name` annotation is `name`. */
  | { readonly by: 'name'; readonly name: string }
  /** The entry (or, failing that, any manifest reachable from index.json) with this digest. */
  | { readonly by: 'digest'; readonly digest: string }
  /** The entry at this zero-based position in `index.json` (skopeo's `:@N`). */
  | { readonly by: 'index'; readonly index: number };

/** Which image of a docker archive to read. */
export type ArchiveSelector =
  /** The only item of `manifest.json`; an error when there are several. */
  | { readonly by: 'only' }
  /** The item whose `RepoTags` include this normalised reference (`docker.io/library/app:1.0`). */
  | { readonly by: 'reference'; readonly reference: string }
  /** The item at this zero-based position in `manifest.json` (skopeo's `:@N`). */
  | { readonly by: 'index'; readonly index: number };

/** A parsed source string. */
export type SourceSpec =
  | { readonly kind: 'oci'; readonly path: string; readonly select: LayoutSelector }
  | { readonly kind: 'oci-archive'; readonly path: string; readonly select: LayoutSelector }
  | { readonly kind: 'docker-archive'; readonly path: string; readonly select: ArchiveSelector }
  /** An image in the Docker Engine (`docker:` or skopeo's `docker-daemon:`). */
  | { readonly kind: 'docker'; readonly reference: Reference }
  /** An image in Podman's storage. */
  | { readonly kind: 'podman'; readonly reference: Reference }
  /** An image in a registry (`REF` or `docker://REF`). */
  | { readonly kind: 'registry'; readonly reference: Reference };

/** skopeo transports this tool does not read; named so that `dir:x` is not taken for the image `dir:x`. */
const UNSUPPORTED_TRANSPORTS = [
  'dir',
  'containers-storage',
  'ostree',
  'sif',
  'tarball',
  'docker-daemon-archive',
];

/** skopeo's rule for an image name inside an OCI layout (oci/internal `refRegexp`). */
const ALNUM = '[A-Za-z0-9]+';
const COMPONENT = `${ALNUM}(?:(?:[-._:@+]|--)${ALNUM})*`;
const OCI_NAME = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
/** `@sha256:<hex>` / `@sha512:<hex>` at the very end of a path. */
const TRAILING_DIGEST = /@((?:sha256|sha512):[0-9a-f]+)$/;

/**
 * Parses a source string:
 *
 * - `oci:DIR`, `oci:DIR:NAME`, `oci:DIR:@INDEX`, `oci:DIR@DIGEST`: an OCI image layout directory.
 *   As in skopeo (containers/image `oci/internal.SplitPathAndImage`), the path ends at the FIRST
 *   `:`, so a path cannot contain `:`; NAME must match skopeo's image-name rule (alphanumerics
 *   joined by `-._:@+` or `--`, `/`-separated). `@DIGEST` at the end selects by digest (our addition).
 * - `oci-archive:FILE...`: the same forms for an OCI layout in a tar file.
 * - `docker-archive:FILE`, `docker-archive:FILE:REF`, `docker-archive:FILE:@INDEX`: `docker save`
 *   output; REF is normalised as docker does (`app` is `docker.io/library/app:latest`) and may not be a digest.
 * - `docker:REF` (skopeo's `docker-daemon:REF` too), `podman:REF`: an image in a local engine.
 * - `REF` or `docker://REF`: an image in a registry. A registry host literally named `docker`,
 *   `podman` or `oci` must be written `docker://docker:5000/app`.
 *
 * Engine and registry references get the tag `latest` when they have neither tag nor digest.
 * A `WORD:` prefix that is no transport and no plausible reference (`oci-arhive:image.tar`,
 * `ocidir:x`) is refused with `SRC_UNKNOWN_TRANSPORT`, naming the nearest transport.
 *
 * @param options passed to `parseReference` (e.g. the Buildkite organization)
 * @throws {InvalidSourceSpecError} `SRC_INVALID_SPEC` naming the bad part and listing the forms
 */
export function parseSource(spec: string, options: ParseOptions = {}): SourceSpec {
  if (spec.trim() === '') throw new InvalidSourceSpecError(spec, spec, 'a source cannot be empty');
  if (spec.startsWith('docker://'))
    return { kind: 'registry', reference: reference(spec, spec.slice(9), options) };
  const colon = spec.indexOf(':');
  const transport = colon < 0 ? '' : spec.slice(0, colon);
  const rest = spec.slice(colon + 1);
  switch (transport) {
    case 'oci':
    case 'oci-archive':
      return { kind: transport, ...layoutDetails(spec, rest) };
    case 'docker-archive':
      return { kind: 'docker-archive', ...archiveDetails(spec, rest) };
    case 'docker':
    case 'docker-daemon':
      return { kind: 'docker', reference: reference(spec, rest, options) };
    case 'podman':
      return { kind: 'podman', reference: reference(spec, rest, options) };
  }
  if (UNSUPPORTED_TRANSPORTS.includes(transport)) {
    throw new InvalidSourceSpecError(
      spec,
      transport,
      `the skopeo transport "${transport}:" is not supported`,
    );
  }
  refuseUnknownTransport(spec, transport, rest);
  return { kind: 'registry', reference: reference(spec, spec, options) };
}

function reference(spec: string, part: string, options: ParseOptions): Reference {
  if (part === '') throw new InvalidSourceSpecError(spec, part, 'the image reference is missing');
  try {
    return parseReference(part, { ...options, defaultTag: true });
  } catch (error) {
    throw new InvalidSourceSpecError(spec, part, (error as Error).message, error);
  }
}

function layoutDetails(spec: string, rest: string): { path: string; select: LayoutSelector } {
  const digest = TRAILING_DIGEST.exec(rest);
  if (digest !== null && !rest.slice(0, digest.index).includes(':')) {
    const value = digest[1]!;
    if (!checkDigest(value).ok)
      throw new InvalidSourceSpecError(spec, value, `${JSON.stringify(value)} is not a valid digest`);
    return { path: path(spec, rest.slice(0, digest.index)), select: { by: 'digest', digest: value } };
  }
  const [dir, image] = splitAtFirstColon(rest);
  const select = image === undefined || image === '' ? ({ by: 'only' } as const) : layoutImage(spec, image);
  return { path: path(spec, dir), select };
}

function layoutImage(spec: string, image: string): LayoutSelector {
  if (image.startsWith('@')) return { by: 'index', index: sourceIndex(spec, image) };
  if (!OCI_NAME.test(image)) {
    throw new InvalidSourceSpecError(
      spec,
      image,
      `invalid image name ${JSON.stringify(image)}: a name is letters and digits joined by one of "-._:@+" or "--", in "/"-separated parts (and the path before it cannot contain ":")`,
    );
  }
  return { by: 'name', name: image };
}

function archiveDetails(spec: string, rest: string): { path: string; select: ArchiveSelector } {
  const [file, ref] = splitAtFirstColon(rest);
  if (ref === undefined || ref === '') return { path: path(spec, file), select: { by: 'only' } };
  if (ref.startsWith('@'))
    return { path: path(spec, file), select: { by: 'index', index: sourceIndex(spec, ref) } };
  const parsed = reference(spec, ref, {});
  if (parsed.digest !== undefined) {
    throw new InvalidSourceSpecError(
      spec,
      ref,
      'a docker archive is searched by tag (its RepoTags), not by digest; use :REF or :@INDEX',
    );
  }
  return { path: path(spec, file), select: { by: 'reference', reference: formatReference(parsed) } };
}

function splitAtFirstColon(value: string): [string, string | undefined] {
  const colon = value.indexOf(':');
  return colon < 0 ? [value, undefined] : [value.slice(0, colon), value.slice(colon + 1)];
}

function path(spec: string, value: string): string {
  if (value === '') throw new InvalidSourceSpecError(spec, value, 'the path is missing');
  return value;
}

function sourceIndex(spec: string, part: string): number {
  const digits = part.slice(1);
  if (!/^\d{1,9}$/.test(digits)) {
    throw new InvalidSourceSpecError(
      spec,
      part,
      `invalid source index ${JSON.stringify(part)}: write @ and a non-negative integer, e.g. @0`,
    );
  }
  return Number(digits);
}

/** The source string for `spec` (a canonical form: parsing it gives an equal spec). */
export function formatSource(spec: SourceSpec): string {
  switch (spec.kind) {
    case 'oci':
    case 'oci-archive':
      return `${spec.kind}:${spec.path}${formatLayoutSelector(spec.select)}`;
    case 'docker-archive': {
      const s = spec.select;
      const suffix = s.by === 'only' ? '' : s.by === 'index' ? `:@${s.index}` : `:${s.reference}`;
      return `docker-archive:${spec.path}${suffix}`;
    }
    case 'docker':
    case 'podman':
      return `${spec.kind}:${formatReference(spec.reference)}`;
    case 'registry':
      return `docker://${formatReference(spec.reference)}`;
  }
}

function formatLayoutSelector(select: LayoutSelector): string {
  switch (select.by) {
    case 'only':
      return '';
    case 'name':
      return `:${select.name}`;
    case 'digest':
      return `@${select.digest}`;
    case 'index':
      return `:@${select.index}`;
  }
}
