import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  jwtClaims
} from "./chunk-QAI7BF6I.js";
import {
  renderFailure
} from "./chunk-HMZXP7SY.js";
import {
  resolveTarget
} from "./chunk-CRBGOO2F.js";
import {
  BUILDKITE_USERNAME
} from "./chunk-43WCQIHM.js";
import {
  ContainerPackageError,
  isContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/ci/buildkite/hooks/credentials.ts
var minted = /* @__PURE__ */ new WeakMap();
function remember(context, prefix, facts) {
  let byPrefix = minted.get(context);
  if (byPrefix === void 0) minted.set(context, byPrefix = /* @__PURE__ */ new Map());
  byPrefix.set(prefix, facts);
}
function mintedOidcToken(context, prefix) {
  return minted.get(context)?.get(prefix);
}
function publishTarget(planned) {
  const audience = planned.auth.method === "oidc" ? planned.auth.audience : void 0;
  const { target } = planned;
  const username = planned.auth.method === "token" ? planned.auth.username : void 0;
  if (target.kind === "buildkite") {
    return {
      ...username !== void 0 && { username },
      prefix: target.prefix,
      host: target.host,
      kind: "buildkite",
      organization: target.organization,
      registry: target.registry,
      ...audience !== void 0 && { audience }
    };
  }
  const resolved = resolveTarget(target.prefix, audience ? { audience } : {});
  const user = username ?? (planned.auth.method === "oidc" ? BUILDKITE_USERNAME : void 0);
  return user === void 0 ? resolved : { ...resolved, username: user };
}
async function credentialsFor(context, planned) {
  const auth = planned.auth;
  switch (auth.method) {
    case "oidc": {
      const token = await context.agent.requestOidcToken({
        audience: auth.audience,
        lifetimeSeconds: auth.lifetimeSeconds
      });
      await context.agent.redact(token);
      remember(context, planned.target.prefix, { claims: jwtClaims(token) ?? {}, audience: auth.audience });
      return { username: BUILDKITE_USERNAME, password: token };
    }
    case "token": {
      const token = auth.source.kind === "env" ? context.env[auth.source.name] : await context.agent.secretGet(auth.source.name);
      if (!token) {
        throw new ContainerPackageError(
          "CI_TOKEN_MISSING",
          auth.source.kind === "env" ? `the token variable ${auth.source.name} for ${planned.target.prefix} is not set or empty` : `the Buildkite secret ${auth.source.name} for ${planned.target.prefix} is empty`,
          { hint: "set it in the pipeline (env, or a Buildkite secret) or change token-env / secret" }
        );
      }
      await context.agent.redact(token);
      return { username: auth.username ?? BUILDKITE_USERNAME, password: token };
    }
    default:
      return void 0;
  }
}

// src/ci/buildkite/hooks/report-failure.ts
async function reportFailure(context, plan, error, stage = "push") {
  const coded = isContainerPackageError(error);
  const message = error instanceof Error ? error.message : String(error);
  context.log(
    `container-package: ${stage} failed${plan.summary ? " (the build annotation has the cause and the fix)" : ""}`
  );
  if (!plan.summary) return;
  const status = error.status;
  const where = error;
  const registry = where.publishTarget ?? (plan.registries[0] && publishTarget(plan.registries[0]));
  const oidc = registry && mintedOidcToken(context, registry.prefix);
  const body = renderFailure(
    {
      code: coded ? error.code : "UNKNOWN",
      message,
      ...coded && error.hint ? { hint: error.hint } : {},
      ...typeof status === "number" ? { status } : {},
      ...registry && { registry },
      ...where.publishSource && { source: where.publishSource },
      ...context.env.BUILDKITE_PIPELINE_SLUG && { pipeline: context.env.BUILDKITE_PIPELINE_SLUG },
      ...oidc && { oidc }
    },
    stage === "login" ? { title: "Logging in to the registry failed (before the command ran)" } : {}
  );
  await context.agent.annotate(body, { style: "error", context: plan.summary.context }).catch((e) => {
    context.log(
      `container-package: could not annotate the failure: ${e instanceof Error ? e.message : String(e)}`
    );
  });
}

export {
  publishTarget,
  credentialsFor,
  reportFailure
};
