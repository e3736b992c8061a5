/**
 * The two registries under test, each a separate process on a free loopback port with a fresh
 * storage directory: ours (`container-package registry serve`, as users run it) and CNCF
 * distribution (`docker-registry serve`, the peer). Separate processes so that their CPU time and
 * peak RSS, read from /proc, are theirs alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { BenchError } from './errors.js';
import { CLI, requireTool } from './paths.js';
import { cpuSeconds, peakRssMiB } from './proc.js';

/** Which registry. */
export type RegistryKind = 'ours' | 'distribution';

/** A bucket on an S3 service for the registry's storage instead of a directory. */
export interface BenchS3 {
  /** `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** A running registry. */
export interface BenchRegistry {
  readonly kind: RegistryKind;
  /** `127.0.0.1:PORT`, for image references. */
  readonly host: string;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly pid: number;
  /** CPU seconds the registry process has used since it started. */
  cpuSeconds(): number;
  /** Its peak RSS in MiB since it started (or since the last reset). */
  peakRssMiB(): number;
  /** SIGTERM, then SIGKILL after 5 s. Idempotent. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

/**
 * Starts `kind` with its storage, config and log under `dir` (created). `nodeArgs` go to our
 * registry's Node.js (e.g. `--cpu-prof`); distribution ignores them. With `s3`, both store in that
 * bucket instead of `dir`. `serveArgs` are appended to our `registry serve` (e.g. `--config`).
 */
export function startRegistry(
  kind: RegistryKind,
  dir: string,
  nodeArgs: readonly string[] = [],
  s3?: BenchS3,
  serveArgs: readonly string[] = [],
): Promise<BenchRegistry> {
  mkdirSync(dir, { recursive: true });
  return kind === 'ours' ? startOurs(dir, nodeArgs, s3, serveArgs) : startDistribution(dir, s3);
}

/** The environment without `REGISTRY_*`: distribution reads those as config overrides. */
function registryEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('REGISTRY_')));
}

async function startOurs(
  dir: string,
  nodeArgs: readonly string[],
  s3: BenchS3 | undefined,
  serveArgs: readonly string[],
): Promise<BenchRegistry> {
  let storage = ['--storage', join(dir, 'storage')];
  let env = process.env;
  if (s3 !== undefined) {
    const config = join(dir, 'registry.yaml');
    // Blob GETs redirected to presigned URLs, as distribution's S3 driver does by default.
    const bucket = `{ bucket: ${s3.bucket}, endpoint: "${s3.endpoint}", force-path-style: true, redirect: true }`;
    writeFileSync(config, `storage: { s3: ${bucket} }\n`);
    storage = ['--config', config];
    // Credentials reach the registry through the AWS SDK's default chain, as in production.
    env = { ...process.env, AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey };
  }
  const args = [...nodeArgs, CLI, 'registry', 'serve', '--listen', '127.0.0.1:0', ...storage, ...serveArgs];
  const log = join(dir, 'registry.log');
  const child = spawnLogged(process.execPath, args, log, 'pipe', env);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(startError('ours', 'not ready in 30 s', log)), READY_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /registry listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(startError('ours', `exited with ${code} before it was ready`, log));
    });
  });
  child.removeAllListeners('exit');
  return handle('ours', child, url);
}

async function startDistribution(dir: string, s3?: BenchS3): Promise<BenchRegistry> {
  const binary = requireTool('docker-registry');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = join(dir, 'config.yml');
  // distribution's packaged defaults (/etc/docker/registry/config.yml), minus auth, on our port;
  // with a bucket, its own S3 driver (path style when regionendpoint is set).
  const backend =
    s3 === undefined
      ? `filesystem: { rootdirectory: ${JSON.stringify(join(dir, 'storage'))} }`
      : `s3: { region: us-east-1, regionendpoint: "${s3.endpoint}", bucket: ${s3.bucket}, accesskey: ${s3.accessKeyId}, secretkey: ${s3.secretAccessKey}, secure: false, v4auth: true }`;
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: { level: info, fields: { service: registry } }',
      `storage: { cache: { blobdescriptor: inmemory }, ${backend}, delete: { enabled: true } }`,
      `http: { addr: ${JSON.stringify(host)}, secret: container-package-bench, headers: { X-Content-Type-Options: [nosniff] } }`,
      '',
    ].join('\n'),
  );
  const log = join(dir, 'registry.log');
  const env = registryEnv();
  // aws-sdk-go v1 cannot apply AWS_CA_BUNDLE to distribution's own HTTP transport (it panics at
  // start); the gateway is plain http on loopback, so no CA bundle is needed.
  if (s3 !== undefined) delete env.AWS_CA_BUNDLE;
  const child = spawnLogged(binary, ['serve', config], log, 'ignore', env);
  const url = `http://${host}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw startError('distribution', `exited with ${child.exitCode}`, log);
    try {
      const response = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw startError('distribution', 'not ready in 30 s', log);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return handle('distribution', child, url);
}

function spawnLogged(
  command: string,
  args: string[],
  log: string,
  stdout: 'pipe' | 'ignore',
  env: NodeJS.ProcessEnv = process.env,
): ChildProcess {
  const fd = openSync(log, 'a');
  const child = spawn(command, args, { env, stdio: ['ignore', stdout, fd] });
  closeSync(fd);
  if (child.pid === undefined) throw new BenchError('BENCH_DAEMON_START', `cannot start ${command}`);
  return child;
}

function handle(kind: RegistryKind, child: ChildProcess, url: string): BenchRegistry {
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  let stopping: Promise<void> | undefined;
  return {
    kind,
    host: new URL(url).host,
    url,
    pid,
    cpuSeconds: () => cpuSeconds(pid),
    peakRssMiB: () => peakRssMiB(pid),
    stop: () =>
      (stopping ??= (async () => {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      })()),
  };
}

function startError(kind: RegistryKind, what: string, log: string): BenchError {
  let tail = '';
  try {
    tail = readFileSync(log, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
  } catch {
    // no log yet
  }
  return new BenchError('BENCH_DAEMON_START', `registry ${kind} ${what}; its log (${log}) ends:\n${tail}`);
}

/** A free TCP port on 127.0.0.1 (listen on 0, read, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string')
    throw new BenchError('BENCH_DAEMON_START', 'no free port');
  return address.port;
}
