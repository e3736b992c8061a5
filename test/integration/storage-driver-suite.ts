/**
 * The contract every storage driver keeps (`src/registry/storage/driver/driver.ts`), as one suite
 * run against each driver by `storage-drivers.test.ts`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, test } from 'vitest';
import type { StorageDriver } from '../../src/registry/storage/driver/driver.js';

/** How the suite gets its drivers. */
export interface DriverFactory {
  /** A fresh, empty, initialised driver for each test. */
  create(): Promise<StorageDriver>;
  /** A second driver on the same store as `driver` (another process or replica). */
  sameStore?(driver: StorageDriver): Promise<StorageDriver>;
}

const MiB = 1024 * 1024;

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A body that yields `pieces` and then fails. */
function failingBody(pieces: readonly Buffer[]): Readable {
  return Readable.from(
    (async function* () {
      yield* pieces;
      throw new Error('client went away');
    })(),
  );
}

/** Compares large buffers without a byte-by-byte diff. */
function expectSame(actual: Buffer, expected: Buffer): void {
  expect(actual.length).toBe(expected.length);
  expect(actual.equals(expected)).toBe(true);
}

/** Random bytes of `size` (each call different). */
function bytes(size: number): Buffer {
  return randomBytes(size);
}

/** Splits `data` into pieces of uneven sizes (a socket's reads). */
function pieces(data: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < data.length; at += size) out.push(data.subarray(at, at + size));
  return out;
}

export function driverSuite(factory: DriverFactory): void {
  let driver: StorageDriver;
  beforeEach(async () => {
    driver = await factory.create();
  });

  describe('whole files', () => {
    test('getContent is undefined for a missing file, putContent replaces a file whole', async () => {
      expect(await driver.getContent('repositories/a/_manifests/tags/v1')).toBeUndefined();
      await driver.putContent('repositories/a/_manifests/tags/v1', 'sha256:one');
      await driver.putContent('repositories/a/_manifests/tags/v1', Buffer.from('sha256:two'));
      expect((await driver.getContent('repositories/a/_manifests/tags/v1'))?.toString()).toBe('sha256:two');
    });

    test('createExclusive lets exactly one of several racers create a file', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => driver.createExclusive('_gc/lease-1', `holder ${i}`)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect((await driver.getContent('_gc/lease-1'))?.toString()).toBe(`holder ${winner}`);
      expect(await driver.createExclusive('_gc/lease-1', 'late')).toBe(false);
    });

    test('putMarker creates an empty file and never changes an existing one', async () => {
      await driver.putMarker('repositories/a/_layers/sha256/aa');
      expect((await driver.getContent('repositories/a/_layers/sha256/aa'))?.length).toBe(0);
      await driver.putContent('repositories/a/_layers/sha256/bb', 'kept');
      await driver.putMarker('repositories/a/_layers/sha256/bb');
      expect((await driver.getContent('repositories/a/_layers/sha256/bb'))?.toString()).toBe('kept');
    });

    test('stat gives size and times of files; directories and missing keys are undefined', async () => {
      const before = Date.now() - 2000;
      await driver.putContent('blobs/sha256/ab/abc', 'hello');
      const info = await driver.stat('blobs/sha256/ab/abc');
      expect(info?.size).toBe(5);
      expect(info!.modifiedMs).toBeGreaterThanOrEqual(before);
      expect(await driver.stat('blobs/sha256/ab')).toBeUndefined();
      expect(await driver.stat('blobs/sha256/ab/abd')).toBeUndefined();
    });

    test('setAccessTime is read back by walk; the write time stays', async () => {
      await driver.putContent('blobs/sha256/ab/abc', 'hello');
      const written = (await driver.stat('blobs/sha256/ab/abc'))!;
      const later = Math.floor(written.modifiedMs) + 3_600_000;
      await driver.setAccessTime('blobs/sha256/ab/abc', later);
      const info = (await driver.stat('blobs/sha256/ab/abc'))!;
      expect(Math.round(info.modifiedMs / 1000)).toBe(Math.round(written.modifiedMs / 1000));
      const walked: number[] = [];
      await driver.walk('blobs', (entry) => void walked.push(entry.accessedMs));
      expect(walked.map((ms) => Math.round(ms / 1000))).toEqual([Math.round(later / 1000)]);
      await expect(driver.setAccessTime('blobs/sha256/ab/missing', later)).resolves.toBeUndefined();
    });

    test('list gives the entries right under a directory, sorted, with directories marked', async () => {
      await driver.putContent('repositories/a/b/_manifests/tags/v1', 'x');
      await driver.putContent('repositories/a/_layers/sha256/aa', '');
      await driver.putContent('repositories/a/z', 'file');
      await driver.putContent('repositories/ab/_layers/sha256/aa', '');
      expect(await driver.list('repositories/a')).toEqual([
        { name: '_layers', directory: true },
        { name: 'b', directory: true },
        { name: 'z', directory: false },
      ]);
      expect(await driver.list('repositories/missing')).toEqual([]);
    });

    test('walk visits every file under a directory, at any depth, with its size', async () => {
      await driver.putContent('blobs/sha256/aa/aa1', '1');
      await driver.putContent('blobs/sha256/bb/bb22', '22');
      await driver.putContent('blobs/sha512/cc/cc333', '333');
      await driver.putContent('blobsx/other', 'not under blobs/');
      const seen: [string, number][] = [];
      await driver.walk('blobs', (entry) => void seen.push([entry.key, entry.size]));
      expect(seen.sort()).toEqual([
        ['blobs/sha256/aa/aa1', 1],
        ['blobs/sha256/bb/bb22', 2],
        ['blobs/sha512/cc/cc333', 3],
      ]);
    });

    test('delete removes one file; deleteTree a directory and nothing beside it', async () => {
      await driver.putContent('repositories/a/_uploads/u1/startedat', 't');
      await driver.putContent('repositories/a/_uploads/u1/x/y', 't');
      await driver.putContent('repositories/a/_uploads/u10/startedat', 't');
      expect(await driver.delete('repositories/a/_uploads/u1/x/y')).toBe(true);
      expect(await driver.delete('repositories/a/_uploads/u1/x/y')).toBe(false);
      await driver.deleteTree('repositories/a/_uploads/u1');
      await driver.deleteTree('repositories/a/_uploads/missing');
      expect(await driver.getContent('repositories/a/_uploads/u1/startedat')).toBeUndefined();
      expect((await driver.getContent('repositories/a/_uploads/u10/startedat'))?.toString()).toBe('t');
    });

    test('move puts a file over its target', async () => {
      await driver.putContent('a/from', 'new');
      await driver.putContent('b/to', 'old');
      await driver.move('a/from', 'b/to');
      expect(await driver.getContent('a/from')).toBeUndefined();
      expect((await driver.getContent('b/to'))?.toString()).toBe('new');
    });

    test('open and readRange read a range, both ends inclusive', async () => {
      const data = bytes(3 * MiB + 17);
      await driver.putContent('blobs/sha256/aa/big', data);
      expectSame(await collect(driver.open('blobs/sha256/aa/big')), data);
      expectSame(await collect(driver.open('blobs/sha256/aa/big', 10, 20)), data.subarray(10, 21));
      const got: Buffer[] = [];
      await driver.readRange('blobs/sha256/aa/big', 5, data.length - 1, async (chunk) => {
        got.push(Buffer.from(chunk));
      });
      expectSame(Buffer.concat(got), data.subarray(5));
    });

    test('unsafe keys are refused before they reach the storage', async () => {
      for (const key of ['../escape', '/absolute', 'a//b', 'a/./b', 'a/../b', 'a\\b']) {
        await expect(
          Promise.resolve().then(() => driver.getContent(key)),
          key,
        ).rejects.toThrow(/unsafe storage key/);
      }
    });

    test('checkWritable passes on a writable store', async () => {
      await expect(driver.checkWritable()).resolves.toBeUndefined();
    });
  });

  describe('resumable files', () => {
    const key = 'repositories/a/_uploads/u1/data';

    test('appends in several calls, of any sizes, read back whole and committed into place', async () => {
      const data = bytes(13 * MiB + 5);
      await driver.createResumable(key);
      expect(await driver.resumableSize(key)).toBe(0);
      const hash = createHash('sha256');
      let at = 0;
      for (const end of [100, 6 * MiB + 3, 6 * MiB + 3, 13 * MiB + 5]) {
        const count = await driver.append(
          key,
          at,
          Readable.from(pieces(data.subarray(at, end), 65_536)),
          (b) => hash.update(b),
        );
        expect(count).toBe(end - at);
        at = end;
        expect(await driver.resumableSize(key)).toBe(at);
      }
      expect(hash.digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
      expectSame(await collect(driver.openResumable(key)), data);
      await driver.commitResumable(key, 'blobs/sha256/cc/committed');
      expect(await driver.resumableSize(key)).toBeUndefined();
      expect((await driver.stat('blobs/sha256/cc/committed'))?.size).toBe(data.length);
      expectSame(await collect(driver.open('blobs/sha256/cc/committed')), data);
    });

    test('a failed append leaves the file as it was, and appending goes on from there', async () => {
      const data = bytes(7 * MiB);
      await driver.createResumable(key);
      await driver.append(key, 0, Readable.from([data.subarray(0, 1000)]), () => undefined);
      await expect(
        driver.append(key, 1000, failingBody(pieces(data.subarray(1000, 6 * MiB), 100_000)), () => undefined),
      ).rejects.toThrow('client went away');
      expect(await driver.resumableSize(key)).toBe(1000);
      await expect(
        driver.append(key, 1000, Readable.from([data.subarray(1000, 2000)]), () => undefined, {
          check: () => {
            throw new Error('announced another length');
          },
        }),
      ).rejects.toThrow('announced another length');
      expect(await driver.resumableSize(key)).toBe(1000);
      await driver.append(key, 1000, Readable.from(pieces(data.subarray(1000), 300_000)), () => undefined);
      expectSame(await collect(driver.openResumable(key)), data);
    });

    test('an empty resumable file commits as an empty file; deleteResumable discards one', async () => {
      await driver.createResumable(key);
      await driver.commitResumable(key, 'blobs/sha256/e3/empty');
      expect((await driver.stat('blobs/sha256/e3/empty'))?.size).toBe(0);
      await driver.createResumable(key);
      await driver.append(key, 0, Readable.from([Buffer.from('abc')]), () => undefined);
      expect(await driver.deleteResumable(key)).toBe(true);
      expect(await driver.deleteResumable(key)).toBe(false);
      expect(await driver.resumableSize(key)).toBeUndefined();
    });

    test('a resumable file continues in another driver on the same store', async () => {
      const other = await factory.sameStore?.(driver);
      if (other === undefined) return;
      const data = bytes(6 * MiB + 1);
      await driver.createResumable(key);
      await driver.append(
        key,
        0,
        Readable.from(pieces(data.subarray(0, 5 * MiB + 7), 65_536)),
        () => undefined,
      );
      expect(await other.resumableSize(key)).toBe(5 * MiB + 7);
      await other.append(key, 5 * MiB + 7, Readable.from([data.subarray(5 * MiB + 7)]), () => undefined);
      expect(await driver.resumableSize(key)).toBe(data.length);
      await other.commitResumable(key, 'blobs/sha256/dd/moved');
      expectSame(await collect(driver.open('blobs/sha256/dd/moved')), data);
    });
  });

  test('purgeStale runs on a store with nothing stale', async () => {
    expect(await driver.purgeStale(Date.now() - 3_600_000)).toBe(0);
  });
}
