import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  BlobInfoCache,
  compressImage,
  defaultBlobInfoCachePath,
  fromLayout,
  isLocalSource,
  openLocalSource,
  writeExampleLayout
} from "./chunk-D35JUXXQ.js";
import "./chunk-W2BKWXYY.js";
import {
  fromOciArchive
} from "./chunk-GFBE3ZET.js";
import {
  DOCKER_LAYER_UNCOMPRESSED,
  fromDockerArchive
} from "./chunk-VBT7F7K3.js";
import {
  detectCompression,
  loadedImage
} from "./chunk-6JUUWSI3.js";
import {
  COMPRESSIONS,
  resolveCompressOptions
} from "./chunk-EMWTN7W3.js";
import {
  formatSource,
  parseSource
} from "./chunk-T2Y4H2CM.js";
import "./chunk-VDES3EJE.js";
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
