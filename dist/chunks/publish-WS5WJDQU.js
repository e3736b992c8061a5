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
  publish
} from "./chunk-STA64QUP.js";
import "./chunk-ZD6DQ5ML.js";
import "./chunk-ZJGWGHJR.js";
import "./chunk-T7NJDQNI.js";
import "./chunk-CPQIE4UP.js";
import "./chunk-42VI6ERD.js";
import {
  resolveTarget,
  targetReference
} from "./chunk-V7JRAJQU.js";
import "./chunk-DNCUJAQG.js";
import "./chunk-HUKKYD2D.js";
import "./chunk-BOB5LCPH.js";
import "./chunk-UMIJCHBN.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DSYMQGUV.js";
export {
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
  resolveTarget,
  targetReference
};
