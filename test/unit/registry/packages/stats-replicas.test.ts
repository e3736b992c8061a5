import { describe, expect, test } from 'vitest';
import { statsDocument } from '../../../../src/registry/packages/stats-document.js';
import { PackageStats } from '../../../../src/registry/packages/stats.js';
import { FilesystemDriver } from '../../../../src/registry/storage/driver/filesystem.js';
import { newTempDir } from '../../../support/temp-dir.js';

describe('package statistics of replicas sharing a store', () => {
  test('each replica writes its own counters; reading adds every replica’s up', async () => {
    const driver = new FilesystemDriver({ root: newTempDir('stats'), fsync: false });
    await driver.init();
    const replica = (name: string, at: string) =>
      new PackageStats({
        document: statsDocument(driver, { shared: true, replica: name }),
        now: () => new Date(at),
        flushDelayMs: 60_000,
      });
    const a = replica('a', '2026-01-01T00:00:00.000Z');
    const b = replica('b', '2026-01-02T00:00:00.000Z');
    await Promise.all([a.load(), b.load()]);
    a.recordPush('app', 'sha256:one', ['v1']);
    a.recordDownload('app', 'sha256:one');
    b.recordPush('app', 'sha256:one', ['v1']);
    b.recordDownload('app', 'sha256:one');
    b.recordDownload('app', 'sha256:one');
    await a.flush();
    await b.flush();
    expect((await driver.list('package-stats')).map((e) => e.name)).toEqual(['a.json', 'b.json']);
    const reader = replica('c', '2026-01-03T00:00:00.000Z');
    await reader.load();
    expect(reader.get('app')).toEqual({
      manifests: { 'sha256:one': { pushedAt: '2026-01-02T00:00:00.000Z', downloads: 3 } },
      tags: { v1: { pushedAt: '2026-01-02T00:00:00.000Z' } },
    });
    // A restarted replica under the same name continues its own document.
    const again = replica('a', '2026-01-04T00:00:00.000Z');
    await again.load();
    again.recordDownload('app', 'sha256:one');
    await again.flush();
    await reader.load();
    expect(reader.get('app').manifests['sha256:one']!.downloads).toBe(4);
  });

  test('a store of its own keeps the one package-stats.json at its root', async () => {
    const driver = new FilesystemDriver({ root: newTempDir('stats'), fsync: false });
    await driver.init();
    const stats = new PackageStats({ document: statsDocument(driver), flushDelayMs: 60_000 });
    stats.recordDownload('app', 'sha256:one');
    await stats.flush();
    expect(JSON.parse((await driver.getContent('package-stats.json'))!.toString())).toMatchObject({
      repositories: { app: { manifests: { 'sha256:one': { downloads: 1 } } } },
    });
  });

  test('downloads asked for by tag are summed across replicas too', async () => {
    const driver = new FilesystemDriver({ root: newTempDir('stats'), fsync: false });
    await driver.init();
    const replica = (name: string) =>
      new PackageStats({
        document: statsDocument(driver, { shared: true, replica: name }),
        flushDelayMs: 60_000,
      });
    const [a, b] = [replica('worker-0'), replica('worker-1')];
    a.recordPush('app', 'sha256:one', ['v1']);
    for (let i = 0; i < 3; i++) a.recordDownload('app', 'sha256:one', 'v1');
    for (let i = 0; i < 4; i++) b.recordDownload('app', 'sha256:one', 'v1');
    await a.flush();
    await b.flush();
    await a.flush(); // reads the others' documents again
    expect(a.get('app').tags.v1!.downloads).toBe(7);
    expect(b.get('app').tags.v1!.downloads).toBe(7);
  });

  test('counts survive a move from one process to workers and back', async () => {
    const driver = new FilesystemDriver({ root: newTempDir('stats'), fsync: false });
    await driver.init();
    const single = new PackageStats({ document: statsDocument(driver), flushDelayMs: 60_000 });
    single.recordDownload('app', 'sha256:one', 'v1');
    await single.flush();
    const worker = new PackageStats({
      document: statsDocument(driver, { shared: true, replica: 'worker-0' }),
      flushDelayMs: 60_000,
    });
    await worker.load();
    worker.recordDownload('app', 'sha256:one', 'v1');
    await worker.flush();
    expect(worker.get('app').tags.v1!.downloads).toBe(2);
    const back = new PackageStats({ document: statsDocument(driver), flushDelayMs: 60_000 });
    await back.load();
    expect(back.get('app').tags.v1!.downloads).toBe(2);
  });
});
