import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  BUILDKIT_CACHE_ENV,
  MIRROR_PREFIXES_ENV,
  MIRROR_PREFIX_ENV,
  artifactPlatforms,
  artifactSize,
  inspectImage,
  localRegistryEnv,
  login,
  logout,
  publish,
  pullImage
} from "./chunk-KDNPSKSG.js";
import "./chunk-3P7JECV3.js";
import "./chunk-5S2BU6U6.js";
import "./chunk-W2BKWXYY.js";
import "./chunk-CPQIE4UP.js";
import "./chunk-DXY4KYQT.js";
import "./chunk-L2IY4NZN.js";
import {
  PACKAGES_HOST_ENV,
  resolveTarget,
  targetReference
} from "./chunk-3FQQXFBF.js";
import "./chunk-DNCUJAQG.js";
import "./chunk-IGTCLVDV.js";
import "./chunk-BOB5LCPH.js";
import "./chunk-UMIJCHBN.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DSYMQGUV.js";
export {
  BUILDKIT_CACHE_ENV,
  MIRROR_PREFIXES_ENV,
  MIRROR_PREFIX_ENV,
  PACKAGES_HOST_ENV,
  artifactPlatforms,
  artifactSize,
  inspectImage,
  localRegistryEnv,
  login,
  logout,
  publish,
  pullImage,
  resolveTarget,
  targetReference
};
