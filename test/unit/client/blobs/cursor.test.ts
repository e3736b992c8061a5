import { createHash } from 'node:crypto';
import { Readable, pipeline } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BlobCursor, BlobHasher, openSource } from '../../../../src/client/blobs/cursor.js';
import { ContainerPackageError } from '../../../../src/errors.js';
import { VerifyingStream } from '../../../../src/oci/index.js';
import { parseRangeEnd } from '../../../../src/client/blobs/steps.js';

const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const descriptor = {
  mediaType: 'x',
  digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
  size: bytes.length,
};

function source(content: Buffer, piece = 97): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < content.length; i += piece) parts.push(content.subarray(i, i + piece));
  return Readable.from(parts, { objectMode: false });
}

async function collect(pieces: AsyncIterable<Buffer>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const p of pieces) out.push(p);
  return Buffer.concat(out);
}

describe('BlobCursor', () => {
  it('hands out exact pieces in order and verifies at the end', async () => {
    const cursor = new BlobCursor(source(bytes), new BlobHasher(descriptor));
    const seen: number[] = [];
    const first = await collect(cursor.take(300, (p) => seen.push(p)));
    const rest = await collect(cursor.take(700));
    expect(Buffer.concat([first, rest]).equals(bytes)).toBe(true);
    expect(cursor.position).toBe(1000);
    expect(seen.at(-1)).toBe(300);
    expect(seen.every((p, i) => i === 0 || p > seen[i - 1]!)).toBe(true);
  });

  it('resumes from an offset with a fresh source, hashing each byte once', async () => {
    const hasher = new BlobHasher(descriptor);
    const first = new BlobCursor(source(bytes), hasher);
    await collect(first.take(600));
    first.close();
    const resumed = new BlobCursor(source(bytes, 333), hasher);
    await resumed.skip(450);
    expect(hasher.hashed).toBe(600);
    const tail = await collect(resumed.take(550));
    expect(tail.equals(bytes.subarray(450))).toBe(true);
  });

  it('withholds the last piece of content that does not match the digest', async () => {
    const wrong = Buffer.from(bytes);
    wrong[10] = 255 - wrong[10]!;
    const cursor = new BlobCursor(source(wrong, 500), new BlobHasher(descriptor));
    const handed: Buffer[] = [];
    await expect(
      (async () => {
        for await (const piece of cursor.take(1000)) handed.push(piece);
      })(),
    ).rejects.toMatchObject({ code: 'CLIENT_DIGEST_MISMATCH', expected: descriptor.digest });
    expect(Buffer.concat(handed).length).toBe(500);
  });

  it.each([
    ['shorter', bytes.subarray(0, 900), 'ends after 900 bytes'],
    ['longer', Buffer.concat([bytes, Buffer.from([1])]), 'has more bytes'],
  ])('refuses a source that is %s than the descriptor', async (_name, content, message) => {
    const cursor = new BlobCursor(source(content), new BlobHasher(descriptor));
    await expect(collect(cursor.take(1000))).rejects.toThrow(message);
  });

  it('reports a failing source as CLIENT_SOURCE_READ, passing coded errors through', async () => {
    const broken = new Readable({
      read() {
        this.destroy(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
      },
    });
    const cursor = new BlobCursor(broken, new BlobHasher(descriptor));
    await expect(collect(cursor.take(10))).rejects.toMatchObject({
      code: 'CLIENT_SOURCE_READ',
      message: `cannot read blob ${descriptor.digest} from its source: EIO: i/o error`,
    });
    const failing = {
      descriptor,
      open: () => Promise.reject(Object.assign(new Error('gone'), { code: 'ENOENT' })),
    };
    await expect(openSource(failing)).rejects.toMatchObject({ code: 'CLIENT_SOURCE_READ' });
    const coded = {
      descriptor,
      open: () => Promise.reject(new ContainerPackageError('SRC_NOT_FOUND', 'layout removed')),
    };
    await expect(openSource(coded)).rejects.toMatchObject({ code: 'SRC_NOT_FOUND' });
  });

  /** `content` through a VerifyingStream expecting `expected`, as an image source's opener returns it. */
  function verified(content: Buffer, expected = descriptor): VerifyingStream {
    const stream = new VerifyingStream({ digest: expected.digest, size: expected.size });
    pipeline(source(content), stream, () => undefined);
    return stream;
  }

  it('does not hash again a source that checks the same digest and size itself', async () => {
    const hasher = new BlobHasher(descriptor);
    const cursor = new BlobCursor(verified(bytes), hasher);
    expect((await collect(cursor.take(1000))).equals(bytes)).toBe(true);
    // Every position is counted (a resumed chunked upload compares it with the registry's offset)…
    expect(hasher.hashed).toBe(1000);
    // …but none was hashed.
    expect(() => hasher.verify()).toThrow(/checked some bytes itself/);
    // A verifying stream that checks another digest (here sha512 of the same bytes) is hashed as any other source.
    const other = { ...descriptor, digest: `sha512:${createHash('sha512').update(bytes).digest('hex')}` };
    const plain = new BlobHasher(descriptor);
    expect((await collect(new BlobCursor(verified(bytes, other), plain).take(1000))).equals(bytes)).toBe(
      true,
    );
    expect(plain.hashed).toBe(1000);
    expect(() => plain.verify()).not.toThrow();
  });

  it('withholds the last piece of a self-checking source whose content does not match', async () => {
    const bad = Buffer.from(bytes);
    bad[500] = (bad[500]! + 1) % 256;
    const cursor = new BlobCursor(verified(bad), new BlobHasher(descriptor));
    const pieces: Buffer[] = [];
    await expect(
      (async () => {
        for await (const piece of cursor.take(1000)) pieces.push(piece);
      })(),
    ).rejects.toMatchObject({ code: 'OCI_DIGEST_MISMATCH' });
    expect(Buffer.concat(pieces).length).toBeLessThan(1000);
  });

  it('verifies an empty blob', async () => {
    const empty = { mediaType: 'x', digest: `sha256:${createHash('sha256').digest('hex')}`, size: 0 };
    const cursor = new BlobCursor(Readable.from([]), new BlobHasher(empty));
    expect((await collect(cursor.take(0))).length).toBe(0);
    const wrong = new BlobCursor(Readable.from([Buffer.from('x')]), new BlobHasher(empty));
    await expect(collect(wrong.take(0))).rejects.toThrow('has more bytes');
  });
});

describe('parseRangeEnd', () => {
  it.each([
    ['0-1023', 1024],
    ['bytes=0-99', 100],
    ['0-0', 0],
    ['0--1', 0],
    ['5-10', 0],
    ['', 0],
    [undefined, 0],
  ])('%s -> %i', (range, offset) => {
    expect(parseRangeEnd(range)).toBe(offset);
  });
});
