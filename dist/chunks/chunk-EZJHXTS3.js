import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";
import {
  loadExeca
} from "./chunk-DKSL4ZNQ.js";

// src/exec/run-program.ts
async function runProgram(binary, args, options) {
  const { execa } = await loadExeca();
  const result = await execa(binary, args, {
    input: options.input ?? "",
    reject: false,
    timeout: options.timeoutMs,
    stripFinalNewline: false,
    encoding: "utf8",
    ...options.env === void 0 ? {} : { env: options.env, extendEnv: false }
  });
  return {
    notFound: "code" in result && result.code === "ENOENT",
    timedOut: result.timedOut,
    exitCode: result.exitCode,
    signal: result.signal,
    stdout: String(result.stdout ?? ""),
    stderr: String(result.stderr ?? "")
  };
}

// src/ci/buildkite/errors.ts
var ConfigError = class extends ContainerPackageError {
  /** Every problem found, in document order; empty for `CI_CONFIG_UNREADABLE`. */
  issues;
  constructor(code, message, details = {}) {
    super(code, message, details);
    this.name = "ConfigError";
    this.issues = details.issues ?? [];
  }
};
var AgentError = class extends ContainerPackageError {
  /** The subcommand, without arguments: `oidc request-token`, `meta-data set`. */
  command;
  exitCode;
  constructor(code, command, message, details = {}) {
    super(code, message, details);
    this.name = "AgentError";
    this.command = command;
    this.exitCode = details.exitCode;
  }
};

// src/ci/buildkite/agent-run.ts
var AGENT_TIMEOUT_MS = 3e5;
async function runAgent(command, args, options) {
  const binary = options.binary ?? "buildkite-agent";
  const timeout = options.timeoutMs ?? AGENT_TIMEOUT_MS;
  const result = await runProgram(binary, args, {
    input: options.input ?? "",
    timeoutMs: timeout,
    ...options.env === void 0 ? {} : { env: options.env }
  });
  if (result.notFound) {
    throw new AgentError(
      "CI_AGENT_NOT_FOUND",
      command,
      `${binary} was not found, so \`${command}\` could not run`,
      {
        hint: "Run inside a Buildkite job: the agent puts buildkite-agent on PATH (its directory is in BUILDKITE_BIN_PATH)."
      }
    );
  }
  if (result.timedOut) {
    throw new AgentError(
      "CI_AGENT_TIMEOUT",
      command,
      `buildkite-agent ${command} did not finish within ${timeout} ms`,
      {
        hint: "Check that the agent can reach the Buildkite API."
      }
    );
  }
  const exitCode = result.exitCode;
  const stderr = scrub(result.stderr, options.secrets ?? []);
  if (exitCode === void 0 || !(options.okCodes ?? [0]).includes(exitCode)) {
    const how = exitCode === void 0 ? `was stopped (${result.signal ?? "no exit status"})` : `failed with exit status ${exitCode}`;
    const tail = lastLines(stderr);
    throw new AgentError(
      "CI_AGENT_FAILED",
      command,
      `buildkite-agent ${command} ${how}${tail === "" ? "" : `: ${tail}`}`,
      {
        ...exitCode === void 0 ? {} : { exitCode },
        ...options.hint === void 0 ? {} : { hint: options.hint }
      }
    );
  }
  return { exitCode, stdout: result.stdout, stderr };
}
function scrub(text, secrets) {
  let out = text;
  for (const secret of secrets) {
    const value = secret.trim();
    if (value.length >= 4) out = out.split(value).join("[REDACTED]");
  }
  return out;
}
function lastLines(text) {
  const lines = text.split("\n").map((line) => line.trimEnd()).filter((line) => line !== "");
  const tail = lines.slice(-5).join("\n");
  return tail.length > 1e3 ? `\u2026${tail.slice(-1e3)}` : tail;
}

// src/ci/buildkite/schema.ts
var ENV_NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$";
var AUTH_METHODS = ["oidc", "token-env", "secret", "docker-config", "none"];
var PUSH_WHEN = ["success", "always", "never"];
var ANNOTATION_STYLES = ["success", "info", "warning", "error"];
var MAX_ANNOTATION_CONTEXT = 100;
var COMPRESSION_NAMES = ["gzip", "zstd", "none"];
var envName = (description) => ({
  type: "string",
  pattern: ENV_NAME_PATTERN,
  description
});
var nonEmpty = (description) => ({ type: "string", minLength: 1, description });
var registryString = nonEmpty(
  'A registry: "{org}/{registry}" (Buildkite Packages), "{registry}" (organization from BUILDKITE_ORGANIZATION_SLUG), or "host[:port][/path]" for any other OCI registry.'
);
var authProperties = {
  auth: {
    type: "string",
    enum: AUTH_METHODS,
    description: "How to log in: oidc (default for Buildkite Packages: a fresh agent OIDC token before each push), token-env, secret, docker-config (default elsewhere: what the agent's docker config already holds) or none."
  },
  "token-env": envName("Name of an environment variable that holds the token (never the token itself)."),
  secret: envName("Name of a Buildkite secret that holds the token, read with `buildkite-agent secret get`."),
  username: nonEmpty('User name for token logins. Default "buildkite" for Buildkite Packages.'),
  audience: nonEmpty(
    "OIDC audience. Buildkite Packages needs none (it is https://packages.buildkite.com/{org}/{registry}); other registries that trust agent OIDC tokens need one."
  )
};
var registryObject = {
  type: "object",
  additionalProperties: false,
  required: ["url"],
  properties: { url: registryString, ...authProperties },
  description: "A registry with its own login settings."
};
var image = {
  type: "object",
  additionalProperties: false,
  required: ["source"],
  description: "An image the step built and where it goes.",
  properties: {
    source: nonEmpty(
      "Where the image is: docker:REF, podman:REF, oci:DIR[:NAME], oci-archive:FILE[:NAME], docker-archive:FILE[:REF]."
    ),
    name: nonEmpty(
      "Image name under each registry. Default: taken from the source (docker:app:ci gives app)."
    ),
    tags: {
      type: "array",
      minItems: 1,
      items: nonEmpty('A tag or tag template such as "{{build.number}}", "{{branch}}" or "latest".'),
      description: "Tags for this image; replaces the top-level tags."
    }
  }
};
var annotate = {
  anyOf: [
    { type: "boolean", description: "Annotate the build with pull instructions (default true)." },
    {
      type: "object",
      additionalProperties: false,
      description: "Annotation settings.",
      properties: {
        context: nonEmpty("Annotation context (at most 100 characters). Default: one per step."),
        style: {
          type: "string",
          enum: ANNOTATION_STYLES,
          description: 'Style of the annotation after a successful push. Failures are always "error".'
        },
        priority: { type: "integer", minimum: 1, maximum: 10, description: "Annotation priority, 1 to 10." }
      }
    }
  ]
};
var metaData = {
  anyOf: [
    {
      type: "boolean",
      description: "Set build meta-data with each image's digest and references (default true)."
    },
    {
      type: "object",
      additionalProperties: false,
      description: "Meta-data settings.",
      properties: { prefix: nonEmpty('Prefix of the meta-data keys. Default "container-package".') }
    }
  ]
};
var localRegistry = {
  anyOf: [
    { type: "boolean", description: "Start the bundled registry for this job (default false)." },
    {
      type: "object",
      additionalProperties: false,
      description: "Bundled registry settings.",
      properties: {
        port: {
          type: "integer",
          minimum: 0,
          maximum: 65535,
          description: "Port on 127.0.0.1; 0 picks a free one."
        },
        mirror: {
          type: "array",
          minItems: 1,
          items: nonEmpty("An upstream registry host to cache pulls from, e.g. docker.io."),
          description: "Serve as a pull-through cache of these registries."
        },
        storage: nonEmpty(
          "Directory for its data, kept between jobs. Default: a temp dir removed after the job."
        ),
        "export-as": envName(
          "Environment variable that receives the registry address (host:port). Default CONTAINER_PACKAGE_LOCAL_REGISTRY."
        )
      }
    }
  ]
};
var PLUGIN_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    registry: {
      anyOf: [
        registryString,
        {
          type: "array",
          minItems: 1,
          items: { anyOf: [registryString, registryObject] },
          description: "Several registries; every image is pushed to each."
        }
      ]
    },
    "packages-host": nonEmpty(
      'The host "{org}/{registry}" names a Buildkite Packages registry on, and its OIDC audience follows (https://{packages-host}/{org}/{registry}): a staging host, a mirror, or a test registry. Default: $CONTAINER_PACKAGE_PACKAGES_HOST, else packages.buildkite.com.'
    ),
    ...authProperties,
    images: {
      type: "array",
      minItems: 1,
      description: "What the step built.",
      items: { anyOf: [nonEmpty("A source; name and tags take their defaults."), image] }
    },
    tags: {
      type: "array",
      minItems: 1,
      items: nonEmpty('A tag or tag template such as "{{build.number}}", "{{branch}}" or "latest".'),
      description: 'Tags for every image. Default ["{{build.number}}"].'
    },
    push: {
      type: "string",
      enum: PUSH_WHEN,
      description: "When to push: success (default: only when the command succeeded), always, never."
    },
    annotate,
    "meta-data": metaData,
    retries: {
      type: "integer",
      minimum: 0,
      maximum: 10,
      description: "Retries of a failed request (5xx, 429, network). Default 3."
    },
    compression: {
      type: "string",
      enum: COMPRESSION_NAMES,
      description: "Compression of layers that are not compressed yet (docker save output). Default gzip."
    },
    "local-registry": localRegistry
  }
};

// src/ci/buildkite/agent.ts
var MAX_ANNOTATION_BYTES = 1024 * 1024;
var META_DATA_MISSING_STATUS = 100;
function createAgent(options = {}) {
  const run = (command, args, extra = {}) => runAgent(command, args, { ...options, ...extra });
  return {
    async requestOidcToken({ audience, lifetimeSeconds = 300, claims = [] }) {
      if (audience === "") throw invalid("oidc request-token", "the OIDC audience is empty");
      if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds <= 0) {
        throw invalid(
          "oidc request-token",
          `the token lifetime must be a positive whole number of seconds, got ${lifetimeSeconds}`
        );
      }
      const args = ["oidc", "request-token", "--audience", audience, "--lifetime", String(lifetimeSeconds)];
      for (const claim of claims) args.push("--claim", claim);
      const { stdout } = await run("oidc request-token", args, {
        hint: `Check that this agent may request OIDC tokens and that the audience ${audience} is right.`
      });
      const token = stdout.trim();
      if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) {
        throw new AgentError(
          "CI_AGENT_BAD_OUTPUT",
          "oidc request-token",
          "buildkite-agent oidc request-token printed no JWT",
          {
            hint: "Upgrade buildkite-agent; `oidc request-token` prints the token alone on stdout."
          }
        );
      }
      return token;
    },
    async annotate(body, { style, context, append = false, priority }) {
      if (body.trim() === "") throw invalid("annotate", "the annotation body is empty");
      if (context === "" || [...context].length > MAX_ANNOTATION_CONTEXT) {
        throw invalid(
          "annotate",
          `the annotation context must be 1 to ${MAX_ANNOTATION_CONTEXT} characters, got ${[...context].length}`
        );
      }
      if (priority !== void 0 && (!Number.isInteger(priority) || priority < 1 || priority > 10)) {
        throw invalid(
          "annotate",
          `the annotation priority must be a whole number from 1 to 10, got ${priority}`
        );
      }
      const { text, truncated } = fitAnnotation(body);
      const args = ["annotate", "--style", style, "--context", context];
      if (append) args.push("--append");
      if (priority !== void 0) args.push("--priority", String(priority));
      await run("annotate", args, { input: text });
      return { truncated };
    },
    async setMetaData(key, value) {
      if (key.trim() === "") throw invalid("meta-data set", "the meta-data key is empty");
      if (value.trim() === "")
        throw invalid("meta-data set", `the meta-data value for ${JSON.stringify(key)} is empty`);
      await run("meta-data set", ["meta-data", "set", key], { input: value, secrets: [value] });
    },
    async getMetaData(key, { default: fallback } = {}) {
      const args = ["meta-data", "get", key];
      if (fallback !== void 0) args.push("--default", fallback);
      return (await run("meta-data get", args)).stdout;
    },
    async metaDataExists(key) {
      const { exitCode } = await run("meta-data exists", ["meta-data", "exists", key], {
        okCodes: [0, META_DATA_MISSING_STATUS]
      });
      return exitCode === 0;
    },
    async secretGet(name) {
      const { stdout } = await run("secret get", ["secret", "get", name], {
        hint: `Check that the secret ${name} exists in this agent's cluster and that this pipeline may read it.`
      });
      const value = stdout.endsWith("\n") ? stdout.slice(0, -1) : stdout;
      if (value === "") {
        throw new AgentError("CI_AGENT_BAD_OUTPUT", "secret get", `the Buildkite secret ${name} is empty`, {
          hint: `Store the token in the secret ${name}.`
        });
      }
      return value;
    },
    async redact(value) {
      if (value.trim() === "") return;
      await run("redactor add", ["redactor", "add"], {
        input: value,
        secrets: [value],
        hint: "buildkite-agent 3.67 or newer is needed for `redactor add`."
      });
    }
  };
}
function fitAnnotation(body, maxBytes = MAX_ANNOTATION_BYTES) {
  const bytes = Buffer.from(body, "utf8");
  if (bytes.length <= maxBytes) return { text: body, truncated: false };
  const note = "\n\n_The rest was cut: the annotation was longer than Buildkite allows (1 MiB)._\n";
  let end = maxBytes - Buffer.byteLength(note);
  while (end > 0 && (bytes[end] & 192) === 128) end--;
  return { text: bytes.subarray(0, end).toString("utf8") + note, truncated: true };
}
function invalid(command, message) {
  return new AgentError("CI_AGENT_INVALID_ARGUMENT", command, message);
}

export {
  ConfigError,
  AGENT_TIMEOUT_MS,
  ENV_NAME_PATTERN,
  MAX_ANNOTATION_CONTEXT,
  PLUGIN_SCHEMA,
  MAX_ANNOTATION_BYTES,
  META_DATA_MISSING_STATUS,
  createAgent,
  fitAnnotation
};
