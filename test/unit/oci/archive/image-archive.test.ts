import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { describe, expect, test } from 'vitest';
import {
  archiveStream,
  planArchive,
  type ArchiveBlob,
  type ArchiveInput,
} from '../../../../src/oci/index.js';

const blob = (text: string): { blob: ArchiveBlob; bytes: Buffer } => {
  const bytes = Buffer.from(text);
  return {
    blob: { digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, size: bytes.length },
    bytes,
  };
};

const manifest = blob('{"schemaVersion":2}');
const config = blob('{"config":{}}');
const layer = blob('x'.repeat(1500));
const sha512 = { blob: { digest: `sha512:${'ab'.repeat(64)}`, size: 3 }, bytes: Buffer.from('abc') };
const all = [manifest, config, layer, sha512];
const open = (b: ArchiveBlob) =>
  Promise.resolve(Readable.from([all.find((x) => x.blob.digest === b.digest)!.bytes]));

const input = (format: ArchiveInput['format']): ArchiveInput => ({
  format,
  root: {
    digest: manifest.blob.digest,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    size: manifest.blob.size,
  },
  refName: 'v1',
  docker: { config: config.blob.digest, layers: [layer.blob.digest] },
  repoTags: ['acme/images/web:v1'],
  blobs: [layer.blob, manifest.blob, config.blob, sha512.blob, layer.blob],
});

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function entriesOf(tar: Buffer): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  const unpack = extract();
  unpack.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c) => chunks.push(c as Buffer));
    stream.on('end', () => {
      found[header.name] =
        `${header.type} ${header.mode?.toString(8)} ${header.uid}:${header.gid} ${header.mtime?.getTime()} ${Buffer.concat(chunks).toString()}`;
      next();
    });
  });
  await new Promise((resolve, reject) => {
    unpack.on('finish', () => resolve(undefined));
    unpack.on('error', reject);
    unpack.end(tar);
  });
  return found;
}

describe('planArchive and archiveStream', () => {
  test.each(['oci-archive', 'docker-archive'] as const)(
    '%s: exact length, same bytes every time, readable by tar',
    async (format) => {
      const plan = planArchive(input(format));
      const first = await bytesOf(archiveStream(plan, open));
      const second = await bytesOf(archiveStream(planArchive(input(format)), open));
      expect(first.length).toBe(plan.length);
      expect(first.equals(second)).toBe(true);
      const entries = await entriesOf(first);
      const names = Object.keys(entries);
      expect(names.slice(0, 2)).toEqual(['oci-layout', 'index.json']);
      expect(names.includes('manifest.json')).toBe(format === 'docker-archive');
      expect(entries[`blobs/sha256/${layer.blob.digest.slice(7)}`]).toBe(
        `file 644 0:0 0 ${'x'.repeat(1500)}`,
      );
      // A name over 100 bytes goes through a PAX record.
      expect(entries[`blobs/sha512/${'ab'.repeat(64)}`]).toBe('file 644 0:0 0 abc');
      expect(entries['blobs/']).toMatch(/^directory 755/);
      expect(JSON.parse(entries['index.json']!.split(' ').slice(4).join(' '))).toEqual({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: manifest.blob.digest,
            size: manifest.blob.size,
            annotations: { 'org.opencontainers.image.ref.name': 'v1' },
          },
        ],
      });
      if (format === 'docker-archive') {
        expect(JSON.parse(entries['manifest.json']!.split(' ').slice(4).join(' '))).toEqual([
          {
            Config: `blobs/sha256/${config.blob.digest.slice(7)}`,
            RepoTags: ['acme/images/web:v1'],
            Layers: [`blobs/sha256/${layer.blob.digest.slice(7)}`],
          },
        ]);
      }
    },
  );

  test('blobs are listed once, in digest order', () => {
    const names = planArchive(input('oci-archive')).entries.map((e) => e.name);
    const blobs = names.filter((n) => /^blobs\/sha\d+\/./.test(n));
    expect(blobs).toEqual([...new Set(blobs)].sort());
    expect(blobs).toHaveLength(4);
  });

  test('a blob that gives fewer or more bytes than its size fails the stream', async () => {
    const plan = planArchive(input('oci-archive'));
    const short = (b: ArchiveBlob) => Promise.resolve(Readable.from([Buffer.alloc(Math.max(0, b.size - 1))]));
    await expect(bytesOf(archiveStream(plan, short))).rejects.toThrow(/expected/);
    const long = (b: ArchiveBlob) => Promise.resolve(Readable.from([Buffer.alloc(b.size + 1)]));
    await expect(bytesOf(archiveStream(plan, long))).rejects.toThrow(/expected/);
  });
});
