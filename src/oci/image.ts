import type { Readable } from 'node:stream';
import type { Descriptor } from './descriptor.js';

/**
 * The shapes every image source yields and the registry client pushes, so the client never
 * knows where bytes came from (an engine, an OCI layout, an archive, another registry).
 * Model: go-containerregistry's `v1.Image` / `v1.Layer` and `tarball.Opener`.
 */

/** A blob the pusher can read as many times as it needs (a retry re-opens it). */
export interface BlobSource {
  /** What the manifest says about the blob; the pusher verifies bytes against it. */
  readonly descriptor: Descriptor;
  /** Opens a fresh stream of exactly `descriptor.size` bytes. */
  open(signal?: AbortSignal): Promise<Readable>;
}

/** A single-platform image (or artifact): manifest bytes plus the blobs they name. */
export interface ImageArtifact {
  readonly kind: 'image';
  readonly mediaType: string;
  /** The manifest exactly as it will be pushed; its digest is the image's digest. */
  readonly bytes: Uint8Array;
  readonly digest: string;
  readonly config: BlobSource;
  /** Layers in manifest order. Non-distributable layers (with `urls`) are never uploaded. */
  readonly layers: readonly BlobSource[];
}

/** A multi-platform index (or Docker manifest list) and the manifests it points at. */
export interface IndexArtifact {
  readonly kind: 'index';
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  readonly digest: string;
  /** Children in index order; pushed before the index itself. */
  readonly children: readonly Artifact[];
}

export type Artifact = ImageArtifact | IndexArtifact;

/** Every distinct blob an artifact needs, children first, each digest once. */
export function blobsOf(artifact: Artifact): BlobSource[] {
  const seen = new Set<string>();
  const out: BlobSource[] = [];
  const visit = (a: Artifact): void => {
    if (a.kind === 'index') {
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
