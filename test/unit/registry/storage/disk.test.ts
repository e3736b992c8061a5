import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { beforeEach, describe, expect, test } from 'vitest';
import { DiskStore } from '../../../../src/registry/storage/disk.js';
import { newTempDir } from '../../../support/temp-dir.js';

const sha = (bytes: Uint8Array | string, algorithm: 'sha256' | 'sha512' = 'sha256') =>
  `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
const body = (...chunks: (string | Buffer)[]) => Readable.from(chunks.map((c) => Buffer.from(c)));

let root: string;
let store: DiskStore;
beforeEach(async () => {
  root = newTempDir('store');
  store = new DiskStore({ root });
  await store.init();
});

const blobFile = (digest: string) => {
  const [algorithm, hex] = digest.split(':') as [string, string];
  return join(root, 'blobs', algorithm, hex.slice(0, 2), hex);
};

describe('uploads', () => {
  test('chunks appended in order commit to a blob readable only in its repository', async () => {
    const session = await store.createUpload('a/b');
    expect(session.size).toBe(0);
    await store.appendUpload('a/b', session.id, { body: body('hello '), start: 0, length: 6 });
    const state = await store.appendUpload('a/b', session.id, { body: body('world'), start: 6 });
    expect(state.size).toBe(11);
    const info = await store.commitUpload('a/b', session.id, sha('hello world'));
    expect(info).toEqual({ digest: sha('hello world'), size: 11 });
    const blob = await store.getBlob('a/b', sha('hello world'));
    expect(await text(blob!.open())).toBe('hello world');
    expect(await text(blob!.open(6, 10))).toBe('world');
    expect(await store.statBlob('other', sha('hello world'))).toBeUndefined();
    expect(await store.getUpload('a/b', session.id)).toBeUndefined();
    expect(await readFile(blobFile(sha('hello world')), 'utf8')).toBe('hello world');
  });

  test('a chunk that does not start at the end is refused with the current size', async () => {
    const { id } = await store.createUpload('r');
    await store.appendUpload('r', id, { body: body('abc') });
    await expect(store.appendUpload('r', id, { body: body('x'), start: 0 })).rejects.toMatchObject({
      code: 'REGISTRY_UPLOAD_OUT_OF_ORDER',
      size: 3,
    });
    expect((await store.getUpload('r', id))?.size).toBe(3);
  });

  test('a chunk with the wrong length is discarded and the upload can go on', async () => {
    const { id } = await store.createUpload('r');
    await store.appendUpload('r', id, { body: body('abc') });
    await expect(
      store.appendUpload('r', id, { body: body('defg'), start: 3, length: 10 }),
    ).rejects.toMatchObject({
      code: 'REGISTRY_UPLOAD_LENGTH_MISMATCH',
    });
    expect((await store.getUpload('r', id))?.size).toBe(3);
    await store.appendUpload('r', id, { body: body('def'), start: 3, length: 3 });
    expect((await store.commitUpload('r', id, sha('abcdef'))).size).toBe(6);
  });

  test('a body that fails midway leaves the session as it was', async () => {
    const { id } = await store.createUpload('r');
    await store.appendUpload('r', id, { body: body('abc') });
    const broken = new Readable({
      read() {
        this.push(Buffer.from('zzzz'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.appendUpload('r', id, { body: broken })).rejects.toThrow('connection reset');
    expect((await store.getUpload('r', id))?.size).toBe(3);
    await store.appendUpload('r', id, { body: body('d') });
    expect((await store.commitUpload('r', id, sha('abcd'))).digest).toBe(sha('abcd'));
  });

  test('a digest mismatch stores nothing and ends the session', async () => {
    const { id } = await store.createUpload('r');
    const wrong = sha('something else');
    await expect(store.commitUpload('r', id, wrong, { body: body('content') })).rejects.toMatchObject({
      code: 'REGISTRY_DIGEST_MISMATCH',
      actualDigest: sha('content'),
    });
    expect(await store.getUpload('r', id)).toBeUndefined();
    expect(await store.statBlob('r', sha('content'))).toBeUndefined();
    expect(await readdir(join(root, 'blobs'))).toEqual([]);
  });

  test('sha512 digests are verified by hashing the data', async () => {
    const { id } = await store.createUpload('r');
    await store.appendUpload('r', id, { body: body('x'.repeat(5000)) });
    const digest = sha('x'.repeat(5000), 'sha512');
    expect(await store.commitUpload('r', id, digest)).toEqual({ digest, size: 5000 });
    expect((await store.statBlob('r', digest))?.size).toBe(5000);
  });

  test('an upload survives a restart: a new store on the same root finishes it', async () => {
    const { id } = await store.createUpload('r');
    await store.appendUpload('r', id, { body: body('first half, ') });
    const restarted = new DiskStore({ root });
    expect((await restarted.getUpload('r', id))?.size).toBe(12);
    await restarted.appendUpload('r', id, { body: body('second half'), start: 12 });
    expect((await restarted.commitUpload('r', id, sha('first half, second half'))).size).toBe(23);
  });

  test('two sessions committing the same content at once both succeed', async () => {
    const content = 'same layer'.repeat(1000);
    const a = await store.createUpload('r1');
    const b = await store.createUpload('r2');
    const results = await Promise.all([
      store.commitUpload('r1', a.id, sha(content), { body: body(content) }),
      store.commitUpload('r2', b.id, sha(content), { body: body(content) }),
    ]);
    expect(results.map((r) => r.digest)).toEqual([sha(content), sha(content)]);
    expect(await readFile(blobFile(sha(content)), 'utf8')).toBe(content);
    expect((await store.statBlob('r2', sha(content)))?.size).toBe(content.length);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  test('concurrent chunks for one session are applied one at a time', async () => {
    const { id } = await store.createUpload('r');
    const outcomes = await Promise.allSettled([
      store.appendUpload('r', id, { body: body('aaaa'), start: 0 }),
      store.appendUpload('r', id, { body: body('bbbb'), start: 0 }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await store.getUpload('r', id))?.size).toBe(4);
  });

  test('cancel removes the session; unknown sessions are reported', async () => {
    const { id } = await store.createUpload('r');
    expect(await store.cancelUpload('r', id)).toBe(true);
    expect(await store.cancelUpload('r', id)).toBe(false);
    await expect(store.appendUpload('r', id, { body: body('x') })).rejects.toMatchObject({
      code: 'REGISTRY_UPLOAD_UNKNOWN',
    });
  });

  test('purgeExpiredUploads drops old sessions and stale temp files, keeps fresh ones', async () => {
    const old = await store.createUpload('a');
    const fresh = await store.createUpload('b/c');
    await writeFile(
      join(root, 'repositories', 'a', '_uploads', old.id, 'startedat'),
      '2000-01-01T00:00:00.000Z',
    );
    await writeFile(join(root, 'tmp', 'left-over.tmp'), 'x');
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    const report = await store.purgeExpiredUploads(24 * 60 * 60 * 1000, later);
    expect(report).toEqual({ uploads: 1, tempFiles: 1 });
    expect(await store.getUpload('a', old.id)).toBeUndefined();
    expect(await store.getUpload('b/c', fresh.id)).toBeDefined();
  });
});

describe('blobs', () => {
  const push = async (repository: string, content: string) => {
    const { id } = await store.createUpload(repository);
    return (await store.commitUpload(repository, id, sha(content), { body: body(content) })).digest;
  };

  test('mount from a repository that has the blob, or from anywhere when from is undefined', async () => {
    const digest = await push('src', 'shared');
    expect(await store.mountBlob('dst', digest, 'elsewhere')).toBeUndefined();
    expect(await store.mountBlob('dst', digest, 'src')).toEqual({ digest, size: 6 });
    expect(await store.mountBlob('dst2', digest, undefined)).toEqual({ digest, size: 6 });
    expect(await store.mountBlob('dst3', sha('never pushed'), undefined)).toBeUndefined();
  });

  test('delete unlinks the blob from one repository only', async () => {
    const digest = await push('one', 'content');
    await store.mountBlob('two', digest, 'one');
    expect(await store.deleteBlob('one', digest)).toBe(true);
    expect(await store.deleteBlob('one', digest)).toBe(false);
    expect(await store.statBlob('one', digest)).toBeUndefined();
    expect(await store.statBlob('two', digest)).toBeDefined();
  });
});

describe('manifests, tags and referrers', () => {
  const manifest = Buffer.from('{"schemaVersion":2}');
  const digest = sha(manifest);
  const mediaType = 'application/vnd.oci.image.manifest.v1+json';

  test('put then get by tag and digest; tags in byte order', async () => {
    await store.putManifest('app', { bytes: manifest, digest, mediaType, tags: ['v1', 'Latest', 'a'] });
    expect(await store.getManifest('app', 'v1')).toEqual({
      digest,
      mediaType,
      size: manifest.length,
      bytes: manifest,
    });
    expect(await store.statManifest('app', digest)).toEqual({ digest, mediaType, size: manifest.length });
    expect(await store.listTags('app')).toEqual(['Latest', 'a', 'v1']);
    expect(await store.listTags('nothing')).toBeUndefined();
    expect(await readFile(join(root, 'repositories', 'app', '_manifests', 'tags', 'v1'), 'utf8')).toBe(
      digest,
    );
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  test('two pushes of the same tag at once both succeed and the tag names one of them', async () => {
    const other = Buffer.from('{"schemaVersion":2,"other":true}');
    await Promise.all([
      store.putManifest('app', { bytes: manifest, digest, mediaType, tags: ['race'] }),
      store.putManifest('app', { bytes: other, digest: sha(other), mediaType, tags: ['race'] }),
    ]);
    expect([digest, sha(other)]).toContain((await store.statManifest('app', 'race'))?.digest);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  test('a manifest is read from disk when not cached', async () => {
    await store.putManifest('app', { bytes: manifest, digest, mediaType, tags: ['v1'] });
    const cold = new DiskStore({ root, manifestCacheBytes: 0 });
    expect((await cold.getManifest('app', 'v1'))?.bytes.equals(manifest)).toBe(true);
    expect(await cold.getManifest('other', 'v1')).toBeUndefined();
  });

  test('deleting a tag keeps the manifest; deleting the manifest removes its tags', async () => {
    await store.putManifest('app', { bytes: manifest, digest, mediaType, tags: ['v1', 'v2'] });
    expect(await store.deleteTag('app', 'v1')).toBe(true);
    expect(await store.deleteTag('app', 'v1')).toBe(false);
    expect(await store.statManifest('app', digest)).toBeDefined();
    expect(await store.deleteManifest('app', digest)).toBe(true);
    expect(await store.listTags('app')).toEqual([]);
    expect(await store.getManifest('app', digest)).toBeUndefined();
    expect(await store.deleteManifest('app', digest)).toBe(false);
  });

  test('the referrers index follows pushes and deletes', async () => {
    const subject = sha('subject');
    const referrer = Buffer.from(JSON.stringify({ schemaVersion: 2, subject: { digest: subject } }));
    const descriptor = {
      mediaType,
      digest: sha(referrer),
      size: referrer.length,
      artifactType: 'application/x',
    };
    await store.putManifest('app', {
      bytes: referrer,
      digest: sha(referrer),
      mediaType,
      tags: [],
      referrer: { subject, descriptor },
    });
    expect(await store.listReferrers('app', subject)).toEqual([descriptor]);
    expect(await store.listReferrers('other', subject)).toEqual([]);
    await store.deleteManifest('app', sha(referrer));
    expect(await store.listReferrers('app', subject)).toEqual([]);
  });

  test('repositories are found at any depth', async () => {
    await store.putManifest('a', { bytes: manifest, digest, mediaType, tags: [] });
    await store.putManifest('a/b/c', { bytes: manifest, digest, mediaType, tags: [] });
    await store.createUpload('z/y');
    expect(await store.listRepositories()).toEqual(['a', 'a/b/c', 'z/y']);
  });
});

describe('fsck', () => {
  test('a healthy store has no problems', async () => {
    const { id } = await store.createUpload('r');
    await store.commitUpload('r', id, sha('blob'), { body: body('blob') });
    const manifest = Buffer.from('{}');
    await store.putManifest('r', { bytes: manifest, digest: sha(manifest), mediaType: 'x', tags: ['t'] });
    expect(await store.fsck()).toMatchObject({
      ok: true,
      blobs: 2,
      blobBytes: 6,
      repositories: 1,
      links: 1,
      manifests: 1,
      tags: 1,
    });
  });

  test('corrupt content, dangling links and tags are reported', async () => {
    const { id } = await store.createUpload('r');
    await store.commitUpload('r', id, sha('blob'), { body: body('blob') });
    await writeFile(blobFile(sha('blob')), 'tampered');
    const manifest = Buffer.from('{}');
    await store.putManifest('r', { bytes: manifest, digest: sha(manifest), mediaType: 'x', tags: ['t'] });
    await writeFile(join(root, 'repositories', 'r', '_manifests', 'tags', 'broken'), 'sha256:nope');
    const report = await store.fsck();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind).sort()).toEqual(['corrupt-blob', 'dangling-tag']);
    expect(report.problems.find((p) => p.kind === 'corrupt-blob')?.path).toBe(
      join('blobs', 'sha256', sha('blob').slice(7, 9), sha('blob').slice(7)),
    );
  });
});

describe('paths are never built from unsafe names', () => {
  test.each([
    ['a repository', () => store.statBlob('../escape', sha('x'))],
    ['a tag', () => store.getManifest('r', '..')],
    ['an upload id', () => store.getUpload('r', '../../tmp')],
    ['a digest', () => store.statBlob('r', 'sha256:../../../../etc/passwd')],
  ])('%s', async (_label, call) => {
    await expect(call()).rejects.toThrow(/unsafe|invalid digest/);
  });
});
