/**
 * Garbage collection while two replicas on one S3 bucket take pushes: both replicas collect in a
 * loop (the lease lets one at a time work), old garbage goes, every pushed image stays whole and
 * fsck finds nothing dangling.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRegistry, DriverStore, type Registry } from '../../src/registry/index.js';
import { S3Driver } from '../../src/registry/storage/s3/driver.js';
import { startRgw, type Rgw } from '../support/rgw.js';
import { RGW_TOOLS, describeWithTools } from '../support/tools.js';
import { digestOf, pushBlob, pushImage, randomBytes, send } from './registry-support.js';

const GRACE_MS = 3000;

describeWithTools(RGW_TOOLS, 'garbage collection while replicas on one bucket take pushes', () => {
  let rgw: Rgw;
  const replicas: { registry: Registry; url: string }[] = [];

  beforeAll(async () => {
    rgw = await startRgw();
    Object.assign(process.env, rgw.env);
    const bucket = await rgw.newBucket();
    for (let i = 0; i < 2; i++) {
      const driver = new S3Driver({ bucket, endpoint: rgw.endpoint, forcePathStyle: true, prefix: 'gc/' });
      // The collector of a store that is not on the file system takes the lease (caching.ts).
      const registry = createRegistry({
        store: new DriverStore(driver, { cacheTtlMs: 0 }),
        gc: { graceMs: GRACE_MS },
      });
      const { url } = await registry.listen('127.0.0.1', 0);
      replicas.push({ registry, url });
    }
  }, 300_000);

  afterAll(async () => {
    for (const { registry } of replicas) await registry.close();
    await rgw?.stop();
  });

  it('removes old garbage only; every image pushed meanwhile stays whole; fsck is clean', async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const garbage = await pushBlob(a.url, 'fleet/junk', randomBytes(4096, 99));
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 1500));
    let pushing = true;
    const reports: { freedBlobs: number; leaseHolder?: string }[] = [];
    const collecting = (async () => {
      while (pushing) {
        const round = await Promise.all([a.registry.collectGarbage(), b.registry.collectGarbage()]);
        reports.push(...round);
      }
    })();
    const images = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pushImage(i % 2 === 0 ? a.url : b.url, `fleet/app${i % 3}`, `v${i}`, 200 + i),
      ),
    );
    pushing = false;
    await collecting;
    expect(reports.reduce((sum, r) => sum + r.freedBlobs, 0)).toBeGreaterThanOrEqual(1);
    expect((await send(b.url, 'HEAD', `/v2/fleet/junk/blobs/${garbage}`)).status).toBe(404);
    for (const [i, image] of images.entries()) {
      const repo = `fleet/app${i % 3}`;
      const manifest = await send(a.url, 'GET', `/v2/${repo}/manifests/v${i}`);
      expect(manifest.status).toBe(200);
      expect(digestOf(manifest.body)).toBe(image.digest);
      for (const blob of [image.config, image.layer]) {
        expect((await send(b.url, 'GET', `/v2/${repo}/blobs/${digestOf(blob)}`)).status).toBe(200);
      }
    }
    const report = await a.registry.fsck();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
