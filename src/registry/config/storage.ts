import { MIN_PART_SIZE, type S3DriverOptions } from '../storage/s3/options.js';
import type { ConfigReader } from './reader.js';
import { readDuration, readSize } from './units.js';

/** `storage: s3:` of the registry's YAML, with defaults applied. */
export interface S3StorageConfig {
  readonly driver: S3DriverOptions;
  /**
   * How long a replica answers tags and manifest links from memory before reading them from the
   * bucket again (other replicas may have changed them). Default 0: every manifest request reads
   * the tag and link from the bucket, so a change through one replica is seen at once through all.
   */
  readonly cacheTtlMs: number;
}

const S3_KEYS = [
  'bucket',
  'endpoint',
  'region',
  'prefix',
  'force-path-style',
  'server-side-encryption',
  'kms-key-id',
  'redirect',
  'redirect-expiry',
  'part-size',
  'cache-ttl',
] as const;

/**
 * `storage: { directory: DIR, shared: true }`: a directory that several registry processes serve
 * at once (a network file system mounted on several hosts), each taking no `registry.lock`.
 */
export interface SharedDirectoryConfig {
  /** As `cache-ttl` of {@link S3StorageConfig}. Default 0. */
  readonly cacheTtlMs: number;
}

/**
 * Reads `storage`: a directory (a string), a mapping `{ directory, shared, cache-ttl }`, or a
 * mapping `{ s3: {...} }`. Returns the directory (undefined when absent), whether it is shared,
 * and the S3 settings (undefined unless given). Credentials are never read from here: the SDK's
 * default chain provides them.
 */
export function readStorage(
  r: ConfigReader,
  value: unknown,
): {
  directory: string | undefined;
  shared: SharedDirectoryConfig | undefined;
  s3: S3StorageConfig | undefined;
} {
  if (value === undefined || value === null || typeof value === 'string') {
    return { directory: r.string(value, 'storage'), shared: undefined, s3: undefined };
  }
  const storage = r.object(value, 'storage', ['s3', 'directory', 'shared', 'cache-ttl']);
  if (storage.s3 === undefined) {
    if (storage.directory === undefined && storage.shared === undefined) {
      r.fail('storage', 'expected a directory, a mapping with directory (and shared), or a mapping with s3');
    }
    const shared = r.boolean(storage.shared, 'storage.shared', false);
    if (!shared && storage['cache-ttl'] !== undefined) {
      r.fail('storage.cache-ttl', 'applies only to a shared directory (shared: true)');
    }
    return {
      directory: r.string(storage.directory, 'storage.directory'),
      shared: shared
        ? { cacheTtlMs: readDuration(r, storage['cache-ttl'], 'storage.cache-ttl', 0) }
        : undefined,
      s3: undefined,
    };
  }
  for (const key of ['directory', 'shared', 'cache-ttl'] as const) {
    if (storage[key] !== undefined) r.fail(`storage.${key}`, 'does not go with s3 (put cache-ttl under s3)');
  }
  const s3 = r.object(storage.s3, 'storage.s3', S3_KEYS);
  const endpoint = r.string(s3.endpoint, 'storage.s3.endpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^/]+/.test(endpoint)) {
    r.fail('storage.s3.endpoint', `expected an http:// or https:// URL, got ${JSON.stringify(endpoint)}`);
  }
  const encryption = s3['server-side-encryption'];
  const sse =
    encryption === undefined || encryption === null
      ? undefined
      : r.oneOf(encryption, 'storage.s3.server-side-encryption', ['AES256', 'aws:kms'], 'AES256');
  const kmsKeyId = r.string(s3['kms-key-id'], 'storage.s3.kms-key-id');
  if (kmsKeyId !== undefined && sse !== 'aws:kms') {
    r.fail('storage.s3.kms-key-id', 'needs server-side-encryption: aws:kms');
  }
  const redirect = r.boolean(s3.redirect, 'storage.s3.redirect', false);
  const partSize = readSize(r, s3['part-size'], 'storage.s3.part-size', 8 * 1024 * 1024);
  if (partSize < MIN_PART_SIZE) r.fail('storage.s3.part-size', 'must be at least 5MiB (the S3 part minimum)');
  const driver: S3DriverOptions = {
    bucket: r.requiredString(s3.bucket, 'storage.s3.bucket'),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...optional('region', r.string(s3.region, 'storage.s3.region')),
    ...optional('prefix', r.string(s3.prefix, 'storage.s3.prefix')),
    forcePathStyle: r.boolean(s3['force-path-style'], 'storage.s3.force-path-style', false),
    ...optional('serverSideEncryption', sse),
    ...optional('kmsKeyId', kmsKeyId),
    redirectExpiryMs: redirect
      ? readDuration(r, s3['redirect-expiry'], 'storage.s3.redirect-expiry', 20 * 60_000)
      : 0,
    partSize,
  };
  return {
    directory: undefined,
    shared: undefined,
    s3: { driver, cacheTtlMs: readDuration(r, s3['cache-ttl'], 'storage.s3.cache-ttl', 0) },
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
