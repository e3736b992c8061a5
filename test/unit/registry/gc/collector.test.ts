import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { acquireStorageLock } from '../../../../src/registry/ops/storage-lock.js';
import { Collector, LOW_WATER } from '../../../../src/registry/gc/collector.js';
import { GcCoordinator } from '../../../../src/registry/gc/coordinator.js';
import { mark } from '../../../../src/registry/gc/mark.js';
import { Layout } from '../../../../src/registry/storage/layout.js';
import { newStore } from './fixtures.js';

const HOUR = 3600;

async function setup(options: { graceMs?: number; maxSizeBytes?: number } = {}) {
  const fixture = await newStore();
  const coordinator = new GcCoordinator();
  const collector = new Collector({
    store: fixture.store,
    driver: fixture.store.driver,
    coordinator,
    graceMs: options.graceMs ?? HOUR * 1000,
    maxSizeBytes: options.maxSizeBytes ?? 0,
    isMirror: (name) => name.startsWith('mirror/'),
  });
  return { ...fixture, coordinator, collector };
}

describe('mark', () => {
  test('reaches configs and layers, index children recursively, from every revision', async () => {
    const { store, blob, manifest, image } = await setup();
    const [config, layer, other] = [
      await blob('app', 'config'),
      await blob('app', 'layer'),
      await blob('app', 'orphan'),
    ];
    const child = await image('app', [config, layer]);
    const index = await manifest(
      'app',
      { schemaVersion: 2, manifests: [{ digest: child, size: 1, mediaType: 'x' }] },
      ['v1'],
    );
    await store.deleteManifest('app', child);
    const mirrored = await blob('mirror/hub', 'mirrored layer');
    const mirroredManifest = await image('mirror/hub', [config, mirrored], ['latest']);
    const marks = await mark(store.driver, new Layout(), (name) => name.startsWith('mirror/'));
    expect([...marks.live].sort()).toEqual([config, layer, child, index, mirrored, mirroredManifest].sort());
    expect(marks.live.has(other)).toBe(false);
    expect([...marks.pinned].sort()).toEqual([config, layer, child, index].sort());
    expect(marks.revisions.get(mirroredManifest)).toEqual(['mirror/hub']);
    expect(marks.links.get(config)).toEqual(['app']);
    expect(marks.links.get(mirrored)).toEqual(['mirror/hub']);
    expect(marks.linkedLocally.has(mirrored)).toBe(false);
    expect(marks.linkedLocally.has(other)).toBe(true);
    expect(marks.repositories).toBe(2);
  });
});

describe('Collector.collect', () => {
  test('holds the gc lock while it runs, and is refused while another collection holds it', async () => {
    const { root, blob, age, collector } = await setup({ graceMs: 0 });
    age(await blob('app', 'garbage'), 2 * HOUR);
    const other = await acquireStorageLock(root, 'gc', { command: 'container-package registry gc' });
    await expect(collector.collect()).rejects.toMatchObject({ code: 'REGISTRY_STORAGE_LOCKED' });
    await other.release();
    expect(await collector.collect()).toMatchObject({ freedBlobs: 1 });
    expect(existsSync(join(root, 'gc.lock'))).toBe(false);
  });

  test('removes old unreferenced content and its links; keeps recent, referenced and in-use content', async () => {
    const { store, blob, image, age, collector, coordinator } = await setup();
    const config = await blob('app', 'config');
    await image('app', [config], ['v1']);
    const [old, recent, used] = [
      await blob('app', 'old'),
      await blob('app', 'recent'),
      await blob('app', 'used'),
    ];
    await age(old, 2 * HOUR);
    await age(used, 2 * HOUR);
    await age(config, 2 * HOUR);
    // `old` and `used` were touched when committed in this process: drop those touches.
    coordinator.access.prune(Date.now() + 1);
    coordinator.touch(used);

    const dry = await collector.collect({ dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      freedBlobs: 1,
      freedBytes: 3,
      keptRecent: 2,
      liveBlobs: 2,
      blobs: 5,
    });
    expect(await store.statBlob('app', old)).toBeDefined();

    const report = await collector.collect();
    expect(report).toMatchObject({
      dryRun: false,
      freedBlobs: 1,
      freedBytes: 3,
      keptRecent: 2,
      keptInUse: 0,
    });
    expect(await store.statBlob('app', old)).toBeUndefined();
    for (const kept of [recent, used, config]) expect(await store.statBlob('app', kept)).toBeDefined();
    expect((await store.fsck()).problems).toEqual([]);
    expect((await collector.collect({ graceMs: 0 })).freedBlobs).toBe(2);
  });

  test('a digest leased by a manifest put is kept however old', async () => {
    const { blob, age, collector, coordinator } = await setup({ graceMs: 0 });
    const layer = await blob('app', 'layer');
    await age(layer, HOUR);
    let release!: () => void;
    const lease = coordinator.lease([layer], () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setImmediate(resolve));
    coordinator.access.prune(Date.now() + 1);
    expect(await collector.collect()).toMatchObject({ freedBlobs: 0, keptInUse: 1 });
    release();
    await lease;
    expect((await collector.collect()).freedBlobs).toBe(1);
  });
});

describe('Collector.collect and the derived cache', () => {
  test('removes the cached file lists of manifests that are gone, and keeps the others', async () => {
    const { store, blob, image, age, collector, coordinator } = await setup({ graceMs: 0 });
    const config = await blob('app', 'config');
    const other = await blob('app', 'other config');
    const kept = await image('app', [config], ['v1']);
    const gone = await image('app', [other], ['v2']);
    const list = (digest: string) => `derived/contents/${digest.replace(':', '-')}.json.gz`;
    for (const digest of [kept, gone]) await store.driver.putContent(list(digest), 'gz');
    await store.driver.putContent('derived/archives/abc.json', '{}');
    await store.deleteManifest('app', gone);
    for (const digest of [config, other, kept, gone]) await age(digest, 2 * HOUR);
    coordinator.access.prune(Date.now() + 1);
    expect(await collector.collect({ dryRun: true })).toMatchObject({ derivedRemoved: 0 });
    const report = await collector.collect();
    expect(report).toMatchObject({ freedBlobs: 2, derivedRemoved: 1 });
    expect(await store.driver.getContent(list(gone))).toBeUndefined();
    expect(await store.driver.getContent(list(kept))).toBeDefined();
    expect(await store.driver.getContent('derived/archives/abc.json')).toBeDefined();
  });
});

describe('Collector.enforceCap', () => {
  test('evicts garbage, then mirrored content least recently used first, never local images', async () => {
    const size = 1000;
    const { store, blob, image, age, coordinator } = await setup();
    const bytes = (c: string) => Buffer.alloc(size, c);
    const local = await blob('app', bytes('l'));
    const localConfig = await blob('app', 'c');
    await image('app', [localConfig, local], ['v1']);
    const garbage = await blob('app', bytes('g'));
    const mirrorOld = await blob('mirror/hub', bytes('o'));
    const mirrorNew = await blob('mirror/hub', bytes('n'));
    const oldManifest = await image('mirror/hub', [localConfig, mirrorOld], ['old']);
    await image('mirror/hub', [localConfig, mirrorNew], ['new']);
    const ages: [string, number][] = [
      [garbage, 4 * HOUR],
      [mirrorOld, 3 * HOUR],
      [oldManifest, 2 * HOUR],
      [mirrorNew, HOUR],
    ];
    for (const [digest, seconds] of ages) await age(digest, seconds);
    coordinator.access.prune(Date.now() + 1);
    // A cap whose low-water mark needs garbage, then the oldest mirrored layer and manifest, to go.
    const total = (await store.usage()).bytes;
    const manifestSize = (await store.statManifest('mirror/hub', 'old'))!.size;
    const maxSizeBytes = Math.ceil((total - 2 * size - manifestSize / 2) / LOW_WATER);
    const collector = new Collector({
      store,
      driver: store.driver,
      coordinator,
      graceMs: HOUR * 1000,
      maxSizeBytes,
      isMirror: (name) => name.startsWith('mirror/'),
    });

    const report = await collector.enforceCap();
    expect(report).toMatchObject({ beforeBytes: total, evictedBlobs: 3, evictedManifests: 1 });
    expect(report.afterBytes).toBe(total - 2 * size - manifestSize);
    expect(await store.statBlob('app', garbage)).toBeUndefined();
    expect(await store.statBlob('mirror/hub', mirrorOld)).toBeUndefined();
    expect(await store.listTags('mirror/hub')).toEqual(['new']);
    expect(await store.statBlob('mirror/hub', mirrorNew)).toBeDefined();
    expect(await store.statBlob('app', local)).toBeDefined();
    expect((await store.fsck()).problems).toEqual([]);
    expect(await collector.enforceCap()).toMatchObject({ evictedBlobs: 0, beforeBytes: report.afterBytes });
  });

  test('without a cap, or under it, nothing is evicted', async () => {
    const { blob, collector } = await setup();
    await blob('mirror/hub', 'x');
    expect(await collector.enforceCap()).toMatchObject({ maxSizeBytes: 0, evictedBlobs: 0 });
  });

  test('writes past the cap schedule one eviction; idle waits for it', async () => {
    const { blob, age, collector, coordinator, store } = await setup({ maxSizeBytes: 1500 });
    const first = await blob('app', Buffer.alloc(1000, 1));
    await age(first, 2 * HOUR);
    coordinator.access.prune(Date.now() + 1);
    const errors: unknown[] = [];
    collector.noteWrite(1000, (error) => errors.push(error));
    await blob('app', Buffer.alloc(1000, 2));
    collector.noteWrite(1000, (error) => errors.push(error));
    collector.noteWrite(1000, (error) => errors.push(error));
    await collector.idle();
    expect(errors).toEqual([]);
    expect(await store.statBlob('app', first)).toBeUndefined();
    expect((await store.usage()).bytes).toBe(1000);
  });
});
