import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ContentsCache } from '../../../../../src/registry/packages/contents/contents-cache.js';
import { MemoryDerivedCache } from '../../../../../src/registry/packages/derived-cache.js';
import { DiskStore } from '../../../../../src/registry/storage/disk.js';
import type { Store } from '../../../../../src/registry/storage/store.js';
import { newTempDir } from '../../../../support/temp-dir.js';
import { layerTar, putImage } from '../image-fixture.js';

/** A disk store that counts how often each blob is opened for reading. */
async function countingStore(): Promise<{ store: Store; opened: () => number }> {
  const store = new DiskStore({ root: join(newTempDir('contents-cache'), 'store'), fsync: false });
  await store.init();
  let opened = 0;
  const getBlob = store.getBlob.bind(store);
  store.getBlob = async (repository, digest) => {
    opened++;
    return getBlob(repository, digest);
  };
  return { store, opened: () => opened };
}

describe('ContentsCache', () => {
  test('a layer that fails to list is read once, not again on every ask', async () => {
    const { store, opened } = await countingStore();
    const good = await layerTar([{ name: 'a', body: 'x'.repeat(4096) }], 'gzip');
    const broken = Buffer.concat([good.subarray(0, good.length - 12), Buffer.alloc(12, 0xff)]);
    const { digest } = await putImage(store, 'acme/images/web', [broken], { tags: ['v1'] });
    const cache = new ContentsCache(new MemoryDerivedCache());
    const first = await cache.get(store, 'acme/images/web', digest).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(Error);
    const reads = opened();
    for (let i = 0; i < 3; i++) {
      await expect(cache.get(store, 'acme/images/web', digest)).rejects.toBe(first);
    }
    expect(opened()).toBe(reads);
  });

  test('a missing layer is not remembered: once pushed, the contents are listed', async () => {
    const { store } = await countingStore();
    const layer = await layerTar([{ name: 'etc/hosts', body: 'x' }], 'gzip');
    const { digest } = await putImage(store, 'acme/images/web', [layer], { tags: ['v1'] });
    const cache = new ContentsCache(new MemoryDerivedCache());
    const getBlob = store.getBlob.bind(store);
    store.getBlob = () => Promise.resolve(undefined);
    await expect(cache.get(store, 'acme/images/web', digest)).rejects.toMatchObject({ status: 404 });
    store.getBlob = getBlob;
    await expect(cache.get(store, 'acme/images/web', digest)).resolves.toMatchObject({
      files: 1,
      directories: 1,
    });
  });

  test('computes a few images at once; the others wait their turn', async () => {
    const { store } = await countingStore();
    const digests: string[] = [];
    for (let i = 0; i < 5; i++) {
      const layer = await layerTar([{ name: `file-${i}`, body: String(i) }], 'gzip');
      digests.push((await putImage(store, `acme/images/app${i}`, [layer], { tags: ['v1'] })).digest);
    }
    let reading = 0;
    let most = 0;
    const getBlob = store.getBlob.bind(store);
    store.getBlob = async (repository, digest) => {
      most = Math.max(most, ++reading);
      await new Promise((resolve) => setTimeout(resolve, 30));
      reading--;
      return getBlob(repository, digest);
    };
    const cache = new ContentsCache(new MemoryDerivedCache(), 200_000, 2);
    const all = await Promise.all(digests.map((d, i) => cache.get(store, `acme/images/app${i}`, d)));
    expect(all.map((c) => c.files)).toEqual([1, 1, 1, 1, 1]);
    expect(most).toBe(2);
  });
});
