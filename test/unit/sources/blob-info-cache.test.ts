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

  test('remembers which repositories of which registry held a blob, most recent first, across open/save', async () => {
    const path = join(newTempDir('cache'), 'blob-info.json');
    const cache = await BlobInfoCache.open(path);
    expect(cache.holding('r.example', A)).toEqual([]);
    for (const repository of ['team/a', 'team/b', 'team/c', 'team/b', 'team/d']) {
      cache.remember('r.example', A, repository);
    }
    cache.remember('other.example:5000', A, 'team/x');
    cache.set(A, 'gzip', 6, { digest: B, size: 10, level: 0 });
    await cache.save();
    const again = await BlobInfoCache.open(path);
    // At most three per blob and registry; a repository seen again moves to the front.
    expect(again.holding('r.example', A)).toEqual(['team/d', 'team/b', 'team/c']);
    expect(again.holding('other.example:5000', A)).toEqual(['team/x']);
    expect(again.holding('r.example', B)).toEqual([]);
    expect(again.get(A, 'gzip', 6)).toEqual({ digest: B, size: 10, level: 0 });
  });

  test('keeps no repository name that is not one, from the caller or the file', async () => {
    const path = join(newTempDir('cache'), 'blob-info.json');
    writeFileSync(
      path,
      JSON.stringify({
        [`at r.example ${A} v2`]: ['Team/App'],
        [`at r.example ${B} v2`]: ['team/app', '../../etc'],
        [`at q.example ${A} v2`]: ['team/ok'],
      }),
    );
    const cache = await BlobInfoCache.open(path);
    expect(cache.holding('r.example', A)).toEqual([]);
    expect(cache.holding('r.example', B)).toEqual([]);
    expect(cache.holding('q.example', A)).toEqual(['team/ok']);
    cache.remember('q.example', B, 'team/app?x=1');
    cache.remember('q.example', B, '');
    expect(cache.holding('q.example', B)).toEqual([]);
  });

  test('lives in the user cache dir', () => {
    expect(defaultBlobInfoCachePath({ XDG_CACHE_HOME: '/x/cache' })).toBe(
      '/x/cache/container-package/blob-info.json',
    );
  });
});
