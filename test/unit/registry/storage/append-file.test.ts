import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { APPEND_BUFFER, appendBody } from '../../../../src/registry/storage/append-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'append-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `bytes` as a stream of chunks of `size` bytes (a socket's reads). */
function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

describe('appendBody', () => {
  test.each([
    ['64 KiB reads', 64 * 1024],
    ['odd-sized reads', 12_345],
    ['reads larger than the buffers', APPEND_BUFFER + 777],
  ])('appends every byte of %s after the existing content, hashing in ≤ 1 MiB pieces', async (_, size) => {
    const file = join(dir, `data-${size}`);
    const head = Buffer.from('existing');
    await writeFile(file, head);
    const body = randomBytes(APPEND_BUFFER * 3 + 4321);
    const seen: Buffer[] = [];
    const count = await appendBody(chunked(body, size), file, head.length, (bytes) =>
      seen.push(Buffer.from(bytes)),
    );
    expect(count).toBe(body.length);
    expect((await readFile(file)).equals(Buffer.concat([head, body]))).toBe(true);
    expect(Buffer.concat(seen).equals(body)).toBe(true);
    expect(seen.every((b) => b.length <= APPEND_BUFFER)).toBe(true);
    // One piece (and one file write) per MiB, not per read.
    expect(seen.length).toBe(Math.ceil(body.length / APPEND_BUFFER));
  });

  test("follow: each piece reaches the file before the next arrives (a mirror fill's followers)", async () => {
    const file = join(dir, 'follow');
    await writeFile(file, '');
    const source = new PassThrough();
    const done = appendBody(source, file, 0, () => undefined, { follow: true });
    source.write(Buffer.alloc(1000, 1));
    await waitFor(async () => (await stat(file)).size === 1000);
    source.end(Buffer.alloc(500, 2));
    expect(await done).toBe(1500);
    expect((await stat(file)).size).toBe(1500);
  });

  test('without follow, a small piece waits in memory until a MiB is gathered or the body ends', async () => {
    const file = join(dir, 'gather');
    await writeFile(file, '');
    const source = new PassThrough();
    const done = appendBody(source, file, 0, () => undefined);
    source.write(Buffer.alloc(1000, 1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await stat(file)).size).toBe(0);
    source.end();
    expect(await done).toBe(1000);
    expect((await stat(file)).size).toBe(1000);
  });

  test('an empty body writes nothing', async () => {
    const file = join(dir, 'empty');
    await writeFile(file, '');
    expect(await appendBody(Readable.from([]), file, 0, () => undefined)).toBe(0);
    expect((await readFile(file)).length).toBe(0);
  });

  test("the body's error ends the append with that error", async () => {
    const file = join(dir, 'broken');
    await writeFile(file, '');
    const failure = new Error('connection reset');
    async function* broken() {
      yield randomBytes(APPEND_BUFFER + 10);
      throw failure;
    }
    await expect(appendBody(Readable.from(broken()), file, 0, () => undefined)).rejects.toBe(failure);
  });

  test("onBytes's error (the hash) ends the append and destroys the body", async () => {
    const file = join(dir, 'hash-fails');
    await writeFile(file, '');
    const body = chunked(randomBytes(APPEND_BUFFER * 2), 65_536);
    await expect(
      appendBody(body, file, 0, () => {
        throw new Error('hash failed');
      }),
    ).rejects.toThrow('hash failed');
    expect(body.destroyed).toBe(true);
  });

  test('a file that cannot be opened is an error before anything is read', async () => {
    const body = chunked(randomBytes(100), 10);
    await expect(appendBody(body, join(dir, 'missing', 'data'), 0, () => undefined)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  expect(await condition()).toBe(true);
}
