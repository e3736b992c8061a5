import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DiskDerivedCache,
  DriverDerivedCache,
  MemoryDerivedCache,
  checkKey,
} from '../../../../src/registry/packages/derived-cache.js';
import { FilesystemDriver } from '../../../../src/registry/storage/driver/filesystem.js';
import { newTempDir } from '../../../support/temp-dir.js';

describe('derived cache', () => {
  test.each(['../x', 'contents/../../x', '/abs/x', 'contents', 'contents/a b'])('refuses key %s', (key) => {
    expect(() => checkKey(key)).toThrow(/invalid derived-cache key/);
  });

  test('the disk cache round-trips and misses cleanly', async () => {
    const cache = new DiskDerivedCache(join(newTempDir('derived'), 'derived'));
    expect(await cache.read('contents/sha256-a.json.gz')).toBeUndefined();
    await cache.write('contents/sha256-a.json.gz', Buffer.from('x'));
    expect((await cache.read('contents/sha256-a.json.gz'))?.toString()).toBe('x');
  });

  test('the driver cache keeps entries under derived/ of the store, where the disk cache did', async () => {
    const root = newTempDir('derived-driver');
    const driver = new FilesystemDriver({ root });
    await driver.init();
    const cache = new DriverDerivedCache(driver);
    expect(await cache.read('contents/sha256-a.json.gz')).toBeUndefined();
    await cache.write('contents/sha256-a.json.gz', Buffer.from('listed'));
    expect((await cache.read('contents/sha256-a.json.gz'))?.toString()).toBe('listed');
    expect(readFileSync(join(root, 'derived', 'contents', 'sha256-a.json.gz'), 'utf8')).toBe('listed');
    // Entries an older version wrote with the disk cache are found.
    await new DiskDerivedCache(join(root, 'derived')).write('archives/sha256-b', Buffer.from('sum'));
    expect((await cache.read('archives/sha256-b'))?.toString()).toBe('sum');
    await expect(cache.read('../x')).rejects.toThrow(/invalid derived-cache key/);
  });

  test('the memory cache drops the oldest entries past its size', async () => {
    const cache = new MemoryDerivedCache(10);
    await cache.write('a/1', Buffer.alloc(6));
    await cache.write('a/2', Buffer.alloc(6));
    expect(await cache.read('a/1')).toBeUndefined();
    expect(await cache.read('a/2')).toBeDefined();
  });
});
