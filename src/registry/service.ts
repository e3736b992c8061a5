import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { openAuthorizer, type Authorizer } from './auth/authorizer.js';
import { fileKeySource, urlKeySource } from './auth/oidc/jwks.js';
import { OidcVerifier } from './auth/oidc/verify-jwt.js';
import { BearerTokens } from './auth/bearer.js';
import { PackagesAuthorizer } from './auth/packages-authorizer.js';
import { readSigningKey } from './auth/signing-key.js';
import { TokenStore } from './auth/tokens/token-store.js';
import { checkListenSafety, isOpen, parseWorkers, tokensFileOf, type RegistryConfig } from './config.js';
import { RegistryConfigError } from './config/errors.js';
import { parseListen } from './config/units.js';
import { mirrorOptionsOf } from './mirror/credentials.js';
import { batchedJsonLogger, type Logger } from './ops/logger.js';
import { Metrics } from './ops/metrics.js';
import type { CacheCoherence } from './storage/coherence.js';
import { acquireStorageLock, type StorageLock } from './ops/storage-lock.js';
import { createRegistry, type Registry } from './server.js';
import { openStore } from './storage/open.js';

/** Command-line values that override the config file. */
export interface ConfigOverrides {
  /** `HOST:PORT` (`--listen`). */
  readonly listen?: string;
  /** `--storage`. */
  readonly storage?: string;
  /** `--insecure-listen` (only ever turns it on). */
  readonly insecureListen?: boolean;
  /** `--workers`: a count or `auto`. */
  readonly workers?: string;
}

/**
 * The config with command-line values applied over it.
 *
 * @throws RegistryConfigError for a malformed `--listen`
 */
export function withOverrides(config: RegistryConfig, overrides: ConfigOverrides): RegistryConfig {
  let listen = config.listen;
  if (overrides.listen !== undefined) {
    const parsed = parseListen(overrides.listen);
    if ('error' in parsed) throw new RegistryConfigError('--listen', parsed.error);
    listen = parsed;
  }
  let workers = config.workers;
  if (overrides.workers !== undefined) {
    const parsed = parseWorkers(overrides.workers);
    if (typeof parsed !== 'number') throw new RegistryConfigError('--workers', parsed.error);
    workers = parsed;
  }
  if (overrides.storage !== undefined && config.s3 !== undefined) {
    throw new RegistryConfigError(
      '--storage',
      `the config stores in the bucket ${config.s3.driver.bucket} (storage: s3:)`,
      { hint: 'drop --storage, or use a config without storage: s3:' },
    );
  }
  return {
    ...config,
    listen,
    storage: overrides.storage === undefined ? config.storage : resolve(overrides.storage),
    insecureListen: config.insecureListen || overrides.insecureListen === true,
    workers,
  };
}

/**
 * The authorizer a config asks for: open (anyone may do anything) with no `registries`, else a
 * {@link PackagesAuthorizer} over the tokens file and the configured OIDC issuers.
 */
export function authorizerFor(
  config: RegistryConfig,
  onError: (error: unknown) => void,
  signingKey?: Buffer,
): Authorizer {
  if (isOpen(config)) return openAuthorizer;
  const issuers = config.oidc.issuers.map((i) => ({
    issuer: i.issuer,
    keys: i.jwksFile !== undefined ? fileKeySource(i.jwksFile) : urlKeySource(i.jwksUrl!),
  }));
  return new PackagesAuthorizer({
    registries: config.registries,
    tokens: new TokenStore(tokensFileOf(config), onError),
    oidc:
      issuers.length === 0
        ? undefined
        : new OidcVerifier({ issuers, clockSkewSeconds: config.oidc.clockSkewMs / 1000 }),
    publicUrl: config.publicUrl,
    audiencePrefix: config.oidc.audiencePrefix,
    ...(signingKey === undefined ? {} : { bearer: new BearerTokens(signingKey) }),
  });
}

/** A running registry service. */
export interface RegistryService {
  readonly registry: Registry;
  /** `http://HOST:PORT` it listens on. */
  readonly url: string;
  /** Graceful stop: see {@link Registry.close}. */
  close(): Promise<void>;
}

/** Options of {@link startRegistryService}. */
export interface ServiceOptions {
  /** Default: JSON lines on stderr at the config's log level. */
  readonly logger?: Logger;
  /** Where mirror credentials (`password-env`, `token-env`) are read. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** This process is one of the workers of `registry serve --workers N` (see src/registry/cluster/). */
  readonly worker?: WorkerRole;
}

/** What a worker gets from its primary, which holds the storage lock. */
export interface WorkerRole {
  /** 0 to N-1, stable when a worker is replaced. */
  readonly index: number;
  /** The key every worker signs bearer tokens with (auth on), so each accepts the others' tokens. */
  readonly signingKey: Buffer | undefined;
  /** How the workers keep each other's tag and link caches true. */
  readonly coherence: CacheCoherence;
  /** The `/metrics` text of every worker. */
  readonly metricsText: () => Promise<string>;
  /** Given this process's metrics, when they are created. */
  readonly onMetrics: (metrics: Metrics) => void;
}

/**
 * Starts the registry a config describes: refuses an open registry on a non-loopback address
 * (unless `insecure-listen`), builds the authorizer, turns automatic cross-repository mounts (no
 * `from`) off when auth is on, reads the mirrors' credentials from the environment, takes the
 * storage directory's lock (file system only, held until `close()` or exit) and listens.
 *
 * @throws RegistryConfigError when the listen address is unsafe or a mirror's credential variable is unset
 * @throws StorageLockedError (`REGISTRY_STORAGE_LOCKED`) when another process serves that storage
 */
export async function startRegistryService(
  config: RegistryConfig,
  options: ServiceOptions = {},
): Promise<RegistryService> {
  checkListenSafety(config);
  const mirrors = mirrorOptionsOf(config.mirrors, options.env ?? process.env, config.source);
  // A worker's primary holds the lock for all of them.
  const lock = options.worker === undefined ? await lockStorage(config) : undefined;
  try {
    return await start(config, options, mirrors, lock);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/**
 * The one place a service (or the primary of its workers) locks its storage: one serving process
 * per directory. A bucket (`storage: s3:`) and a directory marked `shared` are served by several
 * processes on purpose: no lock (their collections take the GC lease).
 */
export async function lockStorage(config: RegistryConfig): Promise<StorageLock | undefined> {
  if (config.s3 !== undefined) return undefined;
  await mkdir(config.storage, { recursive: true }).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'it (or a parent) is a file, not a directory'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'this user may not create or write it'
          : undefined;
    if (why === undefined) throw error;
    throw new RegistryConfigError(
      'storage',
      `cannot use ${config.storage} as the storage directory: ${why}`,
      {
        hint: "give --storage (or the config's storage) a directory this user may write, or a path to create",
        cause: error,
      },
    );
  });
  if (config.sharedStorage !== undefined) return undefined;
  return acquireStorageLock(config.storage, 'serve', {
    command: `container-package registry serve (listen ${config.listen.host}:${config.listen.port})`,
  });
}

/**
 * The name of this process among those sharing the store: its statistics document and GC lease
 * holder. Workers on a directory only they serve keep their slot's name across restarts; a
 * process that shares a store with other hosts' is named by host and PID.
 */
function replicaName(config: RegistryConfig, worker: WorkerRole | undefined): string {
  if (worker !== undefined && config.s3 === undefined && config.sharedStorage === undefined) {
    return `${hostname()}-worker-${worker.index}`;
  }
  return `${hostname()}-${process.pid}`;
}

async function start(
  config: RegistryConfig,
  options: ServiceOptions,
  mirrors: ReturnType<typeof mirrorOptionsOf>,
  lock: StorageLock | undefined,
): Promise<RegistryService> {
  const { worker } = options;
  const own =
    options.logger === undefined
      ? batchedJsonLogger(
          process.stderr,
          config.logLevel,
          worker === undefined ? {} : { worker: worker.index },
        )
      : undefined;
  const logger = options.logger ?? own!;
  const metrics = new Metrics();
  worker?.onMetrics(metrics);
  const onError = (error: unknown, request?: { method: string; url: string }): void => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    logger.log('error', 'unexpected error', { ...(request ?? {}), error: text });
  };
  const shared = worker !== undefined || config.sharedStorage !== undefined || config.s3 !== undefined;
  const registry = createRegistry({
    storageDir: config.storage,
    // The S3 driver and its SDK load only for a bucket (`storage: s3:`).
    ...(shared
      ? {
          store: await openStore(config, worker === undefined ? {} : { coherence: worker.coherence }),
          sharedStore: { replica: replicaName(config, worker) },
        }
      : {}),
    metrics,
    ...(worker === undefined ? {} : { metricsText: worker.metricsText }),
    authorizer: authorizerFor(
      config,
      onError,
      worker !== undefined
        ? worker.signingKey
        : config.tokenSigningKeyFile === undefined
          ? undefined
          : await readSigningKey(config.tokenSigningKeyFile),
    ),
    // With auth, a mount without `from` could hand out a blob of a registry the caller cannot
    // read just because they know its digest: only mounts from a readable repository then.
    automaticCrossMount: isOpen(config),
    maxManifestBytes: config.limits.maxManifestBytes,
    maxRequestBytes: config.limits.maxRequestBytes,
    maxHeaderBytes: config.limits.maxHeaderBytes,
    uploadExpiryMs: config.uploads.expiryMs,
    purgeIntervalMs: config.uploads.purgeIntervalMs,
    closeTimeoutMs: config.shutdownTimeoutMs,
    publicUrl: config.publicUrl,
    logger,
    onError,
    mirrors,
    gc: { intervalMs: config.gc.intervalMs, graceMs: config.gc.graceMs },
    retention: {
      maxSizeBytes: config.retention.maxSizeBytes,
      checkIntervalMs: config.retention.checkIntervalMs,
    },
  });
  const { url } = await registry.listen(config.listen.host, config.listen.port);
  if (mirrors.length > 0) {
    logger.log('info', 'mirrors', {
      mirrors: registry.options.caching.mirrors?.table.mirrors.map((m) => ({
        prefix: m.prefix,
        upstream: m.upstream.url,
      })),
    });
  }
  if (!isOpen(config)) {
    logger.log('info', 'auth enabled', {
      registries: config.registries.map((r) => r.name),
      tokens_file: tokensFileOf(config),
    });
  }
  return {
    registry,
    url,
    close: async () => {
      try {
        await registry.close();
      } finally {
        own?.close();
        await lock?.release();
      }
    },
  };
}
