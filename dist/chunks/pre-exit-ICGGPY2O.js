import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  removeIsolatedDockerConfig
} from "./chunk-JMKGX62C.js";
import {
  STATE_DIR_ENV,
  readState
} from "./chunk-O2YXO4YK.js";
import "./chunk-WQLW65TX.js";
import "./chunk-P65RQTMN.js";
import "./chunk-MFDBYX32.js";

// src/ci/buildkite/hooks/pre-exit.ts
import { rm } from "node:fs/promises";
async function preExitHook(context) {
  const stateDir = context.env[STATE_DIR_ENV];
  const state = await readState(stateDir).catch(() => void 0);
  if (state === void 0 || stateDir === void 0) return {};
  if (state.localRegistry) {
    const { stopLocalRegistryGracefully } = await import("./local-registry-MW46XM7I.js");
    await stopLocalRegistryGracefully(state.localRegistry.pid);
    if (state.localRegistry.temporary)
      await rm(state.localRegistry.storage, { recursive: true, force: true });
    context.log("container-package: stopped the local registry");
  }
  if (state.dockerConfig) {
    try {
      removeIsolatedDockerConfig(state.dockerConfig);
    } catch (error) {
      context.log(
        `container-package: could not remove ${state.dockerConfig}: ${error instanceof Error ? error.message : String(error)}`
      );
    }
  }
  await rm(stateDir, { recursive: true, force: true });
  context.log("container-package: removed the job's docker config and credentials");
  return { DOCKER_CONFIG: state.originalDockerConfig, [STATE_DIR_ENV]: void 0 };
}
export {
  preExitHook
};
