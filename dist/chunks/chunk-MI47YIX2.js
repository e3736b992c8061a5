import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/cli/serve-registry.ts
async function resolveConfig(flags) {
  const { defaultConfig, loadConfigFile, withOverrides } = await import("./registry-6DNLBBJT.js");
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
  const { startRegistryService } = await import("./registry-6DNLBBJT.js");
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
    throw listenError(error, config);
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
function listenError(error, config) {
  const code = error?.code;
  const address = `${config.listen.host.includes(":") ? `[${config.listen.host}]` : config.listen.host}:${config.listen.port}`;
  if (code === "EADDRINUSE") {
    return new ContainerPackageError(
      "REGISTRY_ADDRESS_IN_USE",
      `cannot listen on ${address}: the port is already in use`,
      {
        hint: "stop the program that listens there, or pick another port with --listen HOST:PORT (port 0 picks a free one)",
        cause: error
      }
    );
  }
  if (code === "EACCES") {
    return new ContainerPackageError(
      "REGISTRY_ADDRESS_IN_USE",
      `cannot listen on ${address}: permission denied`,
      {
        hint: "ports below 1024 need privileges: pick a port of 1024 or above with --listen HOST:PORT",
        cause: error
      }
    );
  }
  return error;
}

export {
  resolveConfig,
  serveOverrides,
  serveRegistry
};
