import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  credentialsFor,
  publishTarget,
  reportFailure
} from "./chunk-CR3P3OMK.js";
import "./chunk-QAI7BF6I.js";
import "./chunk-HMZXP7SY.js";
import {
  loadPlan
} from "./chunk-JSBLYXON.js";
import {
  STATE_DIR_ENV,
  readState,
  writeState
} from "./chunk-O2YXO4YK.js";
import "./chunk-DD32BUKB.js";
import "./chunk-DAVD5AZI.js";
import "./chunk-CRBGOO2F.js";
import "./chunk-R6VQUKQF.js";
import "./chunk-43WCQIHM.js";
import "./chunk-EZJHXTS3.js";
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";
import "./chunk-DKSL4ZNQ.js";
import "./chunk-MFDBYX32.js";

// src/ci/buildkite/hooks/pre-command.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
async function preCommandHook(context) {
  const stateDir = context.env[STATE_DIR_ENV];
  const state = await readState(stateDir);
  if (state === void 0 || stateDir === void 0) return {};
  const plan = loadPlan(context, new Date(state.startedAt));
  if (plan === void 0) return {};
  for (const planned of plan.registries) {
    const target = publishTarget(planned);
    try {
      const credentials = await credentialsFor(context, planned);
      if (credentials === void 0) continue;
      const { login } = await import("./publish-F7QYAFLG.js");
      await login(target, credentials, {
        ...state.dockerConfig && { configDir: state.dockerConfig },
        // Prove the push, not just the login: a policy that does not match fails here, before the command.
        // (With `push: never` nothing will be pushed, so only the login is checked.)
        pushTo: plan.push.push ? [...new Set(plan.images.map((image) => image.name))] : [],
        client: { retries: plan.retries }
      });
    } catch (error) {
      if (typeof error === "object" && error !== null && !("publishTarget" in error)) {
        Object.defineProperty(error, "publishTarget", { value: target, enumerable: false });
      }
      await reportFailure(context, plan, error, "login");
      throw error;
    }
    const proven = plan.push.push ? `; it may push ${plan.images.map((i) => i.name).join(", ")}` : "";
    context.log(`container-package: logged in to ${target.prefix} (${planned.auth.method})${proven}`);
  }
  const local = plan.localRegistry;
  if (local === void 0) return {};
  const [{ startLocalRegistry }, { localRegistryEnv, MIRROR_PREFIXES_ENV }] = await Promise.all([
    import("./local-registry-MW46XM7I.js"),
    import("./publish-F7QYAFLG.js")
  ]);
  const storage = local.storage ?? join(stateDir, "registry");
  await mkdir(storage, { recursive: true });
  const args = local.mirrors.length > 0 ? ["--config", await writeMirrorConfig(stateDir, local.mirrors)] : [];
  const registry = await startLocalRegistry({
    cli: context.cli,
    port: local.port,
    storage,
    logDir: stateDir,
    args
  });
  const next = {
    ...state,
    localRegistry: {
      pid: registry.pid,
      address: registry.address,
      storage,
      temporary: local.storage === void 0
    }
  };
  await writeState(stateDir, next);
  const exports = {
    [local.exportAs]: registry.address,
    ...localRegistryEnv(registry.address, local.mirrors, context.env.BUILDKITE_PIPELINE_SLUG)
  };
  const prefixes = exports[MIRROR_PREFIXES_ENV]?.split(" ") ?? [];
  const mirrors = prefixes.length === 0 ? "" : `, mirroring ${local.mirrors.join(", ")} at ${prefixes.join(" ")}`;
  context.log(
    `container-package: local registry at ${registry.url} (exported as ${local.exportAs})${mirrors}`
  );
  return exports;
}
async function writeMirrorConfig(stateDir, mirrors) {
  const { localMirrorConfig } = await import("./registry-2H4WCBAE.js");
  let text;
  try {
    text = localMirrorConfig(mirrors);
  } catch (error) {
    throw new ContainerPackageError(
      "CI_LOCAL_REGISTRY_MIRROR",
      error.message.replace("mirrors[", "mirror["),
      {
        hint: "list registry hosts to cache, such as docker.io, ghcr.io or packages.buildkite.com/ORG/REGISTRY (lowercase, no port)",
        cause: error
      }
    );
  }
  const file = join(stateDir, "registry.yaml");
  await writeFile(file, text, { mode: 384 });
  return file;
}
export {
  preCommandHook
};
