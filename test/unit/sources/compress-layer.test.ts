import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, zstdDecompressSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { digestBytes } from '../../../src/oci/index.js';
import type { BlobSource } from '../../../src/oci/image.js';
import { compressToFile, incompressible, SAMPLE_BYTES } from '../../../src/sources/compress-layer.js';
import { fileBlob } from '../../../src/sources/file-blob.js';
import { newTempDir } from '../../support/temp-dir.js';

function blobOf(bytes: Buffer): BlobSource {
  return {
    descriptor: {
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      digest: digestBytes(bytes),
      size: bytes.length,
    },
    open: async () =>
      Readable.from([bytes.subarray(0, bytes.length >> 1), bytes.subarray(bytes.length >> 1)]),
  };
}

const text = Buffer.from('hello container-package '.repeat(Math.ceil((2 * SAMPLE_BYTES) / 24)));
const noise = randomBytes(2 * SAMPLE_BYTES);

describe('compressToFile', () => {
  test.each([
    ['text', text, false],
    ['random bytes', noise, true],
    ['a tiny blob', Buffer.from('x'.repeat(100)), false],
  ])('%s: incompressible is %s', async (_name, bytes, want) => {
    expect(await incompressible(blobOf(bytes), 6)).toBe(want);
  });

  test('stores incompressible content (gzip level 0) and still writes valid gzip', async () => {
    const file = join(newTempDir('compress'), 'layer.gz');
    const written = await compressToFile(blobOf(noise), 'gzip', 6, file);
    const out = readFileSync(file);
    expect(written.size).toBe(out.length);
    expect(written.digest).toBe(digestBytes(out));
    expect(out.length).toBeGreaterThan(noise.length); // stored blocks: a little larger than the input
    expect(gunzipSync(out).equals(noise)).toBe(true);
  });

  test('compresses compressible content at the level asked for', async () => {
    const file = join(newTempDir('compress'), 'layer.gz');
    const written = await compressToFile(blobOf(text), 'gzip', 6, file);
    expect(written.size).toBeLessThan(text.length / 50);
    expect(gunzipSync(readFileSync(file)).equals(text)).toBe(true);
  });
});

describe('compressing a layer read from a file', () => {
  test("gives the reader's buffers back once zlib consumed them, and the bytes stay right", async () => {
    const bytes = Buffer.concat([text, noise, text]); // ~8 MiB: eight 1 MiB reads and a tail
    const dir = newTempDir('compress-file');
    const input = join(dir, 'layer.tar');
    writeFileSync(input, bytes);
    const file = fileBlob(
      { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: digestBytes(bytes), size: bytes.length },
      { file: input },
    );
    const buffers = new Set<ArrayBufferLike>();
    let chunks = 0;
    const watched: BlobSource = {
      descriptor: file.descriptor,
      open: async (signal) => {
        const stream = await file.open(signal);
        stream.on('data', (chunk: Buffer) => {
          buffers.add(chunk.buffer);
          chunks++;
        });
        return stream;
      },
    };
    for (const [compression, level] of [
      ['gzip', 6],
      ['gzip', 0],
      ['zstd', 3],
    ] as const) {
      buffers.clear();
      chunks = 0;
      const out = join(dir, `layer.${compression}${level}`);
      const written = await compressToFile(watched, compression, level, out);
      const compressed = readFileSync(out);
      expect(written).toMatchObject({ digest: digestBytes(compressed), size: compressed.length });
      const back = compression === 'gzip' ? gunzipSync(compressed) : zstdDecompressSync(compressed);
      expect(back.equals(bytes)).toBe(true);
      expect(buffers.size).toBeLessThan(chunks);
    }
  });
});
