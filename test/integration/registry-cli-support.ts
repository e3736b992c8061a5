/**
 * Runs the real CLI bundle (`node bin/container-package registry …`) as a child process, and
 * writes small OCI image layouts for skopeo to push.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { execa } from 'execa';
import { randomBytes } from './registry-support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The launcher users run. */
export const BIN = path.join(root, 'bin/container-package');

/** Fails early, with the fix, when dist/ was built before the registry commands existed. */
export function requireBundle(): void {
  const bundle = path.join(root, 'dist/cli.js');
  if (!existsSync(bundle) || !readFileSync(bundle, 'utf8').includes('registry:serve')) {
    throw new Error('dist/cli.js has no `registry serve`: run `npm run build` first (npm test does it)');
  }
}

/** Runs the CLI to completion. */
export function cli(args: readonly string[], env: Record<string, string> = {}) {
  return execa(process.execPath, [BIN, ...args], {
    reject: false,
    env: { NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
}

/** A `registry serve` child process. */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything written to stdout and stderr so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

/** Kills every `registry serve` still running (for afterAll). */
export function killAllServes(): void {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * Starts `registry serve ARGS` and waits for its one stdout line `registry listening on URL`.
 * Rejects with the output when it exits first.
 */
export function startServe(args: readonly string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'registry', 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`registry serve did not start in 20 s:\n${out}\n${err}`)),
      20_000,
    );
    const check = (): void => {
      const match = /^registry listening on (http:\/\/\S+)\n/.exec(out);
      if (match === null) return;
      clearTimeout(timer);
      resolve({ child, url: match[1]!, stdout: () => out, stderr: () => err, exited });
    };
    child.stdout!.on('data', check);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error(`registry serve exited with ${code}:\n${out}\n${err}`), {
          stdout: out,
          stderr: err,
          code,
        }),
      );
    });
  });
}

const sha = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/**
 * Writes an OCI image layout with one gzip layer of `layerBytes` seeded random bytes, tagged
 * `latest`; returns its directory and the manifest digest.
 */
export function writeOciLayout(dir: string, layerBytes: number, seed = 1): { dir: string; digest: string } {
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = (bytes: Buffer): { digest: string; size: number } => {
    const digest = sha(bytes);
    writeFileSync(path.join(dir, 'blobs', 'sha256', digest.slice(7)), bytes);
    return { digest, size: bytes.length };
  };
  const layer = gzipSync(randomBytes(layerBytes, seed), { level: 0 });
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [sha(randomBytes(layerBytes, seed))] },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...put(config) },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...put(layer) }],
    }),
  );
  const m = put(manifest);
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...m,
          annotations: { 'org.opencontainers.image.ref.name': 'latest' },
        },
      ],
    }),
  );
  return { dir, digest: m.digest };
}
