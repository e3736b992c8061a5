import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  ContainerPackageError,
  isContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/cli/serve-registry.ts
import cluster from "node:cluster";
async function resolveConfig(flags) {
  const { defaultConfig, loadConfigFile, withOverrides } = await import("./registry-2H4WCBAE.js");
  const base = flags.config === void 0 ? defaultConfig() : await loadConfigFile(flags.config);
  return withOverrides(base, flags);
}
function serveOverrides(flags) {
  return {
    config: flags.config,
    listen: flags.listen,
    storage: flags.storage,
    insecureListen: flags["insecure-listen"],
    workers: flags.workers
  };
}
async function serveRegistry(config, onListening) {
  const { startRegistryService, startWorkers, runWorker, workerSlot, jsonLogger } = await import("./registry-2H4WCBAE.js");
  if (cluster.isWorker && workerSlot() !== void 0) {
    return runWorker(config, (error) => describeFailure(listenError(error, config)));
  }
  let first;
  let signalled;
  const stop = new Promise((resolve) => {
    first = (signal2) => {
      process.off("SIGTERM", first);
      process.off("SIGINT", first);
      process.once("SIGTERM", () => process.exit(1));
      process.once("SIGINT", () => process.exit(1));
      signalled = signal2;
      resolve(signal2);
    };
    process.on("SIGTERM", first);
    process.on("SIGINT", first);
  });
  let service;
  try {
    service = config.workers > 1 ? await startWorkers(config, jsonLogger(process.stderr, config.logLevel)) : await startRegistryService(config);
  } catch (error) {
    process.off("SIGTERM", first);
    process.off("SIGINT", first);
    if (signalled !== void 0) {
      logLine({ msg: "stopped", signal: signalled });
      return;
    }
    throw listenError(error, config);
  }
  onListening?.();
  process.stdout.write(`registry listening on ${service.url}
`);
  let failure;
  const signal = await Promise.race([
    stop,
    (service.failed ?? new Promise(() => void 0)).catch((error) => {
      failure = error;
      return void 0;
    })
  ]);
  if (failure !== void 0) {
    process.off("SIGTERM", first);
    process.off("SIGINT", first);
    await service.close();
    throw failure;
  }
  logLine({ msg: "shutting down", signal });
  await service.close();
  logLine({ msg: "stopped" });
}
function describeFailure(error) {
  if (isContainerPackageError(error)) {
    return {
      code: error.code,
      message: error.message,
      ...error.hint === void 0 ? {} : { hint: error.hint }
    };
  }
  return { message: error instanceof Error ? error.message : String(error) };
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
