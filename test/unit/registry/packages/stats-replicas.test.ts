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
});
