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
} from "./chunk-TPYMEO6R.js";
import {
  DOCKER_LAYER_UNCOMPRESSED,
  fromDockerArchive
} from "./chunk-NHGELSUY.js";
import "./chunk-B343HUJE.js";
import "./chunk-W2BKWXYY.js";
import {
  fromOciArchive
} from "./chunk-44FGMJRL.js";
import {
  detectCompression,
  loadedImage
} from "./chunk-EXMP6CA5.js";
import "./chunk-BTFJLG4I.js";
import "./chunk-3Z4QJIGU.js";
import "./chunk-JXV47CFG.js";
import "./chunk-4GX2ETPX.js";
import {
  COMPRESSIONS,
  resolveCompressOptions
} from "./chunk-EMWTN7W3.js";
import {
  formatSource,
  parseSource
} from "./chunk-DAVD5AZI.js";
import {
  BlobIntegrityError,
  ImageSelectionError,
  InvalidSourceSpecError,
  SOURCE_FORMS,
  SourceError,
  SourceNotFoundError
} from "./chunk-R6VQUKQF.js";
import "./chunk-43WCQIHM.js";
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
