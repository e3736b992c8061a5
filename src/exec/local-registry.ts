/**
 * Starts the bundled registry (`container-package registry serve`) as a detached background
 * process for the rest of a CI job, and stops it by PID later (from another process: the
 * Buildkite pre-exit hook, the GitHub Action's post step).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExecError } from './errors.js';

/** Options of {@link startLocalRegistry}. */
export interface LocalRegistryOptions {
  /** `bin/container-package` of this checkout. */
  readonly cli: string;
  /** Node.js binary. Default this process's. */
  readonly node?: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** Storage directory. */
  readonly storage: string;
  /** Extra arguments for `registry serve` (e.g. `--config FILE`). */
  readonly args?: readonly string[];
  /** Directory for the log file. */
  readonly logDir: string;
  /** Give up after this long. Default 30 s. */
  readonly readyTimeoutMs?: number;
}

/** A started registry. */
export interface LocalRegistry {
  readonly pid: number;
  /** `127.0.0.1:PORT`. */
  readonly address: string;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly logFile: string;
}

const READY = /^registry listening on (http:\/\/(\S+))$/m;

/**
 * Spawns `registry serve --listen 127.0.0.1:PORT --storage DIR` detached (it outlives this
 * process), with stdout and stderr in `logDir/registry.log`, and waits for its ready line.
 *
 * @throws ExecError `EXEC_FAILED` (with the log tail) when it exits or is not ready in time.
 */
export async function startLocalRegistry(options: LocalRegistryOptions): Promise<LocalRegistry> {
  const logFile = join(options.logDir, 'registry.log');
  const fd = openSync(logFile, 'a', 0o600);
  const child = spawn(
    options.node ?? process.execPath,
    [
      options.cli,
      'registry',
      'serve',
      '--listen',
      `127.0.0.1:${options.port}`,
      '--storage',
      options.storage,
      ...(options.args ?? []),
    ],
    { detached: true, stdio: ['ignore', fd, fd] },
  );
  closeSync(fd);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  child.unref();
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    const match = READY.exec(log);
    if (match && child.pid !== undefined) {
      return { pid: child.pid, url: match[1]!, address: match[2]!, logFile };
    }
    if (exited !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (child.pid !== undefined && exited === undefined) stopLocalRegistry(child.pid);
  const tail = (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-10).join('\n');
  throw new ExecError(
    'EXEC_FAILED',
    'container-package registry serve',
    `the local registry did not start${exited !== undefined ? ` (exit ${exited})` : ' in time'}:\n${tail}`,
    { hint: `see ${logFile}` },
  );
}

/**
 * Stops a registry started by {@link startLocalRegistry}: SIGTERM (it finishes in-flight
 * requests), then SIGKILL after `graceMs`. Safe when it is already gone.
 */
export async function stopLocalRegistryGracefully(pid: number, graceMs = 10_000): Promise<void> {
  if (!alive(pid)) return;
  stopLocalRegistry(pid);
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

function stopLocalRegistry(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
