/**
 * The packages data the registry's pages and JSON API show: registries and images, image
 * details, contents, Download archives. Import from here.
 */
export {
  PackagesService,
  type ImageListing,
  type PackagesServiceOptions,
  type PlannedDownload,
} from './service.js';
export { baseRepository } from './base-image.js';
export { viewerOf, viewerWithToken, type Viewer } from './viewer.js';
export {
  DiskDerivedCache,
  DriverDerivedCache,
  MemoryDerivedCache,
  type DerivedCache,
} from './derived-cache.js';
export { openGroupOf, repositoryOf } from './groups.js';
export { platformName } from './platforms.js';
export { downloadPath } from './download-path.js';
export type { PackageSummary, TagSummary } from './summary.js';
export type * from './types.js';
