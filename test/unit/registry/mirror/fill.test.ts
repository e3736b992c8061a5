import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { beforeEach, describe, expect, test } from 'vitest';
import { BlobFill } from '../../../../src/registry/mirror/fill.js';
import { followFill } from '../../../../src/registry/mirror/follow.js';
import { DiskStore } from '../../../../src/registry/storage/disk.js';
import { Layout } from '../../../../src/registry/storage/layout.js';
import { newTempDir } from '../../../support/temp-dir.js';

const sha = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const REPO = 'mirror/app';

let root: string;
let store: DiskStore;
let layout: Layout;
beforeEach(async () => {
  root = newTempDir('fill');
  store = new DiskStore({ root, fsync: false });
  await store.init();
  layout = new Layout();
});

function fillOf(source: Readable | Error, digest: string, size?: number, present = false): BlobFill {
  return new BlobFill({
    store,
    repository: REPO,
    digest,
    size,
    present: async () => present,
    open: async () => {
      if (source instanceof Error) throw source;
      return source;
    },
    dataPath: (repository, id) => join(root, layout.uploadData(repository, id)),
  });
}

const fallback = (digest: string) => async () => (await store.getBlob(REPO, digest))!.open();

/** Reads `stream` until `count` bytes arrived, then pauses it (without ending it). */
function readAtLeast(stream: Readable, count: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      total += chunk.length;
      if (total < count) return;
      stream.pause();
      stream.off('data', onData);
      stream.off('error', reject);
      resolve(Buffer.concat(chunks));
    };
    stream.on('data', onData);
    stream.on('error', reject);
  });
}

const uploadsLeft = async () =>
  readdir(join(root, 'repositories', 'mirror', 'app', '_uploads')).catch(() => []);

describe('BlobFill and followFill', () => {
  test('a reader gets the bytes while they arrive, and the blob is committed once verified', async () => {
    const first = Buffer.alloc(300_000, 1);
    const rest = Buffer.alloc(200_000, 2);
    const whole = Buffer.concat([first, rest]);
    const source = new PassThrough();
    const fill = fillOf(source, sha(whole), whole.length);
    await fill.started;
    source.write(first);
    const follower = followFill(fill, fallback(sha(whole)));
    const early = await readAtLeast(follower, first.length - 1);
    expect(early.length).toBe(first.length - 1);
    expect(fill.state).toBe('running');
    const late = new PassThrough();
    follower.pipe(late);
    source.end(rest);
    expect(await fill.done).toEqual({ digest: sha(whole), size: whole.length });
    expect(Buffer.concat([early, await buffer(late)])).toEqual(whole);
    expect((await store.statBlob(REPO, sha(whole)))?.size).toBe(whole.length);
    expect(await uploadsLeft()).toEqual([]);
  });

  test('bytes that do not match the digest fail the reader before it has them all, and nothing is kept', async () => {
    const claimed = sha(Buffer.from('the real content'));
    const source = new PassThrough();
    const fill = fillOf(source, claimed);
    await fill.started;
    const follower = followFill(fill, fallback(claimed));
    const received: Buffer[] = [];
    follower.on('data', (chunk: Buffer) => received.push(chunk));
    const ended = new Promise((resolve, reject) => {
      follower.on('end', resolve);
      follower.on('error', reject);
    });
    source.end(Buffer.from('forged content!!'));
    await expect(fill.done).rejects.toMatchObject({ code: 'REGISTRY_DIGEST_MISMATCH' });
    await expect(ended).rejects.toMatchObject({ code: 'REGISTRY_DIGEST_MISMATCH' });
    expect(Buffer.concat(received).length).toBeLessThan('forged content!!'.length);
    expect(await store.statBlob(REPO, claimed)).toBeUndefined();
    expect(await uploadsLeft()).toEqual([]);
  });

  test('a late reader of a finished fill streams the committed blob', async () => {
    const bytes = Buffer.from('small blob');
    const fill = fillOf(Readable.from([bytes]), sha(bytes));
    await fill.done;
    expect(await buffer(followFill(fill, fallback(sha(bytes))))).toEqual(bytes);
  });

  test('a blob present already is not fetched', async () => {
    const bytes = Buffer.from('already here');
    const session = await store.createUpload(REPO);
    await store.commitUpload(REPO, session.id, sha(bytes), { body: Readable.from([bytes]) });
    const fill = fillOf(new Error('must not be opened'), sha(bytes), undefined, true);
    expect(await fill.done).toBeUndefined();
    expect(fill.dataPath).toBeUndefined();
    expect(await buffer(followFill(fill, fallback(sha(bytes))))).toEqual(bytes);
  });

  test('an upstream that fails to answer rejects `started` and leaves no upload session', async () => {
    const fill = fillOf(new Error('connection refused'), sha(Buffer.from('x')));
    await expect(fill.started).rejects.toThrow('connection refused');
    await expect(fill.done).rejects.toThrow('connection refused');
    expect(fill.isFailed()).toBe(true);
    expect(await uploadsLeft()).toEqual([]);
  });

  test('a stream that breaks midway fails the fill and the reader', async () => {
    const source = new PassThrough();
    const fill = fillOf(source, sha(Buffer.alloc(10)));
    await fill.started;
    const follower = followFill(fill, fallback('unused'));
    source.write(Buffer.alloc(5));
    source.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    await expect(fill.done).rejects.toThrow('socket hang up');
    await expect(buffer(follower)).rejects.toThrow('socket hang up');
    expect(await uploadsLeft()).toEqual([]);
  });
});
