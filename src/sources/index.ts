/**
 * Daemonless image sources: OCI layouts, OCI archives and docker archives, each read into the
 * same `Artifact` (with openers that verify bytes as they are read), plus the layer compression
 * step that makes their images pushable. Import from here rather than from the individual files.
 */
export {
  BlobIntegrityError,
  ImageSelectionError,
  InvalidSourceSpecError,
  SOURCE_FORMS,
  SourceError,
  SourceNotFoundError,
  type SourceErrorCode,
} from './errors.js';
export {
  formatSource,
  parseSource,
  type ArchiveSelector,
  type LayoutSelector,
  type SourceSpec,
} from './spec.js';
export { loadedImage, type LoadedImage } from './loaded-image.js';
export { fromLayout, type LayoutOptions } from './layout/from-layout.js';
export { fromOciArchive, type OciArchiveOptions } from './archive/oci-archive.js';
export { fromDockerArchive, type DockerArchiveOptions } from './archive/docker-archive.js';
export { DOCKER_LAYER_UNCOMPRESSED } from './archive/docker-manifest.js';
export type { ArchiveOptions } from './archive/open-archive.js';
export { compressImage } from './compress.js';
export {
  COMPRESSIONS,
  resolveCompressOptions,
  type Compression,
  type CompressImageOptions,
  type CompressOptions,
  type LayerUpload,
  type ResolvedCompressOptions,
  type UploadedLayer,
} from './compress-options.js';
export { detectCompression, type DetectedCompression } from './sniff.js';
export { isLocalSource, openLocalSource, type LocalSourceOptions, type LocalSourceSpec } from './open.js';
export { writeExampleLayout, type ExampleImage, type ExampleImageOptions } from './example-image.js';
export { BlobInfoCache, defaultBlobInfoCachePath, type CompressedInfo } from './blob-info-cache.js';
