import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  ExitCode
} from "./chunk-6MXR7F6Y.js";
import {
  COMPRESSIONS
} from "./chunk-EMWTN7W3.js";
import {
  formatBytes
} from "./chunk-HMZXP7SY.js";
import {
  resolveTarget
} from "./chunk-CRBGOO2F.js";
import {
  parseReference,
  parseTag
} from "./chunk-43WCQIHM.js";
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/cli/flag-specs.ts
var REGISTRY_FLAG_SPECS = {
  insecure: {
    kind: "string",
    description: "registry host[:port] to reach over plain HTTP (loopback hosts always are); repeatable",
    // One value per flag, so `inspect --insecure HOST REF` leaves REF to the argument.
    multiple: true
  },
  "docker-config": {
    kind: "string",
    description: "docker config directory holding credentials [default: $DOCKER_CONFIG or ~/.docker]",
    env: "DOCKER_CONFIG"
  },
  org: {
    kind: "string",
    description: 'Buildkite organization for "{registry}" shorthands [default: $BUILDKITE_ORGANIZATION_SLUG]',
    env: "BUILDKITE_ORGANIZATION_SLUG"
  },
  "packages-host": {
    kind: "string",
    description: 'host[:port] that "{org}/{registry}" names a Buildkite Packages registry on; the OIDC audience follows it [default: $CONTAINER_PACKAGE_PACKAGES_HOST, else packages.buildkite.com]',
    env: "CONTAINER_PACKAGE_PACKAGES_HOST"
  }
};
var PUSH_ARG_SPECS = {
  source: { description: "image source", required: true }
};
var PUSH_FLAG_SPECS = {
  ...REGISTRY_FLAG_SPECS,
  // One value per flag: `push --to REF SOURCE` reads SOURCE as the argument, not as a second --to.
  to: { kind: "string", description: "destination reference; repeatable", required: true, multiple: true },
  tag: { kind: "string", char: "t", description: "tag for every destination; repeatable", multiple: true },
  json: { kind: "boolean", description: "print the result as JSON and nothing else" },
  compression: {
    kind: "string",
    description: "compression of uncompressed layers",
    options: COMPRESSIONS,
    default: "gzip"
  },
  concurrency: { kind: "integer", description: "blobs uploaded in parallel", min: 1, default: 4 },
  retries: {
    kind: "integer",
    description: "retries of a failed request (5xx, 429, resets)",
    min: 0,
    default: 5
  }
};

// src/cli/interrupt.ts
async function interruptible(work) {
  const controller = new AbortController();
  let received;
  const onSignal = (signal) => {
    if (received !== void 0) process.exit(ExitCode.interrupted);
    received = signal;
    process.stderr.write(`${signal}: stopping, cleaning up (send it again to quit at once)
`);
    controller.abort(
      new ContainerPackageError(
        "CLI_INTERRUPTED",
        `interrupted by ${signal}; nothing half-written was left behind`,
        {
          hint: "run the command again: what was already pushed is skipped"
        }
      )
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await work(controller.signal);
  } catch (error) {
    throw received === void 0 ? error : controller.signal.reason;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

// src/cli/progress.ts
function progressMode(stream, env = process.env) {
  return stream.isTTY && !env.CI && env.TERM !== "dumb" ? "live" : "plain";
}
var Progress = class {
  #stream;
  #mode;
  #blobs = /* @__PURE__ */ new Map();
  #timer;
  #drawn = 0;
  #target = "";
  constructor(options) {
    this.#stream = options.stream;
    this.#mode = options.mode ?? progressMode(options.stream);
    if (this.#mode === "live") this.#timer = setInterval(() => this.#draw(), 100);
    else if (this.#mode === "plain")
      this.#timer = setInterval(() => this.#summary(), (options.intervalSeconds ?? 5) * 1e3);
    this.#timer?.unref();
  }
  /** Feeds one event. */
  onEvent = (event) => {
    if (this.#mode === "none") return;
    switch (event.type) {
      case "image-start":
        this.#target = event.target;
        this.#blobs.clear();
        this.#line(`pushing ${event.source} to ${event.repository}`);
        return;
      case "engine-line":
        this.#line(`  ${event.line}`);
        return;
      case "image-done":
        this.#draw();
        this.#drawn = 0;
        this.#blobs.clear();
        this.#line(
          `pushed ${event.image.references.join(", ")} (${event.image.digest}, ${formatBytes(event.image.size)})`
        );
        return;
      case "progress":
        this.#progress(event.event);
    }
  };
  /** Stops the timers and draws the final state (of a push that did not finish: a finished one is drawn). */
  stop() {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#mode === "live" && this.#blobs.size > 0) this.#draw();
  }
  #progress(event) {
    const short = event.digest.replace(/^sha(256|512):/, "").slice(0, 12);
    if (event.type === "manifest-done") {
      this.#line(`  manifest ${short}${event.tag ? ` tagged ${event.tag}` : ""}`);
      return;
    }
    const earlier = event.replaces === void 0 ? void 0 : this.#blobs.get(event.replaces);
    if (event.replaces !== void 0) this.#blobs.delete(event.replaces);
    const state = earlier ?? this.#blobs.get(event.digest) ?? {
      digest: short,
      bytes: 0,
      total: event.total,
      status: "pushing"
    };
    state.digest = short;
    state.bytes = event.bytes;
    state.total = event.total;
    const done = {
      "blob-done": "pushed",
      "blob-skipped": "exists",
      "blob-mounted": "mounted"
    };
    state.status = done[event.type] ?? "pushing";
    this.#blobs.set(event.digest, state);
    if (this.#mode === "plain" && event.type !== "blob-progress") {
      const what = event.type === "blob-start" ? "uploading" : state.status === "exists" ? "already there" : state.status;
      this.#line(`  blob ${short} ${what} (${formatBytes(event.total)})`);
    }
  }
  #summary() {
    const pushing = [...this.#blobs.values()].filter((b) => b.status === "pushing");
    if (pushing.length === 0) return;
    const sent = pushing.reduce((n, b) => n + b.bytes, 0);
    const total = pushing.reduce((n, b) => n + b.total, 0);
    this.#line(
      `  ${this.#target}: ${pushing.length} layer(s) uploading, ${formatBytes(sent)} of ${formatBytes(total)}`
    );
  }
  #draw() {
    if (this.#mode !== "live") return;
    const lines = [...this.#blobs.values()].map((b) => {
      const pct = b.total > 0 ? Math.floor(100 * Math.min(b.bytes, b.total) / b.total) : 100;
      const width = 24;
      const filled = b.status === "pushing" ? Math.round(pct / 100 * width) : width;
      const bar = "=".repeat(filled).padEnd(width, " ");
      const label = b.status === "pushing" ? `${formatBytes(b.bytes)}/${formatBytes(b.total)}` : b.status;
      return `  ${b.digest} [${bar}] ${label}`;
    });
    let out = this.#drawn > 0 ? `\x1B[${this.#drawn}A` : "";
    out += lines.map((l) => `\x1B[2K${l}
`).join("");
    this.#drawn = lines.length;
    if (out) this.#stream.write(out);
  }
  #line(text) {
    if (this.#mode === "live" && this.#drawn > 0) {
      this.#stream.write(`\x1B[${this.#drawn}A\x1B[0J`);
      this.#drawn = 0;
    }
    this.#stream.write(`${text}
`);
  }
};

// src/cli/destination.ts
function parseDestination(to, organization, packagesHost) {
  const ref = parseReference(to);
  if (ref.digest !== void 0) {
    throw new ContainerPackageError("CLI_DESTINATION_DIGEST", `destination ${to} has a digest`, {
      hint: "push to a tag (host/repo:tag); the digest is what the push reports"
    });
  }
  const slash = ref.repository.lastIndexOf("/");
  const name = ref.repository.slice(slash + 1);
  const prefix = slash < 0 ? ref.registry : `${ref.registry}/${ref.repository.slice(0, slash)}`;
  const target = resolveTarget(prefix, {
    ...organization && { organization },
    ...packagesHost && { packagesHost }
  });
  return { target, name, ...ref.tag !== void 0 && { tag: ref.tag } };
}

// src/render/json.ts
var VERBATIM = /* @__PURE__ */ new Set(["labels", "annotations"]);
function snakeCase(key) {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z])([A-Z][a-z])/g, "$1_$2").toLowerCase();
}
function toSnakeCaseKeys(value) {
  if (Array.isArray(value)) return value.map(toSnakeCaseKeys);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [key, inner] of Object.entries(value)) {
    out[snakeCase(key)] = VERBATIM.has(key) ? inner : toSnakeCaseKeys(inner);
  }
  return out;
}
function jsonOutput(value, options = {}) {
  return JSON.stringify(toSnakeCaseKeys(value), null, options.compact ? void 0 : 2);
}

// src/cli/push-action.ts
async function runPush(input, log) {
  const { publish } = await import("./publish-F7QYAFLG.js");
  const extraTags = (input.tag ?? []).map((t) => parseTag(t));
  const destinations = input.to.map((to) => {
    const destination = parseDestination(to, input.org, input["packages-host"]);
    const tags = [.../* @__PURE__ */ new Set([...destination.tag ? [destination.tag] : [], ...extraTags])];
    if (tags.length === 0) tags.push("latest");
    return { target: destination.target, name: destination.name, tags };
  });
  const first = destinations[0];
  if (first === void 0) throw new ContainerPackageError("CLI_NOTHING_PUSHED", "nothing was pushed");
  const progress = new Progress({ stream: process.stderr, ...input.json && { mode: "none" } });
  let results;
  try {
    results = await interruptible(
      (signal) => publish({
        images: [{ source: input.source, name: first.name, tags: first.tags, destinations }],
        registries: destinations.map((d) => d.target),
        ...input["docker-config"] && { dockerConfig: input["docker-config"] },
        ...input.org && { organization: input.org },
        compression: input.compression,
        client: {
          insecure: [...input.insecure ?? []],
          concurrency: input.concurrency,
          retries: input.retries
        },
        onEvent: progress.onEvent,
        signal
      })
    );
  } finally {
    progress.stop();
  }
  if (results.length === 0) throw new ContainerPackageError("CLI_NOTHING_PUSHED", "nothing was pushed");
  if (input.json) {
    log(jsonOutput(results.length === 1 ? results[0] : results));
    return;
  }
  for (const result of results) {
    for (const reference of result.references) log(`${reference}@${result.digest}`);
  }
}

export {
  interruptible,
  Progress,
  parseDestination,
  REGISTRY_FLAG_SPECS,
  PUSH_ARG_SPECS,
  PUSH_FLAG_SPECS,
  jsonOutput,
  runPush
};
