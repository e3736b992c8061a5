import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import type { Descriptor } from '../oci/descriptor.js';
import type { BlobInfoCache } from './blob-info-cache.js';
import { SourceError } from './errors.js';

/** How layers are compressed before a push. `none` pushes them as they are. */
export type Compression = 'gzip' | 'zstd' | 'none';

/** The compressions {@link resolveCompressOptions} accepts. */
export const COMPRESSIONS: readonly Compression[] = ['gzip', 'zstd', 'none'];

/** Options of `compressImage`. */
export interface CompressOptions {
  /** Default `'gzip'`, the one compression every registry and client reads. */
  compression?: Compression;
  /**
   * gzip 0-9, default 6: zlib's default, the level Go's `gzip.DefaultCompression` and
   * containers/image (pgzip's default) use. zstd 1-22, default 3 (zstd's own default).
   */
  level?: number;
  /** Layers compressed at once. Default: the number of CPUs (`os.availableParallelism()`). At least 1. */
  concurrency?: number;
  /** Where the compressed layers are written (a private directory inside). Default `os.tmpdir()`. */
  tmpDir?: string;
  /** Stops compressing (and removes what was written) when aborted. */
  signal?: AbortSignal;
}

/** The digest and size of the bytes a {@link LayerUpload} sent, as stored where it sent them. */
export interface UploadedLayer {
  readonly digest: string;
  readonly size: number;
}

/**
 * Sends a layer's compressed bytes on (to a registry) while they are being made, so compressing
 * and uploading overlap and nothing is written to a temporary file. It must read `stream` to
 * its end and resolve the sha256 digest and the size of exactly the bytes it read, or reject
 * (and may then destroy `stream`). A push cannot retry what it read from a stream: when it
 * rejects, the layer is compressed to a temporary file instead, and pushed from there.
 *
 * @param layer the uncompressed layer being compressed, to label progress
 * @param signal aborted when the compression is stopped
 */
export type LayerUpload = (
  stream: Readable,
  layer: Descriptor,
  signal: AbortSignal,
) => Promise<UploadedLayer>;

/** Options of `compressImage`: {@link CompressOptions} plus where results go. */
export interface CompressImageOptions extends CompressOptions {
  /**
   * Results of earlier compressions: a layer found there is not compressed now; its bytes are
   * made on the fly only if the registry does not already hold them. New results are recorded
   * in it. Default none.
   */
  cache?: BlobInfoCache;
  /**
   * Where layers not found in `cache` are compressed into (see {@link LayerUpload}) instead of
   * temporary files. Those layers are then made on the fly, like cache hits, if they are read
   * again. After the first failed upload the remaining layers go to temporary files. Default
   * none: every layer is compressed to a temporary file.
   */
  upload?: LayerUpload;
  /**
   * Also write the layers given to `upload` to temporary files as they pass, for pushes to more
   * registries: reading a file back costs less than compressing again. Default false.
   */
  keepUploaded?: boolean;
}

/** {@link CompressOptions} with the defaults filled in and the ranges checked. */
export interface ResolvedCompressOptions {
  readonly compression: Compression;
  readonly level: number;
  readonly concurrency: number;
  readonly tmpDir: string | undefined;
  readonly signal: AbortSignal | undefined;
}

const LEVELS = {
  gzip: { min: 0, max: 9, default: 6 },
  zstd: { min: 1, max: 22, default: 3 },
  none: { min: 0, max: 0, default: 0 },
};

/**
 * Fills the defaults of {@link CompressOptions} and checks them.
 *
 * @throws SourceError `SRC_INVALID_OPTION` for an unknown compression, a level out of range, or a
 *   concurrency below 1
 */
export function resolveCompressOptions(options: CompressOptions = {}): ResolvedCompressOptions {
  const compression = options.compression ?? 'gzip';
  if (!COMPRESSIONS.includes(compression)) {
    throw invalidOption(
      `unknown compression ${JSON.stringify(compression)}`,
      `Use one of ${COMPRESSIONS.join(', ')}.`,
    );
  }
  const range = LEVELS[compression];
  const level = options.level ?? range.default;
  if (compression !== 'none' && (!Number.isInteger(level) || level < range.min || level > range.max)) {
    throw invalidOption(
      `${compression} level ${level} is out of range`,
      `Use an integer from ${range.min} to ${range.max}.`,
    );
  }
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw invalidOption(`concurrency ${concurrency} is not a positive integer`, 'Use 1 or more.');
  }
  return { compression, level, concurrency, tmpDir: options.tmpDir, signal: options.signal };
}

function invalidOption(message: string, hint: string): SourceError {
  return new SourceError('SRC_INVALID_OPTION', message, { hint });
}
