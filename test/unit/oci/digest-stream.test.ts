import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DigestMismatchError,
  DigestStream,
  SizeMismatchError,
  VerifyingStream,
  digestBytes,
  digestOfStream,
  verifyingStream,
} from '../../../src/oci/index.js';

const ABC_SHA256 = 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const EMPTY_SHA256 = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A writable that keeps what it receives. */
function sink(): Writable & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const writable = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return Object.assign(writable, { bytes: () => Buffer.concat(chunks) });
}

function chunksOf(bytes: Uint8Array, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    if (point > start) out.push(Buffer.from(bytes.subarray(start, point)));
    start = point;
  }
  return out;
}

/** An endless source of 1 KiB chunks that records how many were read. */
function endless(): { source: Readable; read: () => number } {
  let count = 0;
  const source = new Readable({
    read() {
      count++;
      this.push(Buffer.alloc(1024, 1));
    },
  });
  return { source, read: () => count };
}

describe('DigestStream', () => {
  test('passes bytes through unchanged and knows their digest and size at the end', async () => {
    const hasher = new DigestStream();
    const out = sink();
    await pipeline(Readable.from([Buffer.from('a'), Buffer.from('bc')]), hasher, out);
    expect(out.bytes().toString()).toBe('abc');
    expect(hasher.digest).toBe(ABC_SHA256);
    expect(hasher.size).toBe(3);
    expect(hasher.algorithm).toBe('sha256');
  });

  test('hashes an empty stream', async () => {
    const hasher = new DigestStream();
    await pipeline(Readable.from([]), hasher, sink());
    expect(hasher.digest).toBe(EMPTY_SHA256);
    expect(hasher.size).toBe(0);
  });

  test('the digest is ready at the finish event', async () => {
    const hasher = new DigestStream('sha512');
    const seen = new Promise<string>((resolve) => hasher.on('finish', () => resolve(hasher.digest)));
    hasher.resume();
    hasher.end('abc');
    expect(await seen).toBe(digestBytes('abc', 'sha512'));
  });

  test('strings are hashed as the bytes their encoding makes', async () => {
    const utf8 = new DigestStream();
    utf8.resume();
    utf8.end('é');
    await new Promise((resolve) => utf8.on('end', resolve));
    expect(utf8.size).toBe(2);
    expect(utf8.digest).toBe(digestBytes('é'));
    const latin1 = new DigestStream();
    latin1.resume();
    latin1.end('é', 'latin1');
    await new Promise((resolve) => latin1.on('end', resolve));
    expect(latin1.size).toBe(1);
    expect(latin1.digest).toBe(digestBytes(new Uint8Array([0xe9])));
  });

  test('reading the digest before the end is a state error', () => {
    const hasher = new DigestStream();
    hasher.write('abc');
    expect(() => hasher.digest).toThrow(expect.objectContaining({ code: 'OCI_DIGEST_STATE' }));
    expect(hasher.size).toBe(3);
    hasher.destroy();
  });

  test('the digest does not depend on how the bytes were chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (bytes, cuts) => {
          const hasher = new DigestStream();
          const out = sink();
          await pipeline(Readable.from(chunksOf(bytes, cuts)), hasher, out);
          expect(hasher.digest).toBe(digestBytes(bytes));
          expect(hasher.size).toBe(bytes.length);
          expect(out.bytes().equals(Buffer.from(bytes))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('verifyingStream', () => {
  test('lets matching content through', async () => {
    const verifier = verifyingStream({ digest: ABC_SHA256, size: 3 });
    const out = sink();
    await pipeline(Readable.from([Buffer.from('abc')]), verifier, out);
    expect(out.bytes().toString()).toBe('abc');
    expect(verifier).toBeInstanceOf(VerifyingStream);
    expect(verifier.digest).toBe(ABC_SHA256);
  });

  test('the size is optional', async () => {
    await expect(
      pipeline(Readable.from([Buffer.from('abc')]), verifyingStream({ digest: ABC_SHA256 }), sink()),
    ).resolves.toBeUndefined();
  });

  test('uses the algorithm of the claimed digest', async () => {
    const digest = digestBytes('abc', 'sha512');
    const verifier = verifyingStream({ digest });
    await pipeline(Readable.from([Buffer.from('abc')]), verifier, sink());
    expect(verifier.algorithm).toBe('sha512');
  });

  test('fails at the end with OCI_DIGEST_MISMATCH, naming both digests', async () => {
    const run = pipeline(
      Readable.from([Buffer.from('abd')]),
      verifyingStream({ digest: ABC_SHA256, size: 3 }),
      sink(),
    );
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DigestMismatchError);
    expect(error).toMatchObject({
      code: 'OCI_DIGEST_MISMATCH',
      expected: ABC_SHA256,
      actual: digestBytes('abd'),
    });
    expect((error as Error).message).toBe(
      `content digest mismatch: expected ${ABC_SHA256}, got ${digestBytes('abd')}`,
    );
  });

  test('fails at the end with OCI_SIZE_MISMATCH when content is short', async () => {
    const run = pipeline(
      Readable.from([Buffer.from('ab')]),
      verifyingStream({ digest: ABC_SHA256, size: 3 }),
      sink(),
    );
    await expect(run).rejects.toThrow(SizeMismatchError);
    await expect(run).rejects.toMatchObject({
      code: 'OCI_SIZE_MISMATCH',
      expected: 3,
      actual: 2,
      overflow: false,
    });
  });

  test('stops an endless source as soon as it passes the claimed size', async () => {
    const { source, read } = endless();
    const run = pipeline(source, verifyingStream({ digest: EMPTY_SHA256, size: 10_000 }), sink());
    await expect(run).rejects.toMatchObject({
      code: 'OCI_SIZE_MISMATCH',
      expected: 10_000,
      actual: 10_240,
      overflow: true,
    });
    // Ten chunks reach the limit; the rest is what stream buffers had read ahead.
    expect(read()).toBeLessThan(200);
    await expect(run).rejects.toThrow('expected 10000 bytes, got more than 10000 (at least 10240)');
  });

  test('refuses a malformed claimed digest up front', () => {
    expect(() => verifyingStream({ digest: 'sha256:abc' })).toThrow(
      expect.objectContaining({ code: 'OCI_INVALID_DIGEST' }),
    );
  });
});

describe('digestOfStream', () => {
  test('reads a Readable to its end', async () => {
    await expect(digestOfStream(Readable.from([Buffer.from('a'), Buffer.from('bc')]))).resolves.toEqual({
      digest: ABC_SHA256,
      size: 3,
    });
  });

  test('reads any async iterable, strings as UTF-8', async () => {
    async function* parts(): AsyncGenerator<string | Uint8Array> {
      yield 'é';
      yield new Uint8Array([0x61]);
    }
    await expect(digestOfStream(parts(), 'sha512')).resolves.toEqual({
      digest: digestBytes(Buffer.from('éa', 'utf8'), 'sha512'),
      size: 3,
    });
  });

  test('an aborted signal stops it before reading', async () => {
    const { source, read } = endless();
    const controller = new AbortController();
    controller.abort();
    await expect(digestOfStream(source, 'sha256', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(read()).toBe(0);
    source.destroy();
  });

  test('aborting while reading stops the read and destroys the stream', async () => {
    const { source } = endless();
    const controller = new AbortController();
    source.once('data', () => controller.abort());
    await expect(digestOfStream(source, 'sha256', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(source.destroyed).toBe(true);
  });
});
