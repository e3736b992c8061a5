import type { UploadState } from '../storage/store.js';

/** Header every response carries, saying this is a v2 registry API. */
export const API_VERSION_HEADER = 'Docker-Distribution-API-Version';
/** The value of {@link API_VERSION_HEADER}. */
export const API_VERSION = 'registry/2.0';

/** An inclusive byte range. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

const DIGITS = /^\d{0,15}$/;

/**
 * Reads a `Range` request header against a blob of `size` bytes.
 *
 * - no header, another unit than `bytes`, or several ranges (`0-1,5-6`) → undefined: serve it all
 * - `bytes=a-b`, `bytes=a-`, `bytes=-n` inside the blob → the range (`b` is clamped to the end)
 * - a range starting past the end, an empty suffix, `b < a`, or garbage after `bytes=` →
 *   `'unsatisfiable'` (416); the conformance suite expects 416 for `bytes=500-0`.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (!/^bytes=/i.test(value)) return undefined;
  const spec = value.slice(6).trim();
  if (spec.includes(',')) return undefined;
  const dash = spec.indexOf('-');
  if (dash === -1) return 'unsatisfiable';
  const first = spec.slice(0, dash).trim();
  const last = spec.slice(dash + 1).trim();
  if (!DIGITS.test(first) || !DIGITS.test(last) || (first === '' && last === '')) return 'unsatisfiable';
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  if (last === '') return { start, end: size - 1 };
  const end = Number(last);
  if (end < start) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/**
 * Reads the `Content-Range` of an upload chunk: `start-end` (the spec's form), also with a `bytes `
 * or `bytes=` prefix and a `/total` suffix as some clients send. Undefined when malformed.
 */
export function parseContentRange(header: string | undefined): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:bytes[ =])?\s*(\d{1,15})-(\d{1,15})(?:\/(?:\d{1,15}|\*))?$/i.exec(header.trim());
  if (match === null) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end < start ? undefined : { start, end };
}

/** `/v2/<name>/blobs/<digest>`: where a committed blob can be fetched. */
export function blobLocation(name: string, digest: string): string {
  return `/v2/${name}/blobs/${digest}`;
}

/** `/v2/<name>/manifests/<digest>`: where a stored manifest can be fetched. */
export function manifestLocation(name: string, digest: string): string {
  return `/v2/${name}/manifests/${digest}`;
}

/** `/v2/<name>/blobs/uploads/<id>`: where an upload session continues. */
export function uploadLocation(name: string, id: string): string {
  return `/v2/${name}/blobs/uploads/${id}`;
}

/**
 * The `Range` value of an upload session: `0-<last byte received>`, and `0-0` when empty (the
 * convention of CNCF distribution, which clients expect).
 */
export function uploadRange(size: number): string {
  return `0-${Math.max(size - 1, 0)}`;
}

/** Headers of every response about an upload session. */
export function uploadHeaders(state: UploadState): Record<string, string> {
  return {
    Location: uploadLocation(state.repository, state.id),
    'Docker-Upload-UUID': state.id,
    Range: uploadRange(state.size),
  };
}

/** A header value of a Node request, the first one when repeated. */
export function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
