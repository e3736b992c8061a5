/**
 * `container-package registry gc` (the real CLI bundle) on the storage of a registry that keeps
 * serving: a dry run reports what would be freed and changes nothing; the default grace period
 * keeps fresh garbage; `--grace 0s` frees it while the kept image still pulls and fsck stays clean.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTempDir } from '../support/temp-dir.js';
import { cli, requireBundle } from './registry-cli-support.js';
import { pullImage, pushBlob, pushLayeredImage, type PushedImage } from './registry-mirror-support.js';
import { randomBytes, send, startRegistry, type TestRegistry } from './registry-support.js';

describe('registry gc', () => {
  let reg: TestRegistry;
  let kept: PushedImage;
  let garbageBytes: number;

  beforeAll(async () => {
    requireBundle();
    reg = await startRegistry({ fsync: false, gc: { intervalMs: 0 } });
    kept = await pushLayeredImage(reg.url, 'cli/kept', 'v1', [20_000], 1);
    const gone = await pushLayeredImage(reg.url, 'cli/gone', 'v1', [30_000], 2);
    await send(reg.url, 'DELETE', `/v2/cli/gone/manifests/${gone.digest}`);
    const upload = randomBytes(10_000, 3);
    await pushBlob(reg.url, 'cli/gone', upload);
    garbageBytes = gone.manifest.length + gone.blobs.reduce((sum, b) => sum + b.size, 0) + upload.length;
  });

  afterAll(async () => {
    await reg?.registry.close();
  });

  it('--dry-run --json reports what would be freed and removes nothing', async () => {
    const before = await reg.registry.store.usage!();
    const result = await cli([
      'registry',
      'gc',
      '--storage',
      reg.storageDir,
      '--dry-run',
      '--json',
      '--grace',
      '0',
    ]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      storage: reg.storageDir,
      dry_run: true,
      grace_ms: 0,
      blobs: before.blobs,
      freed_blobs: 4,
      freed_bytes: garbageBytes,
    });
    expect(await reg.registry.store.usage!()).toEqual(before);
  });

  it('keeps garbage younger than the default grace period of one hour', async () => {
    const result = await cli(['registry', 'gc', '--storage', reg.storageDir]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/freed 0 \(0 B\); kept 4 unreferenced blob\(s\) used within 1h$/);
  });

  it('--grace 0s frees it while the registry serves; the kept image still pulls', async () => {
    const result = await cli(['registry', 'gc', '--storage', reg.storageDir, '--grace', '0s']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`freed 4 (`);
    expect(result.stdout).toMatch(/used within 0s$/);
    expect((await pullImage(reg.url, 'cli/kept', 'v1')).digest).toBe(kept.digest);
    expect((await reg.registry.fsck()).problems).toEqual([]);
    const fsck = await cli(['registry', 'fsck', '--storage', reg.storageDir]);
    expect(fsck.stdout).toContain('ok: no problems found');
  });

  it('refuses a bad --grace and a missing storage directory', async () => {
    const bad = await cli(['registry', 'gc', '--storage', reg.storageDir, '--grace', 'an hour']);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain('--grace: expected a duration such as 30s');
    const missing = await cli(['registry', 'gc', '--storage', join(newTempDir('none'), 'absent')]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('no registry storage at');
    expect(missing.stderr).toMatch(/^Code: REGISTRY_STORAGE_MISSING$/m);
    // A file where the storage should be: the same refusal, not a raw EEXIST from mkdir.
    const file = join(newTempDir('file'), 'storage');
    writeFileSync(file, '');
    const notDir = await cli(['registry', 'gc', '--storage', file, '--json']);
    expect(notDir.exitCode).toBe(1);
    expect(JSON.parse(notDir.stdout).error).toMatchObject({ code: 'REGISTRY_STORAGE_MISSING' });
    expect(notDir.stderr).toContain('it is a file, not a directory');
  });
});
