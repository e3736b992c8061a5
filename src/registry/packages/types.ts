import type { TagSummary } from './summary.js';

/** Who may pull from a registry without logging in. Open mode: `public`. */
export type Visibility = 'private' | 'public';

/** A tag or a digest of an image; neither means the newest tag. */
export interface ImageRef {
  readonly tag?: string;
  readonly digest?: string;
}

/** A registry (configured) or, in open mode, a group of repositories. */
export interface RegistryListing {
  /**
   * `{org}/{registry}`; in open mode the group: the first two components of names with three or
   * more (`acme/images`), the first of names with two (`team` for `team/app`), `''` for
   * one-component names.
   */
  readonly name: string;
  readonly visibility: Visibility;
  /** Repositories with at least one tag. */
  readonly images: number;
  /** False in open mode (a group of names, not a configured registry). */
  readonly configured: boolean;
}

/** Hex checksums of some bytes. */
export interface Checksums {
  readonly md5: string;
  readonly sha1: string;
  readonly sha256: string;
  readonly sha512: string;
}

/** The two archive formats of a Download. */
export type ArchiveFormat = 'oci-archive' | 'docker-archive';

/** The platform of an image in an index, as the pages show it. */
export interface PlatformInfo {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

/** One image of an index. */
export interface PlatformImage {
  readonly digest: string;
  readonly media_type: string;
  readonly size: number;
  /** Null when the index gives no platform. */
  readonly platform: PlatformInfo | null;
  /** A buildx attestation manifest (`unknown/unknown`, `vnd.docker.reference.type`). */
  readonly attestation: boolean;
}

/** What the image says about itself: OCI annotations (index, then manifest), then config labels. */
export interface About {
  readonly title?: string;
  readonly version?: string;
  readonly description?: string;
  readonly url?: string;
  readonly source?: string;
  readonly documentation?: string;
  readonly licenses?: string;
  readonly vendor?: string;
  readonly authors?: string;
  readonly created?: string;
  readonly revision?: string;
  readonly base_name?: string;
  readonly base_digest?: string;
  /** Every `org.opencontainers.image.*` key found, raw (annotations win over labels). */
  readonly all: Readonly<Record<string, string>>;
}

/** Something an image needs: an index's platform image, or the base image its annotations name. */
export interface Dependency {
  readonly kind: 'platform' | 'base';
  /** `linux/amd64`, or the base image's name as annotated. */
  readonly name: string;
  readonly digest?: string;
  /** Set when the dependency is stored in this registry: the repository to link to (with `digest`). */
  readonly repository?: string;
}

/** Everything the details page shows about one image at one tag or digest. */
export interface ImageDetails {
  readonly registry: string;
  readonly visibility: Visibility;
  readonly name: string;
  readonly repository: string;
  /** The tag shown (the newest by default); null when asked by digest. */
  readonly tag: string | null;
  readonly tags: readonly TagSummary[];
  readonly digest: string;
  readonly media_type: string;
  /**
   * True for an artifact rather than a container image: a manifest whose config is no image config
   * (an SBOM, a signature), or an index that declares an `artifactType`. `docker pull` and
   * `docker load` cannot take it; `container-package pull`, oras and skopeo can.
   */
  readonly artifact: boolean;
  /** The artifact's type (`artifactType`, else its config media type); null for an image. */
  readonly artifact_type: string | null;
  readonly manifest_size: number;
  /** Of the manifest bytes as stored (its sha256 is the digest). */
  readonly manifest_checksums: Checksums;
  /** The images of an index; empty for a single image. */
  readonly platforms: readonly PlatformImage[];
  readonly about: About;
  readonly pushed_at: string | null;
  /** Manifest, config and layers (and every platform's), each distinct blob once. */
  readonly size: number;
  /** Downloads under this tag (or this digest). */
  readonly downloads: number;
  readonly dependencies: readonly Dependency[];
  /** Entries of the default platform's contents when already computed, else null. */
  readonly total_files: number | null;
}

/** Kinds of filesystem entry. */
export type EntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

/** One entry of an image's filesystem. */
export interface ContentEntry {
  /** Absolute, no trailing slash: `/usr/bin/env`. */
  readonly path: string;
  readonly type: EntryType;
  /** Bytes of a file; 0 for everything else. */
  readonly size: number;
  /** Permission bits (`0o755`). */
  readonly mode: number;
  /** Target of a symlink or hard link. */
  readonly link?: string;
}

/** The whole filesystem of one image manifest: what is cached. */
export interface ImageContents {
  /** The image manifest the list is of. */
  readonly digest: string;
  readonly files: number;
  readonly directories: number;
  /** Sum of the file sizes. */
  readonly bytes: number;
  /** Sorted by path, depth first. */
  readonly entries: readonly ContentEntry[];
}

/** One page of {@link ImageContents}. */
export interface ContentsPage {
  readonly digest: string;
  readonly platform: PlatformInfo | null;
  /** Every entry (files, directories, links…): the Total files figure. */
  readonly total: number;
  readonly files: number;
  readonly directories: number;
  readonly bytes: number;
  readonly offset: number;
  readonly entries: readonly ContentEntry[];
}
