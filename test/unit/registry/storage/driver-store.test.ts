import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { DriverStore } from '../../../../src/registry/storage/driver-store.js';
import { FilesystemDriver } from '../../../../src/registry/storage/driver/filesystem.js';
import { Layout } from '../../../../src/registry/storage/layout.js';
import { newTempDir } from '../../../support/temp-dir.js';

const MANIFEST = Buffer.from('{"schemaVersion":2,"layers":[]}');
const DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;
const write = { bytes: MANIFEST, digest: DIGEST, mediaType: 'application/vnd.oci.image.manifest.v1+json' };

/** A file-system driver on which another replica deletes the manifest right before each tag is written. */
class RacingDriver extends FilesystemDriver {
  race = true;

  override async putContent(key: string, data: string | Uint8Array): Promise<void> {
    if (this.race && key.includes('/_manifests/tags/')) {
      await this.delete(new Layout().revisionLink('app', DIGEST));
    }
    return super.putContent(key, data);
  }
}

describe('DriverStore on a store shared with other writers', () => {
  test('a manifest put that raced a delete of the same manifest leaves no tag pointing at it', async () => {
    const driver = new RacingDriver({ root: newTempDir('race'), fsync: false });
    const store = new DriverStore(driver, { cacheTtlMs: 0 });
    await store.init();
    await store.putManifest('app', { ...write, tags: ['v1', 'latest'] });
    expect(await driver.getContent('repositories/app/_manifests/tags/v1')).toBeUndefined();
    expect(await store.listTags('app')).toEqual([]);
    expect((await store.fsck()).problems).toEqual([]);
    driver.race = false;
    await store.putManifest('app', { ...write, tags: ['v1'] });
    expect((await store.statManifest('app', 'v1'))?.digest).toBe(DIGEST);
  });

  test('with cacheTtlMs 0 a tag changed by another process is read at once', async () => {
    const root = newTempDir('shared');
    const mine = new DriverStore(new FilesystemDriver({ root, fsync: false }), { cacheTtlMs: 0 });
    const theirs = new DriverStore(new FilesystemDriver({ root, fsync: false }), { cacheTtlMs: 0 });
    await mine.init();
    await mine.putManifest('app', { ...write, tags: ['v1'] });
    expect((await mine.statManifest('app', 'v1'))?.digest).toBe(DIGEST);
    expect(await theirs.deleteTag('app', 'v1')).toBe(true);
    expect(await mine.statManifest('app', 'v1')).toBeUndefined();
  });
});
