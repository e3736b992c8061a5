/**
 * A collection killed (`kill -9`) mid-sweep leaves nothing `fsck` complains about, and the next
 * collection finishes the job: the real `registry gc` crashes itself at a test crash point
 * (`CONTAINER_PACKAGE_TEST_CRASH_AT`, off by default) between removing a digest's layer links and
 * its content, and after its first content file. Links to content that is already gone (left by
 * an older version killed mid-sweep) are removed by the next collection.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Layout } from '../../src/registry/storage/layout.js';
import { cli, requireBundle } from './registry-cli-support.js';
import { pushLayeredImage, type PushedImage } from './registry-mirror-support.js';
import { send, startRegistry, type TestRegistry } from './registry-support.js';

const CRASH_ENV = 'CONTAINER_PACKAGE_TEST_CRASH_AT';

async function storageWithGarbage(): Promise<{ reg: TestRegistry; gone: PushedImage }> {
  const reg = await startRegistry({ fsync: false, gc: { intervalMs: 0 } });
  await pushLayeredImage(reg.url, 'crash/kept', 'v1', [20_000], 1);
  const gone = await pushLayeredImage(reg.url, 'crash/gone', 'v1', [30_000, 40_000], 2);
  await send(reg.url, 'DELETE', `/v2/crash/gone/manifests/${gone.digest}`);
  await reg.registry.close();
  return { reg, gone };
}

async function fsckProblems(storage: string): Promise<string[]> {
  const result = await cli(['registry', 'fsck', '--storage', storage, '--json']);
  const report = JSON.parse(result.stdout) as { problems: { kind: string; path: string }[] };
  return report.problems.map((p) => `${p.kind} ${p.path}`);
}

describe('registry gc killed mid-sweep', () => {
  let reg: TestRegistry | undefined;
  beforeAll(() => requireBundle());
  afterEach(async () => {
    await reg?.registry.close();
    reg = undefined;
  });

  it.each(['gc-sweep-mid-digest', 'gc-sweep-after-content'])(
    'kill -9 at %s leaves fsck clean, and the next gc frees the rest',
    async (point) => {
      ({ reg } = await storageWithGarbage());
      const gc = (env: Record<string, string> = {}) =>
        cli(['registry', 'gc', '--storage', reg!.storageDir, '--grace', '0s', '--json'], env);
      const killed = await gc({ [CRASH_ENV]: point });
      expect(killed.signal).toBe('SIGKILL');
      expect(await fsckProblems(reg.storageDir)).toEqual([]);
      const again = await gc();
      expect(again.exitCode).toBe(0);
      const report = JSON.parse(again.stdout) as { blobs: number; live_blobs: number; freed_blobs: number };
      expect(report.live_blobs).toBe(3);
      expect(report.freed_blobs).toBeGreaterThan(0);
      expect(report.blobs).toBe(3 + report.freed_blobs);
      expect(JSON.parse((await gc()).stdout)).toMatchObject({ blobs: 3, freed_blobs: 0, dangling_links: 0 });
      expect(await fsckProblems(reg.storageDir)).toEqual([]);
    },
  );

  it('removes layer links to content that is already gone', async () => {
    const made = await storageWithGarbage();
    reg = made.reg;
    // What an older version killed after removing content (but before its links) left behind.
    const layer = made.gone.blobs[1]!.digest;
    rmSync(join(reg.storageDir, new Layout().blob(layer)));
    expect(await fsckProblems(reg.storageDir)).toContain(
      `dangling-layer-link repositories/crash/gone/_layers/${layer.replace(':', '/')}`,
    );
    const repaired = await cli(['registry', 'gc', '--storage', reg.storageDir, '--grace', '0s', '--json']);
    expect(repaired.exitCode).toBe(0);
    expect(JSON.parse(repaired.stdout)).toMatchObject({ dangling_links: 1, blobs: 6, live_blobs: 3 });
    expect(await fsckProblems(reg.storageDir)).toEqual([]);
  });
});
