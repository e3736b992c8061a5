import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { READ_CHUNK } from '../../../../src/registry/storage/hashing.js';
import { readRange } from '../../../../src/registry/storage/range-reader.js';

let dir: string;
let file: string;
const content = randomBytes(READ_CHUNK * 2 + 12_345);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'range-reader-'));
  file = join(dir, 'blob');
  await writeFile(file, content);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Collects copies of the chunks a sink receives. */
async function collect(start: number, end: number): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  await readRange(file, start, end, async (chunk) => {
    chunks.push(Buffer.from(chunk));
  });
  return chunks;
}

describe('readRange', () => {
  test.each([
    ['the whole file', 0, content.length - 1],
    ['a range across chunk boundaries', 1000, READ_CHUNK * 2 + 7],
    ['one byte', 5, 5],
    ['the last byte', content.length - 1, content.length - 1],
  ])('%s arrives exactly, in chunks of at most 1 MiB', async (_, start, end) => {
    const chunks = await collect(start, end);
    expect(Buffer.concat(chunks).equals(content.subarray(start, end + 1))).toBe(true);
    expect(chunks.every((c) => c.length <= READ_CHUNK)).toBe(true);
  });

  test('a buffer is not read into again before the sink releases its chunk', async () => {
    const held: { chunk: Buffer; copy: Buffer; release: () => void }[] = [];
    const done = readRange(file, 0, content.length - 1, (chunk) => {
      return new Promise<void>((resolve) => {
        held.push({ chunk, copy: Buffer.from(chunk), release: resolve });
      });
    });
    // Release slowly, checking each chunk is intact at the moment it is released.
    for (let i = 0; i < 3; i++) {
      await waitFor(() => held.length > i);
      // Two buffers take turns: the reader never has more than two chunks out.
      expect(held.length).toBeLessThanOrEqual(i + 2);
      await new Promise((r) => setTimeout(r, 20));
      expect(held[i]!.chunk.equals(held[i]!.copy)).toBe(true);
      held[i]!.release();
    }
    await done;
    expect(Buffer.concat(held.map((h) => h.copy)).equals(content)).toBe(true);
    // The third chunk reused the first chunk's memory.
    expect(held[2]!.chunk.buffer).toBe(held[0]!.chunk.buffer);
  });

  test("the sink's failure ends the read with that error", async () => {
    const failure = new Error('client went away');
    let calls = 0;
    await expect(
      readRange(file, 0, content.length - 1, async () => {
        calls += 1;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(calls).toBeLessThanOrEqual(2);
  });

  test('a file shorter than the range is reported as corrupt store content', async () => {
    const short = join(dir, 'short');
    await writeFile(short, content);
    await truncate(short, 100);
    await expect(readRange(short, 0, 1000, async () => undefined)).rejects.toMatchObject({
      code: 'REGISTRY_STORE_CORRUPT',
      hint: expect.stringContaining('registry fsck'),
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(condition()).toBe(true);
}
