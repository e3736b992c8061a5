import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/cli/serve-registry.ts
async function resolveConfig(flags) {
  const { defaultConfig, loadConfigFile, withOverrides } = await import("./registry-P6RZGCCE.js");
  const base = flags.config === void 0 ? defaultConfig() : await loadConfigFile(flags.config);
  return withOverrides(base, flags);
}
function serveOverrides(flags) {
  return {
    config: flags.config,
    listen: flags.listen,
    storage: flags.storage,
    insecureListen: flags["insecure-listen"]
  };
}
async function serveRegistry(config, onListening) {
  const { startRegistryService } = await import("./registry-P6RZGCCE.js");
  let first;
  const stop = new Promise((resolve) => {
    first = (signal2) => {
      process.off("SIGTERM", first);
      process.off("SIGINT", first);
      process.once("SIGTERM", () => process.exit(1));
      process.once("SIGINT", () => process.exit(1));
      resolve(signal2);
    };
    process.on("SIGTERM", first);
    process.on("SIGINT", first);
  });
  let service;
  try {
    service = await startRegistryService(config);
  } catch (error) {
    process.off("SIGTERM", first);
    process.off("SIGINT", first);
    throw error;
  }
  onListening?.();
  process.stdout.write(`registry listening on ${service.url}
`);
  const signal = await stop;
  logLine({ msg: "shutting down", signal });
  await service.close();
  logLine({ msg: "stopped" });
}
function logLine(fields) {
  process.stderr.write(`${JSON.stringify({ time: (/* @__PURE__ */ new Date()).toISOString(), level: "info", ...fields })}
`);
}

export {
  resolveConfig,
  serveOverrides,
  serveRegistry
};
