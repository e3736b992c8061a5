import { isDockerHub } from '../../client/credentials/host.js';
import { isSafeRepository } from '../names.js';
import type { ResolvedMirror } from './options.js';

/**
 * Which repository names are mirrors, and the one local name each pulled image has. Local names
 * are `<prefix>/<rest>` (`docker.io/library/alpine`); a request may also reach a mirror through
 * containerd's `?ns=<registry>` parameter (`GET /v2/library/alpine/manifests/3?ns=docker.io`,
 * what a `hosts.toml` mirror entry sends), which is turned into the same local name.
 */
export class MirrorTable {
  readonly mirrors: readonly ResolvedMirror[];

  constructor(mirrors: readonly ResolvedMirror[]) {
    this.mirrors = mirrors;
  }

  /** The mirror whose prefix `name` is under (`name` must have something after the prefix). */
  match(name: string): ResolvedMirror | undefined {
    return this.mirrors.find((m) => name.startsWith(`${m.prefix}/`));
  }

  /** True when `name` is a mirror's repository. */
  isMirror(name: string): boolean {
    return this.match(name) !== undefined;
  }

  /**
   * The local name of a request for `name` with containerd's `ns` (null when absent):
   *
   * - a name already under a prefix keeps it;
   * - with `ns`, `<ns>/<name>` when that is under a prefix, else `<prefix>/<name>` for the mirror
   *   whose upstream is the registry `ns` names (Docker Hub's aliases are one registry);
   * - on Docker Hub, a one-component rest gets `library/` (`docker.io/alpine` →
   *   `docker.io/library/alpine`), so both spellings share one cache.
   *
   * Anything else is returned unchanged (a local repository).
   */
  localName(name: string, ns: string | null): string {
    let local = name;
    if (this.match(name) === undefined && ns !== null && ns !== '') {
      const joined = `${ns.toLowerCase()}/${name}`;
      if (isSafeRepository(joined) && this.match(joined) !== undefined) {
        local = joined;
      } else {
        const mirror = this.mirrors.find((m) => sameRegistry(m, ns) && m.upstream.namespace === '');
        if (mirror !== undefined && isSafeRepository(`${mirror.prefix}/${name}`)) {
          local = `${mirror.prefix}/${name}`;
        }
      }
    }
    const mirror = this.match(local);
    if (mirror === undefined || !mirror.upstream.dockerHub || mirror.upstream.namespace !== '') return local;
    const rest = local.slice(mirror.prefix.length + 1);
    const canonical = `${mirror.prefix}/library/${rest}`;
    return rest.includes('/') || !isSafeRepository(canonical) ? local : canonical;
  }
}

function sameRegistry(mirror: ResolvedMirror, ns: string): boolean {
  if (mirror.upstream.dockerHub) return isDockerHub(ns);
  return mirror.upstream.registry.toLowerCase() === ns.toLowerCase();
}
