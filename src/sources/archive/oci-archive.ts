import type { LayoutOptions } from '../layout/from-layout.js';
import { readLayout } from '../layout/read-layout.js';
import { type LoadedImage, loadedImage } from '../loaded-image.js';
import { formatSource } from '../spec.js';
import { ArchiveLayout } from './archive-layout.js';
import { openArchive, type ArchiveOptions } from './open-archive.js';

/** Options of {@link fromOciArchive}. */
export interface OciArchiveOptions extends LayoutOptions, ArchiveOptions {}

/**
 * Reads an image from an OCI image layout stored in a tar file (`oci-archive:FILE[:NAME]`, what
 * `skopeo copy ... oci-archive:FILE` and `docker save` 25+ write), with the same selection rules
 * and checks as `fromLayout`.
 *
 * The tar is read once to index its entries; blobs are then streamed straight out of it as byte
 * ranges and verified while read, with nothing extracted. A gzip- or zstd-compressed archive is
 * first decompressed to a temporary file (random access needs it), which `dispose()` removes.
 *
 * @throws SourceError as `fromLayout`, plus `SRC_INVALID_ARCHIVE` (not a tar) and `SRC_UNSUPPORTED` (bzip2, xz)
 */
export async function fromOciArchive(file: string, options: OciArchiveOptions = {}): Promise<LoadedImage> {
  const select = options.select ?? { by: 'only' };
  const archive = await openArchive(file, options);
  try {
    const artifact = await readLayout(new ArchiveLayout(archive.tar), select, options.signal);
    return loadedImage(artifact, formatSource({ kind: 'oci-archive', path: file, select }), () =>
      archive.dispose(),
    );
  } catch (error) {
    await archive.dispose();
    throw error;
  }
}
