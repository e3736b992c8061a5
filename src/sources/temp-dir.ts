import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceError } from './errors.js';

/**
 * A private temporary directory owned by one loaded image (a decompressed archive, compressed
 * layers). `dispose()` removes it; blobs that read from it call `guard()` first so that an open
 * after disposal fails with a clear `SRC_DISPOSED` instead of a bare ENOENT.
 */
export class TempDir {
  readonly path: string;
  #disposed = false;

  private constructor(path: string) {
    this.path = path;
  }

  /**
   * Creates `container-package-<purpose>-XXXXXX` under `parent`.
   *
   * @param parent Default `os.tmpdir()` (`TMPDIR`). Put it on a disk with room for the image.
   */
  static async create(purpose: string, parent: string = tmpdir()): Promise<TempDir> {
    return new TempDir(await mkdtemp(join(parent, `container-package-${purpose}-`)));
  }

  /** A path inside the directory. */
  file(name: string): string {
    return join(this.path, name);
  }

  /** Throws `SRC_DISPOSED` once {@link TempDir.dispose} has been called. */
  guard(): void {
    if (this.#disposed) {
      throw new SourceError(
        'SRC_DISPOSED',
        `the temporary files in ${this.path} were removed (the image was disposed)`,
        {
          path: this.path,
          hint: 'Read every blob before calling dispose().',
        },
      );
    }
  }

  /** Removes the directory and everything in it. Idempotent. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    await rm(this.path, { recursive: true, force: true });
  }
}
