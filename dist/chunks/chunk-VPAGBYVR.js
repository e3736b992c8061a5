import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  createIsolatedDockerConfig
} from "./chunk-JMKGX62C.js";
import {
  planFrom
} from "./chunk-JSBLYXON.js";
import {
  STATE_DIR_ENV,
  writeState
} from "./chunk-O2YXO4YK.js";

// src/ci/buildkite/hooks/set-up-job.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function setUpJob(context, raw, now) {
  const plan = planFrom(context, raw, now);
  const stateDir = await mkdtemp(join(context.env.TMPDIR || tmpdir(), "container-package-job-"));
  const original = context.env.DOCKER_CONFIG;
  const isolated = createIsolatedDockerConfig({
    ...original ? { source: original } : {},
    registriesToDrop: [...plan.credentialScopes],
    tmpRoot: stateDir,
    env: context.env
  });
  await writeState(stateDir, {
    startedAt: now.toISOString(),
    mode: context.mode,
    ...context.mode === "agent" && { config: raw },
    dockerConfig: isolated.dir,
    ...original !== void 0 && { originalDockerConfig: original }
  });
  const images = plan.images.map((i) => `${i.source} \u2192 ${i.name}:${i.tags.join(",")}`).join("; ");
  context.log(`container-package: ${plan.push.reason}; images: ${images}`);
  context.log(`container-package: this job's docker config is ${isolated.dir}`);
  return { [STATE_DIR_ENV]: stateDir, DOCKER_CONFIG: isolated.dir };
}

export {
  setUpJob
};
