/**
 * What `registry serve` does once its flags are read, shared by the oclif command and the fast
 * path the launcher takes for it (`serve-fast.ts`).
 */
import { ContainerPackageError } from '../errors.js';
import type { ConfigOverrides, RegistryConfig } from '../registry/index.js';

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
}): { config?: string } & ConfigOverrides {
  return {
    config: flags.config,
    listen: flags.listen,
    storage: flags.storage,
    insecureListen: flags['insecure-listen'],
  };
}

/**
 * Starts the registry with `config`, prints `registry listening on URL` on stdout, and on the
 * first SIGTERM or SIGINT stops accepting connections, lets requests in flight finish and
 * returns; a second signal exits at once with status 1. Signals are caught from the start, so one
 * that arrives while the registry starts is not lost. When the start fails, the signal handlers
 * are removed and the error is thrown. `onListening` is called once the registry listens.
 */
export async function serveRegistry(config: RegistryConfig, onListening?: () => void): Promise<void> {
  const { startRegistryService } = await import('../registry/index.js');
  let first: ((signal: NodeJS.Signals) => void) | undefined;
  const stop = new Promise<NodeJS.Signals>((resolve) => {
    first = (signal) => {
      process.off('SIGTERM', first!);
      process.off('SIGINT', first!);
      // A second signal while draining stops at once.
      process.once('SIGTERM', () => process.exit(1));
      process.once('SIGINT', () => process.exit(1));
      resolve(signal);
    };
    process.on('SIGTERM', first);
    process.on('SIGINT', first);
  });
  let service;
  try {
    service = await startRegistryService(config);
  } catch (error) {
    process.off('SIGTERM', first!);
    process.off('SIGINT', first!);
    throw listenError(error, config);
  }
  onListening?.();
  process.stdout.write(`registry listening on ${service.url}\n`);
  const signal = await stop;
  logLine({ msg: 'shutting down', signal });
  await service.close();
  logLine({ msg: 'stopped' });
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
