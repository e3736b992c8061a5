import { resolve } from 'node:path';
import { ContainerPackageError } from '../errors.js';
import { openAuthorizer, type Authorizer } from './auth/authorizer.js';
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
 * @throws RegistryOptionsError when a number is negative, not an integer, or too small
 */
export function resolveOptions(options: RegistryOptions = {}): ResolvedRegistryOptions {
  const fsync = options.fsync ?? true;
  const manifestCacheBytes = integer('manifestCacheBytes', options.manifestCacheBytes, 32 * MiB, 0);
  const store =
    options.store ??
    new DiskStore({ root: resolve(options.storageDir ?? 'registry-data'), fsync, manifestCacheBytes });
  return {
    store,
    maxManifestBytes: integer('maxManifestBytes', options.maxManifestBytes, 4 * MiB, 4096),
    uploadExpiryMs: integer('uploadExpiryMs', options.uploadExpiryMs, 24 * HOUR, 1000),
    purgeIntervalMs: integer('purgeIntervalMs', options.purgeIntervalMs, HOUR, 0),
    automaticCrossMount: options.automaticCrossMount ?? true,
    requireManifestReferences: options.requireManifestReferences ?? true,
    authorizer: options.authorizer ?? openAuthorizer,
    closeTimeoutMs: integer('closeTimeoutMs', options.closeTimeoutMs, 10_000, 0),
    onError: options.onError ?? logToStderr,
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
