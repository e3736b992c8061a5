import { Readable } from 'node:stream';
import { parseDigest } from '../digest.js';
import { MediaType } from '../media-types.js';
import { padding, TAR_END, tarHeader, tarHeaderLength } from './tar.js';

/** The archive formats: an OCI image layout in a tar, or that plus docker's `manifest.json`. */
export type ArchiveFormat = 'oci-archive' | 'docker-archive';

/** A blob of the archive, by digest. */
export interface ArchiveBlob {
  readonly digest: string;
  readonly size: number;
}

/** One image for docker's `manifest.json`. */
export interface DockerArchiveImage {
  readonly config: string;
  readonly layers: readonly string[];
}

/** What goes into an image archive. */
export interface ArchiveInput {
  readonly format: ArchiveFormat;
  /** The manifest `index.json` points at (an image manifest or an index). */
  readonly root: { readonly digest: string; readonly mediaType: string; readonly size: number };
  /** `org.opencontainers.image.ref.name` of the root (the tag), when there is one. */
  readonly refName?: string;
  /** docker-archive: the image (one) and its `RepoTags` (`name:tag`, none for a digest). */
  readonly docker?: DockerArchiveImage;
  readonly repoTags?: readonly string[];
  /** Every manifest, config and layer blob, the root included. Duplicates are dropped. */
  readonly blobs: readonly ArchiveBlob[];
}

/** One tar entry: inline bytes, a blob read when written, or a directory. */
export type ArchiveEntry =
  | { readonly kind: 'bytes'; readonly name: string; readonly data: Buffer }
  | { readonly kind: 'blob'; readonly name: string; readonly blob: ArchiveBlob }
  | { readonly kind: 'directory'; readonly name: string };

/** The entries of an archive in order, and its exact length in bytes. */
export interface ArchivePlan {
  readonly entries: readonly ArchiveEntry[];
  readonly length: number;
}

/**
 * Plans a deterministic image archive: `oci-layout`, `index.json`, (docker-archive)
 * `manifest.json`, then `blobs/<alg>/` and the blobs in digest order. The JSON files are compact
 * with keys in a fixed order; the tar headers are fixed (see `tar.ts`). The same input always
 * gives the same bytes, so the archive's checksums can be computed once and published.
 */
export function planArchive(input: ArchiveInput): ArchivePlan {
  const entries: ArchiveEntry[] = [];
  const json = (name: string, value: unknown): void => {
    entries.push({ kind: 'bytes', name, data: Buffer.from(JSON.stringify(value), 'utf8') });
  };
  json('oci-layout', { imageLayoutVersion: '1.0.0' });
  const descriptor = {
    mediaType: input.root.mediaType,
    digest: input.root.digest,
    size: input.root.size,
    ...(input.refName === undefined
      ? {}
      : { annotations: { 'org.opencontainers.image.ref.name': input.refName } }),
  };
  json('index.json', { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [descriptor] });
  if (input.format === 'docker-archive') {
    if (input.docker === undefined) throw new Error('a docker-archive needs its image (config and layers)');
    json('manifest.json', [
      {
        Config: blobPath(input.docker.config),
        RepoTags: input.repoTags ?? [],
        Layers: input.docker.layers.map(blobPath),
      },
    ]);
  }
  const blobs = new Map<string, ArchiveBlob>();
  for (const blob of input.blobs) blobs.set(blob.digest, blob);
  const sorted = [...blobs.values()].sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
  entries.push({ kind: 'directory', name: 'blobs/' });
  let algorithm = '';
  for (const blob of sorted) {
    const next = parseDigest(blob.digest).algorithm;
    if (next !== algorithm) entries.push({ kind: 'directory', name: `blobs/${next}/` });
    algorithm = next;
    entries.push({ kind: 'blob', name: blobPath(blob.digest), blob });
  }
  let length = TAR_END.length;
  for (const entry of entries) {
    const size = sizeOf(entry);
    length += tarHeaderLength(entry.name) + size + padding(size).length;
  }
  return { entries, length };
}

/** Opens a blob of the archive; the stream must give exactly `blob.size` bytes. */
export type OpenArchiveBlob = (
  blob: ArchiveBlob,
) => Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>;

/**
 * The archive's bytes, blob by blob (one open at a time), with backpressure. A blob that gives
 * more or fewer bytes than its size fails the stream: the length promised stays true or the
 * stream errors.
 */
export function archiveStream(plan: ArchivePlan, open: OpenArchiveBlob): Readable {
  return Readable.from(archiveChunks(plan, open), { objectMode: false });
}

async function* archiveChunks(plan: ArchivePlan, open: OpenArchiveBlob): AsyncGenerator<Buffer> {
  for (const entry of plan.entries) {
    const size = sizeOf(entry);
    yield tarHeader(entry.name, size, entry.kind === 'directory' ? 'directory' : 'file');
    if (entry.kind === 'bytes') yield entry.data;
    if (entry.kind === 'blob') {
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

function sizeOf(entry: ArchiveEntry): number {
  return entry.kind === 'bytes' ? entry.data.length : entry.kind === 'blob' ? entry.blob.size : 0;
}

/** `blobs/<alg>/<hex>` of a digest. */
export function blobPath(digest: string): string {
  const { algorithm, hex } = parseDigest(digest);
  return `blobs/${algorithm}/${hex}`;
}
