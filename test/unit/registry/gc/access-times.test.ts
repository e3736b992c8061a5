import { join } from 'node:path';
import { stat, utimes, writeFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { AccessTimes, atimePersister } from '../../../../src/registry/gc/access-times.js';
import { FilesystemDriver } from '../../../../src/registry/storage/driver/filesystem.js';
import { Layout } from '../../../../src/registry/storage/layout.js';
import { writeFileAtomic } from '../../../../src/registry/storage/files.js';
import { newTempDir } from '../../../support/temp-dir.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('AccessTimes', () => {
  test('remembers touches and persists each digest at most once a minute', async () => {
    let now = 1_000_000;
    const written: [string, number][] = [];
    const times = new AccessTimes({ now: () => now, persist: async (d, at) => void written.push([d, at]) });
    times.touch(D);
    now += 30_000;
    times.touch(D);
    expect(times.get(D)).toBe(1_030_000);
    now += 30_000;
    times.touch(D);
    expect(written).toEqual([
      [D, 1_000_000],
      [D, 1_060_000],
    ]);
  });

  test('prune forgets old touches once they are persisted, keeps the rest', () => {
    let now = 0;
    const times = new AccessTimes({ now: () => now, persist: async () => undefined });
    times.touch(D);
    now = 10_000;
    times.touch(D);
    times.prune(20_000);
    expect(times.get(D)).toBe(10_000);
    now = 100_000;
    times.touch(D);
    times.prune(200_000);
    expect(times.size).toBe(0);
  });

  test('a failing persister is reported, the touch kept', async () => {
    const errors: unknown[] = [];
    const times = new AccessTimes({
      persist: async () => Promise.reject(new Error('read-only file system')),
      onError: (error) => errors.push(error),
    });
    times.touch(D);
    await new Promise((resolve) => setImmediate(resolve));
    expect(times.get(D)).toBeDefined();
    expect(errors).toEqual([new Error('read-only file system')]);
  });
});

describe('atimePersister', () => {
  test("sets the content file's atime and keeps its mtime; a missing file is ignored", async () => {
    const root = newTempDir('atime');
    const layout = new Layout();
    const driver = new FilesystemDriver({ root, fsync: false });
    const path = join(root, layout.blob(D));
    await writeFileAtomic(root, path, 'x', { fsync: false });
    await utimes(path, 1_000, 2_000);
    await atimePersister(driver, layout)(D, 5_000_000);
    const info = await stat(path);
    expect(info.atimeMs).toBe(5_000_000);
    expect(info.mtimeMs).toBe(2_000_000);
    await expect(atimePersister(driver, layout)(`sha256:${'b'.repeat(64)}`, 1)).resolves.toBeUndefined();
    await writeFile(`${root}/unrelated`, '');
  });
});
