import type { S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { S3Driver } from '../../../../../src/registry/storage/s3/driver.js';

/** A client that records each command's name and input and answers like an empty bucket. */
function recordingClient() {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      if (command.constructor.name === 'CreateMultipartUploadCommand') return { UploadId: 'u1' };
      if (command.constructor.name === 'UploadPartCopyCommand') return { CopyPartResult: { ETag: '"e"' } };
      if (command.constructor.name === 'GetObjectCommand') {
        return { Body: { transformToByteArray: async () => new TextEncoder().encode(state) } };
      }
      return {};
    },
  };
  let state = '';
  return { client: client as unknown as S3Client, sent, setState: (text: string) => (state = text) };
}

describe('S3Driver requests', () => {
  test('every object it creates carries the configured server-side encryption, under the prefix', async () => {
    const { client, sent, setState } = recordingClient();
    const driver = new S3Driver(
      {
        bucket: 'b',
        prefix: '/fleet',
        serverSideEncryption: 'aws:kms',
        kmsKeyId: 'alias/r',
        partSize: 5 * 1024 * 1024,
      },
      client,
    );
    await driver.putContent('repositories/a/_manifests/tags/v1', 'sha256:x');
    setState(JSON.stringify({ version: 1, size: 0, pieces: [] }));
    await driver.append(
      'repositories/a/_uploads/u/data',
      0,
      Readable.from([Buffer.alloc(6 * 1024 * 1024)]),
      () => undefined,
    );
    setState(
      JSON.stringify({
        version: 1,
        size: 12,
        pieces: [
          { object: 'fleet/repositories/a/_uploads/u/data.1', size: 6 },
          { object: 'fleet/repositories/a/_uploads/u/data.2', size: 6 },
        ],
      }),
    );
    await driver.commitResumable('repositories/a/_uploads/u/data', 'blobs/sha256/ab/abc');
    const creating = sent.filter((c) =>
      ['PutObjectCommand', 'CreateMultipartUploadCommand', 'CopyObjectCommand'].includes(c.name),
    );
    expect(creating.length).toBeGreaterThanOrEqual(4);
    for (const command of creating) {
      expect(command.input).toMatchObject({
        Bucket: 'b',
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: 'alias/r',
      });
      expect(String(command.input.Key)).toMatch(/^fleet\//);
    }
    const joined = sent.find((c) => c.name === 'CreateMultipartUploadCommand');
    expect(joined?.input.Key).toBe('fleet/blobs/sha256/ab/abc');
    const copies = sent.filter((c) => c.name === 'UploadPartCopyCommand').map((c) => c.input.CopySource);
    expect(copies).toEqual([
      'b/fleet/repositories/a/_uploads/u/data.1',
      'b/fleet/repositories/a/_uploads/u/data.2',
    ]);
  });
});
