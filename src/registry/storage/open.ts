import type { S3StorageConfig } from '../config/storage.js';
import { DiskStore } from './disk.js';
import { DriverStore } from './driver-store.js';

/** Where a store is: a directory, or a bucket (`storage: s3:`). */
export interface StorageLocation {
  /** The directory of a file-system store (ignored with `s3`). */
  readonly storage: string;
  readonly s3: S3StorageConfig | undefined;
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  readonly fsync?: boolean;
  readonly manifestCacheBytes?: number;
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
  if (location.s3 === undefined) {
    return new DiskStore({ root: location.storage, ...options });
  }
  const { S3Driver } = await import('./s3/driver.js');
  return new DriverStore(new S3Driver(location.s3.driver), {
    ...(options.manifestCacheBytes === undefined ? {} : { manifestCacheBytes: options.manifestCacheBytes }),
    cacheTtlMs: location.s3.cacheTtlMs,
  });
}

/** `s3://bucket/prefix` or the directory, for messages. */
export function describeStorage(location: StorageLocation): string {
  if (location.s3 === undefined) return location.storage;
  const { bucket, prefix } = location.s3.driver;
  return `s3://${bucket}/${prefix ?? ''}`;
}
