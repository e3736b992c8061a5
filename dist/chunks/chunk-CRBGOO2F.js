import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  buildkiteAudience,
  parseBuildkiteRegistry,
  parseReference
} from "./chunk-43WCQIHM.js";

// src/publish/targets.ts
var PACKAGES_HOST_ENV = "CONTAINER_PACKAGE_PACKAGES_HOST";
function resolveTarget(input, options = {}) {
  const parsed = parseBuildkiteRegistry(input, {
    ...options.organization && { organization: options.organization },
    ...options.packagesHost && { packagesHost: options.packagesHost }
  });
  if (parsed.kind === "buildkite") {
    return {
      prefix: parsed.prefix,
      host: parsed.host,
      kind: "buildkite",
      organization: parsed.organization,
      registry: parsed.registry,
      audience: options.audience ?? buildkiteAudience(parsed.organization, parsed.registry, parsed.host)
    };
  }
  return {
    prefix: parsed.prefix,
    host: parsed.host,
    kind: "generic",
    ...options.audience !== void 0 && { audience: options.audience }
  };
}
function targetReference(target, name, tag) {
  return parseReference(`${target.prefix}/${name}${tag === void 0 ? "" : `:${tag}`}`);
}

export {
  PACKAGES_HOST_ENV,
  resolveTarget,
  targetReference
};
