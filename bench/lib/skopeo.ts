/**
 * skopeo (the peer client) run hermetically: a signature policy that accepts anything, an empty
 * auth file, HOME and TMPDIR under the benchmark's directory, and — as root, where skopeo always
 * keeps its blob-info cache in /var/lib/containers/cache — a private mount namespace with a
 * directory of the caller's choosing mounted over /var/lib/containers. A fresh cache per cold
 * push keeps skopeo from mounting or skipping blobs it remembers from an earlier run; the warm
 * re-push reuses the cold push's cache, as a CI agent would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTimed, type TimedRun } from './command.js';
import { findTool, requireTool } from './paths.js';

/** Options of one {@link Skopeo.copy}. */
export interface CopyOptions {
  /** `--preserve-digests`: push layers as they are (no compression). Default false (gzip). */
  readonly preserveDigests?: boolean;
  /** Directory that stands in for /var/lib/containers (its blob-info cache); created if missing. */
  readonly cacheDir: string;
  /** Also measure skopeo's peak RSS (see `RunOptions.peakRss`). Default false. */
  readonly peakRss?: boolean;
  /** Killed after this long (see `RunOptions.timeoutMs`). Default 10 minutes. */
  readonly timeoutMs?: number;
}

/** A configured skopeo. */
export interface Skopeo {
  /** `skopeo copy SRC DST` with TLS verification off for both sides (the registries are plain HTTP on loopback). */
  copy(source: string, destination: string, options: CopyOptions): Promise<TimedRun>;
  /** `skopeo --version`. */
  version(): Promise<TimedRun>;
}

/**
 * `inner` run in a private mount namespace with `cacheDir` bind-mounted over /var/lib/containers.
 * The mount point is created first: on a fresh machine no containers tool has run yet, so it
 * does not exist, and `mount` fails with "mount point does not exist".
 */
export function isolatedCommand(
  unshare: string,
  cacheDir: string,
  inner: readonly string[],
): [string, string[]] {
  const script = 'mkdir -p -m 0700 /var/lib/containers && mount --bind "$0" /var/lib/containers && exec "$@"';
  return [unshare, ['--mount', '--propagation', 'private', '--', 'sh', '-c', script, cacheDir, ...inner]];
}

/** Writes skopeo's configuration under `dir` and returns a runner. */
export function createSkopeo(dir: string): Skopeo {
  const skopeo = requireTool('skopeo');
  const home = join(dir, 'home');
  const tmp = join(dir, 'tmp');
  mkdirSync(home, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  const policy = join(dir, 'policy.json');
  const auth = join(dir, 'auth.json');
  writeFileSync(policy, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }));
  writeFileSync(auth, '{"auths":{}}\n', { mode: 0o600 });
  const env = { ...process.env, HOME: home, TMPDIR: tmp, REGISTRY_AUTH_FILE: auth };
  const unshare = process.getuid?.() === 0 ? findTool('unshare') : undefined;

  const run = (args: string[], cacheDir?: string, peakRss = false, timeoutMs?: number): Promise<TimedRun> => {
    const inner = [skopeo, '--policy', policy, ...args];
    const limit = timeoutMs === undefined ? {} : { timeoutMs };
    if (cacheDir === undefined) return runTimed(inner[0]!, inner.slice(1), { env, peakRss, ...limit });
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    // Not root: the cache lives under $HOME/.local/share/containers; give each cacheDir its own HOME.
    if (unshare === undefined)
      return runTimed(inner[0]!, inner.slice(1), { env: { ...env, HOME: cacheDir }, peakRss, ...limit });
    const [command, isolatedArgs] = isolatedCommand(unshare, cacheDir, inner);
    return runTimed(command, isolatedArgs, { env, peakRss, ...limit });
  };

  return {
    copy: (source, destination, options) =>
      run(
        [
          'copy',
          '--src-tls-verify=false',
          '--dest-tls-verify=false',
          ...(options.preserveDigests ? ['--preserve-digests'] : []),
          source,
          destination,
        ],
        options.cacheDir,
        options.peakRss,
        options.timeoutMs,
      ),
    version: () => run(['--version'], undefined, true),
  };
}
