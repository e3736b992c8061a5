import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  BlobInfoCache,
  DOCKER_LAYER_UNCOMPRESSED,
  compressImage,
  defaultBlobInfoCachePath,
  detectCompression,
  fromDockerArchive,
  fromLayout,
  fromOciArchive,
  isLocalSource,
  loadedImage,
  openLocalSource,
  writeExampleLayout
} from "./chunk-UYPCFVDV.js";
import "./chunk-AN7L37DW.js";
import "./chunk-W2BKWXYY.js";
import {
  COMPRESSIONS,
  resolveCompressOptions
} from "./chunk-EMWTN7W3.js";
import {
  formatSource,
  parseSource
} from "./chunk-XC7ADSYC.js";
import "./chunk-QWLZKD2D.js";
import {
  BlobIntegrityError,
  ImageSelectionError,
  InvalidSourceSpecError,
  SOURCE_FORMS,
  SourceError,
  SourceNotFoundError
} from "./chunk-R6VQUKQF.js";
import "./chunk-H7VNZ2OX.js";
import "./chunk-P65RQTMN.js";
import "./chunk-MFDBYX32.js";
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
