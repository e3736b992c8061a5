import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestHandler } from './http/handler.js';
import type { ServerState } from './http/service.js';
import { cachedFor } from './ops/cached.js';
import { observeRequest } from './ops/observe.js';
import { resolveOptions, type RegistryOptions, type ResolvedRegistryOptions } from './options.js';
import type { FsckReport, PurgeReport, Store } from './storage/store.js';

/** A registry service: an HTTP server over a store. */
export interface Registry {
  /** The options in force, defaults applied. */
  readonly options: ResolvedRegistryOptions;
  readonly store: Store;
  /**
   * Prepares the store and starts serving on `host:port` (port 0 picks a free port). Resolves with
   * the base URL, e.g. `http://127.0.0.1:40123`. Starts the periodic purge of expired uploads.
   */
  listen(host: string, port: number): Promise<{ url: string; port: number }>;
  /**
   * Stops accepting connections, lets in-flight requests finish (for at most `closeTimeoutMs`,
   * then cuts them), stops the purge timer and writes the package statistics. Safe to call twice.
   */
  close(): Promise<void>;
  /** Discards upload sessions older than `uploadExpiryMs` now (the server also does it periodically). */
  purgeExpiredUploads(): Promise<PurgeReport>;
  /** Verifies every blob and link of the store. */
  fsck(): Promise<FsckReport>;
}

/**
 * Creates the bundled OCI registry (distribution-spec v1.1: pull, push, content discovery,
 * content management, referrers) on `node:http`. See {@link RegistryOptions} for the defaults.
 *
 * @throws RegistryOptionsError (`REGISTRY_INVALID_OPTION`) for out-of-range options
 */
export function createRegistry(options: RegistryOptions = {}): Registry {
  const resolved = resolveOptions(options);
  const { store } = resolved;
  let server: Server | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closing: Promise<void> | undefined;
  const state: ServerState = { closing: false };
  if (store.usage !== undefined) {
    resolved.metrics.setStorageSource(cachedFor(60_000, () => store.usage!()));
  }

  const purge = (): Promise<PurgeReport> => store.purgeExpiredUploads(resolved.uploadExpiryMs);

  return {
    options: resolved,
    store,
    async listen(host, port) {
      if (server !== undefined) throw new Error('registry is already listening');
      await store.init();
      await resolved.stats.load();
      const handler = createRequestHandler(resolved, state);
      const serverOptions = {
        keepAliveTimeout: 65_000,
        requestTimeout: 0,
        maxHeaderSize: resolved.maxHeaderBytes,
      };
      const http = createServer(serverOptions, (req, res) => {
        observeRequest(req, res, resolved.logger, resolved.metrics);
        // While closing, answer and hang up: no keep-alive connection outlives close().
        if (closing !== undefined) res.setHeader('Connection', 'close');
        res.once('finish', () => {
          if (closing !== undefined) setImmediate(() => http.closeIdleConnections());
        });
        handler(req, res);
      });
      http.headersTimeout = 60_000;
      server = http;
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          resolve();
        });
      });
      if (resolved.purgeIntervalMs > 0) {
        timer = setInterval(() => {
          purge().catch((error: unknown) => resolved.onError(error, { method: 'PURGE', url: '' }));
        }, resolved.purgeIntervalMs);
        timer.unref();
      }
      const address = http.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${shownHost}:${address.port}`;
      resolved.authorizer.listening?.(url);
      return { url, port: address.port };
    },
    close() {
      state.closing = true;
      closing ??= closeServer(server, resolved.closeTimeoutMs, () => clearInterval(timer)).then(() =>
        resolved.stats.close(),
      );
      return closing;
    },
    purgeExpiredUploads: purge,
    fsck: () => store.fsck(),
  };
}

async function closeServer(
  server: Server | undefined,
  timeoutMs: number,
  stopTimer: () => void,
): Promise<void> {
  stopTimer();
  if (server === undefined || !server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
  force.unref();
  await closed;
  clearTimeout(force);
}
