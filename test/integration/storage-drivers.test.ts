/**
 * The storage-driver contract (`storage-driver-suite.ts`) on every driver: the file system, and
 * S3 on a real Ceph RADOS Gateway (skipped loudly without it; failing in CI).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DriverDerivedCache } from '../../src/registry/packages/derived-cache.js';
import { FilesystemDriver } from '../../src/registry/storage/driver/filesystem.js';
import { S3Driver } from '../../src/registry/storage/s3/driver.js';
import type { S3StorageError } from '../../src/registry/storage/s3/errors.js';
import { startRgw, type Rgw } from '../support/rgw.js';
import { newTempDir } from '../support/temp-dir.js';
import { RGW_TOOLS, describeWithTools } from '../support/tools.js';
import { driverSuite } from './storage-driver-suite.js';

describe('filesystem driver', () => {
  driverSuite({
    create: async () => {
      const driver = new FilesystemDriver({ root: newTempDir('driver'), fsync: false });
      await driver.init();
      return driver;
    },
    sameStore: async (driver) =>
      new FilesystemDriver({ root: (driver as FilesystemDriver).root, fsync: false }),
  });
});

describeWithTools(RGW_TOOLS, 's3 driver (Ceph RADOS Gateway)', () => {
  let rgw: Rgw;
  let bucket: string;
  let stores = 0;
  beforeAll(async () => {
    rgw = await startRgw();
    // Credentials reach the driver only through the SDK's default chain (the environment here).
    Object.assign(process.env, rgw.env);
    bucket = await rgw.newBucket();
  });
  afterAll(async () => {
    await rgw?.stop();
  });
  const open = (prefix: string) =>
    new S3Driver({ bucket, endpoint: rgw.endpoint, region: rgw.region, forcePathStyle: true, prefix });

  driverSuite({
    create: async () => {
      stores += 1;
      const driver = open(`store-${stores}/`);
      await driver.init();
      return driver;
    },
    sameStore: async () => open(`store-${stores}/`),
  });

  test("the pages' derived cache lives in the bucket, shared by replicas", async () => {
    stores += 1;
    const one = open(`store-${stores}/`);
    await one.init();
    const cache = new DriverDerivedCache(one);
    expect(await cache.read('contents/sha256-a.json.gz')).toBeUndefined();
    await cache.write('contents/sha256-a.json.gz', Buffer.from('listed'));
    const other = new DriverDerivedCache(open(`store-${stores}/`));
    expect((await other.read('contents/sha256-a.json.gz'))?.toString()).toBe('listed');
    expect((await one.getContent('derived/contents/sha256-a.json.gz'))?.toString()).toBe('listed');
  });

  test('a missing bucket fails with the bucket named and what to do', async () => {
    const driver = new S3Driver({ bucket: 'no-such-bucket', endpoint: rgw.endpoint, forcePathStyle: true });
    const error = (await driver.init().catch((e: unknown) => e)) as S3StorageError;
    expect(error.code).toBe('REGISTRY_STORAGE_S3');
    expect(error.message).toContain('s3://no-such-bucket/');
    expect(error.hint).toMatch(/create the bucket no-such-bucket|storage\.s3\.bucket/);
  });

  test('refused credentials fail with the key named and the IAM actions to grant', async () => {
    const saved = process.env.AWS_SECRET_ACCESS_KEY;
    process.env.AWS_SECRET_ACCESS_KEY = 'wrong-secret';
    try {
      const driver = open('denied/');
      const error = (await driver
        .getContent('repositories/a/_manifests/tags/v1')
        .catch((e: unknown) => e)) as S3StorageError;
      expect(error.code).toBe('REGISTRY_STORAGE_S3');
      expect(error.message).toContain(`s3://${bucket}/denied/repositories/a/_manifests/tags/v1`);
      expect(error.hint).toContain('s3:GetObject');
    } finally {
      process.env.AWS_SECRET_ACCESS_KEY = saved;
    }
  });

  test('redirectURL is a presigned GET that serves the bytes, only when configured', async () => {
    const plain = open('redirect/');
    await plain.putContent('blobs/sha256/aa/x', 'presigned bytes');
    expect(await plain.redirectURL('blobs/sha256/aa/x')).toBeUndefined();
    const redirecting = new S3Driver({
      bucket,
      endpoint: rgw.endpoint,
      forcePathStyle: true,
      prefix: 'redirect/',
      redirectExpiryMs: 60_000,
    });
    const url = await redirecting.redirectURL('blobs/sha256/aa/x');
    expect(url).toMatch(/X-Amz-Signature=/);
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('presigned bytes');
  });
});
