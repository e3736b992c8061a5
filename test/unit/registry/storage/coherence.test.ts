import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { CacheChange, CacheCoherence } from '../../../../src/registry/storage/coherence.js';
import { DriverStore } from '../../../../src/registry/storage/driver-store.js';
import { FilesystemDriver } from '../../../../src/registry/storage/driver/filesystem.js';
import { newTempDir } from '../../../support/temp-dir.js';

const manifest = (n: number) => {
  const bytes = Buffer.from(`{"schemaVersion":2,"layers":[],"n":${n}}`);
  return {
    bytes,
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
  };
};

/** Workers in one process: what one announces, the others drop, as the primary relays it. */
function relay(): { join(): CacheCoherence; announced: CacheChange[] } {
  const listeners: ((change: CacheChange) => void)[] = [];
  const announced: CacheChange[] = [];
  return {
    announced,
    join() {
      let mine: ((change: CacheChange) => void) | undefined;
      return {
        announce: async (change) => {
          announced.push(change);
          for (const listener of listeners) if (listener !== mine) listener(change);
        },
        onChange: (listener) => {
          mine = listener;
          listeners.push(listener);
        },
      };
    },
  };
}

/** A driver whose next read of a tag waits until `release()` (to interleave a write with it). */
class PausingDriver extends FilesystemDriver {
  #gate: Promise<void> | undefined;
  release: () => void = () => undefined;
  paused: Promise<void> = Promise.resolve();

  pauseNextTagRead(): void {
    let entered: () => void = () => undefined;
    this.paused = new Promise((resolve) => (entered = resolve));
    this.#gate = new Promise<void>((resolve) => (this.release = resolve));
    const gate = this.#gate;
    const original = this.getContent.bind(this);
    this.getContent = async (key: string) => {
      const bytes = await original(key);
      if (key.includes('/_manifests/tags/')) {
        this.getContent = original;
        entered();
        await gate;
      }
      return bytes;
    };
  }
}

describe('tag and link caches of workers sharing a store', () => {
  test('a re-tag, a tag delete and a manifest delete through one are answered at once by the other', async () => {
    const root = newTempDir('coherence');
    const workers = relay();
    const a = new DriverStore(new FilesystemDriver({ root, fsync: false }), { coherence: workers.join() });
    const b = new DriverStore(new FilesystemDriver({ root, fsync: false }), { coherence: workers.join() });
    await a.init();
    const [one, two] = [manifest(1), manifest(2)];
    await a.putManifest('app', { ...one, tags: ['v1'] });
    expect((await b.statManifest('app', 'v1'))?.digest).toBe(one.digest);
    await a.putManifest('app', { ...two, tags: ['v1'] });
    expect((await b.statManifest('app', 'v1'))?.digest).toBe(two.digest);
    await a.deleteTag('app', 'v1');
    expect(await b.statManifest('app', 'v1')).toBeUndefined();
    await a.putManifest('app', { ...two, tags: ['v2'] });
    expect((await b.statManifest('app', 'v2'))?.digest).toBe(two.digest);
    expect((await b.statManifest('app', two.digest))?.digest).toBe(two.digest);
    await a.deleteManifest('app', two.digest);
    expect(await b.statManifest('app', two.digest)).toBeUndefined();
    expect(await b.statManifest('app', 'v2')).toBeUndefined();
    expect(workers.announced.at(-1)).toEqual({ tags: ['app\0v2'], links: [`app\0${two.digest}`] });
  });

  test('a value read before a drop arrived is not cached after it', async () => {
    const root = newTempDir('coherence-race');
    const workers = relay();
    const a = new DriverStore(new FilesystemDriver({ root, fsync: false }), { coherence: workers.join() });
    const driver = new PausingDriver({ root, fsync: false });
    const b = new DriverStore(driver, { coherence: workers.join() });
    await a.init();
    const [one, two] = [manifest(1), manifest(2)];
    await a.putManifest('app', { ...one, tags: ['v1'] });
    driver.pauseNextTagRead();
    // b reads the tag (the old digest), then a re-tags and b drops, then b's read finishes.
    const reading = b.statManifest('app', 'v1');
    await driver.paused;
    await a.putManifest('app', { ...two, tags: ['v1'] });
    driver.release();
    expect((await reading)?.digest).toBe(one.digest);
    expect((await b.statManifest('app', 'v1'))?.digest).toBe(two.digest);
  });

  test('a read that raced a re-tag or a tag delete in its own process does not cache the old value', async () => {
    const root = newTempDir('coherence-own');
    const driver = new PausingDriver({ root, fsync: false });
    const a = new DriverStore(driver, { coherence: relay().join() });
    await a.init();
    const [one, two] = [manifest(1), manifest(2)];
    await a.putManifest('app', { ...one, tags: ['v1'] });
    // The cache is empty after a restart: a fresh store on the same directory.
    const b = new DriverStore(driver, { coherence: relay().join() });
    driver.pauseNextTagRead();
    const reading = b.statManifest('app', 'v1');
    await driver.paused;
    await b.putManifest('app', { ...two, tags: ['v1'] });
    driver.release();
    expect((await reading)?.digest).toBe(one.digest);
    expect((await b.statManifest('app', 'v1'))?.digest).toBe(two.digest);

    const c = new DriverStore(driver, { coherence: relay().join() });
    driver.pauseNextTagRead();
    const before = c.statManifest('app', 'v1');
    await driver.paused;
    await c.deleteTag('app', 'v1');
    driver.release();
    expect((await before)?.digest).toBe(two.digest);
    expect(await c.statManifest('app', 'v1')).toBeUndefined();
  });
});
