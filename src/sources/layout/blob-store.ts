import type { Descriptor } from '../../oci/descriptor.js';
import type { BlobSource } from '../../oci/image.js';

/**
 * Where an OCI image layout keeps its files: a directory ({@link LayoutDir}) or a tar archive
 * (`ArchiveLayout`). Reading the layout (`readLayout`) only goes through this interface, so both
 * yield the same artifacts. Blob names are `blobs/<algorithm>/<hex>` of a digest that was parsed first.
 */
export interface BlobStore {
  /** The directory or archive path, for messages. */
  readonly location: string;
  /**
   * Reads a top-level file of the layout (`oci-layout`, `index.json`).
   *
   * @throws SourceError `SRC_NOT_FOUND` when it is missing, `SRC_UNSUPPORTED` when larger than `maxBytes`
   */
  readFile(name: string, maxBytes: number): Promise<Uint8Array>;
  /**
   * Checks, without reading it, that the blob exists with `descriptor.size` bytes.
   *
   * @throws SourceError `SRC_NOT_FOUND` (missing), `SRC_SIZE_MISMATCH` (other size), `SRC_INVALID_NAME` (bad digest)
   */
  check(descriptor: Descriptor): Promise<void>;
  /** A lazy, verifying opener of the blob (nothing is read until `open()`). */
  blob(descriptor: Descriptor): BlobSource;
}
