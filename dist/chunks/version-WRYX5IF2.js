import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  package_default
} from "./chunk-KJZCY3MI.js";
import "./chunk-MFDBYX32.js";

// src/cli/fast/version.ts
import { arch, platform, release } from "node:os";
function versionFast() {
  if (platform() === "linux" && release().toLowerCase().includes("microsoft")) return false;
  const cpu = arch() === "ia32" ? "x86" : arch();
  process.stdout.write(
    `${package_default.name}/${package_default.version} ${platform()}-${cpu} node-${process.version}
`
  );
  return true;
}
export {
  versionFast
};
