import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestHandler } from './http/handler.js';
import type { ServerState } from './http/service.js';
import type { GcReport, RetentionReport } from './gc/reports.js';
import { cachedFor } from './ops/cached.js';
import { observeRequest } from './ops/observe.js';
import {
  RegistryOptionsError,
  resolveOptions,
  type RegistryOptions,
  type ResolvedRegistryOptions,
} from './options.js';
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
   * then cuts them), stops the purge, GC and retention timers, lets mirror fills in flight finish
   * (at most `closeTimeoutMs`) and a running collection end, and writes the package statistics.
   * Safe to call twice.
   */
  close(): Promise<void>;
  /** Discards upload sessions older than `uploadExpiryMs` now (the server also does it periodically). */
  purgeExpiredUploads(): Promise<PurgeReport>;
  /** Verifies every blob and link of the store. */
  fsck(): Promise<FsckReport>;
  /**
   * Collects garbage now, while serving: removes content no manifest references that was not
   * written or used within the grace period (`graceMs` overrides it). A dry run only counts.
   *
   * @throws RegistryOptionsError `REGISTRY_INVALID_OPTION` when the store is not on a storage driver
   */
  collectGarbage(options?: { dryRun?: boolean; graceMs?: number }): Promise<GcReport>;
  /**
   * Checks the retention cap now and evicts least recently used content past it (nothing without
   * a cap). The registry also does it after writes and every `retention.checkIntervalMs`.
   *
   * @throws RegistryOptionsError `REGISTRY_INVALID_OPTION` when the store is not on a storage driver
   */
  enforceRetention(): Promise<RetentionReport>;
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
  const cacheTimers: NodeJS.Timeout[] = [];
  let closing: Promise<void> | undefined;
  const state: ServerState = { closing: false };
  if (store.usage !== undefined) {
    resolved.metrics.setStorageSource(cachedFor(60_000, () => store.usage!()));
  }

  const purge = (): Promise<PurgeReport> => store.purgeExpiredUploads(resolved.uploadExpiryMs);
  const { collector, mirrors } = resolved.caching;
  const needCollector = () => {
    if (collector === undefined) {
      throw new RegistryOptionsError(
        'store',
        'garbage collection and retention need a store on a storage driver',
      );
    }
    return collector;
  };
  const every = (ms: number, what: string, run: () => Promise<unknown>): void => {
    if (ms <= 0 || collector === undefined) return;
    const handle = setInterval(() => {
      run().catch((error: unknown) => {
        // An offline `registry gc` holds the directory: this round is skipped, the next one runs.
        if (isLocked(error))
          resolved.logger.log('info', 'collection skipped', { run: what, reason: error.message });
        else resolved.onError(error, { method: what, url: '' });
      });
    }, ms);
    handle.unref();
    cacheTimers.push(handle);
  };

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
      every(resolved.gcIntervalMs, 'GC', () => needCollector().collect());
      if (resolved.maxSizeBytes > 0) {
        every(resolved.retentionCheckIntervalMs, 'RETENTION', () => needCollector().enforceCap());
      }
      const address = http.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${shownHost}:${address.port}`;
      resolved.authorizer.listening?.(url);
      return { url, port: address.port };
    },
    close() {
      state.closing = true;
      const stopTimers = (): void => {
        clearInterval(timer);
        for (const handle of cacheTimers.splice(0)) clearInterval(handle);
      };
      closing ??= closeServer(server, resolved.closeTimeoutMs, stopTimers).then(async () => {
        await mirrors?.close(resolved.closeTimeoutMs);
        await collector?.idle();
        await resolved.stats.close();
      });
      return closing;
    },
    purgeExpiredUploads: purge,
    fsck: () => store.fsck(),
    collectGarbage: async (options) => needCollector().collect(options),
    enforceRetention: async () => needCollector().enforceCap(),
  };
}

function isLocked(error: unknown): error is Error {
  return error instanceof Error && (error as { code?: unknown }).code === 'REGISTRY_STORAGE_LOCKED';
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
