import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { scanLayer, sniffCompression } from '../../../../../src/registry/packages/contents/scan-layer.js';
import { layerTar } from '../image-fixture.js';

describe('scanLayer', () => {
  test.each(['gzip', 'zstd', 'none'] as const)('reads entries of a %s layer', async (compression) => {
    const long = `deep/${'d'.repeat(120)}/file-with-a-long-name.txt`;
    const tar = await layerTar(
      [
        { name: './etc/', type: 'directory' },
        { name: './etc/hosts', body: 'hello', mode: 0o600 },
        { name: long, body: 'x' },
        { name: 'bin/sh', type: 'symlink', linkname: '/bin/busybox' },
        { name: 'bin/ln', type: 'link', linkname: './etc/hosts' },
        { name: '../escape', body: 'no' },
      ],
      compression,
    );
    expect(sniffCompression(tar)).toBe(compression);
    const entries = await scanLayer(Readable.from([tar]), sniffCompression(tar));
    expect(entries).toEqual([
      { path: 'etc', type: 'directory', size: 0, mode: 0o755 },
      { path: 'etc/hosts', type: 'file', size: 5, mode: 0o600 },
      { path: long, type: 'file', size: 1, mode: 0o644 },
      { path: 'bin/sh', type: 'symlink', size: 0, mode: 0o644, link: '/bin/busybox' },
      { path: 'bin/ln', type: 'hardlink', size: 0, mode: 0o644, link: '/etc/hosts' },
    ]);
  });

  test('a damaged layer fails', async () => {
    const tar = await layerTar([{ name: 'a', body: 'x'.repeat(1000) }], 'gzip');
    await expect(scanLayer(Readable.from([tar.subarray(0, 30)]), 'gzip')).rejects.toThrow();
  });
});

test('more entries than allowed fail with 413, not unbounded memory', async () => {
  const tar = await layerTar(
    Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, body: '' })),
    'none',
  );
  await expect(scanLayer(Readable.from([tar]), 'none', 10)).rejects.toMatchObject({ status: 413 });
});

test('long names past the path budget fail with 413, not gigabytes of names in memory', async () => {
  const name = `${'a/'.repeat(2000)}x`;
  const tar = await layerTar(
    Array.from({ length: 20 }, (_, i) => ({ name: `${name}${i}`, body: '' })),
    'gzip',
  );
  await expect(scanLayer(Readable.from([tar]), 'gzip', 1000, 40_000)).rejects.toMatchObject({
    status: 413,
    message: expect.stringContaining('too long to list'),
  });
  await expect(scanLayer(Readable.from([tar]), 'gzip', 1000, 200_000)).resolves.toHaveLength(20);
});
