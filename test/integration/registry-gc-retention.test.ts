/**
 * The retention cap: a mirror registry capped at 2 MiB pulls through and takes local pushes
 * worth more than that; after each operation its content is back under the cap, evicting
 * unreferenced content first, then mirrored content least recently used first, and never local
 * images. Evicted mirrored images pull again from the upstream; kept ones do not reach it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blobRequests,
  pullImage,
  pushLayeredImage,
  startOurUpstream,
  type CountedUpstream,
  type PushedImage,
} from './registry-mirror-support.js';
import { send, startRegistry, type TestRegistry } from './registry-support.js';

const KiB = 1024;
const CAP = 2048 * KiB;

describe('the retention cap', () => {
  let upstream: CountedUpstream;
  let reg: TestRegistry;
  const images: PushedImage[] = [];
  let keep: PushedImage;

  const settle = async () => {
    await reg.registry.options.caching.collector!.idle();
    return (await reg.registry.store.usage!()).bytes;
  };
  const pull = (n: number) => pullImage(reg.url, `upstream-test/team/img${n}`, 'v1');
  const upstreamGets = (n: number) => blobRequests(upstream.proxy, images[n - 1]!.blobs[1]!.digest);

  beforeAll(async () => {
    upstream = await startOurUpstream();
    for (const n of [1, 2, 3, 4])
      images.push(await pushLayeredImage(upstream.direct, `team/img${n}`, 'v1', [400 * KiB], n));
    reg = await startRegistry({
      fsync: false,
      mirrors: [{ prefix: 'upstream-test', upstream: upstream.proxy.url }],
      gc: { intervalMs: 0, graceMs: 0 },
      retention: { maxSizeBytes: CAP, checkIntervalMs: 0 },
    });
  });

  afterAll(async () => {
    await Promise.all([reg?.registry.close(), upstream?.stop()]);
  });

  it('evicts unreferenced content first, then mirrored content least recently used first', async () => {
    keep = await pushLayeredImage(reg.url, 'local/keep', 'v1', [500 * KiB], 10);
    const tmp = await pushLayeredImage(reg.url, 'local/tmp', 'v1', [600 * KiB], 11);
    await send(reg.url, 'DELETE', `/v2/local/tmp/manifests/${tmp.digest}`);
    await pull(1);
    await pull(2);
    expect(await settle()).toBeLessThanOrEqual(CAP);
    expect((await send(reg.url, 'HEAD', `/v2/local/tmp/blobs/${tmp.blobs[1]!.digest}`)).status).toBe(200);

    await pull(3);
    expect(await settle()).toBeLessThanOrEqual(CAP);
    expect((await send(reg.url, 'HEAD', `/v2/local/tmp/blobs/${tmp.blobs[1]!.digest}`)).status).toBe(404);

    upstream.proxy.reset();
    await pull(1);
    expect(upstreamGets(1)).toBe(0);
    await pull(4);
    expect(await settle()).toBeLessThanOrEqual(CAP);

    upstream.proxy.reset();
    expect((await pull(1)).digest).toBe(images[0]!.digest);
    expect((await pull(4)).digest).toBe(images[3]!.digest);
    expect(upstreamGets(1) + upstreamGets(4)).toBe(0);
    expect((await pull(2)).digest).toBe(images[1]!.digest);
    expect(upstreamGets(2)).toBe(1);
    expect(await settle()).toBeLessThanOrEqual(CAP);

    expect((await pullImage(reg.url, 'local/keep', 'v1')).digest).toBe(keep.digest);
    expect((await reg.registry.fsck()).problems).toEqual([]);
  });

  it('never evicts local images, even when they alone pass the cap', async () => {
    const big = await pushLayeredImage(reg.url, 'local/big', 'v1', [1800 * KiB], 12);
    await settle();
    const report = await reg.registry.enforceRetention();
    expect(report.afterBytes).toBeGreaterThan(CAP);
    expect(await reg.registry.store.listTags('upstream-test/team/img1')).toEqual([]);
    expect((await pullImage(reg.url, 'local/big', 'v1')).digest).toBe(big.digest);
    expect((await pullImage(reg.url, 'local/keep', 'v1')).digest).toBe(keep.digest);
    expect((await reg.registry.fsck()).problems).toEqual([]);
  });
});
