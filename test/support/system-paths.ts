/**
 * Hides /var/lib/containers from the containers/* tools. Run as root, podman, buildah and skopeo
 * always keep their blob-info cache in /var/lib/containers/cache (no flag, variable or config
 * setting moves it), so without this every test run would share that cache with the others and
 * with the machine's own podman. Each command instead runs in a private mount namespace
 * (`unshare --mount`) in which a directory of the test's own is bind-mounted over
 * /var/lib/containers.
 */
import { mkdirSync } from 'node:fs';
import { runTool } from './run.js';
import { findTool } from './tools.js';

/** The directory hidden from the tools. */
export const SYSTEM_CONTAINERS_DIR = '/var/lib/containers';

/** A command line ready to spawn: `command args...`. */
export interface CommandLine {
  command: string;
  args: string[];
}

let supported: Promise<boolean> | undefined;

/**
 * True when private mount namespaces work here (root with CAP_SYS_ADMIN, `unshare` and `mount`
 * installed). Checked once per process; creates an empty /var/lib/containers if missing, as
 * the tools themselves would.
 */
export function canIsolateSystemPaths(): Promise<boolean> {
  supported ??= (async () => {
    const unshare = findTool('unshare');
    if (unshare === undefined || findTool('mount') === undefined || process.getuid?.() !== 0) return false;
    try {
      mkdirSync(SYSTEM_CONTAINERS_DIR, { recursive: true, mode: 0o700 });
    } catch {
      return false;
    }
    const probe = isolated(unshare, '/tmp', { command: 'true', args: [] });
    const result = await runTool(probe.command, probe.args, { reject: false, timeoutMs: 10_000 });
    return !result.failed;
  })();
  return supported;
}

/**
 * Wraps `inner` so that it runs with `replacement` mounted over /var/lib/containers, in a mount
 * namespace of its own that disappears with the process.
 */
export function isolated(unshare: string, replacement: string, inner: CommandLine): CommandLine {
  // The mount point may not exist yet on a fresh machine (no containers tool has run as root).
  const script = `mkdir -p -m 0700 ${SYSTEM_CONTAINERS_DIR} && mount --bind "$0" ${SYSTEM_CONTAINERS_DIR} && exec "$@"`;
  return {
    command: unshare,
    args: [
      '--mount',
      '--propagation',
      'private',
      '--',
      'sh',
      '-c',
      script,
      replacement,
      inner.command,
      ...inner.args,
    ],
  };
}
