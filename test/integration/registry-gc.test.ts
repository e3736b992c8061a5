/**
 * Online garbage collection of the bundled registry: it frees exactly what no manifest
 * references (content of deleted manifests, abandoned uploads), keeps what was used within the
 * grace period, and, run in a tight loop while four clients push images that reuse old orphaned
 * layers, loses nothing: fsck stays clean and every pushed image pulls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pullImage, pushBlob, pushLayeredImage, type PushedImage } from './registry-mirror-support.js';
import { digestOf, randomBytes, send, startRegistry, type TestRegistry } from './registry-support.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('online garbage collection', () => {
  const started: TestRegistry[] = [];
  const start = async (graceMs: number) => {
    const reg = await startRegistry({ fsync: false, gc: { intervalMs: 0, graceMs } });
    started.push(reg);
    return reg;
  };

  afterEach(async () => {
    await Promise.all(started.splice(0).map((reg) => reg.registry.close()));
  });

  it('frees the content of deleted manifests and abandoned uploads, and nothing else', async () => {
    const reg = await start(0);
    const shared = randomBytes(100_000, 5);
    const a = await pushLayeredImage(reg.url, 'gc/a', 'v1', [shared, 50_000], 1);
    const b = await pushLayeredImage(reg.url, 'gc/b', 'v1', [shared, 60_000], 2);
    const garbage = randomBytes(30_000, 99);
    await pushBlob(reg.url, 'gc/a', garbage);
    expect((await send(reg.url, 'DELETE', `/v2/gc/a/manifests/${a.digest}`)).status).toBe(202);
    await sleep(5);
    const unreferenced = [a.manifest, garbage].map((bytes) => bytes.length);
    const aOnly = [a.blobs[0]!, a.blobs[2]!];
    const freedBytes = [...unreferenced, ...aOnly.map((blob) => blob.size)].reduce((x, y) => x + y);
    const before = await reg.registry.store.usage!();

    const dry = await reg.registry.collectGarbage({ dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, freedBlobs: 4, freedBytes, blobs: before.blobs });
    expect(await reg.registry.store.usage!()).toEqual(before);

    const report = await reg.registry.collectGarbage();
    expect(report).toMatchObject({ dryRun: false, freedBlobs: 4, freedBytes, keptInUse: 0 });
    expect(await reg.registry.store.usage!()).toEqual({
      blobs: before.blobs - 4,
      bytes: before.bytes - freedBytes,
    });
    expect((await reg.registry.fsck()).problems).toEqual([]);
    expect((await pullImage(reg.url, 'gc/b', 'v1')).digest).toBe(b.digest);
    expect((await send(reg.url, 'HEAD', `/v2/gc/a/blobs/${digestOf(shared)}`)).status).toBe(200);
    for (const gone of [digestOf(garbage), a.blobs[2]!.digest]) {
      expect((await send(reg.url, 'HEAD', `/v2/gc/a/blobs/${gone}`)).status).toBe(404);
    }
    expect((await reg.registry.collectGarbage()).freedBlobs).toBe(0);
  });

  it('keeps unreferenced content written or read within the grace period', async () => {
    const reg = await start(60_000);
    const digest = await pushBlob(reg.url, 'gc/recent', randomBytes(10_000, 7));
    expect(await reg.registry.collectGarbage()).toMatchObject({ freedBlobs: 0, keptRecent: 1 });
    await sleep(5);
    expect(await reg.registry.collectGarbage({ graceMs: 0 })).toMatchObject({ freedBlobs: 1 });
    expect((await send(reg.url, 'HEAD', `/v2/gc/recent/blobs/${digest}`)).status).toBe(404);
  });

  it('running in a loop under concurrent pushes loses nothing and frees the garbage', async () => {
    const graceMs = 1_500;
    const reg = await start(graceMs);
    // Old orphans: layers whose manifests were deleted, older than the grace period when reused.
    const pool = Array.from({ length: 6 }, (_, i) => randomBytes(48 * 1024 + i, 500 + i));
    for (const [i, layer] of pool.entries()) {
      const seeded = await pushLayeredImage(reg.url, 'gc/seed', `s${i}`, [layer], 900 + i);
      await send(reg.url, 'DELETE', `/v2/gc/seed/manifests/${seeded.digest}`);
    }
    const doomed = await pushLayeredImage(reg.url, 'gc/doomed', 'v1', [70_000], 77);
    await send(reg.url, 'DELETE', `/v2/gc/doomed/manifests/${doomed.digest}`);
    await sleep(graceMs + 100);

    let pushing = true;
    const reports: { freedBlobs: number }[] = [];
    const collector = (async () => {
      while (pushing) reports.push(await reg.registry.collectGarbage());
    })();
    const pushed: { repository: string; tag: string; image: PushedImage }[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async (_, worker) => {
        for (let n = 0; n < 6; n++) {
          const repository = `gc/worker${worker}`;
          const seed = worker * 100 + n + 1;
          const layers = [pool[(worker + n) % pool.length]!, 20_000 + seed];
          const image = await pushLayeredImage(reg.url, repository, `v${n}`, layers, seed);
          pushed.push({ repository, tag: `v${n}`, image });
          await pushBlob(reg.url, repository, randomBytes(5_000, seed + 50_000));
        }
      }),
    ).finally(() => (pushing = false));
    await collector;

    expect(reports.length).toBeGreaterThan(3);
    expect(reports.reduce((sum, r) => sum + r.freedBlobs, 0)).toBeGreaterThan(0);
    expect((await reg.registry.fsck()).problems).toEqual([]);
    expect(pushed).toHaveLength(24);
    for (const { repository, tag, image } of pushed) {
      expect((await pullImage(reg.url, repository, tag)).digest).toBe(image.digest);
    }
    for (const blob of doomed.blobs.slice(1)) {
      expect((await send(reg.url, 'HEAD', `/v2/gc/doomed/blobs/${blob.digest}`)).status).toBe(404);
    }
    await sleep(graceMs + 100);
    const last = await reg.registry.collectGarbage();
    // Garbage: 24 abandoned uploads, the doomed image (manifest, config, layer), the six seed
    // images' manifests and configs, and each pool layer the loop freed before a push reused it
    // (the push then found it gone and uploaded it again).
    const freed = [...reports, last].reduce((sum, r) => sum + r.freedBlobs, 0);
    expect(freed).toBeGreaterThanOrEqual(24 + 3 + 12);
    expect(freed).toBeLessThanOrEqual(24 + 3 + 12 + pool.length);
    expect(last.blobs - last.freedBlobs).toBe(last.liveBlobs);
    expect((await reg.registry.fsck()).problems).toEqual([]);
  });
});
