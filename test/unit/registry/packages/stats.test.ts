import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PackageStats } from '../../../../src/registry/packages/stats.js';
import { newTempDir } from '../../../support/temp-dir.js';

describe('PackageStats', () => {
  test('records pushes and downloads, persists them on close and reads them back', async () => {
    const file = join(newTempDir('stats'), 'package-stats.json');
    let now = new Date('2026-03-01T10:00:00Z');
    const stats = new PackageStats({ file, now: () => now, flushDelayMs: 60_000 });
    await stats.load();
    stats.recordPush('acme/images/web', 'sha256:a', ['v1', 'latest']);
    stats.recordDownload('acme/images/web', 'sha256:a');
    stats.recordDownload('acme/images/web', 'sha256:a', 'v1');
    stats.recordDownload('acme/images/web', 'sha256:a', 'v1');
    now = new Date('2026-03-02T10:00:00Z');
    stats.recordPush('acme/images/web', 'sha256:b', ['latest']);
    stats.recordDownload('acme/images/web', 'sha256:unknown');
    await stats.close();
    const reloaded = new PackageStats({ file });
    await reloaded.load();
    expect(reloaded.get('acme/images/web')).toEqual({
      manifests: {
        'sha256:a': { pushedAt: '2026-03-01T10:00:00.000Z', downloads: 1 },
        'sha256:b': { pushedAt: '2026-03-02T10:00:00.000Z', downloads: 0 },
        'sha256:unknown': { pushedAt: '', downloads: 1 },
      },
      tags: {
        // Counted under the tag asked for, not under every tag of the digest.
        v1: { pushedAt: '2026-03-01T10:00:00.000Z', downloads: 2 },
        latest: { pushedAt: '2026-03-02T10:00:00.000Z', downloads: 0 },
      },
    });
    expect(reloaded.get('other/repo/x')).toEqual({ manifests: {}, tags: {} });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 });
  });

  test('writes within the flush delay without being closed', async () => {
    const file = join(newTempDir('stats'), 'package-stats.json');
    const stats = new PackageStats({ file, flushDelayMs: 10 });
    stats.recordDownload('a/b/c', 'sha256:x');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readFileSync(file, 'utf8')).toContain('sha256:x');
  });

  test('a corrupt file starts empty and is reported', async () => {
    const dir = newTempDir('stats');
    const file = join(dir, 'package-stats.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '{not json');
    const errors: unknown[] = [];
    const stats = new PackageStats({ file, onError: (e) => errors.push(e) });
    await stats.load();
    expect(stats.get('a/b/c').manifests).toEqual({});
    expect(errors).toHaveLength(1);
  });
});
