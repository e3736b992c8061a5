import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  parseJsonObject
} from "./chunk-WQLW65TX.js";
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/docker-config/isolate.ts
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";

// src/docker-config/errors.ts
var DockerConfigError = class extends ContainerPackageError {
  /** The directory or file concerned. */
  path;
  constructor(code, path, message, details = {}) {
    super(code, message, details);
    this.name = "DockerConfigError";
    this.path = path;
  }
};

// src/docker-config/scope.ts
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
function splitServerAddress(address) {
  const bare = address.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const slash = bare.indexOf("/");
  const rawHost = (slash < 0 ? bare : bare.slice(0, slash)).toLowerCase();
  const host = DOCKER_HUB_ALIASES.has(rawHost) ? "docker.io" : rawHost;
  const path = (slash < 0 ? "" : bare.slice(slash + 1)).replace(/^\/+|\/+$/g, "");
  return { host, path: /^v[12]$/.test(path) ? "" : path };
}
function keyConcernsScope(key, scope) {
  const k = splitServerAddress(key);
  const s = splitServerAddress(scope);
  if (k.host !== s.host) return false;
  if (k.path === "" || s.path === "") return true;
  return k.path === s.path || s.path.startsWith(`${k.path}/`) || k.path.startsWith(`${s.path}/`);
}

// src/docker-config/filter.ts
function isolatedConfig(agent, scopes) {
  const config = structuredClone(agent);
  const concerns = (key) => scopes.some((scope) => keyConcernsScope(key, scope));
  const dropped = [];
  const auths = isRecord(config.auths) ? config.auths : void 0;
  const helpers = isRecord(config.credHelpers) ? config.credHelpers : void 0;
  for (const table of [auths, helpers]) {
    for (const key of Object.keys(table ?? {})) {
      if (!concerns(key)) continue;
      delete table[key];
      if (!dropped.includes(key)) dropped.push(key);
    }
  }
  const store = typeof config.credsStore === "string" && config.credsStore !== "" ? config.credsStore : void 0;
  if (store !== void 0) {
    delete config.credsStore;
    const converted = { ...helpers };
    for (const key of Object.keys(auths ?? {})) converted[key] ??= store;
    if (Object.keys(converted).length > 0) config.credHelpers = converted;
  }
  return { config, report: { dropped, credsStore: store } };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/docker-config/isolate.ts
var LINKED_DIRS = ["buildx", "contexts", "cli-plugins"];
var MARKER_FILE = ".container-package-docker-config";
function createIsolatedDockerConfig(options = {}) {
  const env = options.env ?? process.env;
  const given = resolve(options.source ?? (env.DOCKER_CONFIG || join(homedir(), ".docker")));
  const source = originalSource(given) ?? given;
  const { config, report } = isolatedConfig(readAgentConfig(source), options.registriesToDrop ?? []);
  let dir;
  try {
    dir = mkdtempSync(join(options.tmpRoot ?? tmpdir(), "container-package-docker-"));
  } catch (error) {
    throw new DockerConfigError(
      "DOCKER_CONFIG_WRITE_FAILED",
      options.tmpRoot ?? tmpdir(),
      "cannot create the job's docker config directory",
      {
        cause: error,
        hint: "Check that the temp directory exists and is writable (TMPDIR)."
      }
    );
  }
  const configPath = join(dir, "config.json");
  try {
    writeFileSync(join(dir, MARKER_FILE), `${JSON.stringify({ source })}
`, { mode: 384 });
    writeFileSync(configPath, `${JSON.stringify(config, null, "	")}
`, { mode: 384 });
    for (const name of LINKED_DIRS) {
      const target = join(source, name);
      if (existsSync(target) && lstatSync(target).isDirectory()) symlinkSync(target, join(dir, name), "dir");
    }
  } catch (error) {
    removeTree(dir);
    throw new DockerConfigError(
      "DOCKER_CONFIG_WRITE_FAILED",
      dir,
      `cannot write the job's docker config in ${dir}`,
      { cause: error }
    );
  }
  return { dir, configPath, source, report, dispose: () => removeTree(dir) };
}
function removeIsolatedDockerConfig(dir) {
  if (!existsSync(dir)) return;
  if (!existsSync(join(dir, MARKER_FILE))) {
    throw new DockerConfigError(
      "DOCKER_CONFIG_NOT_OURS",
      dir,
      `${dir} was not made by container-package, so it is not removed`,
      {
        hint: "DOCKER_CONFIG points somewhere else than the job's config; check what changed it."
      }
    );
  }
  removeTree(dir);
}
function removeTree(dir) {
  rmSync(dir, { recursive: true, force: true });
}
function originalSource(dir) {
  try {
    const marker = JSON.parse(readFileSync(join(dir, MARKER_FILE), "utf8"));
    return typeof marker.source === "string" ? marker.source : void 0;
  } catch {
    return void 0;
  }
}
function readAgentConfig(source) {
  const path = join(source, "config.json");
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return {};
    throw new DockerConfigError(
      "DOCKER_CONFIG_UNREADABLE",
      path,
      `cannot read the agent's docker config ${path}`,
      { cause: error }
    );
  }
  const value = parseJsonObject(text);
  if (value === void 0) {
    throw new DockerConfigError(
      "DOCKER_CONFIG_UNREADABLE",
      path,
      `the agent's docker config ${path} is not a JSON object`,
      {
        hint: "Fix or remove that file (docker login recreates it)."
      }
    );
  }
  return value;
}

export {
  createIsolatedDockerConfig,
  removeIsolatedDockerConfig
};
