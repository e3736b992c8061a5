import { isDockerHub } from '../../client/credentials/host.js';
import { isLoopback } from '../../client/transport/scheme.js';
import { isSafeRepository } from '../names.js';

/** Where a mirror fetches from, parsed from its `upstream` URL. */
export interface Upstream {
  /** The URL as configured, without a trailing slash. */
  readonly url: string;
  /** Its scheme, host and port (`https://registry-1.docker.io`): with a repository, a place in messages. */
  readonly origin: string;
  /** `host[:port]` the registry client talks to (`docker.io` for Docker Hub). */
  readonly registry: string;
  /** Repository path on the upstream that the mirror's prefix stands for (`''` or `acme/images`). */
  readonly namespace: string;
  /** True for plain http to a host that is not loopback (the client must be told). */
  readonly insecure: boolean;
  /** True when the upstream is Docker Hub: one-component names get `library/`. */
  readonly dockerHub: boolean;
}

/**
 * The upstream a shorthand mirror entry names: `docker.io` (and `index.docker.io`) is
 * `https://registry-1.docker.io`; anything else is `https://` and its first component
 * (`ghcr.io/acme` → `https://ghcr.io`, namespace `acme` by the rule of {@link parseUpstream}).
 */
export function shorthandUpstream(prefix: string): string {
  const host = prefix.split('/')[0]!;
  return isDockerHub(host) ? 'https://registry-1.docker.io' : `https://${host}`;
}

/**
 * Parses a mirror's upstream URL against its prefix. The repository namespace is the URL's path
 * when it has one (`https://packages.buildkite.com/acme/images`); else, when the prefix starts
 * with the upstream's host (`packages.buildkite.com/acme/images` on `https://packages.buildkite.com`),
 * the rest of the prefix; else empty (`upstream-test` on `http://127.0.0.1:5001`).
 *
 * @returns the upstream, or a sentence saying what is wrong with the URL
 */
export function parseUpstream(prefix: string, text: string): Upstream | { error: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      error: `expected an http(s) URL such as https://registry-1.docker.io, got ${JSON.stringify(text)}`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { error: `expected an http or https URL, got ${JSON.stringify(text)}` };
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return { error: `expected a URL without query, fragment or credentials, got ${JSON.stringify(text)}` };
  }
  const path = url.pathname.replace(/^\/+|\/+$/g, '');
  if (path !== '' && !isSafeRepository(path)) {
    return { error: `the URL's path ${JSON.stringify(path)} is not a repository namespace` };
  }
  const dockerHub = isDockerHub(url.host);
  const registry = dockerHub ? 'docker.io' : url.host;
  const [first, ...rest] = prefix.split('/');
  const samePlace = first === url.host.toLowerCase() || (dockerHub && isDockerHub(first!));
  const namespace = path !== '' ? path : samePlace ? rest.join('/') : '';
  const insecure = url.protocol === 'http:' && !isLoopback(url.host);
  if (dockerHub && url.protocol === 'http:') return { error: 'Docker Hub is only served over https' };
  return {
    url: `${url.origin}${path === '' ? '' : `/${path}`}`,
    origin: url.origin,
    registry,
    namespace,
    insecure,
    dockerHub,
  };
}

/**
 * The upstream repository of local `name` under a mirror's `prefix`: the namespace joined with
 * what follows the prefix, and on Docker Hub `library/` before a one-component name
 * (`docker.io/alpine` → `library/alpine`).
 *
 * @throws Error when `name` is not under `prefix` (callers match first)
 */
export function upstreamRepository(upstream: Upstream, prefix: string, name: string): string {
  if (!name.startsWith(`${prefix}/`)) throw new Error(`${name} is not under the mirror prefix ${prefix}`);
  let rest = name.slice(prefix.length + 1);
  if (upstream.dockerHub && upstream.namespace === '' && !rest.includes('/')) rest = `library/${rest}`;
  return upstream.namespace === '' ? rest : `${upstream.namespace}/${rest}`;
}
