/**
 * An abort while the POST that opens an upload is in flight: the registry opens the session
 * anyway, so the client waits for its URL and cancels it (DELETE) instead of leaving a session
 * nobody knows the URL of.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RegistryClient } from '../../../src/client/index.js';

const log: string[] = [];
let server: Server;
let host: string;
let postArrived: () => void;
const arrived = new Promise<void>((resolve) => (postArrived = resolve));

beforeAll(async () => {
  server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    req.resume();
    if (req.url === '/v2/') return void res.writeHead(200).end();
    if (req.method === 'POST') {
      postArrived();
      // The session exists from now on; the answer comes late.
      setTimeout(() => res.writeHead(202, { location: '/v2/team/app/blobs/uploads/session-1' }).end(), 300);
      return;
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('a session opened by a POST that an abort overtook is cancelled', async () => {
  const client = new RegistryClient({ insecure: [host], retries: 0 });
  const controller = new AbortController();
  try {
    const upload = client.uploadStream(`${host}/team/app`, Readable.from([Buffer.from('layer bytes')]), {
      signal: controller.signal,
    });
    await arrived;
    controller.abort(new Error('user cancelled'));
    await expect(upload).rejects.toThrow('user cancelled');
    expect(log).toContain('DELETE /v2/team/app/blobs/uploads/session-1');
    expect(log.some((line) => line.startsWith('PATCH'))).toBe(false);
  } finally {
    await client.close();
  }
});
