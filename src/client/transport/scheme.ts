/**
 * Which scheme a registry is spoken to with: https, except for hosts that are insecure by
 * default (loopback: `localhost`, `*.localhost`, `127.0.0.0/8`, `::1`, as docker treats them) or
 * listed in the `insecure` option. Also maps Docker Hub's name to its API host.
 */
import { isIP } from 'node:net';

/** The API host of Docker Hub: `docker.io` and `index.docker.io` are served there. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';

/** Splits `host[:port]` (IPv6 in brackets) into the host name and the port, if any. */
export function splitHostPort(address: string): { host: string; port: string | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(address);
  if (bracketed) return { host: bracketed[1]!.toLowerCase(), port: bracketed[2] };
  const colon = address.lastIndexOf(':');
  if (colon > 0 && address.indexOf(':') === colon && /^\d+$/.test(address.slice(colon + 1))) {
    return { host: address.slice(0, colon).toLowerCase(), port: address.slice(colon + 1) };
  }
  return { host: address.toLowerCase(), port: undefined };
}

/** True for `localhost`, `*.localhost`, `127.0.0.0/8` and `::1` (with or without a port). */
export function isLoopback(address: string): boolean {
  const { host } = splitHostPort(address);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/**
 * True when `registry` is spoken to over plain http: a loopback address, or an entry of
 * `insecure` equal to the registry (`host:port`) or to its host alone (any port).
 */
export function isInsecure(registry: string, insecure: readonly string[]): boolean {
  if (isLoopback(registry)) return true;
  const { host } = splitHostPort(registry);
  return insecure.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted === registry.toLowerCase() || wanted === host;
  });
}

/** The host requests go to: Docker Hub's names map to {@link DOCKER_HUB_API_HOST}. */
export function apiHost(registry: string): string {
  return registry === 'docker.io' || registry === 'index.docker.io' ? DOCKER_HUB_API_HOST : registry;
}

/** `https://host[:port]` (or `http://` when insecure): the origin of the registry's API. */
export function registryOrigin(registry: string, insecure: readonly string[]): URL {
  const scheme = isInsecure(registry, insecure) ? 'http' : 'https';
  return new URL(`${scheme}://${apiHost(registry)}`);
}
