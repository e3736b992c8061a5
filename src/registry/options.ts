import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { ContainerPackageError } from '../errors.js';
import { openAuthorizer, type Authorizer } from './auth/authorizer.js';
import { createCaching, type Caching } from './caching.js';
import { GC_DEFAULTS, type GcOptions, type RetentionOptions } from './gc/options.js';
import { resolveMirrors, type MirrorOptions } from './mirror/options.js';
import { silentLogger, type Logger } from './ops/logger.js';
import { Metrics } from './ops/metrics.js';
import { DriverDerivedCache, MemoryDerivedCache, type DerivedCache } from './packages/derived-cache.js';
import { PackagesService } from './packages/service.js';
import { statsDocument } from './packages/stats-document.js';
import { PackageStats } from './packages/stats.js';
import { DiskStore } from './storage/disk.js';
import type { Store } from './storage/store.js';

const MiB = 1024 * 1024;
const HOUR = 60 * 60 * 1000;

/** Options of `createRegistry`. Every field is optional; defaults are applied by {@link resolveOptions}. */
export interface RegistryOptions {
  /**
   * Directory of the disk store (blobs, manifests, upload sessions). Default: `registry-data`
   * under the current directory. Ignored when `store` is given.
   */
  storageDir?: string;
  /** A ready-made store (another backend, or a shared DiskStore). Default: a DiskStore on `storageDir`. */
  store?: Store;
  /**
   * Largest manifest accepted, in bytes; bigger ones get 413 `SIZE_INVALID`. Default 4 MiB, the size
   * the distribution-spec says registries should accept. Must be at least 4 KiB.
   */
  maxManifestBytes?: number;
  /** Upload sessions started longer ago than this are discarded. Default 24 hours. */
  uploadExpiryMs?: number;
  /** How often expired uploads are purged while the server runs; 0 turns it off. Default 1 hour. */
  purgeIntervalMs?: number;
  /**
   * A mount request without `from` (`POST ?mount=<digest>`) mounts the blob when its content exists
   * anywhere in the store. Default true. Anyone who can push to a repository and knows a digest can
   * then read that blob: turn this off when repositories hold secrets from each other.
   */
  automaticCrossMount?: boolean;
  /**
   * Refuse manifests whose config, layers (except non-distributable ones with `urls`) or child
   * manifests are not in the repository, with 400 `MANIFEST_BLOB_UNKNOWN`. Default true. False
   * accepts "sparse" manifests (the conformance suite's optional sparse workflow).
   */
  requireManifestReferences?: boolean;
  /** Who may do what. Default: {@link openAuthorizer}, everyone may do everything. */
  authorizer?: Authorizer;
  /** Bytes of manifests cached in memory. Default 32 MiB. */
  manifestCacheBytes?: number;
  /** fsync data before committing it. Default true; false only for throwaway test stores. */
  fsync?: boolean;
  /** On close, how long in-flight requests may run before their connections are cut. Default 10 s. */
  closeTimeoutMs?: number;
  /** Called with every unexpected error (a 500). Default: one line on stderr. */
  onError?: (error: unknown, request: { method: string; url: string }) => void;
  /**
   * Where the one-line-per-request JSON log goes (see `ops/logger.ts`). Default: nowhere
   * (`silentLogger`); `registry serve` logs to stderr.
   */
  logger?: Logger;
  /** The Prometheus metrics served at `/metrics`. Default: a fresh {@link Metrics}. */
  metrics?: Metrics;
  /**
   * Pushed dates and download counts per image (the packages API). Default: kept in
   * `package-stats.json` at the root of the disk store, or in memory for another store.
   */
  stats?: PackageStats;
  /**
   * Where image contents and Download checksums are cached, computed once per digest. Default:
   * `derived/` at the root of the disk store, or 64 MiB in memory for another store.
   */
  derivedCache?: DerivedCache;
  /**
   * Largest body of one request, in bytes; a larger upload chunk or blob is refused with 413
   * `SIZE_INVALID`. 0 (the default) means no limit. Manifests have their own `maxManifestBytes`.
   */
  maxRequestBytes?: number;
  /** Largest total size of a request's headers, in bytes; larger ones get 431. Default 16 KiB (Node.js's). */
  maxHeaderBytes?: number;
  /**
   * Pull-through mirrors, each an upstream registry behind a repository prefix (see
   * {@link MirrorOptions}). Default none.
   */
  mirrors?: readonly MirrorOptions[];
  /** Online garbage collection: interval and grace period (see {@link GcOptions}). */
  gc?: GcOptions;
  /** The size cap of the content (see {@link RetentionOptions}). Default: no cap. */
  retention?: RetentionOptions;
  /**
   * The URL clients use (`https://registry.example.com`): the host of the pages' snippets, and
   * whether their session cookie is `Secure`. Default: the request's `Host` header.
   */
  publicUrl?: string;
  /**
   * Other processes serve this store too: the workers of `registry serve --workers N`, replicas
   * on a bucket or on a shared directory. `replica` names this one (its package-statistics
   * document, its GC lease). Then statistics are per process and summed when read, and garbage
   * collection runs in one process at a time (the lease). Default: this process alone on a
   * directory; a store on any other driver (S3) is taken as shared, named `<host>-<pid>`.
   */
  sharedStore?: { readonly replica: string };
  /**
   * What `/metrics` answers. Default: this process's {@link Metrics}; a worker answers all the
   * workers' metrics instead (see src/registry/cluster/).
   */
  metricsText?: () => Promise<string>;
}

/** Options with every default filled in. */
export interface ResolvedRegistryOptions {
  readonly store: Store;
  readonly maxManifestBytes: number;
  readonly uploadExpiryMs: number;
  readonly purgeIntervalMs: number;
  readonly automaticCrossMount: boolean;
  readonly requireManifestReferences: boolean;
  readonly authorizer: Authorizer;
  readonly closeTimeoutMs: number;
  readonly onError: (error: unknown, request: { method: string; url: string }) => void;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** What `/metrics` answers. */
  readonly metricsText: () => Promise<string>;
  readonly stats: PackageStats;
  /** Registries, images, details, contents and Downloads for the pages and the packages API. */
  readonly packages: PackagesService;
  readonly maxRequestBytes: number;
  readonly maxHeaderBytes: number;
  /** Collection interval (0: off) and grace period, in ms. */
  readonly gcIntervalMs: number;
  readonly graceMs: number;
  /** The cap in bytes (0: none) and how often it is checked (0: only after writes). */
  readonly maxSizeBytes: number;
  readonly retentionCheckIntervalMs: number;
  /** The GC guard, collector, guarded store and mirrors (see `caching.ts`). */
  readonly caching: Caching;
  /** Without a trailing slash; undefined: from the request. */
  readonly publicUrl: string | undefined;
}

// Handlers see these options through http/context.ts's RequestOptions (see there: no cycle).
declare module './http/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface RequestOptions extends ResolvedRegistryOptions {}
}

/** A registry option out of range. Code `REGISTRY_INVALID_OPTION`; `option` names it. */
export class RegistryOptionsError extends ContainerPackageError {
  readonly option: string;

  constructor(option: string, message: string) {
    super('REGISTRY_INVALID_OPTION', `invalid registry option ${option}: ${message}`);
    this.name = 'RegistryOptionsError';
    this.option = option;
  }
}

/**
 * Applies the defaults documented on {@link RegistryOptions} and checks ranges.
 *
 * @throws RegistryOptionsError when a number is negative, not an integer, or too small, or a
 *   mirror's prefix or upstream is invalid (`option` names it: `mirrors[0].upstream`)
 */
export function resolveOptions(options: RegistryOptions = {}): ResolvedRegistryOptions {
  const fsync = options.fsync ?? true;
  const manifestCacheBytes = integer('manifestCacheBytes', options.manifestCacheBytes, 32 * MiB, 0);
  const store =
    options.store ??
    new DiskStore({ root: resolve(options.storageDir ?? 'registry-data'), fsync, manifestCacheBytes });
  const automaticCrossMount = options.automaticCrossMount ?? true;
  const onError = options.onError ?? logToStderr;
  const logger = options.logger ?? silentLogger;
  const graceMs = integer('gc.graceMs', options.gc?.graceMs, GC_DEFAULTS.graceMs, 0);
  const maxSizeBytes = integer('retention.maxSizeBytes', options.retention?.maxSizeBytes, 0, 0);
  const mirrors = resolveMirrors(options.mirrors ?? []);
  if ('error' in mirrors) throw new RegistryOptionsError(mirrors.option, mirrors.error);
  const authorizer = options.authorizer ?? openAuthorizer;
  const metrics = options.metrics ?? new Metrics();
  const replica =
    options.sharedStore?.replica ??
    (store.driver !== undefined && store.driver.name !== 'filesystem'
      ? `${hostname()}-${process.pid}`
      : undefined);
  const stats =
    options.stats ??
    new PackageStats(
      store.driver === undefined
        ? {}
        : {
            document: statsDocument(store.driver, replica === undefined ? {} : { shared: true, replica }),
          },
    );
  const caching = createCaching({
    store,
    ...(replica === undefined ? {} : { replica }),
    mirrors,
    graceMs,
    maxSizeBytes,
    automaticCrossMount,
    logger,
    onError,
  });
  const derivedCache =
    options.derivedCache ??
    (store.driver === undefined ? new MemoryDerivedCache() : new DriverDerivedCache(store.driver));
  return {
    store,
    maxManifestBytes: integer('maxManifestBytes', options.maxManifestBytes, 4 * MiB, 4096),
    uploadExpiryMs: integer('uploadExpiryMs', options.uploadExpiryMs, 24 * HOUR, 1000),
    purgeIntervalMs: integer('purgeIntervalMs', options.purgeIntervalMs, HOUR, 0),
    automaticCrossMount,
    requireManifestReferences: options.requireManifestReferences ?? true,
    authorizer,
    closeTimeoutMs: integer('closeTimeoutMs', options.closeTimeoutMs, 10_000, 0),
    onError,
    logger,
    metrics,
    metricsText: options.metricsText ?? (() => metrics.render()),
    stats,
    packages: new PackagesService({ store: caching.requestStore, stats, authorizer, cache: derivedCache }),
    maxRequestBytes: integer('maxRequestBytes', options.maxRequestBytes, 0, 0),
    maxHeaderBytes: integer('maxHeaderBytes', options.maxHeaderBytes, 16 * 1024, 1024),
    gcIntervalMs: integer('gc.intervalMs', options.gc?.intervalMs, GC_DEFAULTS.intervalMs, 0),
    graceMs,
    maxSizeBytes,
    retentionCheckIntervalMs: integer(
      'retention.checkIntervalMs',
      options.retention?.checkIntervalMs,
      GC_DEFAULTS.checkIntervalMs,
      0,
    ),
    caching,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
  };
}

function integer(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RegistryOptionsError(name, `expected an integer of at least ${min}, got ${String(value)}`);
  }
  return value;
}

function logToStderr(error: unknown, request: { method: string; url: string }): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`registry: ${request.method} ${request.url} failed: ${text}\n`);
}
