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
  readState
} from "./chunk-O2YXO4YK.js";
import "./chunk-DD32BUKB.js";
import "./chunk-DAVD5AZI.js";
import "./chunk-CRBGOO2F.js";
import "./chunk-R6VQUKQF.js";
import "./chunk-43WCQIHM.js";
import "./chunk-EZJHXTS3.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DKSL4ZNQ.js";
import "./chunk-MFDBYX32.js";

// src/ci/buildkite/hooks/post-command.ts
async function postCommandHook(context) {
  const state = await readState(context.env[STATE_DIR_ENV]);
  if (state === void 0) {
    context.log("container-package: the environment hook did not run for this job: nothing to push");
    return [];
  }
  const plan = loadPlan(context, new Date(state.startedAt));
  if (plan === void 0) return [];
  if (!plan.push.push) {
    context.log(`container-package: ${plan.push.reason}`);
    return [];
  }
  const byPrefix = new Map(plan.registries.map((r) => [r.target.prefix, r]));
  let results;
  try {
    const { publish } = await import("./publish-F7QYAFLG.js");
    results = await publish({
      images: plan.images.map((i) => ({ source: i.source, name: i.name, tags: i.tags })),
      registries: plan.registries.map(publishTarget),
      credentials: (target) => credentialsFor(context, byPrefix.get(target.prefix)),
      ...state.dockerConfig && { dockerConfig: state.dockerConfig },
      compression: plan.compression,
      engineRetries: plan.retries,
      client: { retries: plan.retries },
      ...context.env.BUILDKITE_ORGANIZATION_SLUG && {
        organization: context.env.BUILDKITE_ORGANIZATION_SLUG
      },
      onEvent: logEvent(context)
    });
  } catch (error) {
    await reportFailure(context, plan, error);
    throw error;
  }
  await reportSuccess(context, plan, results);
  return results;
}
function logEvent(context) {
  return (event) => {
    if (event.type === "image-start")
      context.log(`--- :docker: pushing ${event.source} to ${event.repository}`);
    else if (event.type === "engine-line") context.log(event.line);
    else if (event.type === "image-done") {
      context.log(`pushed ${event.image.references.join(", ")} @ ${event.image.digest}`);
    } else if (event.event.type === "blob-done" || event.event.type === "blob-mounted" || event.event.type === "blob-skipped") {
      const what = { "blob-done": "pushed", "blob-mounted": "mounted", "blob-skipped": "already there" }[event.event.type];
      context.log(`  ${event.event.digest.slice(0, 19)} ${what} (${event.event.total} bytes)`);
    }
  };
}
async function reportSuccess(context, plan, results) {
  if (plan.summary) {
    const { renderPullInstructions } = await import("./render-PMGEO22A.js");
    await context.agent.annotate(renderPullInstructions(results), {
      style: plan.summary.successStyle,
      context: plan.summary.context,
      ...plan.summary.priority !== void 0 && { priority: plan.summary.priority }
    });
  }
  for (const image of plan.images) {
    if (image.outputKeys === void 0) continue;
    const mine = results.filter((r) => r.source === image.source && r.name === image.name);
    if (mine.length === 0) continue;
    await context.agent.setMetaData(image.outputKeys.digest, mine[0].digest);
    const references = mine.flatMap((r) => r.references.map((ref) => `${ref}@${r.digest}`));
    await context.agent.setMetaData(image.outputKeys.references, references.join("\n"));
  }
}
export {
  postCommandHook
};
