/**
 * CNCF distribution (`docker-registry serve`, the reference registry) on a free loopback port,
 * with filesystem storage under the test temp dir, deletes enabled and optional basic auth.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { DaemonStartError } from './errors.js';
import { type Credentials, writeHtpasswd } from './htpasswd.js';
import { freePort } from './ports.js';
import { startDaemon } from './processes.js';
import { newTempDir } from './temp-dir.js';
import { toolPath } from './tools.js';

/** Options of {@link startDistribution}. */
export interface DistributionOptions {
  /** Require HTTP basic auth with these credentials (htpasswd, bcrypt). Default: no auth. */
  auth?: Credentials;
  /** distribution's log level. Default `info`. */
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

/** A running distribution registry. */
export interface Distribution {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  /** `127.0.0.1:PORT`, for image references. */
  host: string;
  port: number;
  /** The credentials it requires, if any. */
  auth: Credentials | undefined;
  /** Its directory (config, htpasswd, log, `data/` storage). */
  dir: string;
  logFile: string;
  /** Stops the registry (SIGTERM, then SIGKILL). Idempotent. */
  stop(): Promise<void>;
}

/** How often a start is retried when another process grabbed the free port first. */
const PORT_ATTEMPTS = 3;

/**
 * Starts distribution and waits until `GET /v2/` answers 200 (or 401 with auth).
 *
 * Its environment has no `REGISTRY_*` variable: distribution reads those as config overrides
 * (`REGISTRY_AUTH_FILE`, meant for podman, would abort its startup).
 *
 * @throws DaemonStartError when it does not start (the message ends with its log).
 * @throws MissingToolError when `docker-registry` (or, with auth, `htpasswd`) is missing.
 */
export async function startDistribution(options: DistributionOptions = {}): Promise<Distribution> {
  const binary = toolPath('docker-registry');
  const dir = newTempDir('registry');
  const htpasswd = options.auth ? await writeHtpasswd(join(dir, 'htpasswd'), [options.auth]) : undefined;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('REGISTRY_')),
  );
  const logFile = join(dir, 'registry.log');

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const url = `http://${host}`;
    const configFile = join(dir, 'config.yml');
    writeFileSync(configFile, yaml.dump(config(dir, host, options, htpasswd)));
    try {
      const daemon = await startDaemon({
        name: `distribution ${host}`,
        command: binary,
        args: ['serve', configFile],
        env,
        logFile,
        readyTimeoutMs: 30_000,
        ready: async () => {
          const response = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(2_000) });
          await response.body?.cancel();
          return response.status === (htpasswd ? 401 : 200);
        },
      });
      return { url, host, port, auth: options.auth, dir, logFile, stop: () => daemon.stop() };
    } catch (error) {
      const portTaken = error instanceof DaemonStartError && error.logTail.includes('address already in use');
      if (!portTaken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

function config(
  dir: string,
  host: string,
  options: DistributionOptions,
  htpasswd: string | undefined,
): object {
  return {
    version: 0.1,
    log: { level: options.logLevel ?? 'info', accesslog: { disabled: false } },
    storage: { filesystem: { rootdirectory: join(dir, 'data') }, delete: { enabled: true } },
    http: { addr: host, secret: 'container-package-test-not-secret' },
    ...(htpasswd ? { auth: { htpasswd: { realm: 'container-package-test', path: htpasswd } } } : {}),
  };
}
