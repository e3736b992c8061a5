import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { buffer as collect } from 'node:stream/consumers';
import { beforeAll, describe, expect, it } from 'vitest';
import { releaseChunk } from '../../../src/chunk-pool.js';
import { FileRangeReader, fileBlob } from '../../../src/sources/file-blob.js';
import { newTempDir } from '../../support/temp-dir.js';

const MiB = 1024 * 1024;

function tempFile(bytes: Buffer): string {
  const file = join(newTempDir('file-blob'), 'blob');
  writeFileSync(file, bytes);
  return file;
}

const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('FileRangeReader', () => {
  const bytes = randomBytes(3 * MiB + 123);
  let file: string;
  beforeAll(() => {
    file = tempFile(bytes);
  });

  it('reads the whole file, and a range inside it, in chunks of at most 1 MiB', async () => {
    const whole = new FileRangeReader(await open(file), 0);
    const sizes: number[] = [];
    whole.on('data', (chunk: Buffer) => sizes.push(chunk.length));
    expect((await collect(whole)).equals(bytes)).toBe(true);
    expect(sizes).toEqual([MiB, MiB, MiB, 123]);

    const range = new FileRangeReader(await open(file), MiB - 7, MiB + 20);
    expect((await collect(range)).equals(bytes.subarray(MiB - 7, 2 * MiB + 13))).toBe(true);
  });

  it('fills a chunk’s buffer again only after the consumer released it', async () => {
    const reader = new FileRangeReader(await open(file), 0);
    const seen: ArrayBufferLike[] = [];
    const hash = createHash('sha256');
    for await (const chunk of reader) {
      seen.push((chunk as Buffer).buffer);
      hash.update(chunk as Buffer);
      releaseChunk(chunk);
    }
    expect(`sha256:${hash.digest('hex')}`).toBe(sha256(bytes));
    expect(new Set(seen).size).toBeLessThan(seen.length); // buffers came back and were reused

    // Kept chunks are never refilled: each keeps its bytes.
    const kept: Buffer[] = [];
    for await (const chunk of new FileRangeReader(await open(file), 0)) kept.push(chunk as Buffer);
    expect(new Set(kept.map((chunk) => chunk.buffer)).size).toBe(kept.length);
    expect(Buffer.concat(kept).equals(bytes)).toBe(true);
  });

  it('ends early when the file is shorter than the range, and closes the file', async () => {
    const handle = await open(file);
    const reader = new FileRangeReader(handle, 3 * MiB, 10 * MiB);
    expect((await collect(reader)).length).toBe(123);
    await expect(handle.stat()).rejects.toThrow(/closed/);
  });

  it('closes the file when destroyed mid-read', async () => {
    const handle = await open(file);
    const reader = new FileRangeReader(handle, 0);
    await new Promise<void>((resolve) => reader.once('data', () => resolve()));
    reader.destroy();
    await new Promise((resolve) => reader.once('close', resolve));
    await expect(handle.stat()).rejects.toThrow(/closed/);
  });
});

describe('fileBlob', () => {
  it('fails a blob whose bytes are not its digest, naming the file, with reused buffers', async () => {
    const bytes = randomBytes(2 * MiB + 1);
    const file = tempFile(bytes);
    const good = fileBlob({ mediaType: 'x', digest: sha256(bytes), size: bytes.length }, { file });
    const hash = createHash('sha256');
    for await (const chunk of await good.open()) {
      hash.update(chunk as Buffer);
      releaseChunk(chunk);
    }
    expect(`sha256:${hash.digest('hex')}`).toBe(sha256(bytes));

    const bad = fileBlob(
      { mediaType: 'x', digest: sha256(Buffer.from('other')), size: bytes.length },
      { file },
    );
    await expect(collect(await bad.open())).rejects.toMatchObject({ code: 'SRC_DIGEST_MISMATCH' });
  });
});
