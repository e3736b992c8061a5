import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  BlobInfoCache,
  BlobIntegrityError,
  COMPRESSIONS,
  DOCKER_LAYER_UNCOMPRESSED,
  ImageSelectionError,
  InvalidSourceSpecError,
  SOURCE_FORMS,
  SourceError,
  SourceNotFoundError,
  compressImage,
  defaultBlobInfoCachePath,
  detectCompression,
  formatSource,
  fromDockerArchive,
  fromLayout,
  fromOciArchive,
  isLocalSource,
  loadedImage,
  openLocalSource,
  parseSource,
  resolveCompressOptions,
  writeExampleLayout
} from "./chunk-TB3UTSU3.js";
import "./chunk-P2LEJWYB.js";
import "./chunk-42VI6ERD.js";
import "./chunk-HUKKYD2D.js";
import "./chunk-BOB5LCPH.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DSYMQGUV.js";
export {
  BlobInfoCache,
  BlobIntegrityError,
  COMPRESSIONS,
  DOCKER_LAYER_UNCOMPRESSED,
  ImageSelectionError,
  InvalidSourceSpecError,
  SOURCE_FORMS,
  SourceError,
  SourceNotFoundError,
  compressImage,
  defaultBlobInfoCachePath,
  detectCompression,
  formatSource,
  fromDockerArchive,
  fromLayout,
  fromOciArchive,
  isLocalSource,
  loadedImage,
  openLocalSource,
  parseSource,
  resolveCompressOptions,
  writeExampleLayout
};
