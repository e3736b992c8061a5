import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/client/credentials/host.ts
var DOCKER_HUB_AUTH_KEY = "https://index.docker.io/v1/";
var DOCKER_HUB_HOSTS = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
function normalizeRegistryHost(key) {
  const withoutScheme = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const host = withoutScheme.split("/")[0] ?? "";
  return host.toLowerCase();
}
function isDockerHub(registry) {
  return DOCKER_HUB_HOSTS.has(normalizeRegistryHost(registry));
}
function credentialKey(registry) {
  return isDockerHub(registry) ? DOCKER_HUB_AUTH_KEY : normalizeRegistryHost(registry);
}
function keyMatches(key, registry) {
  if (isDockerHub(registry)) return isDockerHub(key);
  return normalizeRegistryHost(key) === normalizeRegistryHost(registry);
}

// src/client/transport/scheme.ts
import { isIP } from "node:net";
var DOCKER_HUB_API_HOST = "registry-1.docker.io";
function splitHostPort(address) {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(address);
  if (bracketed) return { host: bracketed[1].toLowerCase(), port: bracketed[2] };
  const colon = address.lastIndexOf(":");
  if (colon > 0 && address.indexOf(":") === colon && /^\d+$/.test(address.slice(colon + 1))) {
    return { host: address.slice(0, colon).toLowerCase(), port: address.slice(colon + 1) };
  }
  return { host: address.toLowerCase(), port: void 0 };
}
function isLoopback(address) {
  const { host } = splitHostPort(address);
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1" || host === "0:0:0:0:0:0:0:1";
}
function isInsecure(registry, insecure) {
  if (isLoopback(registry)) return true;
  const { host } = splitHostPort(registry);
  return insecure.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted === registry.toLowerCase() || wanted === host;
  });
}
function apiHost(registry) {
  return registry === "docker.io" || registry === "index.docker.io" ? DOCKER_HUB_API_HOST : registry;
}
function registryOrigin(registry, insecure) {
  const scheme = isInsecure(registry, insecure) ? "http" : "https";
  return new URL(`${scheme}://${apiHost(registry)}`);
}

export {
  DOCKER_HUB_AUTH_KEY,
  isDockerHub,
  credentialKey,
  keyMatches,
  splitHostPort,
  isLoopback,
  registryOrigin
};
