import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openAuthorizer } from '../../../src/registry/auth/authorizer.js';
import { DiskStore } from '../../../src/registry/storage/disk.js';
import { silentLogger } from '../../../src/registry/ops/logger.js';
import { Metrics } from '../../../src/registry/ops/metrics.js';
import { resolveOptions } from '../../../src/registry/options.js';
import { PackageStats } from '../../../src/registry/packages/stats.js';

describe('resolveOptions', () => {
  test('documented defaults', () => {
    const options = resolveOptions();
    expect(options.maxManifestBytes).toBe(4 * 1024 * 1024);
    expect(options.uploadExpiryMs).toBe(24 * 60 * 60 * 1000);
    expect(options.purgeIntervalMs).toBe(60 * 60 * 1000);
    expect(options.automaticCrossMount).toBe(true);
    expect(options.requireManifestReferences).toBe(true);
    expect(options.authorizer).toBe(openAuthorizer);
    expect(options.closeTimeoutMs).toBe(10_000);
    expect(options.store).toBeInstanceOf(DiskStore);
    expect((options.store as DiskStore).root).toBe(resolve('registry-data'));
  });

  test('operations defaults: no request limit, 16 KiB of headers, silent log, stats beside the store', () => {
    const options = resolveOptions({ storageDir: '/tmp/somewhere' });
    expect(options.maxRequestBytes).toBe(0);
    expect(options.maxHeaderBytes).toBe(16 * 1024);
    expect(options.logger).toBe(silentLogger);
    expect(options.metrics).toBeInstanceOf(Metrics);
    expect(options.stats).toBeInstanceOf(PackageStats);
  });

  test('a given store is used as is', () => {
    const store = new DiskStore({ root: '/tmp/x' });
    expect(resolveOptions({ store, storageDir: '/elsewhere' }).store).toBe(store);
  });

  test.each([
    ['maxManifestBytes', { maxManifestBytes: 100 }],
    ['uploadExpiryMs', { uploadExpiryMs: -1 }],
    ['purgeIntervalMs', { purgeIntervalMs: 1.5 }],
    ['closeTimeoutMs', { closeTimeoutMs: Number.NaN }],
    ['manifestCacheBytes', { manifestCacheBytes: -5 }],
    ['maxRequestBytes', { maxRequestBytes: -1 }],
    ['maxHeaderBytes', { maxHeaderBytes: 10 }],
  ])('%s out of range → REGISTRY_INVALID_OPTION naming it', (option, input) => {
    expect(() => resolveOptions(input)).toThrow(
      expect.objectContaining({ code: 'REGISTRY_INVALID_OPTION', option }),
    );
  });

  test('purgeIntervalMs 0 turns the purge off and is allowed', () => {
    expect(resolveOptions({ purgeIntervalMs: 0 }).purgeIntervalMs).toBe(0);
  });
});
