import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  BlobInfoCache,
  compressImage,
  isLocalSource,
  openLocalSource
} from "./chunk-TPYMEO6R.js";
import "./chunk-NHGELSUY.js";
import "./chunk-B343HUJE.js";
import {
  CREDENTIALS_REFRESH_MARGIN_MS,
  RegistryClient,
  dockerConfigCredentials,
  fetchArtifact,
  removeCredentials,
  staticCredentials,
  storeCredentials
} from "./chunk-Y373DOAE.js";
import {
  jwtExpiresAt
} from "./chunk-QAI7BF6I.js";
import "./chunk-W2BKWXYY.js";
import {
  ExecError
} from "./chunk-UMIJCHBN.js";
import {
  keyMatches
} from "./chunk-VOPWR7NI.js";
import "./chunk-UWDPJ3P3.js";
import "./chunk-44FGMJRL.js";
import {
  zlib
} from "./chunk-EXMP6CA5.js";
import "./chunk-BTFJLG4I.js";
import {
  OciFormatError,
  archiveOfArtifact,
  archiveStream,
  formatPlatform,
  layerCompression,
  parseManifest,
  planArchive
} from "./chunk-3Z4QJIGU.js";
import {
  loadTarStream
} from "./chunk-JXV47CFG.js";
import "./chunk-4GX2ETPX.js";
import "./chunk-EMWTN7W3.js";
import "./chunk-WQLW65TX.js";
import {
  parseSource
} from "./chunk-DAVD5AZI.js";
import {
  PACKAGES_HOST_ENV,
  resolveTarget,
  targetReference
} from "./chunk-CRBGOO2F.js";
import "./chunk-R6VQUKQF.js";
import {
  familiarReference,
  formatReference,
  parseReference
} from "./chunk-43WCQIHM.js";
import {
  ContainerPackageError,
  isContainerPackageError
} from "./chunk-P65RQTMN.js";
import {
  loadExeca
} from "./chunk-DKSL4ZNQ.js";
import "./chunk-MFDBYX32.js";

// src/sources/engine/errors.ts
var EngineError = class extends ContainerPackageError {
  engine;
  constructor(code, engine, message, details2 = {}) {
    super(code, message, details2);
    this.name = "EngineError";
    this.engine = engine;
  }
};

// src/sources/engine/push.ts
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/exec/engine.ts
async function runEngine(engine, args, options = {}) {
  const { execa } = await loadExeca();
  const child = execa(engine, args, {
    reject: false,
    env: options.env,
    input: options.input ?? "",
    cancelSignal: options.signal,
    timeout: options.timeoutMs ?? 30 * 6e4,
    stripFinalNewline: true,
    ...options.onLine ? { lines: false } : {}
  });
  if (options.onLine) {
    const onLine = options.onLine;
    for (const stream of [child.stdout, child.stderr]) {
      let pending = "";
      stream?.on("data", (chunk) => {
        const lines = (pending + chunk.toString("utf8")).split(/\r?\n|\r/);
        pending = lines.pop() ?? "";
        for (const line of lines) if (line.trim() !== "") onLine(line);
      });
      stream?.on("end", () => {
        if (pending.trim() !== "") onLine(pending);
      });
    }
  }
  const result = await child;
  if (result.timedOut) {
    throw new ExecError("EXEC_TIMEOUT", engine, `${engine} ${args[0] ?? ""} did not finish in time`, {
      hint: "check that the engine is responsive (`" + engine + " info`)"
    });
  }
  const failedToStart = result.exitCode === void 0 && result.cause?.code;
  if (failedToStart === "ENOENT") {
    throw new ExecError("EXEC_NOT_FOUND", engine, `the ${engine} CLI was not found on PATH`, {
      hint: `install ${engine} on the agent, or push daemonlessly from an OCI layout or archive (oci:DIR, docker-archive:FILE)`
    });
  }
  if (result.isCanceled) {
    throw new ExecError("EXEC_FAILED", engine, `${engine} ${args[0] ?? ""} was cancelled`);
  }
  return {
    exitCode: result.exitCode ?? 1,
    stdout: String(result.stdout ?? ""),
    stderr: String(result.stderr ?? "")
  };
}

// src/sources/engine/output.ts
var DIGEST = /\b(sha256:[a-f0-9]{64})\b/;
function digestFromDockerPush(output) {
  let found;
  for (const line of output.split(/\r?\n/)) {
    if (!/\bdigest:\s/.test(line) || !/\bsize:\s/.test(line)) continue;
    const match = /\bdigest:\s+(sha256:[a-f0-9]{64})\b/.exec(line);
    if (match) found = match[1];
  }
  return found;
}
function digestFromPodmanDigestFile(text) {
  const match = DIGEST.exec(text.trim());
  return match && text.trim() === match[1] ? match[1] : void 0;
}
function digestFromRepoDigests(repoDigestsJson, target) {
  let entries;
  try {
    entries = JSON.parse(repoDigestsJson);
  } catch {
    return [];
  }
  if (!Array.isArray(entries)) return [];
  const want = `${target.registry}/${target.repository}`;
  const out = [];
  for (const entry of entries) {
    if (typeof entry !== "string") continue;
    const at = entry.lastIndexOf("@");
    if (at < 0) continue;
    try {
      const ref = parseReference(entry.slice(0, at));
      if (`${ref.registry}/${ref.repository}` === want && DIGEST.test(entry.slice(at + 1)))
        out.push(entry.slice(at + 1));
    } catch {
    }
  }
  return out;
}
function engineName(ref) {
  return familiarReference(ref);
}
function classifyEngineFailure(stderr) {
  const text = stderr.toLowerCase();
  if (/no such image|image not known|does not exist|reference does not exist|not found: manifest unknown/.test(
    text
  ))
    return "not-found";
  if (/unauthorized|authentication required|no basic auth credentials|401/.test(text)) return "unauthorized";
  if (/denied|forbidden|403|insufficient_scope/.test(text)) return "denied";
  if (/cannot connect to the docker daemon|is the docker daemon running|connection refused|no such host|i\/o timeout|tls handshake timeout|50[0-4]|eof/.test(
    text
  ))
    return "unavailable";
  return "other";
}

// src/sources/engine/push.ts
function isLoopbackHost(host) {
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
  return name === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(name) || name === "[::1]";
}
async function pushFromEngine(options) {
  const { engine } = options;
  const env = {
    ...process.env,
    ...options.env,
    ...options.dockerConfig ? { DOCKER_CONFIG: options.dockerConfig } : {}
  };
  const run = (args) => runEngine(engine, args, { env, ...options.signal && { signal: options.signal } });
  const sourceName = engineName(options.source);
  const inspect = await run(["image", "inspect", "--format", "{{.Id}}", sourceName]);
  if (inspect.exitCode !== 0) throw notFoundOrFailure(engine, sourceName, inspect.stderr);
  const created = [];
  const pushed = [];
  try {
    for (const target of options.targets) {
      if (target.tag === void 0)
        throw new TypeError(`engine push target ${formatReference(target)} has no tag`);
      const name = engineName(target);
      if (name !== sourceName) {
        const tagged = await run(["tag", sourceName, name]);
        if (tagged.exitCode !== 0) throw notFoundOrFailure(engine, sourceName, tagged.stderr);
        created.push(name);
      }
      const digest = await pushWithRetries(options, env, target, name);
      pushed.push({ reference: formatReference(target), digest });
    }
  } finally {
    for (const name of created)
      await runEngine(engine, ["image", "rm", name], { env }).catch(() => void 0);
  }
  const digests = new Set(pushed.map((p) => p.digest));
  if (digests.size > 1)
    options.onLine?.(
      `note: the engine pushed different digests to different targets: ${[...digests].join(", ")}`
    );
  return { digest: pushed[0]?.digest ?? "", pushed };
}
async function pushWithRetries(options, env, target, name) {
  const retries = options.retries ?? 3;
  let delay = options.retryDelayMs ?? 2e3;
  for (let attempt = 0; ; attempt++) {
    await options.beforePush?.(target);
    const outcome = await pushOnce(options, env, target, name);
    if (typeof outcome === "string") return outcome;
    const kind = classifyEngineFailure(outcome.stderr + "\n" + outcome.stdout);
    if (kind === "unauthorized") {
      throw new EngineError(
        "SRC_ENGINE_UNAUTHORIZED",
        options.engine,
        `${options.engine} push ${name}: the registry refused the credentials (401): ${refusal(outcome)}`,
        {
          hint: `log in to ${target.registry} first (the docker config the engine reads has no credentials it accepts); for Buildkite Packages check the OIDC audience and policy`
        }
      );
    }
    if (kind === "denied") {
      throw new EngineError(
        "SRC_ENGINE_DENIED",
        options.engine,
        `${options.engine} push ${name}: access denied (403): ${refusal(outcome)}`,
        {
          hint: "the token cannot push to this registry: it needs the write_packages scope (or an OIDC policy that grants it)"
        }
      );
    }
    if (attempt >= retries) {
      throw new EngineError(
        "SRC_ENGINE_PUSH_FAILED",
        options.engine,
        `${options.engine} push ${name} failed after ${attempt + 1} attempts: ${lastLine(outcome.stderr)}`,
        {
          hint: `check that ${target.registry} is reachable from the agent`
        }
      );
    }
    options.onLine?.(
      `${options.engine} push ${name} failed (${lastLine(outcome.stderr)}); retrying in ${Math.round(delay / 1e3)}s`
    );
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay *= 2;
  }
}
async function pushOnce(options, env, target, name) {
  const runOptions = {
    env,
    ...options.signal && { signal: options.signal },
    ...options.onLine && { onLine: options.onLine }
  };
  if (options.engine === "docker") {
    const result = await runEngine("docker", ["push", name], runOptions);
    if (result.exitCode !== 0) return result;
    const fromOutput = digestFromDockerPush(result.stdout);
    const inspect = await runEngine(
      "docker",
      ["image", "inspect", "--format", "{{json .RepoDigests}}", name],
      {
        env,
        ...options.signal && { signal: options.signal }
      }
    );
    const fromRepoDigests = inspect.exitCode === 0 ? digestFromRepoDigests(inspect.stdout, target) : [];
    const digest = fromOutput ?? (fromRepoDigests.length === 1 ? fromRepoDigests[0] : void 0);
    if (!digest) {
      throw new EngineError(
        "SRC_ENGINE_NO_DIGEST",
        "docker",
        `docker push ${name} succeeded but did not say which digest it pushed`,
        {
          hint: "push daemonlessly instead (docker save -o image.tar \u2026, then source docker-archive:image.tar)"
        }
      );
    }
    return digest;
  }
  const dir = await mkdtemp(join(tmpdir(), "container-package-podman-"));
  try {
    const digestFile = join(dir, "digest");
    const insecure = (options.insecure ?? isLoopbackHost)(target.registry);
    const authFile = options.dockerConfig ? join(options.dockerConfig, "config.json") : void 0;
    const args = [
      "push",
      "--digestfile",
      digestFile,
      ...insecure ? ["--tls-verify=false"] : [],
      ...authFile && existsSync(authFile) ? ["--authfile", authFile] : [],
      name
    ];
    const result = await runEngine("podman", args, runOptions);
    if (result.exitCode !== 0) return result;
    const digest = digestFromPodmanDigestFile(await readFile(digestFile, "utf8").catch(() => ""));
    if (!digest) {
      throw new EngineError(
        "SRC_ENGINE_NO_DIGEST",
        "podman",
        `podman push ${name} succeeded but wrote no digest to --digestfile`
      );
    }
    return digest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function notFoundOrFailure(engine, name, stderr) {
  const kind = classifyEngineFailure(stderr);
  if (kind === "not-found") {
    return new EngineError(
      "SRC_ENGINE_IMAGE_NOT_FOUND",
      engine,
      `${engine} has no image ${name} (${lastLine(stderr)})`,
      {
        hint: `build or tag it in the step's command first (${engine} build -t ${name} .), or fix the source "${engine}:${name}"`
      }
    );
  }
  if (kind === "unavailable") {
    return new EngineError(
      "SRC_ENGINE_UNAVAILABLE",
      engine,
      `cannot talk to ${engine}: ${lastLine(stderr)}`,
      {
        hint: engine === "docker" ? "is dockerd running, and DOCKER_HOST right?" : "check `podman info` on the agent"
      }
    );
  }
  return new EngineError(
    "SRC_ENGINE_PUSH_FAILED",
    engine,
    `${engine} failed on ${name}: ${lastLine(stderr)}`
  );
}
function refusal(outcome) {
  const lines = `${outcome.stdout}
${outcome.stderr}`.split(/\r?\n/).map((l) => l.trim());
  return lines.findLast((l) => /\b(denied|unauthorized|forbidden)\b/i.test(l)) ?? lastLine(outcome.stderr);
}
function lastLine(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.at(-1)?.trim() ?? "no output";
}

// src/publish/describe.ts
function artifactSize(artifact) {
  const seen = /* @__PURE__ */ new Set();
  let total = 0;
  const visit = (a) => {
    total += a.bytes.byteLength;
    if (a.kind === "index") {
      a.children.forEach(visit);
      return;
    }
    for (const blob of [a.config, ...a.layers]) {
      if (seen.has(blob.descriptor.digest)) continue;
      seen.add(blob.descriptor.digest);
      total += blob.descriptor.size;
    }
  };
  visit(artifact);
  return total;
}
function artifactPlatforms(artifact) {
  if (artifact.kind !== "index") return void 0;
  const parsed = parseManifest(artifact.bytes, artifact.mediaType);
  const manifests = parsed.manifest.manifests;
  const platforms = manifests.filter((d) => d.platform !== void 0 && d.platform.os !== "unknown").map((d) => formatPlatform(d.platform));
  return platforms.length > 0 ? platforms : void 0;
}

// src/publish/fresh-credentials.ts
var FreshCredentials = class {
  #source;
  #now;
  #pending;
  #current;
  /** @param now clock in milliseconds, for tests. Default `Date.now`. */
  constructor(source, now = Date.now) {
    this.#source = source;
    this.#now = now;
  }
  /** Mints new credentials whatever the old ones' age (the start of a push sequence). */
  renew() {
    const pending = this.#source().then((login2) => {
      if (login2 === void 0) return void 0;
      const expiresAt = jwtExpiresAt(login2.password);
      return { ...login2, ...expiresAt !== void 0 && { expiresAt } };
    });
    this.#pending = pending;
    this.#current = void 0;
    pending.then(
      (credentials) => {
        if (this.#pending === pending) this.#current = credentials;
      },
      () => {
        if (this.#pending === pending) this.#pending = void 0;
      }
    );
    return pending;
  }
  /** The current credentials, minted again first when less than a minute of their life is left. */
  get() {
    if (this.#pending === void 0) return this.renew();
    const expiresAt = this.#current?.expiresAt;
    if (expiresAt !== void 0 && expiresAt - this.#now() < CREDENTIALS_REFRESH_MARGIN_MS)
      return this.renew();
    return this.#pending;
  }
};

// src/publish/layer-upload.ts
function streamLayersTo(client, repository, onProgress) {
  const uploaded = /* @__PURE__ */ new Set();
  const upload = async (stream, layer, signal) => {
    const blob = await client.uploadStream(repository, stream, {
      signal,
      // Its own blob-done names the uncompressed digest: the one below names the stored blob.
      onProgress: (event) => event.type !== "blob-done" && onProgress(event),
      progressId: layer.digest,
      expectedSize: layer.size
    });
    uploaded.add(blob.digest);
    onProgress({
      type: "blob-done",
      repository: `${repository.registry}/${repository.repository}`,
      digest: blob.digest,
      bytes: blob.size,
      total: blob.size,
      replaces: layer.digest
    });
    return blob;
  };
  return { upload, uploaded, concurrency: client.options.concurrency };
}

// src/publish/publish.ts
async function publish(request) {
  const results = [];
  const specs = request.images.map(
    (image) => parseSource(image.source, request.organization ? { buildkiteOrganization: request.organization } : {})
  );
  const cache = request.blobInfoCache === false ? void 0 : request.blobInfoCache ?? await BlobInfoCache.open();
  try {
    await publishEach(request, specs, cache, results);
  } finally {
    await cache?.save();
  }
  return results;
}
async function publishEach(request, specs, cache, results) {
  for (const [i, image] of request.images.entries()) {
    const spec = specs[i];
    let loaded;
    const destinations = image.destinations ?? request.registries.map((target) => ({ target, name: image.name, tags: image.tags }));
    try {
      for (const { target, name, tags } of destinations) {
        const each = { source: image.source, name, tags };
        emit(request, {
          type: "image-start",
          source: image.source,
          target: target.prefix,
          repository: `${target.prefix}/${name}`
        });
        let published;
        try {
          const source = request.credentials;
          const credentials = source && new FreshCredentials(() => source(target));
          await credentials?.renew();
          if (spec.kind === "docker" || spec.kind === "podman") {
            published = await publishFromEngine(request, each, spec.kind, spec, target, credentials);
          } else {
            const client = clientFor(request, target, credentials, cache);
            try {
              const streamed = loaded === void 0 ? streamTo(request, each, target, client) : void 0;
              loaded ??= await load(request, spec, streamed, destinations.length > 1, cache);
              published = await publishArtifact(request, each, loaded.artifact, target, client, streamed);
            } finally {
              await client.close();
            }
          }
        } catch (error) {
          throw attachContext(error, image.source, target);
        }
        results.push(published);
        emit(request, { type: "image-done", image: published });
      }
    } finally {
      await loaded?.dispose();
    }
  }
}
function attachContext(error, source, target) {
  if (typeof error === "object" && error !== null && !("publishSource" in error)) {
    Object.defineProperties(error, {
      publishSource: { value: source, enumerable: false },
      publishTarget: { value: target, enumerable: false }
    });
  }
  return error;
}
function emit(request, event) {
  try {
    request.onEvent?.(event);
  } catch {
  }
}
function clientFor(request, target, credentials, cache) {
  const fromConfig = dockerConfigCredentials(request.dockerConfig ? { configDir: request.dockerConfig } : {});
  const provider = async (registry) => {
    if (target === void 0 || credentials === void 0 || !keyMatches(target.host, registry)) {
      return fromConfig(registry);
    }
    return await credentials.get() ?? fromConfig(registry);
  };
  return new RegistryClient({
    ...request.client,
    credentials: provider,
    ...cache && { blobLocations: cache }
  });
}
function streamTo(request, image, target, client) {
  const { registry, repository } = targetReference(target, image.name);
  return streamLayersTo(
    client,
    { registry, repository },
    (event) => emit(request, { type: "progress", source: image.source, target: target.prefix, event })
  );
}
async function load(request, spec, streamed, several, cache) {
  const options = request.signal ? { signal: request.signal } : {};
  if (isLocalSource(spec)) {
    const image = await openLocalSource(spec, options);
    try {
      const compressed = await compressImage(image, {
        compression: request.compression ?? "gzip",
        ...options,
        ...cache && { cache },
        // Further registries read the layers back from temporary files rather than compress again.
        ...streamed && {
          upload: streamed.upload,
          keepUploaded: several,
          concurrency: streamed.concurrency
        }
      });
      return compressed;
    } catch (error) {
      await image.dispose();
      throw error;
    }
  }
  if (spec.kind !== "registry") throw new TypeError(`not an artifact source: ${spec.kind}`);
  const client = clientFor(request, void 0, void 0);
  const artifact = await fetchArtifact(client, spec.reference, options);
  return { artifact, origin: formatReference(spec.reference), dispose: () => client.close() };
}
async function publishArtifact(request, image, artifact, target, client, streamed) {
  const repository = targetReference(target, image.name);
  const result = await client.push(
    artifact,
    [{ repository: formatReference(repository), tags: image.tags }],
    {
      onProgress: (event) => {
        if (event.type === "blob-skipped" && streamed?.uploaded.has(event.digest)) return;
        emit(request, { type: "progress", source: image.source, target: target.prefix, event });
      },
      ...request.signal && { signal: request.signal }
    }
  );
  const tagged = result.references.map((r) => r.slice(0, r.lastIndexOf("@")));
  return describe(image, target, artifact, result.digest, result.mediaType, tagged);
}
async function publishFromEngine(request, image, engine, spec, target, credentials) {
  const configDir = request.dockerConfig;
  let stored;
  const store = async () => {
    const current = await credentials?.get();
    if (current === void 0 || current === stored) return;
    await storeCredentials(target.host, current, configDir ? { configDir } : {});
    stored = current;
  };
  const targets = image.tags.map((tag) => targetReference(target, image.name, tag));
  const pushed = await pushFromEngine({
    engine,
    source: spec.reference,
    targets,
    ...configDir && { dockerConfig: configDir },
    ...request.engineRetries !== void 0 && { retries: request.engineRetries },
    ...request.engineEnv && { env: request.engineEnv },
    ...request.signal && { signal: request.signal },
    onLine: (line) => emit(request, { type: "engine-line", source: image.source, target: target.prefix, line }),
    beforePush: store
  });
  const client = clientFor(request, target, credentials);
  try {
    const ref = { ...targets[0], digest: pushed.digest };
    const artifact = await fetchArtifact(client, ref, request.signal ? { signal: request.signal } : {});
    const references = pushed.pushed.map((p) => p.reference);
    return describe(image, target, artifact, pushed.digest, artifact.mediaType, references);
  } finally {
    await client.close();
  }
}
function describe(image, target, artifact, digest, mediaType, references) {
  const platforms = artifactPlatforms(artifact);
  return {
    source: image.source,
    name: image.name,
    digest,
    mediaType,
    size: artifactSize(artifact),
    ...platforms && { platforms },
    references,
    registry: {
      host: target.host,
      kind: target.kind,
      visibility: target.visibility ?? "unknown",
      ...target.organization !== void 0 && { organization: target.organization },
      ...target.registry !== void 0 && { registry: target.registry },
      ...target.username !== void 0 && { username: target.username }
    }
  };
}

// src/publish/login.ts
async function login(target, credentials, options = {}) {
  if (options.verify ?? true) await verify(target, credentials, options);
  return storeCredentials(
    target.host,
    credentials,
    options.configDir ? { configDir: options.configDir } : {}
  );
}
async function logout(target, options = {}) {
  return removeCredentials(target.host, options.configDir ? { configDir: options.configDir } : {});
}
async function verify(target, credentials, options) {
  const client = new RegistryClient({
    ...options.client,
    credentials: staticCredentials({ [target.host]: credentials })
  });
  const call = options.signal ? { signal: options.signal } : {};
  try {
    await client.checkLogin(target.host, call);
    for (const name of options.pushTo ?? []) {
      await client.checkPush(formatReference(targetReference(target, name)), call);
    }
  } finally {
    await client.close();
  }
}

// src/publish/inspect.ts
import { createHash } from "node:crypto";
import { pipeline } from "node:stream/promises";
async function inspectImage(client, ref, options = {}) {
  const call = options.signal ? { signal: options.signal } : {};
  const artifact = await fetchArtifact(client, ref, call);
  const images = [];
  const platforms = artifactPlatforms(artifact);
  const leaves = artifact.kind === "image" ? [{ image: artifact }] : artifact.children.filter((c) => c.kind === "image").map((image, i) => ({ image, ...platforms?.[i] && { platform: platforms[i] } }));
  for (const { image, platform } of leaves) {
    images.push(await details(image, platform, options));
  }
  const checksum = (algorithm) => createHash(algorithm).update(artifact.bytes).digest("hex");
  const totalFiles = options.files ? images.reduce((n, i) => n + (i.files ?? 0), 0) : void 0;
  return {
    reference: `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ""}`,
    digest: artifact.digest,
    mediaType: artifact.mediaType,
    size: artifactSize(artifact),
    ...platforms && { platforms },
    checksums: {
      md5: checksum("md5"),
      sha1: checksum("sha1"),
      sha256: checksum("sha256"),
      sha512: checksum("sha512")
    },
    images,
    ...totalFiles !== void 0 && { totalFiles }
  };
}
async function details(image, platform, options) {
  const config = await readJson(image);
  const labels = config?.config?.Labels ?? {};
  const created = typeof config?.created === "string" ? config.created : void 0;
  let files;
  if (options.files) {
    files = 0;
    for (const layer of image.layers) files += await countFiles(layer, options.signal);
  }
  return {
    ...platform && { platform },
    digest: image.digest,
    mediaType: image.mediaType,
    ...created && { created },
    labels,
    layers: image.layers.map((l) => ({
      digest: l.descriptor.digest,
      size: l.descriptor.size,
      mediaType: l.descriptor.mediaType
    })),
    ...files !== void 0 && { files }
  };
}
async function readJson(image) {
  if (image.config.descriptor.size > 8 * 1024 * 1024) return void 0;
  const chunks = [];
  for await (const chunk of await image.config.open()) chunks.push(chunk);
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return typeof value === "object" && value !== null ? value : void 0;
  } catch {
    return void 0;
  }
}
async function countFiles(layer, signal) {
  const compression = layerCompression(layer.descriptor.mediaType);
  const { extract } = await loadTarStream();
  const unpack = extract();
  let count = 0;
  unpack.on("entry", (_header, stream, next) => {
    count++;
    stream.on("end", next);
    stream.resume();
  });
  const stages = [
    await layer.open(signal),
    ...compression === "gzip" ? [zlib().createGunzip()] : compression === "zstd" ? [zlib().createZstdDecompress()] : [],
    unpack
  ];
  try {
    await pipeline(stages);
  } catch (error) {
    if (isContainerPackageError(error) || signal?.aborted) throw error;
    throw new OciFormatError(
      "OCI_INVALID_LAYER",
      `cannot count the files of layer ${layer.descriptor.digest} (${layer.descriptor.mediaType}): it is not a complete ${compression === "gzip" ? "gzip-compressed " : compression === "zstd" ? "zstd-compressed " : ""}tar archive (${error instanceof Error ? error.message : String(error)})`,
      {
        hint: "the layer is damaged or its media type is wrong: inspect the image without --files, and rebuild or push it again",
        cause: error
      }
    );
  }
  return count;
}

// src/publish/local-registry-env.ts
var MIRROR_PREFIX_ENV = "CONTAINER_PACKAGE_MIRROR_PREFIX";
var MIRROR_PREFIXES_ENV = "CONTAINER_PACKAGE_MIRROR_PREFIXES";
var BUILDKIT_CACHE_ENV = "CONTAINER_PACKAGE_BUILDKIT_CACHE";
function localRegistryEnv(address, mirrors, cacheName) {
  const name = (cacheName ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "pipeline";
  const env = { [BUILDKIT_CACHE_ENV]: `${address}/cache/${name}:buildcache` };
  const prefixes = mirrors.map((mirror) => `${address}/${mirror.replace(/\/+$/, "")}`);
  if (prefixes.length > 0) {
    env[MIRROR_PREFIX_ENV] = prefixes[0];
    env[MIRROR_PREFIXES_ENV] = prefixes.join(" ");
  }
  return env;
}

// src/publish/pull.ts
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm as rm2, rmdir, stat, writeFile } from "node:fs/promises";
import { dirname, join as join2 } from "node:path";
import { pipeline as pipeline2 } from "node:stream/promises";
async function pullImage(client, ref, options) {
  const format = options.format ?? "oci-archive";
  if (options.platform !== void 0 && format !== "docker-archive") {
    throw new ContainerPackageError(
      "CLI_USAGE",
      `--platform picks one image for --format docker-archive; ${format} keeps every platform of an index`,
      { hint: "drop --platform, or add --format docker-archive" }
    );
  }
  await checkOutput(options.output, format);
  const call = options.signal ? { signal: options.signal } : {};
  const artifact = await fetchArtifact(client, ref, call);
  if (options.platform !== void 0 && artifact.kind === "image")
    await checkPlatform(artifact, options.platform);
  const name = `${ref.registry}/${ref.repository}`;
  const { input, open } = archiveOfArtifact(
    artifact,
    format === "oci" ? "oci-archive" : format,
    {
      ...ref.tag === void 0 || ref.digest !== void 0 ? {} : { refName: ref.tag },
      ...ref.tag === void 0 ? {} : { repoTags: [`${name}:${ref.tag}`] }
    },
    options.platform
  );
  const plan = planArchive(input);
  const reference = `${name}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
  if (format === "oci") {
    const size = await writeLayout(options.output, plan, open);
    return { reference, digest: input.root.digest, format, output: options.output, size };
  }
  await mkdir(dirname(options.output), { recursive: true });
  const temp = `${options.output}.${randomUUID()}.tmp`;
  try {
    await pipeline2(archiveStream(plan, open), createWriteStream(temp, { mode: 420 }), call);
    await rename(temp, options.output);
  } catch (error) {
    await rm2(temp, { force: true });
    throw error;
  }
  return { reference, digest: input.root.digest, format, output: options.output, size: plan.length };
}
async function checkPlatform(image, platform) {
  if (image.config.descriptor.size > 8 * 1024 * 1024) return;
  const chunks = [];
  for await (const chunk of await image.config.open()) chunks.push(chunk);
  let config;
  try {
    config = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return;
  }
  const parts = [config?.os, config?.architecture, config?.variant];
  if (typeof parts[0] !== "string" || typeof parts[1] !== "string") return;
  const name = parts.filter((p) => typeof p === "string" && p !== "").join("/");
  if (name === platform || name.startsWith(`${platform}/`)) return;
  throw new OciFormatError(
    "OCI_PLATFORM_NOT_FOUND",
    `no image for platform ${platform}: this is a single-platform image for ${name}`,
    { hint: `drop --platform, or pull a tag that has ${platform}` }
  );
}
async function checkOutput(output, format) {
  const found = await stat(output).catch(() => void 0);
  if (found === void 0) return;
  if (format === "oci" && !found.isDirectory()) {
    throw new ContainerPackageError("CLI_OUTPUT_EXISTS", `${output} exists and is not a directory`, {
      hint: "give --output a new or empty directory for --format oci"
    });
  }
  if (format !== "oci" && found.isDirectory()) {
    throw new ContainerPackageError(
      "CLI_OUTPUT_EXISTS",
      `${output} is a directory; ${format} writes a file`,
      {
        hint: `give --output a file path such as ${join2(output, "image.tar")}, or use --format oci for a layout directory`
      }
    );
  }
}
async function writeLayout(dir, plan, open) {
  const existing = await readdir(dir).catch(() => void 0);
  if (existing !== void 0 && existing.length > 0) {
    throw new ContainerPackageError("CLI_OUTPUT_EXISTS", `${dir} is not empty`, {
      hint: "give --output a new or empty directory for --format oci"
    });
  }
  const temp = `${dir}.${randomUUID()}.tmp`;
  try {
    const size = await writeEntries(temp, plan, open);
    if (existing !== void 0) await rmdir(dir);
    await rename(temp, dir);
    return size;
  } catch (error) {
    await rm2(temp, { recursive: true, force: true });
    throw error;
  }
}
async function writeEntries(dir, plan, open) {
  let size = 0;
  await mkdir(dir, { recursive: true });
  for (const entry of plan.entries) {
    const path = join2(dir, entry.name);
    if (entry.kind === "directory") {
      await mkdir(path, { recursive: true });
    } else if (entry.kind === "bytes") {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, entry.data);
      size += entry.data.length;
    } else {
      await mkdir(dirname(path), { recursive: true });
      await pipeline2(await open(entry.blob), createWriteStream(path, { mode: 420 }));
      size += entry.blob.size;
    }
  }
  return size;
}
export {
  BUILDKIT_CACHE_ENV,
  MIRROR_PREFIXES_ENV,
  MIRROR_PREFIX_ENV,
  PACKAGES_HOST_ENV,
  artifactPlatforms,
  artifactSize,
  inspectImage,
  localRegistryEnv,
  login,
  logout,
  publish,
  pullImage,
  resolveTarget,
  targetReference
};
