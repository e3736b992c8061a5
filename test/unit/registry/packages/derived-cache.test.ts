import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DiskDerivedCache,
  MemoryDerivedCache,
  checkKey,
} from '../../../../src/registry/packages/derived-cache.js';
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

  test('the memory cache drops the oldest entries past its size', async () => {
    const cache = new MemoryDerivedCache(10);
    await cache.write('a/1', Buffer.alloc(6));
    await cache.write('a/2', Buffer.alloc(6));
    expect(await cache.read('a/1')).toBeUndefined();
    expect(await cache.read('a/2')).toBeDefined();
  });
});
