import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TarFile } from '../../../../src/sources/archive/tar-file.js';
import { indexTar, normalizeTarPath } from '../../../../src/sources/archive/tar-index.js';
import { newTempDir } from '../../../support/temp-dir.js';
import { collect, randomBytes, sha256, tarBuffer } from '../fixtures.js';

/** A raw tar header block (GNU magic), built by hand so GNU long-name records can be tested. */
function header(name: string, size: number, typeflag: string): Buffer {
  const block = Buffer.alloc(512);
  block.write(name.slice(0, 99), 0);
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(size.toString(8).padStart(11, '0') + '\0', 124);
  block.write('00000000000\0', 136);
  block.write('        ', 148);
  block.write(typeflag, 156);
  block.write('ustar  \0', 257);
  const sum = block.reduce((a, b) => a + b, 0);
  block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return block;
}

function padded(data: Buffer): Buffer {
  return Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

/** A GNU tar whose entries use `././@LongLink` records for their names. */
function gnuTar(files: { name: string; data: Buffer }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const { name, data } of files) {
    if (name.length > 99) {
      blocks.push(header('././@LongLink', name.length + 1, 'L'), padded(Buffer.from(name + '\0')));
    }
    blocks.push(header(name, data.length, '0'), padded(data));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

async function readEntry(tar: TarFile, name: string, size: number): Promise<Buffer> {
  const blob = tar.blob(
    {
      mediaType: 'x',
      digest: sha256(readFileSync(tar.path).subarray(tar.range(name).start!, tar.range(name).start! + size)),
      size,
    },
    name,
  );
  return collect(await blob.open());
}

describe('indexTar', () => {
  const long = `${'d'.repeat(80)}/${'e'.repeat(90)}/${'f'.repeat(120)}.bin`;

  test.each([
    ['PAX (tar-stream)', async (files: { name: string; data: Buffer }[]) => tarBuffer(files)],
    ['GNU long names', (files: { name: string; data: Buffer }[]) => Promise.resolve(gnuTar(files))],
  ])('finds the data of entries with long names: %s', async (_, make) => {
    const files = [
      { name: 'short.txt', data: Buffer.from('short') },
      { name: long, data: randomBytes(1, 3000) },
      { name: 'after.txt', data: randomBytes(2, 513) },
    ];
    const file = join(newTempDir('tar'), 'a.tar');
    writeFileSync(file, await make(files));
    const entries = await indexTar(file);
    const bytes = readFileSync(file);
    for (const { name, data } of files) {
      const entry = entries.get(name)!;
      expect(entry).toMatchObject({ name, type: 'file', size: data.length });
      expect(bytes.subarray(entry.offset, entry.offset + entry.size).equals(data)).toBe(true);
    }
  });

  test('follows symlinks relative to their directory and hard links from the root', async () => {
    const data = randomBytes(3, 2000);
    const file = join(newTempDir('links'), 'a.tar');
    writeFileSync(
      file,
      await tarBuffer([
        { name: 'abc.tar', data },
        { name: 'layer1/layer.tar', type: 'symlink', linkname: '../abc.tar' },
        { name: 'layer2/layer.tar', type: 'link', linkname: 'abc.tar' },
        { name: 'loop', type: 'symlink', linkname: 'loop' },
        { name: 'escape', type: 'symlink', linkname: '../../etc/passwd' },
        { name: 'dir', type: 'directory' },
      ]),
    );
    const tar = new TarFile(file, await indexTar(file));
    expect(await readEntry(tar, './layer1/layer.tar', data.length)).toEqual(data);
    expect(await readEntry(tar, 'layer2/layer.tar', data.length)).toEqual(data);
    expect(() => tar.entry('loop')).toThrow(expect.objectContaining({ code: 'SRC_INVALID_ARCHIVE' }));
    expect(() => tar.entry('escape')).toThrow(expect.objectContaining({ code: 'SRC_NOT_FOUND' }));
    expect(() => tar.entry('dir')).toThrow(
      expect.objectContaining({
        code: 'SRC_INVALID_ARCHIVE',
        message: expect.stringMatching(/is a directory/),
      }),
    );
    expect(() => tar.entry('missing')).toThrow(
      expect.objectContaining({ code: 'SRC_NOT_FOUND', path: `${file}:missing` }),
    );
  });

  test('the first of two entries with one name wins', async () => {
    const file = join(newTempDir('dup'), 'a.tar');
    writeFileSync(
      file,
      await tarBuffer([
        { name: 'x', data: 'first' },
        { name: './x', data: 'second!' },
      ]),
    );
    expect((await indexTar(file)).get('x')?.size).toBe(5);
  });

  test.each([
    ['not a tar', () => Buffer.from('this is not a tar archive'.repeat(40))],
    [
      'truncated',
      async () => (await tarBuffer([{ name: 'a', data: randomBytes(4, 5000) }])).subarray(0, 2048),
    ],
  ])('SRC_INVALID_ARCHIVE for %s', async (_, make) => {
    const file = join(newTempDir('bad'), 'a.tar');
    writeFileSync(file, await make());
    await expect(indexTar(file)).rejects.toMatchObject({ code: 'SRC_INVALID_ARCHIVE', path: file });
  });

  test('SRC_NOT_FOUND for a missing file', async () => {
    await expect(indexTar('/nonexistent/a.tar')).rejects.toMatchObject({ code: 'SRC_NOT_FOUND' });
  });
});

describe('normalizeTarPath', () => {
  test.each([
    ['./blobs//sha256/x/', 'blobs/sha256/x'],
    ['/abs/path', 'abs/path'],
    ['a/../b', 'b'],
    ['../up', '../up'],
    ['.', ''],
    ['./', ''],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeTarPath(input)).toBe(expected);
  });
});
