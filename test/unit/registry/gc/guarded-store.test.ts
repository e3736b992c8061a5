import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { GcCoordinator } from '../../../../src/registry/gc/coordinator.js';
import { GuardedStore } from '../../../../src/registry/gc/guarded-store.js';
import { newStore, sha } from './fixtures.js';

async function setup() {
  const fixture = await newStore();
  const gc = new GcCoordinator();
  const writes: number[] = [];
  const guarded = new GuardedStore(fixture.store, gc, (bytes) => writes.push(bytes));
  return { ...fixture, gc, guarded, writes };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('GuardedStore', () => {
  test('a commit of content being collected waits for the deletion, then stores it again', async () => {
    const { blob, layout, guarded, gc, store } = await setup();
    const digest = await blob('app', 'layer');
    const run = gc.begin();
    expect(gc.claim(run, digest)).toBe(true);
    const session = await guarded.createUpload('other');
    let committed = false;
    const commit = guarded
      .commitUpload('other', session.id, digest, { body: Readable.from([Buffer.from('layer')]) })
      .then(() => (committed = true));
    await tick();
    expect(committed).toBe(false);
    await unlink(layout.blob(digest));
    await store.deleteBlob('app', digest);
    gc.release(digest);
    await commit;
    expect((await guarded.statBlob('other', digest))?.size).toBe(5);
    expect(gc.claim(run, digest)).toBe(false);
    gc.end(run);
  });

  test('a HEAD during a deletion waits and answers "gone"; one before it keeps the blob', async () => {
    const { blob, layout, guarded, gc, store } = await setup();
    const digest = await blob('app', 'layer');
    gc.access.prune(Date.now() + 1);
    const run = gc.begin();
    expect(gc.claim(run, digest, Date.now())).toBe(true);
    const head = guarded.statBlob('app', digest);
    await tick();
    await unlink(layout.blob(digest));
    await store.deleteBlob('app', digest);
    gc.release(digest);
    expect(await head).toBeUndefined();
    gc.end(run);

    const kept = await blob('app', 'kept');
    gc.access.prune(Date.now() + 1);
    const next = gc.begin();
    expect(await guarded.statBlob('app', kept)).toBeDefined();
    expect(gc.claim(next, kept, Date.now() - 1_000)).toBe(false);
  });

  test('reports the size of every commit and manifest put; reads by tag touch the manifest', async () => {
    const { guarded, gc, writes } = await setup();
    const bytes = Buffer.from('{"schemaVersion":2,"layers":[]}');
    const session = await guarded.createUpload('app');
    await guarded.commitUpload('app', session.id, sha('abc'), { body: Readable.from([Buffer.from('abc')]) });
    await guarded.putManifest('app', {
      bytes,
      digest: sha(bytes),
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      tags: ['v1'],
    });
    expect(writes).toEqual([3, bytes.length]);
    gc.access.prune(Date.now() + 1);
    expect((await guarded.getManifest('app', 'v1'))?.digest).toBe(sha(bytes));
    expect(gc.access.get(sha(bytes))).toBeDefined();
    expect(await guarded.listTags('app')).toEqual(['v1']);
  });

  test('passes the optional capabilities of the store through', async () => {
    const { guarded } = await setup();
    expect(await guarded.usage!()).toEqual({ blobs: 0, bytes: 0 });
    await expect(guarded.checkWritable!()).resolves.toBeUndefined();
  });
});
