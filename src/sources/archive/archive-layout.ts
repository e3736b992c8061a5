import type { Descriptor } from '../../oci/descriptor.js';
import type { BlobSource } from '../../oci/image.js';
import { BlobIntegrityError, SourceNotFoundError } from '../errors.js';
import { blobName } from '../layout/blob-name.js';
import type { BlobStore } from '../layout/blob-store.js';
import type { TarFile } from './tar-file.js';

/**
 * An OCI image layout inside a tar file (skopeo's `oci-archive:`): the same files as a layout
 * directory, served as byte ranges of the tar instead of extracted (skopeo extracts the whole
 * archive to a temporary directory first).
 */
export class ArchiveLayout implements BlobStore {
  readonly #tar: TarFile;

  constructor(tar: TarFile) {
    this.#tar = tar;
  }

  get location(): string {
    return this.#tar.display;
  }

  readFile(name: string, maxBytes: number): Promise<Uint8Array> {
    if (!this.#tar.has(name)) {
      throw new SourceNotFoundError(
        this.#tar.where(name),
        `${name} of the OCI archive`,
        'An OCI archive holds oci-layout, index.json and blobs/; read `docker save` output with docker-archive: instead.',
      );
    }
    return this.#tar.read(name, maxBytes);
  }

  check(descriptor: Descriptor): Promise<void> {
    const name = blobName(descriptor.digest, this.location);
    const entry = this.#tar.entry(name);
    if (entry.size !== descriptor.size) {
      throw new BlobIntegrityError(
        'SRC_SIZE_MISMATCH',
        this.#tar.where(name),
        `${descriptor.size} bytes`,
        `${entry.size} bytes`,
      );
    }
    return Promise.resolve();
  }

  blob(descriptor: Descriptor): BlobSource {
    return this.#tar.blob(descriptor, blobName(descriptor.digest, this.location));
  }
}
