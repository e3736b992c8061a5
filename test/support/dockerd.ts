/**
 * A private Docker Engine (dockerd + the containerd it manages) for one test file: vfs storage,
 * no iptables and no bridge, every path (data, exec root, socket, PID file, trust key) under the
 * test temp dir, so parallel test files each get their own engine without colliding. Nothing of
 * the system's Docker (`/var/run/docker.sock`, `/var/lib/docker`) is used.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { HarnessError } from './errors.js';
import { readPidFile } from './pids.js';
import { startDaemon } from './processes.js';
import { type RunOptions, type RunResult, runTool } from './run.js';
import { newTempDir } from './temp-dir.js';
import { toolPath } from './tools.js';

/** Options of {@link startDockerd}. */
export interface DockerdOptions {
  /**
   * Extra `insecure-registries`. Default none: dockerd already treats 127.0.0.0/8 as insecure,
   * so registries from `startDistribution` need nothing.
   */
  insecureRegistries?: string[];
  /** Give up waiting for the API after this long. Default 90 000 ms. */
  readyTimeoutMs?: number;
}

/** A running Docker Engine. */
export interface DockerEngine {
  /** Variables pointing the docker CLI at this engine with its own, empty client config dir. */
  env: { DOCKER_HOST: string; DOCKER_CONFIG: string };
  /** Path of the API socket. */
  socket: string;
  /** The engine's directory (daemon.json, log, data, exec root, CLI config). */
  dir: string;
  logFile: string;
  /**
   * Runs the docker CLI (the first `docker` on PATH) against this engine. `options.env` is
   * merged over `process.env` and {@link DockerEngine.env}.
   */
  docker(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** Stops dockerd (SIGTERM, then SIGKILL) and the containerd it started. Idempotent. */
  stop(): Promise<void>;
}

/** Unix socket paths must fit in `sockaddr_un.sun_path` (108 bytes with the terminator). */
const MAX_SOCKET_PATH = 100;

/**
 * Starts dockerd and waits until `GET /_ping` on its socket answers OK (typically under a
 * second; allow more on a loaded machine).
 *
 * @throws HarnessError `HARNESS_SOCKET_PATH_TOO_LONG` when the temp dir is too deep for a socket.
 * @throws DaemonStartError when dockerd does not come up (the message ends with its log).
 * @throws MissingToolError when `dockerd` or `docker` is not installed.
 */
export async function startDockerd(options: DockerdOptions = {}): Promise<DockerEngine> {
  const binary = toolPath('dockerd');
  const cli = toolPath('docker');
  const dir = newTempDir('dockerd');
  const socket = join(dir, 'docker.sock');
  const execRoot = join(dir, 'x');
  const longest = join(execRoot, 'containerd', 'containerd.sock.ttrpc');
  if (longest.length > MAX_SOCKET_PATH) {
    throw new HarnessError(
      'HARNESS_SOCKET_PATH_TOO_LONG',
      `socket path too long (${longest.length} bytes): ${longest}`,
      {
        hint: 'set TMPDIR to a short directory such as /tmp',
      },
    );
  }
  const cliConfig = join(dir, 'cli');
  mkdirSync(cliConfig);
  const configFile = join(dir, 'daemon.json');
  writeFileSync(configFile, JSON.stringify(daemonConfig(dir, socket, execRoot, options), null, 2));
  const logFile = join(dir, 'dockerd.log');
  const daemon = await startDaemon({
    name: 'dockerd',
    command: binary,
    args: ['--config-file', configFile],
    env: { ...process.env },
    logFile,
    readyTimeoutMs: options.readyTimeoutMs ?? 90_000,
    ready: () => ping(socket),
  });
  const containerd = readPidFile(join(execRoot, 'containerd', 'containerd.pid'));
  if (containerd !== undefined) daemon.adopt(containerd);

  const env = { DOCKER_HOST: `unix://${socket}`, DOCKER_CONFIG: cliConfig };
  return {
    env,
    socket,
    dir,
    logFile,
    docker: (args, runOptions = {}) =>
      runTool(cli, args, { ...runOptions, env: { ...process.env, ...env, ...runOptions.env } }),
    stop: () => daemon.stop(),
  };
}

function daemonConfig(dir: string, socket: string, execRoot: string, options: DockerdOptions): object {
  return {
    'storage-driver': 'vfs',
    iptables: false,
    ip6tables: false,
    'ip-forward': false,
    'ip-masq': false,
    bridge: 'none',
    'userland-proxy': false,
    'insecure-registries': options.insecureRegistries ?? [],
    'data-root': join(dir, 'data'),
    'exec-root': execRoot,
    pidfile: join(dir, 'dockerd.pid'),
    // dockerd 20.10 otherwise writes /etc/docker/key.json, shared by every engine on the machine.
    'deprecated-key-path': join(dir, 'key.json'),
    hosts: [`unix://${socket}`],
  };
}

/** True when the engine's `GET /_ping` answers 200 within 2 s. */
function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });
}

/**
 * The manifest digest in `docker push` output (`TAG: digest: sha256:... size: N`).
 *
 * @throws HarnessError `HARNESS_NO_PUSH_DIGEST` when the output has no such line.
 */
export function pushedDigest(output: string): string {
  const match = /digest: (sha256:[0-9a-f]{64})/.exec(output);
  if (match?.[1] === undefined) {
    throw new HarnessError(
      'HARNESS_NO_PUSH_DIGEST',
      `no "digest: sha256:..." in docker push output:\n${output}`,
    );
  }
  return match[1];
}
