import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BlobInfoCache, defaultBlobInfoCachePath } from '../../../src/sources/index.js';
import { newTempDir } from '../../support/temp-dir.js';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

describe('BlobInfoCache', () => {
  test('remembers results per layer, compression and level, across open/save (file 0600)', async () => {
    const path = join(newTempDir('cache'), 'nested', 'blob-info.json');
    const cache = await BlobInfoCache.open(path);
    expect(cache.get(A, 'gzip', 6)).toBeUndefined();
    cache.set(A, 'gzip', 6, { digest: B, size: 10, level: 0 });
    await cache.save();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = await BlobInfoCache.open(path);
    expect(again.get(A, 'gzip', 6)).toEqual({ digest: B, size: 10, level: 0 });
    expect(again.get(A, 'gzip', 1)).toBeUndefined();
    expect(again.get(A, 'zstd', 6)).toBeUndefined();
  });

  test.each([
    ['not json', 'nope'],
    ['a bad entry', JSON.stringify({ [`${A} gzip 6 v2`]: { digest: 'sha256:short', size: 1, level: 6 } })],
    // Written before the compressors' 1 MiB buffers: its level-0 digest cannot be made again.
    ['an entry of an older format', JSON.stringify({ [`${A} gzip 6`]: { digest: B, size: 10, level: 0 } })],
  ])('an unreadable file (%s) is an empty cache', async (_name, text) => {
    const path = join(newTempDir('cache'), 'blob-info.json');
    writeFileSync(path, text);
    expect((await BlobInfoCache.open(path)).get(A, 'gzip', 6)).toBeUndefined();
  });

  test('does not write when nothing changed; an in-memory cache never writes', async () => {
    const path = join(newTempDir('cache'), 'blob-info.json');
    writeFileSync(path, '{}');
    await (await BlobInfoCache.open(path)).save();
    expect(readFileSync(path, 'utf8')).toBe('{}');
    const memory = BlobInfoCache.inMemory();
    memory.set(A, 'gzip', 6, { digest: B, size: 1, level: 6 });
    await memory.save();
    expect(memory.get(A, 'gzip', 6)).toEqual({ digest: B, size: 1, level: 6 });
    expect(readFileSync(path, 'utf8')).toBe('{}'); // and no file of anyone else's was touched
  });

  test('lives in the user cache dir', () => {
    expect(defaultBlobInfoCachePath({ XDG_CACHE_HOME: '/x/cache' })).toBe(
      '/x/cache/container-package/blob-info.json',
    );
  });
});
