/**
 * Hermetic environment for the containers/* tools (podman, buildah, skopeo) and umoci: vfs
 * storage, registries.conf, signature policy, auth file and containers.conf all under the test
 * temp dir, and a private /var/lib/containers (see `system-paths.ts`), so nothing writes to
 * /etc/containers, /var/lib/containers, /run/containers or /var/tmp; podman needs no service.
 * (The tools still read the drop-ins in /etc/containers/registries.conf.d: short-name aliases,
 * unused because `unqualified-search-registries` is empty and tests use full references.)
 * Registries under test are marked insecure (plain HTTP).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunOptions, type RunResult, runTool } from './run.js';
import { type CommandLine, canIsolateSystemPaths, isolated } from './system-paths.js';
import { newTempDir } from './temp-dir.js';
import { toolPath } from './tools.js';

/** Options of {@link createContainerTools}. */
export interface ContainerToolsOptions {
  /** `host:port` registries reachable over plain HTTP. More can be added later. Default none. */
  insecureRegistries?: string[];
  /**
   * Run podman, buildah and skopeo with a directory of their own mounted over
   * /var/lib/containers (see `system-paths.ts`). Default true; when private mount namespaces are
   * unavailable (not root, no `unshare`) the tools run unwrapped and share the system's blob-info
   * cache, with a warning.
   */
  isolateSystemPaths?: boolean;
}

/** A hermetic set of containers/* tools. */
export interface ContainerTools {
  /** Variables (over `process.env`) every helper runs with: config paths, HOME, TMPDIR. */
  env: Record<string, string>;
  /** Root of the configs, storage and auth file. */
  dir: string;
  /** Image storage (`graphroot`) and state (`runroot`) of podman and buildah. */
  graphRoot: string;
  runRoot: string;
  /** What the tools see as /var/lib/containers (their blob-info cache lands in `cache/`). */
  varLibContainers: string;
  /** The auth file `podman login` and friends write (`REGISTRY_AUTH_FILE`). */
  authFile: string;
  /** Marks `host` (`host:port`) as an insecure registry in registries.conf. Idempotent. */
  addInsecureRegistry(host: string): void;
  /**
   * The command line that runs `tool args...` the way the helpers below do (isolation wrapper
   * included), to spawn long-running ones such as `podman system service` with `startDaemon`
   * and `{ ...process.env, ...env }`.
   */
  commandLine(tool: ContainerTool, args: readonly string[]): Promise<CommandLine>;
  /** `skopeo --policy <ours> ...args`. */
  skopeo(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  podman(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  buildah(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  umoci(args: readonly string[], options?: RunOptions): Promise<RunResult>;
}

/** The tools {@link ContainerTools} runs. */
export type ContainerTool = 'skopeo' | 'podman' | 'buildah' | 'umoci';

/** Accept any image: the registries under test serve unsigned images. */
const POLICY = { default: [{ type: 'insecureAcceptAnything' }] };

/**
 * Writes the configs and returns helpers running each tool with them. Tools are looked up on
 * PATH when first called, so a test using only skopeo does not need podman.
 *
 * The configs are also placed in `$HOME/.config/containers` (HOME points into the temp dir),
 * the per-user location containers/image reads the signature policy from when no flag names
 * one: podman and buildah have no global policy flag or variable.
 */
export function createContainerTools(options: ContainerToolsOptions = {}): ContainerTools {
  const dir = newTempDir('containers');
  const home = join(dir, 'home');
  const config = join(home, '.config', 'containers');
  const graphRoot = join(dir, 'storage', 'graph');
  const runRoot = join(dir, 'storage', 'run');
  const tmp = join(dir, 'tmp');
  const runtimeDir = join(dir, 'runtime');
  for (const d of [config, graphRoot, runRoot, tmp, runtimeDir])
    mkdirSync(d, { recursive: true, mode: 0o700 });

  const files = {
    storage: join(config, 'storage.conf'),
    registries: join(config, 'registries.conf'),
    policy: join(config, 'policy.json'),
    containers: join(config, 'containers.conf'),
    auth: join(dir, 'auth.json'),
  };
  writeFileSync(
    files.storage,
    `[storage]\ndriver = "vfs"\nrunroot = ${q(runRoot)}\ngraphroot = ${q(graphRoot)}\n`,
  );
  writeFileSync(files.policy, JSON.stringify(POLICY, null, 2) + '\n');
  writeFileSync(files.containers, containersConf(dir, tmp));
  writeFileSync(files.auth, '{"auths":{}}\n', { mode: 0o600 }); // podman and buildah fail on a missing auth file
  const insecure = new Set<string>();
  const writeRegistries = (): void => writeFileSync(files.registries, registriesConf([...insecure]));
  for (const host of options.insecureRegistries ?? []) insecure.add(host);
  writeRegistries();

  const env: Record<string, string> = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_RUNTIME_DIR: runtimeDir,
    TMPDIR: tmp,
    CONTAINERS_STORAGE_CONF: files.storage,
    CONTAINERS_REGISTRIES_CONF: files.registries,
    CONTAINERS_CONF: files.containers,
    REGISTRY_AUTH_FILE: files.auth,
  };
  const varLib = join(dir, 'var-lib-containers');
  mkdirSync(varLib, { mode: 0o700 });
  const commandLine = async (tool: ContainerTool, args: readonly string[]): Promise<CommandLine> => {
    const inner = {
      command: toolPath(tool),
      args: tool === 'skopeo' ? ['--policy', files.policy, ...args] : [...args],
    };
    if (tool === 'umoci' || options.isolateSystemPaths === false) return inner;
    if (!(await canIsolateSystemPaths())) {
      warnNotIsolated();
      return inner;
    }
    return isolated(toolPath('unshare'), varLib, inner);
  };
  const run =
    (tool: ContainerTool) =>
    async (args: readonly string[], runOptions: RunOptions = {}): Promise<RunResult> => {
      const line = await commandLine(tool, args);
      return runTool(line.command, line.args, {
        label: [tool, ...args].join(' '),
        ...runOptions,
        env: { ...process.env, ...env, ...runOptions.env },
      });
    };

  return {
    env,
    dir,
    graphRoot,
    runRoot,
    varLibContainers: varLib,
    authFile: files.auth,
    addInsecureRegistry: (host) => {
      insecure.add(host);
      writeRegistries();
    },
    commandLine,
    skopeo: run('skopeo'),
    podman: run('podman'),
    buildah: run('buildah'),
    umoci: run('umoci'),
  };
}

let warned = false;
function warnNotIsolated(): void {
  if (warned) return;
  warned = true;
  console.warn('container tools: no private mount namespace here; they share /var/lib/containers/cache');
}

/** A TOML basic string. */
function q(value: string): string {
  return JSON.stringify(value);
}

function registriesConf(insecure: readonly string[]): string {
  const entries = insecure.map((host) => `\n[[registry]]\nlocation = ${q(host)}\ninsecure = true\n`);
  return `unqualified-search-registries = []\n${entries.join('')}`;
}

function containersConf(dir: string, tmp: string): string {
  return [
    '[engine]',
    `tmp_dir = ${q(join(dir, 'libpod'))}`,
    `image_copy_tmp_dir = ${q(tmp)}`,
    'events_logger = "file"',
    `events_logfile_path = ${q(join(dir, 'events.log'))}`,
    `volume_path = ${q(join(dir, 'volumes'))}`,
    'cgroup_manager = "cgroupfs"',
    '[network]',
    `network_config_dir = ${q(join(dir, 'networks'))}`,
    '',
  ].join('\n');
}
