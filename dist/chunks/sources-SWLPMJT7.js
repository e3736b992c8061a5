import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  BlobInfoCache,
  DOCKER_LAYER_UNCOMPRESSED,
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
  writeExampleLayout
} from "./chunk-5S2BU6U6.js";
import "./chunk-W2BKWXYY.js";
import "./chunk-DXY4KYQT.js";
import "./chunk-L2IY4NZN.js";
import {
  BlobIntegrityError,
  COMPRESSIONS,
  ImageSelectionError,
  InvalidSourceSpecError,
  SOURCE_FORMS,
  SourceError,
  SourceNotFoundError,
  resolveCompressOptions
} from "./chunk-DNCUJAQG.js";
import "./chunk-IGTCLVDV.js";
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
