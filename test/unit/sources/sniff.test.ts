import { Readable } from 'node:stream';
import { gzipSync, zstdCompressSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { detectBlobCompression } from '../../../src/sources/sniff.js';
import { detectCompression } from '../../../src/sources/index.js';
import { randomLayer, sha256 } from './fixtures.js';

describe('detectCompression', () => {
  test.each([
    ['gzip', gzipSync(Buffer.from('x'))],
    ['zstd', zstdCompressSync(Buffer.from('x'))],
    ['bzip2', Buffer.from('BZh91AY&SY')],
    ['xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00])],
    ['none', Buffer.from('plain tar bytes')],
    ['none', Buffer.from([0x1f, 0x8b])],
    ['none', Buffer.alloc(0)],
  ])('%s', (expected, bytes) => {
    expect(detectCompression(bytes)).toBe(expected);
  });

  test('detectBlobCompression reads only the first bytes, whatever the media type says', async () => {
    const tar = await randomLayer(51, 5, 100_000);
    let pulled = 0;
    const blob = {
      descriptor: {
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        digest: sha256(tar),
        size: tar.length,
      },
      open: () =>
        Promise.resolve(
          Readable.from(
            (function* () {
              for (let i = 0; i < tar.length; i += 1024) {
                pulled++;
                yield tar.subarray(i, i + 1024);
              }
            })(),
          ),
        ),
    };
    expect(await detectBlobCompression(blob)).toBe('none');
    expect(pulled).toBeLessThan(5);
  });
});
