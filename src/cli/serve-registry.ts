/**
 * What `registry serve` does once its flags are read, shared by the oclif command and the fast
 * path the launcher takes for it (`serve-fast.ts`).
 */
import cluster from 'node:cluster';
import { ContainerPackageError, isContainerPackageError } from '../errors.js';
import type { ConfigOverrides, RegistryConfig, WorkerError } from '../registry/index.js';

/** The config a command runs with: the `--config` file (or the defaults) with flags applied over it. */
export async function resolveConfig(flags: { config?: string } & ConfigOverrides): Promise<RegistryConfig> {
  const { defaultConfig, loadConfigFile, withOverrides } = await import('../registry/index.js');
  const base = flags.config === undefined ? defaultConfig() : await loadConfigFile(flags.config);
  return withOverrides(base, flags);
}

/** The config overrides of `registry serve`'s flags. */
export function serveOverrides(flags: {
  config?: string | undefined;
  listen?: string | undefined;
  storage?: string | undefined;
  'insecure-listen'?: boolean | undefined;
  workers?: string | undefined;
}): { config?: string } & ConfigOverrides {
  return {
    config: flags.config,
    listen: flags.listen,
    storage: flags.storage,
    insecureListen: flags['insecure-listen'],
    workers: flags.workers,
  };
}

/**
 * Starts the registry with `config`, prints `registry listening on URL` on stdout, and on the
 * first SIGTERM or SIGINT stops accepting connections, lets requests in flight finish and
 * returns; a second signal exits at once with status 1. Signals are caught from the start, so one
 * that arrives while the registry starts is not lost. When the start fails, the signal handlers
 * are removed and the error is thrown. `onListening` is called once the registry listens.
 *
 * With `workers` above 1 this process becomes the primary of that many worker processes (forked
 * with this process's arguments, so each comes back here and serves as a worker: it never
 * returns). The primary prints the line once every worker listens; a signal stops them all.
 */
export async function serveRegistry(config: RegistryConfig, onListening?: () => void): Promise<void> {
  const { startRegistryService, startWorkers, runWorker, workerSlot, jsonLogger } =
    await import('../registry/index.js');
  if (cluster.isWorker && workerSlot() !== undefined) {
    return runWorker(config, (error) => describeFailure(listenError(error, config)));
  }
  let first: ((signal: NodeJS.Signals) => void) | undefined;
  let signalled: NodeJS.Signals | undefined;
  const stop = new Promise<NodeJS.Signals>((resolve) => {
    first = (signal) => {
      process.off('SIGTERM', first!);
      process.off('SIGINT', first!);
      // A second signal while draining stops at once.
      process.once('SIGTERM', () => process.exit(1));
      process.once('SIGINT', () => process.exit(1));
      signalled = signal;
      resolve(signal);
    };
    process.on('SIGTERM', first);
    process.on('SIGINT', first);
  });
  let service: { url: string; close(): Promise<void>; failed?: Promise<never> };
  try {
    service =
      config.workers > 1
        ? await startWorkers(config, jsonLogger(process.stderr, config.logLevel))
        : await startRegistryService(config);
  } catch (error) {
    process.off('SIGTERM', first!);
    process.off('SIGINT', first!);
    // Stopping was asked for while it started: a failure it caused (Ctrl-C reaches the workers,
    // which die of it before they catch it) is no error, and the start must not be run again.
    if (signalled !== undefined) {
      logLine({ msg: 'stopped', signal: signalled });
      return;
    }
    throw listenError(error, config);
  }
  onListening?.();
  process.stdout.write(`registry listening on ${service.url}\n`);
  let failure: unknown;
  const signal = await Promise.race([
    stop,
    (service.failed ?? new Promise<never>(() => undefined)).catch((error: unknown) => {
      failure = error;
      return undefined;
    }),
  ]);
  if (failure !== undefined) {
    process.off('SIGTERM', first!);
    process.off('SIGINT', first!);
    await service.close();
    throw failure;
  }
  logLine({ msg: 'shutting down', signal });
  await service.close();
  logLine({ msg: 'stopped' });
}

/** What a worker that could not start tells its primary. */
function describeFailure(error: unknown): WorkerError {
  if (isContainerPackageError(error)) {
    return {
      code: error.code,
      message: error.message,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
    };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

function logLine(fields: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', ...fields })}\n`);
}

/** A listen failure the user can act on (`EADDRINUSE`, `EACCES`) as a coded error; others as is. */
export function listenError(error: unknown, config: RegistryConfig): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const address = `${config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host}:${config.listen.port}`;
  if (code === 'EADDRINUSE') {
    return new ContainerPackageError(
      'REGISTRY_ADDRESS_IN_USE',
      `cannot listen on ${address}: the port is already in use`,
      {
        hint: 'stop the program that listens there, or pick another port with --listen HOST:PORT (port 0 picks a free one)',
        cause: error,
      },
    );
  }
  if (code === 'EACCES') {
    return new ContainerPackageError(
      'REGISTRY_ADDRESS_IN_USE',
      `cannot listen on ${address}: permission denied`,
      {
        hint: 'ports below 1024 need privileges: pick a port of 1024 or above with --listen HOST:PORT',
        cause: error,
      },
    );
  }
  return error;
}
