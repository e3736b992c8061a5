import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// package.json
var package_default = { name: "container-package", version: "0.1.0" };

export {
  package_default
};
