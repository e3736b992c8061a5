import type { S3StorageConfig, SharedDirectoryConfig } from '../config/storage.js';
import type { CacheCoherence } from './coherence.js';
import { DiskStore } from './disk.js';
import { DriverStore } from './driver-store.js';

/** Where a store is: a directory, or a bucket (`storage: s3:`). */
export interface StorageLocation {
  /** The directory of a file-system store (ignored with `s3`). */
  readonly storage: string;
  readonly s3: S3StorageConfig | undefined;
  /** A directory other registry processes serve too (`storage: { shared: true }`). */
  readonly sharedStorage?: SharedDirectoryConfig | undefined;
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  readonly fsync?: boolean;
  readonly manifestCacheBytes?: number;
  /** The workers of one `registry serve --workers N`, which keep each other's caches true. */
  readonly coherence?: CacheCoherence;
}

/**
 * The store at `location`: a {@link DiskStore} on the directory, or a {@link DriverStore} on the
 * S3 driver, which is imported only then (the AWS SDK stays out of a file-system registry).
 * Not initialised: call `init()`.
 */
export async function openStore(
  location: StorageLocation,
  options: OpenStoreOptions = {},
): Promise<DriverStore> {
  // Workers tell each other what they changed; processes that cannot (replicas on several hosts)
  // read tags and links from the store again after the configured TTL.
  const cacheTtlMs = location.s3?.cacheTtlMs ?? location.sharedStorage?.cacheTtlMs;
  const caching = {
    ...(options.coherence === undefined ? {} : { coherence: options.coherence }),
    ...(cacheTtlMs === undefined ? {} : { cacheTtlMs }),
  };
  if (location.s3 === undefined) {
    return new DiskStore({ root: location.storage, ...options, ...caching });
  }
  const { S3Driver } = await import('./s3/driver.js');
  return new DriverStore(new S3Driver(location.s3.driver), {
    ...(options.manifestCacheBytes === undefined ? {} : { manifestCacheBytes: options.manifestCacheBytes }),
    ...caching,
  });
}

/** `s3://bucket/prefix` or the directory, for messages. */
export function describeStorage(location: StorageLocation): string {
  if (location.s3 === undefined) return location.storage;
  const { bucket, prefix } = location.s3.driver;
  return `s3://${bucket}/${prefix ?? ''}`;
}
